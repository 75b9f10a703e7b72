using Community.Grains.Rooms;
using Community.Grains.Runtime;

namespace Community.Grains.Members;

/// <summary>One member: their profile, and the rooms they belong to with how far they have read. Keyed by member id.</summary>
public interface IMemberGrain : IGrain
{
    /// <summary>The profile, or null when no such member exists.</summary>
    Task<MemberProfile?> GetAsync();

    Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>Every room, DM thread and channel the member belongs to, with their read markers, most recently active first.</summary>
    Task<IReadOnlyList<RoomView>> GetRoomsAsync();
}
