namespace Community.Grains.Events;

/// <summary>Something that happened which connections must hear about.</summary>
public abstract record ChatEvent;

/// <summary>An event for every member of a room (<c>message</c>, <c>messageEdited</c>…), but <paramref name="ExceptMemberId"/> when given.</summary>
public sealed record RoomEvent(string RoomId, string Name, object Payload, string? ExceptMemberId = null) : ChatEvent;

/// <summary>
/// An event for every member of a room connected now but <paramref name="ExceptMemberIds"/>: one
/// send to the room's group, however large the room, leaving out the connections of those members.
/// </summary>
public sealed record RoomEventExceptMembers(string RoomId, string Name, object Payload, IReadOnlyCollection<string> ExceptMemberIds) : ChatEvent;

/// <summary>An event for every connection of one member (<c>read</c>, <c>roomUpdated</c>…).</summary>
public sealed record MemberEvent(string MemberId, string Name, object Payload) : ChatEvent;

/// <summary>
/// A member joined or left a room: the member's connections start or stop hearing the room, and
/// the room's members (the joiner and the leaver included) get a <c>membership</c> event.
/// </summary>
public sealed record MembershipChanged(string RoomId, string MemberId, bool Joined) : ChatEvent;

/// <summary>A token was revoked: the connections opened with it are closed.</summary>
public sealed record TokenRevoked(string TokenHash) : ChatEvent;

/// <summary>A member came online (their first connection opened) or went offline (their last one closed): members who share a room with them hear it.</summary>
public sealed record PresenceChanged(string MemberId, bool Online) : ChatEvent;

/// <summary>A member was suspended: every connection of theirs is closed.</summary>
public sealed record MemberSuspended(string MemberId) : ChatEvent;
