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

    /// <summary>Signs one session out: the token stops working and the connections opened with it close.</summary>
    Task RevokeTokenAsync(string tokenHash);

    /// <summary>Every token revoked, every connection closed, sign-in refused until <see cref="UnsuspendAsync"/>.</summary>
    Task SuspendAsync();

    Task UnsuspendAsync();
}
