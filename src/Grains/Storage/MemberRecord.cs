using Community.Grains.Members;

namespace Community.Grains.Storage;

/// <summary>A stored member: the profile, and whether the member is suspended.</summary>
public sealed record MemberRecord(MemberProfile Profile, bool Suspended);
