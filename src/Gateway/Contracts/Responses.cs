using Community.Grains.Messages;

namespace Community.Gateway.Contracts;

public sealed record AuthResponse(string Token, MemberView Member);

public sealed record ItemList<T>(IReadOnlyList<T> Items);

public sealed record MemberPage(IReadOnlyList<MemberView> Items, string? NextCursor);

public sealed record InvitationCodes(IReadOnlyList<string> Codes);

public sealed record InvitationView(string Code, string Role, DateTimeOffset ExpiresAt, string? UsedBy, string? Note, DateTimeOffset? RevokedAt);

/// <summary>A member of a room and their role; in a DM also how far they have read (for read receipts).</summary>
public sealed record RoomMemberView(MemberView Member, string Role, long? ReadSeq = null);

public sealed record MessagePage(IReadOnlyList<ChatMessage> Items);

/// <summary>One of a member's sessions; <paramref name="Current"/> for the one the request came with.</summary>
public sealed record SessionView(string Id, string? Device, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Current);

/// <summary>A page of a thread: its first message and replies oldest first; <paramref name="NextCursor"/> is the <c>after</c> of the next page.</summary>
public sealed record ThreadPage(ChatMessage Root, IReadOnlyList<ChatMessage> Items, string? NextCursor);

/// <summary>A page of opportunities, newest first; <c>nextCursor</c> asks for the older ones.</summary>
public sealed record OpportunityPage(IReadOnlyList<Community.Grains.Opportunities.OpportunityView> Items, string? NextCursor);
