using Community.Grains.Messages;

namespace Community.Grains.Conversations;

/// <summary>A send waiting for the room's next commit, and the caller waiting for its outcome.</summary>
internal sealed class QueuedSend(Actor actor, SendMessage? send)
{
    public Actor Actor { get; } = actor;

    public SendMessage? Send { get; } = send;

    public TaskCompletionSource<ChatMessage> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
