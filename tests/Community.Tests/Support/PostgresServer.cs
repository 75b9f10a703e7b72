using Npgsql;

namespace Community.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run (<see cref="PostgresCluster"/>), started
/// on first use. Tests get databases of their own from it, so they stay independent.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly int _port;
    private readonly NpgsqlDataSource _admin;

    private PostgresServer(int port)
    {
        _port = port;
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    /// <summary>Creates a new database, empty or as a copy of <paramref name="template"/>, and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null) =>
        await (await Shared.Value).CreateAsync("t_" + Guid.NewGuid().ToString("N"), ifMissing: false, template);

    /// <summary>The connection string of the database with this name, created when it does not exist yet.</summary>
    public static async Task<string> OpenDatabaseAsync(string name) => await (await Shared.Value).CreateAsync(name, ifMissing: true);

    /// <summary>Drops the database of a connection string, closing whatever connections still use it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Shared.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var command = server._admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync() => new(await PostgresCluster.StartAsync());

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    private async Task<string> CreateAsync(string name, bool ifMissing, string? template = null)
    {
        try
        {
            await using var command = _admin.CreateCommand($"CREATE DATABASE \"{name}\"{(template is null ? "" : $" TEMPLATE \"{template}\"")}");
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (ifMissing && e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
        return ConnectionString(name);
    }
}
