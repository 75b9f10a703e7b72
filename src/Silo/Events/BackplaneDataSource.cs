using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Community.Silo.Events;

/// <summary>The backplane's own connections to PostgreSQL, apart from the data's: one listens, one publishes.</summary>
internal sealed class BackplaneDataSource(IConfiguration configuration) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required for the PostgreSQL backplane."))
        {
            // LISTEN needs a session that no pooled reuse will reset, and keepalives notice a dead server.
            KeepAlive = 15,
            ApplicationName = "community-backplane",
        }.ConnectionString);

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
