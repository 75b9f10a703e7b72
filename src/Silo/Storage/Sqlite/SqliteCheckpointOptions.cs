namespace Community.Silo.Storage.Sqlite;

/// <summary>When SQLite copies its write-ahead log back into the database file (<c>Community:Storage:SqliteCheckpoints</c>).</summary>
public sealed class SqliteCheckpointOptions
{
    public const string Section = "Community:Storage:SqliteCheckpoints";

    /// <summary>A checkpointer of its own, off the commit path.</summary>
    public const string Background = "background";

    /// <summary>SQLite's default: the commit that fills the log past 1,000 pages checkpoints it, and waits for the disk meanwhile.</summary>
    public const string Inline = "inline";

    /// <summary><see cref="Background"/> (the default) or <see cref="Inline"/>.</summary>
    public string Mode { get; set; } = Background;

    /// <summary>How often the background checkpointer runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A passive checkpoint that found this many frames (pages) or more in the log is followed by a restart checkpoint,
    /// so that the log starts over rather than grows; SQLite's own checkpoints run at 1,000.
    /// </summary>
    public int RestartAbovePages { get; set; } = 1_000;

    /// <summary>How long a restart checkpoint waits for the writer and readers before it gives up until the next tick.</summary>
    public TimeSpan RestartWait { get; set; } = TimeSpan.FromMilliseconds(20);

    public bool InBackground => string.Equals(Mode, Background, StringComparison.OrdinalIgnoreCase);
}
