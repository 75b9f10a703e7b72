using Community.Grains.Rooms;

namespace Community.Grains.Storage;

/// <summary>A room for a listing, with what a list row shows.</summary>
public sealed record RoomListing(RoomInfo Info, int MemberCount, RoomMember? Viewer, Messages.ChatMessage? LastMessage);
