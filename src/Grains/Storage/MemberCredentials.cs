namespace Community.Grains.Storage;

public sealed record MemberCredentials(string MemberId, string PasswordHash, bool Suspended);
