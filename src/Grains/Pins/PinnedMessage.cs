using Community.Grains.Messages;

namespace Community.Grains.Pins;

/// <summary>A pin with its message, as the room's pins list shows it.</summary>
public sealed record PinnedMessage(ChatMessage Message, string PinnedBy, DateTimeOffset PinnedAt);
