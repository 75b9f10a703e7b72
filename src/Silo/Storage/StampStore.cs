using Community.Grains.Audit;
using Community.Grains.Stamps;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class StampStore(IDbConnectionFactory database) : IStampStore
{
    public async Task<IReadOnlyList<StampPack>> ListPacksAsync()
    {
        await using var connection = await database.OpenAsync();
        var packs = await connection.QueryAsync<(string Id, string Name)>("SELECT id, name FROM stamp_packs WHERE removed_at IS NULL ORDER BY created_at, id");
        var stamps = (await connection.QueryAsync<(string Id, string PackId, string Label)>(
                "SELECT id, pack_id, label FROM stamps ORDER BY pack_id, position"))
            .ToLookup(s => s.PackId, s => new Stamp(s.Id, s.Label, StampUrls.Image(s.Id)));
        return packs.Select(p => new StampPack(p.Id, p.Name, stamps[p.Id].ToArray())).ToArray();
    }

    public async Task<StampImage?> GetImageAsync(string stampId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string ContentType, byte[] Image, string ETag)>(
            "SELECT content_type, image, etag FROM stamps WHERE id = @stampId", new { stampId });
        return rows.Select(r => new StampImage(r.ContentType, r.Image, r.ETag)).SingleOrDefault();
    }

    public async Task<bool> ExistsAsync(string stampId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM stamps s JOIN stamp_packs p ON p.id = s.pack_id WHERE s.id = @stampId AND p.removed_at IS NULL", new { stampId }) > 0;
    }

    public async Task<bool> AddPackAsync(string packId, string name, IReadOnlyList<NewStamp> stamps, DateTimeOffset createdAt, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Nodes that start at once all offer the default pack: one adds it, the others wait on its key and add nothing.
        var added = await connection.ExecuteAsync(
            "INSERT INTO stamp_packs (id, name, created_at) VALUES (@packId, @name, @createdAt) ON CONFLICT (id) DO NOTHING",
            new { packId, name, createdAt = StoredValues.Time(createdAt) }, transaction);
        if (added == 0) return false;
        for (var position = 0; position < stamps.Count; position++)
        {
            var stamp = stamps[position];
            await connection.ExecuteAsync(
                "INSERT INTO stamps (id, pack_id, label, content_type, image, etag, position) VALUES (@Id, @packId, @Label, @contentType, @image, @etag, @position)",
                new { stamp.Id, packId, stamp.Label, contentType = stamp.Image.ContentType, image = stamp.Image.Bytes, etag = stamp.Image.ETag, position },
                transaction);
        }
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return true;
    }

    public async Task<bool> RemovePackAsync(string packId, DateTimeOffset removedAt, AuditEntry audit)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var removed = await connection.ExecuteAsync("UPDATE stamp_packs SET removed_at = @removedAt WHERE id = @packId AND removed_at IS NULL",
            new { packId, removedAt = StoredValues.Time(removedAt) }, transaction);
        if (removed == 0) return false;
        await AuditLog.InsertAsync(connection, transaction, audit);
        await transaction.CommitAsync();
        return true;
    }
}
