using Community.Grains.Runtime;

namespace Community.Grains.Members;

/// <summary>One member: their profile and the rooms they belong to. Keyed by member id.</summary>
public interface IMemberGrain : IGrain
{
    /// <summary>The profile, or null when no such member exists.</summary>
    Task<MemberProfile?> GetAsync();

    Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>The ids of the rooms and DM threads the member belongs to.</summary>
    Task<IReadOnlyList<string>> GetRoomIdsAsync();

    /// <summary>Told by a room grain when the member joined or left it.</summary>
    Task OnMembershipChangedAsync(string roomId, bool joined);
}
