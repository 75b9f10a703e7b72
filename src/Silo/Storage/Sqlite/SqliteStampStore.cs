using Community.Grains.Stamps;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteStampStore(SqliteDatabase database) : IStampStore
{
    public async Task<IReadOnlyList<StampPack>> ListPacksAsync()
    {
        await using var connection = await database.OpenAsync();
        var packs = await connection.QueryAsync<(string Id, string Name)>("SELECT id, name FROM stamp_packs ORDER BY created_at, id");
        var stamps = (await connection.QueryAsync<(string Id, string PackId, string Label)>(
                "SELECT id, pack_id, label FROM stamps ORDER BY pack_id, position"))
            .ToLookup(s => s.PackId, s => new Stamp(s.Id, s.Label, StampUrls.Image(s.Id)));
        return packs.Select(p => new StampPack(p.Id, p.Name, stamps[p.Id].ToArray())).ToArray();
    }

    public async Task<StampImage?> GetImageAsync(string stampId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ImageRow>(
            "SELECT content_type AS ContentType, image AS Image, etag AS ETag FROM stamps WHERE id = @stampId", new { stampId });
        return row is null ? null : new StampImage(row.ContentType, row.Image, row.ETag);
    }

    public async Task<bool> ExistsAsync(string stampId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stamps WHERE id = @stampId", new { stampId }) > 0;
    }

    public async Task<bool> AddPackAsync(string packId, string name, IReadOnlyList<NewStamp> stamps, DateTimeOffset createdAt)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var added = await connection.ExecuteAsync("INSERT OR IGNORE INTO stamp_packs (id, name, created_at) VALUES (@packId, @name, @createdAt)",
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
        await transaction.CommitAsync();
        return true;
    }

    private sealed class ImageRow
    {
        public string ContentType { get; set; } = "";
        public byte[] Image { get; set; } = [];
        public string ETag { get; set; } = "";
    }
}
