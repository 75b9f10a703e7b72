using Community.Grains.Broadcasts;

namespace Community.Grains.Conversations;

/// <summary>
/// What only a room's own grain reads, kept through Orleans grain storage: who is muted there,
/// until when; and, in the broadcast channel, the broadcasts waiting for their time with the
/// last ones posted. Small whatever the room's size: one entry per muted member, a bounded
/// list of scheduled broadcasts.
/// </summary>
[GenerateSerializer, Immutable, Alias("community.conversation-state")]
public sealed record ConversationState(
    [property: Id(0)] IReadOnlyDictionary<string, DateTimeOffset> MutedUntil,
    [property: Id(1)] IReadOnlyList<ScheduledBroadcast>? Scheduled = null)
{
    /// <summary>The name room and DM grains keep this state under in <see cref="Common.GrainStorage.Name"/>.</summary>
    public const string Name = "conversation";

    public ConversationState() : this(new Dictionary<string, DateTimeOffset>())
    {
    }

    public IReadOnlyList<ScheduledBroadcast> ScheduledBroadcasts => Scheduled ?? [];

    public ConversationState WithMute(string memberId, DateTimeOffset until) =>
        this with { MutedUntil = new Dictionary<string, DateTimeOffset>(MutedUntil) { [memberId] = until } };

    /// <summary>
    /// Kept as an array: grain storage writes the collection's type by name and reads back only types it knows,
    /// and fills a collection the constructor made rather than replacing it, which an array cannot be.
    /// </summary>
    public ConversationState WithScheduled(IEnumerable<ScheduledBroadcast> scheduled) => this with { Scheduled = scheduled.ToArray() };
}
