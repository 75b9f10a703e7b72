using Community.Grains.Dms;
using Community.Grains.Rooms;
using Community.Grains.Text;

namespace Community.Grains.Conversations;

public static class ConversationGrains
{
    /// <summary>
    /// The grain behind a room id from a client: a DM thread for <c>d_…</c> ids, a room otherwise;
    /// <c>invalid</c> for an id of no possible room's shape, which then names no grain.
    /// </summary>
    public static IConversationGrain GetConversation(this IGrainFactory grains, string? roomId)
    {
        var id = ClientIds.Check(roomId, "roomId");
        return DmThreadId.IsDm(id) ? grains.GetGrain<IDmThreadGrain>(id) : grains.GetGrain<IRoomGrain>(id);
    }
}
