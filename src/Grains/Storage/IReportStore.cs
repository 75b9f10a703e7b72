using Community.Grains.Audit;
using Community.Grains.Moderation;

namespace Community.Grains.Storage;

public interface IReportStore
{
    Task AddAsync(Report report);

    /// <summary>The newest reports first.</summary>
    Task<IReadOnlyList<Report>> ListAsync(int limit);

    Task<Report?> GetAsync(string reportId);

    /// <summary>Closes an open report with its resolution and records <paramref name="audit"/> with it; false (nothing recorded) when it is resolved already.</summary>
    Task<bool> ResolveAsync(string reportId, ReportResolution resolution, AuditEntry audit);
}
