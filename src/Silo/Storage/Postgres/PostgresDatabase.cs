using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Community.Silo.Storage.Postgres;

/// <summary>Opens pooled connections to the network's PostgreSQL database.</summary>
internal sealed class PostgresDatabase : IDbConnectionFactory, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(string connectionString, ILoggerFactory? loggerFactory = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();
        var settings = builder.ConnectionStringBuilder;
        // For logs: where the data is, never the password.
        Name = $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    public string Name { get; }

    public ValueTask<NpgsqlConnection> OpenAsync() => _dataSource.OpenConnectionAsync();

    async Task<DbConnection> IDbConnectionFactory.OpenAsync() => await _dataSource.OpenConnectionAsync().ConfigureAwait(false);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
