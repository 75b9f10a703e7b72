using Community.Grains.Members;

namespace Community.Grains.Storage;

/// <summary>A member as a directory query found them, and whether the viewer shares a room or a DM with them.</summary>
public sealed record DirectoryEntry(MemberProfile Profile, bool RoomMate);
