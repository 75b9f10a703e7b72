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
        // A change made on this node is in this node's grain already (a writer outside the grain
        // tells it directly); only the copies on other nodes must reload.
        if (originNodeId != node.NodeId) ForgetStaleGrains(chatEvent);
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

    private void ForgetStaleGrains(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case MembershipChanged e:
                ForgetRoom(e.RoomId);
                break;
            case GrainStateChanged { GrainType: GrainStateChanged.Room } e:
                ForgetRoom(e.Key);
                break;
            case GrainStateChanged { GrainType: GrainStateChanged.Member } e:
                grains.Invalidate(typeof(IMemberGrain), e.Key);
                break;
        }
    }

    private void ForgetRoom(string roomId) =>
        grains.Invalidate(DmThreadId.IsDm(roomId) ? typeof(IDmThreadGrain) : typeof(IRoomGrain), roomId);
}
