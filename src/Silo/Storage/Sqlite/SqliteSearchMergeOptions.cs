namespace Community.Silo.Storage.Sqlite;

/// <summary>How the message search index's segments are merged on SQLite (<c>Community:Storage:SqliteSearchMerge</c>).</summary>
public sealed class SqliteSearchMergeOptions
{
    public const string Section = "Community:Storage:SqliteSearchMerge";

    /// <summary>How often the merger looks for segments to merge; it merges until none are left, a step at a time.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The index pages one step writes at most, in a transaction of its own (a few milliseconds of the write lock).</summary>
    public int PagesPerStep { get; set; } = 64;

    /// <summary>The pause between two steps, in which the rooms' commits take the write lock.</summary>
    public TimeSpan PauseBetweenSteps { get; set; } = TimeSpan.FromMilliseconds(20);
}
