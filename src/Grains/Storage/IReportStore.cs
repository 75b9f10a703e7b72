using Community.Grains.Moderation;

namespace Community.Grains.Storage;

public interface IReportStore
{
    Task AddAsync(Report report);

    /// <summary>The newest reports first.</summary>
    Task<IReadOnlyList<Report>> ListAsync(int limit);
}
