using Community.Grains.Audit;
using Community.Grains.Stamps;

namespace Community.Grains.Storage;

public interface IStampStore
{
    /// <summary>The packs members can send from: every pack not removed.</summary>
    Task<IReadOnlyList<StampPack>> ListPacksAsync();

    Task<StampImage?> GetImageAsync(string stampId);

    /// <summary>Whether the stamp exists in a pack that is not removed, so that it can be sent.</summary>
    Task<bool> ExistsAsync(string stampId);

    /// <summary>Adds a pack with its stamps, and <paramref name="audit"/> when given, in one transaction; false (nothing written) when the pack id exists.</summary>
    Task<bool> AddPackAsync(string packId, string name, IReadOnlyList<NewStamp> stamps, DateTimeOffset createdAt, AuditEntry? audit = null);

    /// <summary>
    /// Removes a pack from the list members send from, and records <paramref name="audit"/> with it; its images stay,
    /// for the messages that show them. False (nothing recorded) when there is no such pack or it is removed already.
    /// </summary>
    Task<bool> RemovePackAsync(string packId, DateTimeOffset removedAt, AuditEntry audit);
}
