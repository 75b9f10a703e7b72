namespace Community.Grains.Broadcasts;

/// <summary>
/// A broadcast the secretariat wrote to go out at <see cref="SendAt"/>, posted in the broadcast channel
/// as <see cref="AuthorId"/>'s message. Pending while <see cref="PostedSeq"/> and <see cref="Failure"/> are null.
/// </summary>
[GenerateSerializer, Immutable, Alias("community.scheduled-broadcast")]
public sealed record ScheduledBroadcast(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset SendAt,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? UpdatedAt,
    [property: Id(6)] long? PostedSeq = null,
    [property: Id(7)] string? Failure = null)
{
    public bool Pending => PostedSeq is null && Failure is null;

    /// <summary>The client message id its post carries: the same on every attempt, so a retried post finds the first.</summary>
    public string ClientMsgId => "scheduled:" + Id;
}
