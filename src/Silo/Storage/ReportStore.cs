using Community.Grains.Audit;
using Community.Grains.Moderation;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class ReportStore(IDbConnectionFactory database) : IReportStore
{
    private const string Columns =
        "id AS Id, room_id AS RoomId, seq AS Seq, reporter_id AS ReporterId, reason AS Reason, created_at AS CreatedAt, " +
        "resolution AS Resolution, resolution_note AS ResolutionNote, resolved_by AS ResolvedBy, resolved_at AS ResolvedAt";

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
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM reports ORDER BY created_at DESC, id LIMIT @limit", new { limit });
        return rows.Select(r => r.ToReport()).ToArray();
    }

    public async Task<Report?> GetAsync(string reportId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM reports WHERE id = @reportId", new { reportId }))?.ToReport();
    }

    public async Task<bool> ResolveAsync(string reportId, ReportResolution resolution, AuditEntry audit)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var resolved = await connection.ExecuteAsync(
            """
            UPDATE reports SET resolution = @Outcome, resolution_note = @Note, resolved_by = @ResolvedBy, resolved_at = @resolvedAt
            WHERE id = @reportId AND resolved_at IS NULL
            """,
            new { reportId, resolution.Outcome, resolution.Note, resolution.ResolvedBy, resolvedAt = StoredValues.Time(resolution.ResolvedAt) },
            transaction);
        if (resolved == 0) return false;
        await AuditLog.InsertAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A <c>reports</c> row as read.</summary>
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string RoomId { get; set; } = "";
        public long Seq { get; set; }
        public string ReporterId { get; set; } = "";
        public string Reason { get; set; } = "";
        public long CreatedAt { get; set; }
        public string? Resolution { get; set; }
        public string? ResolutionNote { get; set; }
        public string? ResolvedBy { get; set; }
        public long? ResolvedAt { get; set; }

        public Report ToReport() => new(Id, RoomId, Seq, ReporterId, Reason, StoredValues.Time(CreatedAt),
            Resolution is null ? null : new ReportResolution(Resolution, ResolutionNote, ResolvedBy ?? "", StoredValues.Time(ResolvedAt ?? 0)));
    }
}
