using Community.Grains.Moderation;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class ReportStore(IDbConnectionFactory database) : IReportStore
{
    public async Task AddAsync(Report report)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO reports (id, room_id, seq, reporter_id, reason, created_at) VALUES (@Id, @RoomId, @Seq, @ReporterId, @Reason, @createdAt)",
            new { report.Id, report.RoomId, report.Seq, report.ReporterId, report.Reason, createdAt = StoredValues.Time(report.CreatedAt) });
    }

    public async Task<IReadOnlyList<Report>> ListAsync(int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Id, string RoomId, long Seq, string ReporterId, string Reason, long CreatedAt)>(
            "SELECT id, room_id, seq, reporter_id, reason, created_at FROM reports ORDER BY created_at DESC, id LIMIT @limit", new { limit });
        return rows.Select(r => new Report(r.Id, r.RoomId, r.Seq, r.ReporterId, r.Reason, StoredValues.Time(r.CreatedAt))).ToArray();
    }
}
