using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Community.Silo.Storage.Sqlite;

/// <summary>Opens connections to the network's SQLite file (WAL mode, pooled).</summary>
internal sealed class SqliteDatabase : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    public SqliteDatabase(IOptions<StorageOptions> options, IOptions<SqliteCheckpointOptions> checkpoints)
    {
        // With checkpoints in the background (SqliteCheckpointer), no commit checkpoints the log
        // itself; the log file is cut back to 64 MB when it starts over.
        _pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA journal_size_limit=67108864;" +
            (checkpoints.Value.InBackground ? " PRAGMA wal_autocheckpoint=0;" : "");
        var folder = Path.GetFullPath(options.Value.DataPath);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "community.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>
    /// Held by the file's upkeep (<see cref="SqliteUpkeep"/>) for each piece of its work, so that a checkpoint and a step of
    /// merging the search index never run at once: both write and sync, and side by side each took several times as long,
    /// the merge step holding the write lock (and the rooms' commits) all the while.
    /// </summary>
    public Lock Upkeep { get; } = new();

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        Prepare(connection);
        return connection;
    }

    /// <summary>A connection for work on a thread of its own (<see cref="SqliteUpkeep"/>), where blocking is expected.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Prepare(connection);
        return connection;
    }

    private void Prepare(SqliteConnection connection)
    {
        // fold(text): the NFKC, lower-cased form searches compare in (SQLite's lower() knows only ASCII).
        connection.CreateFunction("fold", (string? text) => text is null ? null : StoredValues.Folded(text), isDeterministic: true);
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas;
        pragmas.ExecuteNonQuery();
        SqliteBusyPolling.Install(connection);
    }

    async Task<DbConnection> IDbConnectionFactory.OpenAsync() => await OpenAsync().ConfigureAwait(false);
}
