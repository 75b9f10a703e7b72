using Community.Grains.Audit;
using Community.Grains.Rooms;

namespace Community.Grains.Storage;

/// <summary>Rooms and DM threads, their members and read markers.</summary>
public interface IRoomStore
{
    Task<RoomSnapshot?> LoadAsync(string roomId);

    /// <summary>Creates a room with its first members; false when the id exists already.</summary>
    Task<bool> CreateAsync(RoomInfo info, IReadOnlyList<RoomMember> members);

    /// <summary>Writes name and topic (the room's grain is the only writer of a room).</summary>
    Task UpdateInfoAsync(RoomInfo info);

    /// <summary>Sets the room's notice, or clears it (null).</summary>
    Task SetNoticeAsync(string roomId, RoomNotice? notice);

    /// <summary>Adds a member; adding one who is there already is a no-op.</summary>
    Task AddMemberAsync(RoomMember member);

    /// <summary>Takes a member out of a room, and records <paramref name="audit"/> with it when given.</summary>
    Task RemoveMemberAsync(string roomId, string memberId, AuditEntry? audit = null);

    /// <summary>The seq of the room's last message as stored now (0 for an empty or unknown room).</summary>
    Task<long> GetLastSeqAsync(string roomId);

    /// <summary>Moves a read marker forward (never back).</summary>
    Task SetReadSeqAsync(string roomId, string memberId, long seq);

    /// <summary>Sets until when the member muted the room's notifications (null: not muted).</summary>
    Task SetNotificationsMutedUntilAsync(string roomId, string memberId, DateTimeOffset? until);

    /// <summary>
    /// Everyone who shares a room with the member other than <paramref name="exceptRoomId"/>
    /// (the broadcast channel, which holds every member); a DM is a room.
    /// </summary>
    Task<IReadOnlyList<string>> ListCoMemberIdsAsync(string memberId, string exceptRoomId);

    /// <summary>Every room the member belongs to, most recently active first.</summary>
    Task<IReadOnlyList<RoomListing>> ListForMemberAsync(string memberId);

    /// <summary>Public rooms whose name or topic contains <paramref name="query"/>.</summary>
    Task<IReadOnlyList<RoomListing>> DiscoverAsync(string? query, string viewerId, int limit);
}
