using System.Text.Json.Serialization;

namespace Community.Grains.Polls;

/// <summary>
/// A poll with its results (the <c>poll</c> event and the answer of every poll route). In a named poll each option
/// lists who chose it; in an anonymous one <see cref="PollOptionView.Voters"/> is left out everywhere, and only
/// <see cref="MyChoices"/>, in an answer to the member themselves, says what a member chose.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PollView(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] string Question,
    [property: Id(5)] IReadOnlyList<PollOptionView> Options,
    [property: Id(6)] bool Multiple,
    [property: Id(7)] bool Anonymous,
    [property: Id(8)] DateTimeOffset? ClosesAt,
    [property: Id(9)] bool Closed,
    [property: Id(10)] DateTimeOffset? ClosedAt,
    [property: Id(11)] int VoterCount,
    [property: Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? MyChoices = null);

/// <summary>One choice of a poll and how many chose it; who did only in a named poll.</summary>
[GenerateSerializer, Immutable]
public sealed record PollOptionView(
    [property: Id(0)] string Text,
    [property: Id(1)] int Count,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Voters);
