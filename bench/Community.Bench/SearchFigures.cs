using Community.Grains.Search;
using Community.Grains.Storage;

namespace Community.Bench;

/// <summary>Message search over the storage scenario's history room, newest first, a page at a time, as the member who owns it.</summary>
internal static class SearchFigures
{
    /// <summary>A search page must come back within this at the 99th percentile.</summary>
    public const double P99TargetMs = 50;

    private const int PageSize = 20;

    /// <summary>The queries, by kind: Japanese of two and three characters and longer, English, mixed, full-width, rare, none.</summary>
    private static readonly (string Kind, string Query)[] Queries =
    [
        ("2 kanji, common", "渋谷"), ("katakana, common", "ランチ"), ("kanji, less common", "忘年会"), ("Japanese, two terms", "忘年会 12月"),
        ("English word", "lunch"), ("English, two terms", "reunion shibuya"), ("full-width Latin", "ＬＵＮＣＨ"), ("mixed", "渋谷 station"),
        ("rare", "名簿"), ("no match", "存在しない言葉"),
    ];

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(IMessageSearchStore store, string memberId, int messages,
        Func<Func<Task<IReadOnlyList<MessageSearchHit>>>, Task<Latency>> time)
    {
        var figures = new List<Figure>();
        var all = new List<Latency>();
        foreach (var (kind, q) in Queries)
        {
            var query = MessageSearchQuery.Parse(q, "q");
            var found = await store.SearchAsync(new MessageSearch(memberId, query, null, null, null, PageSize));
            var latency = await time(() => store.SearchAsync(new MessageSearch(memberId, query, null, null, null, PageSize)));
            all.Add(latency);
            figures.Add(new Figure($"message search over {messages:#,0}: {kind} 「{q}」 ({found.Count} on the first page) p50", latency.P50, "ms"));
            figures.Add(new Figure($"message search over {messages:#,0}: {kind} 「{q}」 p99", latency.P99, "ms",
                $"<= {P99TargetMs:0} ms", latency.P99 <= P99TargetMs));
        }
        return figures;
    }
}
