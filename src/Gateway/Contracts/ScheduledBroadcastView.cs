using Community.Grains.Broadcasts;

namespace Community.Gateway.Contracts;

/// <summary>A scheduled broadcast as the secretariat sees it.</summary>
public sealed record ScheduledBroadcastView(string Id, string Text, DateTimeOffset SendAt, string AuthorId, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static ScheduledBroadcastView Of(ScheduledBroadcast s) => new(s.Id, s.Text, s.SendAt, s.AuthorId, s.CreatedAt, s.UpdatedAt);
}
