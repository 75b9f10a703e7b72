using Community.Grains.Messages;

namespace Community.Grains.Events;

public sealed record MessageDeletedPayload(string RoomId, long Seq);

public sealed record ReadPayload(string RoomId, string MemberId, long Seq);

public sealed record MembershipPayload(string RoomId, string MemberId, bool Joined);

public sealed record ReactionPayload(string RoomId, long Seq, string Key, string MemberId, bool Added, int Count);

public sealed record TypingPayload(string RoomId, string MemberId);

public sealed record PresencePayload(string MemberId, bool Online);

/// <summary>A member was mentioned: by <c>@handle</c> (<c>scope</c> <c>member</c>), or with the room by <c>@all</c> or <c>@here</c>.</summary>
public sealed record MentionPayload(string RoomId, long Seq, string By, string Scope = MentionScopes.Member);

public sealed record ThreadUpdatedPayload(string RoomId, long Seq, int ReplyCount, DateTimeOffset? LastReplyAt);

public sealed record PinnedPayload(string RoomId, long Seq, string PinnedBy, DateTimeOffset PinnedAt);

public sealed record UnpinnedPayload(string RoomId, long Seq);

[GenerateSerializer, Immutable]
public sealed record MeetupReminderPayload(
    [property: Id(0)] string RoomId, [property: Id(1)] string MeetupId, [property: Id(2)] string Title, [property: Id(3)] DateTimeOffset StartsAt);

/// <summary>A member's place in a network event changed without their asking: a place freed and they moved up from the waiting list.</summary>
public sealed record EventRsvpPayload(string EventId, string Title, string Status, int? WaitlistPosition);

/// <summary>A network event starts soon: to each member going.</summary>
public sealed record EventReminderPayload(string EventId, string Title, DateTimeOffset StartsAt, string Location, string RoomId);
