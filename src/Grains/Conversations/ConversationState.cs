namespace Community.Grains.Conversations;

/// <summary>
/// What only a room's own grain reads, kept through Orleans grain storage: who is muted there,
/// until when. Small whatever the room's size: one entry per muted member.
/// </summary>
[GenerateSerializer, Immutable, Alias("community.conversation-state")]
public sealed record ConversationState([property: Id(0)] IReadOnlyDictionary<string, DateTimeOffset> MutedUntil)
{
    /// <summary>The name room and DM grains keep this state under in <see cref="Common.GrainStorage.Name"/>.</summary>
    public const string Name = "conversation";

    public ConversationState() : this(new Dictionary<string, DateTimeOffset>())
    {
    }

    public ConversationState WithMute(string memberId, DateTimeOffset until) =>
        new(new Dictionary<string, DateTimeOffset>(MutedUntil) { [memberId] = until });
}
