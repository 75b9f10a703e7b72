using Community.Grains.Audit;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;
using System.Data.Common;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class MemberStore(IDbConnectionFactory database, ISqlDialect sql) : IMemberStore
{
    public async Task<MemberRecord?> GetAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>($"SELECT {MemberRow.Columns} FROM members WHERE id = @memberId", new { memberId });
        return row?.ToRecord();
    }

    public async Task<MemberRecord?> GetByHandleAsync(string handle)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>($"SELECT {MemberRow.Columns} FROM members WHERE handle = @handle", new { handle });
        return row?.ToRecord();
    }

    public async Task<MemberCredentials?> GetCredentialsAsync(string handle)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>($"SELECT {MemberRow.Columns} FROM members WHERE handle = @handle", new { handle });
        return row is null ? null : new MemberCredentials(row.id, row.password_hash, row.suspended);
    }

    public async Task<bool> CreateAsync(MemberProfile profile, string passwordHash, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await InsertAsync(connection, transaction, sql, profile, passwordHash)) return false;
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Inserts the member; false when the handle, or one that looks like it, is taken, and the caller then leaves the transaction uncommitted.</summary>
    internal static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, ISqlDialect sql, MemberProfile p, string passwordHash)
    {
        try
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO members (id, handle, handle_key, display_name, role, headline, bio, current_company, former_departments, tags, status, joined_at, password_hash, search_text, version)
                VALUES (@Id, @Handle, @handleKey, @DisplayName, @Role, @Headline, @Bio, @CurrentCompany, @departments, @tags, @Status, @joinedAt, @passwordHash, @searchText, 1)
                """,
                new
                {
                    p.Id, p.Handle, handleKey = Handles.KeyOf(p.Handle), p.DisplayName, p.Role, p.Headline, p.Bio, p.CurrentCompany, p.Status,
                    departments = StoredValues.List(p.FormerDepartments), tags = StoredValues.List(p.Tags),
                    joinedAt = StoredValues.Time(p.JoinedAt), passwordHash, searchText = MemberSearchText.Of(p),
                }, transaction);
            return true;
        }
        catch (DbException e) when (sql.IsHandleTaken(e))
        {
            return false;
        }
    }

    public async Task UpdateProfileAsync(MemberProfile p)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE members SET display_name = @DisplayName, headline = @Headline, bio = @Bio, current_company = @CurrentCompany,
                former_departments = @departments, tags = @tags, status = @Status, search_text = @searchText,
                fields_visible_to = @fieldsVisibleTo, listed = @listed, open_to = @openTo
            WHERE id = @Id
            """,
            new
            {
                p.Id, p.DisplayName, p.Headline, p.Bio, p.CurrentCompany, p.Status,
                departments = StoredValues.List(p.FormerDepartments), tags = StoredValues.List(p.Tags),
                searchText = MemberSearchText.Of(p),
                fieldsVisibleTo = p.Privacy.FieldsVisibleTo, listed = p.Privacy.Listed, openTo = StoredValues.List(p.OpenTo),
            });
    }

    public async Task<IReadOnlyList<MemberProfile>> SearchAsync(string? query, int limit, string? afterHandle)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MemberRow>(
            $"""
            SELECT {MemberRow.Columns} FROM members
            WHERE (CAST(@query AS text) IS NULL OR {sql.Contains("search_text", "@query")}) AND (CAST(@afterHandle AS text) IS NULL OR handle > @afterHandle)
            ORDER BY handle LIMIT @limit
            """,
            new { query = string.IsNullOrWhiteSpace(query) ? null : StoredValues.Folded(query.Trim()), afterHandle, limit });
        return rows.Select(r => r.ToProfile()).ToArray();
    }

    public async Task<IReadOnlyList<DirectoryEntry>> SearchDirectoryAsync(string? query, int limit, string? afterHandle, DirectoryViewer viewer,
        IReadOnlyCollection<string>? openTo = null)
    {
        await using var connection = await database.OpenAsync();
        var kinds = openTo is { Count: > 0 } ? openTo.Distinct(StringComparer.Ordinal).ToArray() : [];
        var parameters = new DynamicParameters(new
        {
            query = string.IsNullOrWhiteSpace(query) ? null : StoredValues.Folded(query.Trim()), afterHandle, limit,
            viewerId = viewer.MemberId, seesEverything = viewer.SeesEverything,
        });
        // Kinds are stored as a JSON list of plain words: each is found as its quoted self.
        for (var i = 0; i < kinds.Length; i++) parameters.Add($"openTo{i}", $"%\"{kinds[i]}\"%");
        var rows = await connection.QueryAsync<MemberRow>(
            $"""
            SELECT {MemberRow.Columns}, {RoomMateOf("members.id")} AS room_mate FROM members
            WHERE (CAST(@query AS text) IS NULL OR {sql.Contains("search_text", "@query")}) AND (CAST(@afterHandle AS text) IS NULL OR handle > @afterHandle)
                AND (listed OR @seesEverything OR id = @viewerId)
                {OpenToFilter(kinds.Length)}
            ORDER BY handle LIMIT @limit
            """,
            parameters);
        return rows.Select(r => new DirectoryEntry(r.ToProfile(), r.room_mate)).ToArray();
    }

    /// <summary>
    /// Members open to any of the kinds asked (<c>@openTo0</c>…), among those who show what they are open to to the
    /// viewer: the filter must not find a member by what they keep from the viewer.
    /// </summary>
    private static string OpenToFilter(int kinds) => kinds == 0 ? "" :
        $"""
        AND ({string.Join(" OR ", Enumerable.Range(0, kinds).Select(i => $"open_to LIKE @openTo{i}"))})
        AND (@seesEverything OR id = @viewerId OR fields_visible_to = '{FieldAudiences.Everyone}'
             OR (fields_visible_to = '{FieldAudiences.RoomMates}' AND {RoomMateOf("members.id")}))
        """;

    public async Task<IReadOnlySet<string>> RoomMatesAmongAsync(string memberId, IReadOnlyCollection<string> others)
    {
        if (others.Count == 0) return new HashSet<string>();
        await using var connection = await database.OpenAsync();
        var ids = await connection.QueryAsync<string>(
            $"SELECT id FROM members WHERE {sql.InList("id", "@others")} AND {RoomMateOf("members.id", "@memberId")}",
            new { memberId, others = others.ToArray() });
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when the viewer shares a room other than the broadcast channel (DM threads included) with <paramref name="member"/>.</summary>
    private static string RoomMateOf(string member, string viewer = "@viewerId") =>
        $"""
        EXISTS (SELECT 1 FROM room_members mine JOIN room_members theirs ON theirs.room_id = mine.room_id
                WHERE mine.member_id = {viewer} AND theirs.member_id = {member} AND mine.room_id <> '{BroadcastChannel.Id}')
        """;

    public async Task<IReadOnlyDictionary<string, string>> FindIdsByHandlesAsync(IReadOnlyCollection<string> handles)
    {
        if (handles.Count == 0) return new Dictionary<string, string>();
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Handle, string Id)>(
            $"SELECT handle, id FROM members WHERE {sql.InList("handle", "@handles")}", new { handles = handles.ToArray() });
        return rows.ToDictionary(r => r.Handle, r => r.Id);
    }

    public async Task<bool> SetSuspendedAsync(string memberId, bool suspended, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteAsync("UPDATE members SET suspended = @suspended WHERE id = @memberId", new { memberId, suspended }, transaction) == 0)
            return false;
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return true;
    }

    public async Task DeleteAccountAsync(MemberProfile erased, AuditEntry audit, string departure)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            UPDATE members SET display_name = '', headline = '', bio = '', current_company = '', former_departments = '[]', tags = '[]',
                status = '', search_text = '', open_to = '[]', fields_visible_to = @fieldsVisibleTo, listed = @listed, former = @former,
                suspended = @former, password_hash = '', departure = @departure
            WHERE id = @Id
            """,
            new { erased.Id, fieldsVisibleTo = erased.Privacy.FieldsVisibleTo, listed = erased.Privacy.Listed, former = true, departure },
            transaction);
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
    }

    public async Task<string?> PendingDepartureAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT departure FROM members WHERE id = @memberId", new { memberId });
    }

    public async Task CompleteDepartureAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE members SET departure = NULL WHERE id = @memberId", new { memberId });
    }

    public async Task<bool> SetPasswordHashAsync(string memberId, string expectedHash, string newHash)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            "UPDATE members SET password_hash = @newHash WHERE id = @memberId AND password_hash = @expectedHash",
            new { memberId, expectedHash, newHash }) > 0;
    }

    public async Task<IReadOnlyList<MemberProfile>> GetManyAsync(IReadOnlyCollection<string> memberIds)
    {
        if (memberIds.Count == 0) return [];
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MemberRow>(
            $"SELECT {MemberRow.Columns} FROM members WHERE {sql.InList("id", "@memberIds")}", new { memberIds = memberIds.ToArray() });
        return rows.Select(r => r.ToProfile()).ToArray();
    }
}
