using System.Data.Common;

namespace Community.Silo.Storage;

/// <summary>The few points where the stores' SQL differs between SQLite and PostgreSQL.</summary>
internal interface ISqlDialect
{
    /// <summary>A test that <paramref name="column"/> is one of the array parameter <paramref name="parameter"/> (pass it an array).</summary>
    string InList(string column, string parameter);

    /// <summary>A test that <paramref name="text"/> contains <paramref name="part"/>.</summary>
    string Contains(string text, string part);

    /// <summary>The larger of two values.</summary>
    string Greatest(string a, string b);

    /// <summary>An aggregate that is true when <paramref name="condition"/> holds for any row of the group.</summary>
    string AnyOf(string condition);

    /// <summary>Whether the error is the unique index on <c>members.handle</c> or <c>members.handle_key</c> refusing a second member.</summary>
    bool IsHandleTaken(DbException e);

    /// <summary>Whether the error is the unique index on a sender's client message ids in a room refusing a repeat.</summary>
    bool IsDuplicateClientMessage(DbException e);
}
