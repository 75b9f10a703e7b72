using Community.Grains.Conversations;
using Community.Grains.Rooms;

namespace Community.Grains.Members;

/// <summary>
/// One member: their profile, their rooms with how far they have read, whether they are online,
/// their sessions and suspension. Keyed by member id.
/// </summary>
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when no such member exists.</summary>
    Task<MemberProfile?> GetAsync();

    Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>Every room, DM thread and channel the member belongs to, with their read markers, most recently active first.</summary>
    Task<IReadOnlyList<RoomView>> GetRoomsAsync();

    /// <summary>A hub connection of the member opened on <paramref name="nodeId"/>; announced online when it is their first anywhere.</summary>
    Task ConnectedAsync(string nodeId, string connectionId);

    /// <summary>A hub connection of the member closed; announced offline when it was their last anywhere.</summary>
    Task DisconnectedAsync(string connectionId);

    /// <summary>The node that held connections of the member is gone, and with it the last of them: announced offline.</summary>
    Task WentOfflineAsync();

    /// <summary>Signs one session out by its token (sign-out): the token stops working and the connections opened with it close.</summary>
    Task RevokeTokenAsync(string tokenHash);

    /// <summary>Signs one of the member's sessions out by its id; false when the member has no such live session.</summary>
    Task<bool> RevokeSessionAsync(string sessionId);

    /// <summary>Signs out every session of the member but <paramref name="keepSessionId"/> (every one when null).</summary>
    Task RevokeSessionsAsync(string? keepSessionId);

    /// <summary>
    /// Replaces the password hash, provided it is still <paramref name="currentHash"/> (the one the caller checked the
    /// current password against), and signs out every other session; false when the password changed meanwhile.
    /// </summary>
    Task<bool> ChangePasswordAsync(string currentHash, string newHash, string keepSessionId);

    /// <summary>Every token revoked, every connection closed, sign-in refused until <see cref="UnsuspendAsync"/>; recorded in the audit log.</summary>
    Task SuspendAsync(Actor by);

    /// <summary>
    /// Deletes the account: in one write, sign-in closed, every token refused, the profile erased (the handle stays
    /// reserved) and the departure recorded; then every token revoked, every connection closed, the e-mail address
    /// forgotten, and each room told (their messages erased there when <paramref name="messages"/> is
    /// <see cref="Departures.Erase"/>, kept as a former member's otherwise; memberships of rooms ended, DMs kept). A
    /// departure cut short by a failure is taken up again by a reminder until it is complete. Recorded in the audit log.
    /// </summary>
    Task DeleteAccountAsync(Actor by, string messages);

    /// <summary>Allows sign-in again; recorded in the audit log.</summary>
    Task UnsuspendAsync(Actor by);
}
