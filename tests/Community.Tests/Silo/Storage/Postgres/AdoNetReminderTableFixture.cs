using Community.Silo.Storage.Postgres;
using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Hosting;

namespace Community.Tests.Silo.Storage.Postgres;

/// <summary>Orleans' ADO.NET reminder table over a new PostgreSQL database that the node's migrator prepared.</summary>
public sealed class AdoNetReminderTableFixture : ReminderTableFixture
{
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is created first.");

    protected override async Task CreateDatabaseAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(_connectionString);
        await new PostgresMigrator(database, NullLogger<PostgresMigrator>.Instance).MigrateAsync();
    }

    protected override void AddReminderTable(IServiceCollection services) =>
        services.UseAdoNetReminderService(options => options.Configure(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = ConnectionString;
        }));

    protected override async Task DeleteDatabaseAsync()
    {
        if (_connectionString is not null) await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
