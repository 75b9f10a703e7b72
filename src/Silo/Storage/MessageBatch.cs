using Community.Grains.Messages;

namespace Community.Silo.Storage;

internal static class MessageBatch
{
    /// <summary>A batch appended in one transaction: one room, seqs one after another.</summary>
    public static void CheckConsecutive(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = 1; i < messages.Count; i++)
        {
            if (messages[i].RoomId != messages[0].RoomId || messages[i].Seq != messages[i - 1].Seq + 1)
                throw new ArgumentException("A batch holds messages of one room with consecutive seqs.", nameof(messages));
        }
    }
}
