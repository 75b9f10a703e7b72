using Community.Grains.Messages;

namespace Community.Grains.Rooms;

/// <summary>A room as one member sees it (the contract's <c>room</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record RoomView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] string Topic,
    [property: Id(4)] string Visibility,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] int MemberCount,
    [property: Id(8)] long LastSeq,
    [property: Id(9)] long ReadSeq,
    [property: Id(10)] long UnreadCount,
    [property: Id(11)] ChatMessage? LastMessage,
    [property: Id(12)] string? MyRole,
    [property: Id(13)] bool NotificationsMuted,
    [property: Id(14)] DateTimeOffset? NotificationsMutedUntil,
    [property: Id(15)] RoomNotice? Notice = null)
{
    /// <summary>The room as <paramref name="viewer"/> sees it at <paramref name="now"/> (a mute of notifications that has run out shows as none).</summary>
    public static RoomView Of(RoomInfo info, int memberCount, ChatMessage? lastMessage, RoomMember? viewer, DateTimeOffset now)
    {
        var muted = viewer?.HasMutedNotifications(now) == true;
        return new(info.Id, info.Kind, info.Name, info.Topic, info.Visibility, info.CreatedBy, info.CreatedAt, memberCount,
            info.LastSeq, viewer?.ReadSeq ?? 0, viewer is null ? 0 : Math.Max(0, info.LastSeq - viewer.ReadSeq),
            lastMessage, viewer?.Role, muted,
            muted && viewer!.NotificationsMutedUntil != RoomNotifications.MutedForever ? viewer.NotificationsMutedUntil : null,
            info.Notice);
    }
}
