using Community.Grains.Messages;

namespace Community.Silo.Storage;

/// <summary>One reaction key's count on one message, and whether the viewer is among those who reacted.</summary>
internal sealed class ReactionCountRow
{
    public long seq { get; set; }
    public string key { get; set; } = "";
    public long count { get; set; }
    public bool me { get; set; }

    /// <summary>The page's messages with their reactions; a tombstone shows none.</summary>
    public static IReadOnlyList<ChatMessage> Attach(IReadOnlyList<ChatMessage> page, IEnumerable<ReactionCountRow> rows)
    {
        var reactions = rows.ToLookup(r => r.seq, r => new ReactionCount(r.key, (int)r.count, r.me));
        return page.Select(m => m.Deleted || !reactions.Contains(m.Seq) ? m : m with { Reactions = reactions[m.Seq].ToArray() }).ToArray();
    }
}
