using System.Data.Common;
using Npgsql;

namespace Community.Silo.Storage.Postgres;

internal sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    private PostgresDialect()
    {
    }

    // Npgsql sends the array as one parameter.
    public string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public string Contains(string text, string part) => $"strpos({text}, {part}) > 0";

    public string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    public string AnyOf(string condition) => $"bool_or({condition})";

    public bool IsHandleTaken(DbException e) =>
        e is PostgresException p && (p.IsUniqueViolation("members_handle_unique") || p.IsUniqueViolation("members_handle_key"));

    public bool IsDuplicateClientMessage(DbException e) => e is PostgresException p && p.IsUniqueViolation("messages_client_msg");
}
