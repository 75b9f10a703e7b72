using Community.Grains.Members;

namespace Community.Grains.Storage;

public interface IMemberStore
{
    Task<MemberRecord?> GetAsync(string memberId);

    Task<MemberRecord?> GetByHandleAsync(string handle);

    Task<MemberCredentials?> GetCredentialsAsync(string handle);

    /// <summary>Creates a member, enrolled in the broadcast channel; false when the handle is taken.</summary>
    Task<bool> CreateAsync(MemberProfile profile, string passwordHash);

    /// <summary>Writes a profile; throws <see cref="Runtime.StaleStateException"/> when <paramref name="expectedVersion"/> is not current.</summary>
    Task<long> UpdateProfileAsync(MemberProfile profile, long expectedVersion);

    /// <summary>Members whose name, handle, headline, company, departments or tags contain <paramref name="query"/>, ordered by handle after <paramref name="afterHandle"/>.</summary>
    Task<IReadOnlyList<MemberProfile>> SearchAsync(string? query, int limit, string? afterHandle);

    Task<IReadOnlyList<MemberProfile>> GetManyAsync(IReadOnlyCollection<string> memberIds);

    /// <summary>The ids of the members with these handles, by handle; unknown handles are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindIdsByHandlesAsync(IReadOnlyCollection<string> handles);

    /// <summary>Suspends or reinstates a member; false when there is no such member.</summary>
    Task<bool> SetSuspendedAsync(string memberId, bool suspended);
}
