using Community.Grains.Audit;
using Community.Grains.Members;

namespace Community.Grains.Storage;

public interface IMemberStore
{
    Task<MemberRecord?> GetAsync(string memberId);

    Task<MemberRecord?> GetByHandleAsync(string handle);

    Task<MemberCredentials?> GetCredentialsAsync(string handle);

    /// <summary>
    /// Creates a member, and records <paramref name="audit"/> with it when given; false when the handle is taken.
    /// The broadcast channel's grain enrols them.
    /// </summary>
    Task<bool> CreateAsync(MemberProfile profile, string passwordHash, AuditEntry? audit = null);

    /// <summary>Writes a profile (its member's grain is the only writer).</summary>
    Task UpdateProfileAsync(MemberProfile profile);

    /// <summary>Members whose name, handle, headline, company, departments or tags contain <paramref name="query"/>, ordered by handle after <paramref name="afterHandle"/>.</summary>
    Task<IReadOnlyList<MemberProfile>> SearchAsync(string? query, int limit, string? afterHandle);

    /// <summary>
    /// <see cref="SearchAsync"/> as <paramref name="viewer"/> may see it: members who hide from the directory are left out
    /// in the query itself (pages stay full), except the viewer and for a viewer who sees everything. With
    /// <paramref name="openTo"/>, only members open to any of those kinds who show it to the viewer (see <see cref="MemberProfile.OpenTo"/>).
    /// </summary>
    Task<IReadOnlyList<DirectoryEntry>> SearchDirectoryAsync(string? query, int limit, string? afterHandle, DirectoryViewer viewer,
        IReadOnlyCollection<string>? openTo = null);

    /// <summary>Those of <paramref name="others"/> who share a room other than the broadcast channel, or a DM thread, with <paramref name="memberId"/>.</summary>
    Task<IReadOnlySet<string>> RoomMatesAmongAsync(string memberId, IReadOnlyCollection<string> others);

    Task<IReadOnlyList<MemberProfile>> GetManyAsync(IReadOnlyCollection<string> memberIds);

    /// <summary>The ids of the members with these handles, by handle; unknown handles are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> FindIdsByHandlesAsync(IReadOnlyCollection<string> handles);

    /// <summary>Suspends or reinstates a member and records <paramref name="audit"/> with it; false (and nothing recorded) when there is no such member.</summary>
    Task<bool> SetSuspendedAsync(string memberId, bool suspended, AuditEntry? audit = null);

    /// <summary>
    /// In one transaction: writes the erased profile, marks the member deleted and suspended (their tokens stop working,
    /// sign-in fails: the password hash is gone), records <paramref name="audit"/> and leaves <paramref name="departure"/>
    /// (what becomes of their messages, <see cref="Members.Departures"/>) pending until <see cref="CompleteDepartureAsync"/>.
    /// </summary>
    Task DeleteAccountAsync(MemberProfile erased, AuditEntry audit, string departure);

    /// <summary>The departure a deleted account still has pending (<see cref="Members.Departures"/>), or null.</summary>
    Task<string?> PendingDepartureAsync(string memberId);

    /// <summary>Marks a deleted account's departure done: every room it was in has been told.</summary>
    Task CompleteDepartureAsync(string memberId);

    /// <summary>Replaces the password hash if it is still <paramref name="expectedHash"/>; false when it is not (or no such member).</summary>
    Task<bool> SetPasswordHashAsync(string memberId, string expectedHash, string newHash);
}
