using Community.Grains.Audit;

namespace Community.Grains.Storage;

/// <summary>
/// The audit log: append and read, nothing else. Actions that are one write of a store record their
/// entry in that write's transaction (the store methods that take an <see cref="AuditEntry"/>);
/// <see cref="AddAsync"/> is for the rest.
/// </summary>
public interface IAuditStore
{
    Task AddAsync(AuditEntry entry);

    /// <summary>
    /// Up to <paramref name="limit"/> entries, newest first, older than <paramref name="beforeId"/> when given,
    /// of one action and one actor when given.
    /// </summary>
    Task<IReadOnlyList<AuditRecord>> PageAsync(long? beforeId, int limit, string? action, string? actorId);
}
