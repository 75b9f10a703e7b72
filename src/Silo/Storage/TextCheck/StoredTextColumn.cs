using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Silo.Storage.TextCheck;

/// <summary>
/// A column of free text and the rule its values must keep: the rows it reads (keys first, the
/// text last) and what is wrong with a value, if anything.
/// </summary>
internal sealed record StoredTextColumn(string Table, string Column, string Rule, string Select, Func<string, string?> Problem)
{
    /// <summary>A column whose values must be what <paramref name="rule"/> keeps: valid, and already normalised.</summary>
    public static StoredTextColumn Of(string table, string keys, string column, TextRule rule, string? where = null) =>
        new(table, column, rule.Describe(), SelectOf(table, keys, column, where), value => ProblemOf(value, v => rule.Check(v, column)));

    /// <summary>A column of JSON lists, each item kept by <paramref name="rule"/>.</summary>
    public static StoredTextColumn ListOf(string table, string keys, string column, TextRule rule) =>
        new(table, column, $"each item: {rule.Describe()}", SelectOf(table, keys, column, null), json =>
        {
            var items = StoredValues.List(json);
            return items.Select((item, i) => ProblemOf(item, v => rule.Check(v, $"{column}[{i}]"))).FirstOrDefault(p => p is not null);
        });

    /// <summary>A column checked by a rule of its own kind (handles, ids).</summary>
    public static StoredTextColumn Shaped(string table, string keys, string column, string rule, Func<string, string> check, string? where = null) =>
        new(table, column, rule, SelectOf(table, keys, column, where), value => ProblemOf(value, check));

    private static string SelectOf(string table, string keys, string column, string? where) =>
        $"SELECT {keys}, {column} FROM {table}{(where is null ? "" : $" WHERE {where}")}";

    private static string? ProblemOf(string value, Func<string, string> check)
    {
        try
        {
            return check(value) == value ? null : "is not stored as its rule keeps it (NFC, trimmed, folded)";
        }
        catch (CommunityException refusal)
        {
            return refusal.Message;
        }
    }
}
