namespace Community.Grains.Polls;

/// <summary>Counts a poll's votes into what members see of it.</summary>
internal static class PollResults
{
    /// <summary>The poll for everyone (<paramref name="viewerId"/> null: the <c>poll</c> event), or for one member, with their own choices.</summary>
    public static PollView View(Poll poll, IReadOnlyDictionary<string, IReadOnlyList<int>> votes, DateTimeOffset now, string? viewerId)
    {
        var options = poll.Options.Select((text, i) =>
        {
            var voters = votes.Where(v => v.Value.Contains(i)).Select(v => v.Key).Order(StringComparer.Ordinal).ToArray();
            return new PollOptionView(text, voters.Length, poll.Anonymous ? null : voters);
        }).ToArray();
        var mine = viewerId is null ? null : votes.TryGetValue(viewerId, out var choices) ? choices : [];
        return new PollView(poll.Id, poll.RoomId, poll.Seq, poll.CreatedBy, poll.Question, options, poll.Multiple, poll.Anonymous,
            poll.ClosesAt, poll.IsClosedAt(now), poll.ClosedAt ?? (poll.IsClosedAt(now) ? poll.ClosesAt : null), votes.Count, mine);
    }
}
