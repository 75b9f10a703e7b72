using Community.Grains.Dms;
using Community.Grains.Rooms;

namespace Community.Grains.Conversations;

public static class ConversationGrains
{
    /// <summary>The grain behind a room id: a DM thread for <c>d_…</c> ids, a room otherwise.</summary>
    public static IConversationGrain GetConversation(this IGrainFactory grains, string roomId) =>
        DmThreadId.IsDm(roomId) ? grains.GetGrain<IDmThreadGrain>(roomId) : grains.GetGrain<IRoomGrain>(roomId);
}
