using System.Threading.Channels;
using Community.Grains.Events;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Delivery;

/// <summary>
/// Delivers the grains' events to hub connections, on whichever node they are: one publish per
/// event, to the SignalR group of the room or member it concerns. Events queue here and one loop
/// sends them, so the events of a room, which leave its single activation in order, reach every
/// connection in that order. The loop hands a plain send on before the previous one has finished
/// (a publish to the backplane, a write to each connection), up to <see cref="MaxInFlight"/> at
/// a time: SignalR and the backplane keep the order in which sends were handed to them, so the
/// order holds without paying a round trip per event. An event that changes groups or looks up
/// connections waits until every send before it has finished.
/// </summary>
internal sealed class HubDelivery(IHubContext<ConnectedMembers> hub, ConnectionOrders orders, IRoomStore rooms,
    IPresenceStore presence, ILogger<HubDelivery> logger) : BackgroundService, IEventPublisher
{
    /// <summary>How long a node that holds a joiner's connection has to put it in the room's group.</summary>
    private static readonly TimeSpan GroupChangeTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<(ChatEvent Event, TaskCompletionSource? Delivered)> _queue =
        Channel.CreateUnbounded<(ChatEvent, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(ChatEvent chatEvent) => _queue.Writer.TryWrite((chatEvent, null));

    public Task DeliverAsync(ChatEvent chatEvent)
    {
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite((chatEvent, delivered));
        return delivered.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Queue<(Task Sent, ChatEvent Event, TaskCompletionSource? Delivered)>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (_queue.Reader.TryRead(out var next))
            {
                var (chatEvent, delivered) = next;
                if (!IsPlainSend(chatEvent) || inFlight.Count >= MaxInFlight)
                    await SettleAsync(inFlight, keep: IsPlainSend(chatEvent) ? MaxInFlight - 1 : 0, stoppingToken);
                Task sent;
                try
                {
                    sent = SendAsync(chatEvent, stoppingToken);
                }
                catch (Exception ex)
                {
                    sent = Task.FromException(ex);
                }
                inFlight.Enqueue((sent, chatEvent, delivered));
            }
            // Nothing more queued: finish what is under way, so that a delivery awaited is not kept waiting.
            await SettleAsync(inFlight, keep: 0, stoppingToken);
        }
    }

    /// <summary>How many plain sends may be under way at once.</summary>
    private const int MaxInFlight = 64;

    /// <summary>Awaits the oldest sends under way, in order, until no more than <paramref name="keep"/> remain.</summary>
    private async Task SettleAsync(Queue<(Task Sent, ChatEvent Event, TaskCompletionSource? Delivered)> inFlight, int keep, CancellationToken stoppingToken)
    {
        while (inFlight.Count > keep)
        {
            var (sent, chatEvent, delivered) = inFlight.Dequeue();
            try
            {
                await sent;
                delivered?.TrySetResult();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                DeliveryLog.DeliveryFailed(logger, chatEvent.GetType().Name, ex);
                delivered?.TrySetException(ex);
            }
        }
    }

    /// <summary>A send to one group that needs nothing looked up or changed first.</summary>
    private static bool IsPlainSend(ChatEvent chatEvent) => chatEvent is RoomEvent { ExceptMemberId: null } or MemberEvent;

    private async Task SendAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        switch (chatEvent)
        {
            case RoomEvent { ExceptMemberId: { } except } e:
                await hub.Clients.GroupExcept(HubGroups.Room(e.RoomId), await presence.ConnectionsOfAsync(except)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case RoomEvent e:
                await hub.Clients.Group(HubGroups.Room(e.RoomId)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case RoomEventExceptMembers e:
                // One send to the room's group however many it holds (the broadcast channel holds everyone):
                // the backplane carries one message, and each node filters its own connections.
                var excluded = e.ExceptMemberIds.Count == 0 ? [] : await presence.ConnectionsOfAsync(e.ExceptMemberIds);
                await hub.Clients.GroupExcept(HubGroups.Room(e.RoomId), excluded).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case MemberEvent e:
                await hub.Clients.Group(HubGroups.Member(e.MemberId)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case MembershipChanged e:
                await SendMembershipAsync(e, cancellationToken);
                break;
            case PresenceChanged e:
                await SendPresenceAsync(e, cancellationToken);
                break;
            case MemberSuspended e:
                await orders.SendAsync(new ConnectionOrder(ConnectionOrderKind.CloseMember, e.MemberId));
                break;
            case TokenRevoked e:
                await orders.SendAsync(new ConnectionOrder(ConnectionOrderKind.CloseToken, e.TokenHash));
                break;
        }
    }

    /// <summary>
    /// A joiner hears the room from now on, its own join included; a leaver hears its leave, then
    /// nothing more. The member's connections may be on any node: the backplane takes each group
    /// change to the node that holds the connection and waits for it.
    /// </summary>
    private async Task SendMembershipAsync(MembershipChanged e, CancellationToken cancellationToken)
    {
        var group = HubGroups.Room(e.RoomId);
        var payload = new MembershipPayload(e.RoomId, e.MemberId, e.Joined);
        var memberConnections = await presence.ConnectionsOfAsync(e.MemberId);
        if (e.Joined)
        {
            await ChangeGroupsAsync(memberConnections, (id, ct) => hub.Groups.AddToGroupAsync(id, group, ct), cancellationToken);
            await hub.Clients.Group(group).SendAsync(EventNames.Membership, payload, cancellationToken);
        }
        else
        {
            // The leaver hears it through their own group: on another node, the removal from the
            // room's group may be handled before a message to that group.
            await hub.Clients.GroupExcept(group, memberConnections).SendAsync(EventNames.Membership, payload, cancellationToken);
            await hub.Clients.Group(HubGroups.Member(e.MemberId)).SendAsync(EventNames.Membership, payload, cancellationToken);
            await ChangeGroupsAsync(memberConnections, (id, ct) => hub.Groups.RemoveFromGroupAsync(id, group, ct), cancellationToken);
        }
    }

    /// <summary>Changes each connection's groups; a connection whose node no longer answers (it closed meanwhile, or the node died) is left out.</summary>
    private async Task ChangeGroupsAsync(IEnumerable<string> connectionIds, Func<string, CancellationToken, Task> change, CancellationToken stopping)
    {
        foreach (var connectionId in connectionIds)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(GroupChangeTimeout);
            try
            {
                await change(connectionId, timeout.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                DeliveryLog.GroupChangeUnanswered(logger, connectionId);
            }
        }
    }

    /// <summary>
    /// Presence goes to those who can see it: the members online now who share a room with the
    /// member, the broadcast channel aside (it holds everyone, and would make each connect an
    /// event for the whole network), and the connections that asked to watch the member.
    /// </summary>
    private async Task SendPresenceAsync(PresenceChanged e, CancellationToken cancellationToken)
    {
        var coMembers = await rooms.ListCoMemberIdsAsync(e.MemberId, exceptRoomId: BroadcastChannel.Id);
        var online = coMembers.Count == 0 ? new HashSet<string>() : await presence.OnlineAsync(coMembers);
        var recipients = coMembers.Where(online.Contains).Select(HubGroups.Member).Append(HubGroups.Presence(e.MemberId)).ToArray();
        await hub.Clients.Groups(recipients).SendAsync(EventNames.Presence, new PresencePayload(e.MemberId, e.Online), cancellationToken);
    }
}
