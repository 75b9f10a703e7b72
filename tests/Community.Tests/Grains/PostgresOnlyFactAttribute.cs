using Community.Tests.Support;

namespace Community.Tests.Grains;

/// <summary>A fact that runs when the tests run on PostgreSQL; on SQLite it is reported skipped, with the reason given.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute(string whyNotOnSqlite)
    {
        if (!TestStore.IsPostgres) Skip = whyNotOnSqlite;
    }
}
