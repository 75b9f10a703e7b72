using System.Text.Json.Serialization;

namespace Community.Grains.Events;

/// <summary>Something that happened which connections must hear about; carried between nodes by the backplane.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(RoomEvent), "room")]
[JsonDerivedType(typeof(MemberEvent), "member")]
[JsonDerivedType(typeof(MembershipChanged), "membership")]
[JsonDerivedType(typeof(TokenRevoked), "tokenRevoked")]
[JsonDerivedType(typeof(PresenceChanged), "presence")]
[JsonDerivedType(typeof(MemberSuspended), "suspended")]
[JsonDerivedType(typeof(GrainStateChanged), "grainChanged")]
public abstract record ChatEvent;

/// <summary>An event for every member of a room (<c>message</c>, <c>messageEdited</c>…), but <paramref name="ExceptMemberId"/> when given.</summary>
public sealed record RoomEvent(string RoomId, string Name, object Payload, string? ExceptMemberId = null) : ChatEvent;

/// <summary>An event for every connection of one member (<c>read</c>, <c>roomUpdated</c>…).</summary>
public sealed record MemberEvent(string MemberId, string Name, object Payload) : ChatEvent;

/// <summary>
/// A member joined or left a room: nodes update which connections hear the room, and the
/// room's members (the joiner and the leaver included) get a <c>membership</c> event. <paramref name="LastSeq"/>
/// is the room's last seq at the change: the joiner hears the messages after it.
/// </summary>
public sealed record MembershipChanged(string RoomId, string MemberId, bool Joined, long LastSeq) : ChatEvent;

/// <summary>A token was revoked: the connections opened with it are closed.</summary>
public sealed record TokenRevoked(string TokenHash) : ChatEvent;

/// <summary>A member's first connection opened or last one closed: members who share a room with them hear it.</summary>
public sealed record PresenceChanged(string MemberId, bool Online) : ChatEvent;

/// <summary>A member was suspended: every connection of theirs is closed.</summary>
public sealed record MemberSuspended(string MemberId) : ChatEvent;

/// <summary>
/// A grain's stored state changed in a way its copies on other nodes cannot see (a rename, a
/// mute, a profile edit): those copies are dropped and reload on their next call. No client hears it.
/// </summary>
public sealed record GrainStateChanged(string GrainType, string Key) : ChatEvent
{
    public const string Room = "room";
    public const string Member = "member";
}
