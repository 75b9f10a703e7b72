using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    // Dapper expands the list into one parameter per item.
    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public string Contains(string text, string part) => $"instr({text}, {part}) > 0";

    public string Greatest(string a, string b) => $"max({a}, {b})";

    public string AnyOf(string condition) => $"MAX({condition})";

    public bool IsHandleTaken(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } && e.Message.Contains("members.handle", StringComparison.Ordinal);

    public bool IsDuplicateClientMessage(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } && e.Message.Contains("messages.client_msg_id", StringComparison.Ordinal);
}
