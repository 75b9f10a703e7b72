using Community.Grains.Messages;

namespace Community.Grains.Conversations;

/// <summary>A checked send: the message to append, or the one it repeats.</summary>
internal sealed record PreparedSend(ChatMessage? Earlier, ChatMessage? Message);
