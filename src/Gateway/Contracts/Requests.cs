namespace Community.Gateway.Contracts;

public sealed record RegisterRequest(string? InviteCode, string? Handle, string? DisplayName, string? Password);

public sealed record LoginRequest(string? Handle, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>Deleting one's own account: the password again, and what becomes of one's messages (<c>keep</c> or <c>erase</c>).</summary>
public sealed record DeleteAccountRequest(string? Password, string? Messages);

public sealed record CreateInvitationsRequest(int? Count, string? Role, int? ExpiresInDays, string? Note);

public sealed record CreateRoomRequest(string? Name, string? Topic, string? Visibility, string? Kind);

public sealed record UpdateRoomRequest(string? Name, string? Topic);

public sealed record MemberIdRequest(string? MemberId);
