using Community.Grains.Dms;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Runtime;
using Community.Silo.Hosting;

namespace Community.Silo.Events;

/// <summary>
/// Where the backplane hands every event it receives, in the order received: copies of grains
/// that another node changed are dropped, message events are put in seq order, and the rest
/// goes to this node's connections.
/// </summary>
public sealed class EventDispatcher(IEventSink sink, MessageSequencer sequencer, GrainRuntime grains, NodeIdentity node)
{
    public async Task DispatchAsync(ChatEvent chatEvent, string originNodeId, CancellationToken cancellationToken)
    {
        if (originNodeId != node.NodeId) await ForgetStaleGrainsAsync(chatEvent);
        switch (chatEvent)
        {
            case GrainStateChanged:
                return;
            case RoomEvent { Name: EventNames.Message } message:
                foreach (var ordered in await sequencer.OrderAsync(message))
                    await sink.DeliverAsync(ordered, cancellationToken);
                return;
            default:
                await sink.DeliverAsync(chatEvent, cancellationToken);
                return;
        }
    }

    private Task ForgetStaleGrainsAsync(ChatEvent chatEvent) => chatEvent switch
    {
        MembershipChanged e => ForgetRoomAsync(e.RoomId),
        GrainStateChanged { GrainType: GrainStateChanged.Room } e => ForgetRoomAsync(e.Key),
        GrainStateChanged { GrainType: GrainStateChanged.Member } e => grains.DeactivateAsync(typeof(IMemberGrain), e.Key),
        _ => Task.CompletedTask,
    };

    private Task ForgetRoomAsync(string roomId) => DmThreadId.IsDm(roomId)
        ? grains.DeactivateAsync(typeof(IDmThreadGrain), roomId)
        : grains.DeactivateAsync(typeof(IRoomGrain), roomId);
}
