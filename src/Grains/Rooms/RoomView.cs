using Community.Grains.Messages;

namespace Community.Grains.Rooms;

/// <summary>A room as one member sees it (the contract's <c>room</c>).</summary>
public sealed record RoomView(
    string Id,
    string Kind,
    string Name,
    string Topic,
    string Visibility,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    int MemberCount,
    long LastSeq,
    long ReadSeq,
    long UnreadCount,
    ChatMessage? LastMessage,
    string? MyRole)
{
    public static RoomView Of(RoomInfo info, int memberCount, ChatMessage? lastMessage, RoomMember? viewer) => new(
        info.Id, info.Kind, info.Name, info.Topic, info.Visibility, info.CreatedBy, info.CreatedAt, memberCount,
        info.LastSeq, viewer?.ReadSeq ?? 0, viewer is null ? 0 : Math.Max(0, info.LastSeq - viewer.ReadSeq),
        lastMessage, viewer?.Role);
}
