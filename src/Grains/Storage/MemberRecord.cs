using Community.Grains.Members;

namespace Community.Grains.Storage;

/// <summary>A stored member: the profile and the version that fences profile writes.</summary>
public sealed record MemberRecord(MemberProfile Profile, long Version, bool Suspended);
