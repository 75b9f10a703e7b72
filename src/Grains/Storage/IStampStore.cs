using Community.Grains.Stamps;

namespace Community.Grains.Storage;

public interface IStampStore
{
    Task<IReadOnlyList<StampPack>> ListPacksAsync();

    Task<StampImage?> GetImageAsync(string stampId);

    Task<bool> ExistsAsync(string stampId);

    /// <summary>Adds a pack with its stamps in one transaction; false when the pack id exists.</summary>
    Task<bool> AddPackAsync(string packId, string name, IReadOnlyList<NewStamp> stamps, DateTimeOffset createdAt);
}
