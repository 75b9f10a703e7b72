using Community.Tests.Support;

namespace Community.Bench;

/// <summary>That a connection got each message of the room exactly once, in seq order: from everything it received, not just what was timed.</summary>
internal static class DeliveryCheck
{
    /// <summary>Null when the connection received exactly <paramref name="expected"/> (ascending seqs), in that order; else what went wrong.</summary>
    public static string? Problem(string who, HubTestClient hub, string roomId, IReadOnlyList<long> expected) =>
        Problem(who, hub.Events.Where(e => e.Target == "message" && e.Arg.Str("roomId") == roomId).Select(e => e.Arg.Long("seq")).ToArray(), expected);

    /// <summary>Null when <paramref name="received"/> (the seqs of the message events, in arrival order) is exactly <paramref name="expected"/>; else what went wrong.</summary>
    public static string? Problem(string who, IReadOnlyList<long> received, IReadOnlyList<long> expected)
    {
        if (received.SequenceEqual(expected)) return null;

        var duplicates = received.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        var missing = expected.Except(received).ToArray();
        var unexpected = received.Except(expected).ToArray();
        var firstOutOfOrder = Enumerable.Range(1, Math.Max(0, received.Count - 1)).Where(i => received[i] <= received[i - 1]).Take(1).ToArray();
        var parts = new List<string> { $"{who} received {received.Count} message events, expected {expected.Count}" };
        if (missing.Length > 0) parts.Add($"missing {missing.Length} (first seqs {Seqs(missing)})");
        if (duplicates.Length > 0) parts.Add($"duplicated {duplicates.Length} (first seqs {Seqs(duplicates)})");
        if (unexpected.Length > 0) parts.Add($"unexpected seqs {Seqs(unexpected)}");
        if (firstOutOfOrder is [var i]) parts.Add($"out of order at arrival #{i + 1}: seq {received[i]} after {received[i - 1]}");
        return string.Join("; ", parts);
    }

    /// <summary>Null when the acknowledged seqs are dense (each once, no gap); else what went wrong.</summary>
    public static string? AckProblem(IReadOnlyList<long> sortedSeqs)
    {
        for (var i = 1; i < sortedSeqs.Count; i++)
        {
            if (sortedSeqs[i] != sortedSeqs[i - 1] + 1)
                return $"acknowledged seqs are not dense: {sortedSeqs[i - 1]} then {sortedSeqs[i]}";
        }
        return null;
    }

    private static string Seqs(IEnumerable<long> seqs) => string.Join(", ", seqs.Take(5));
}
