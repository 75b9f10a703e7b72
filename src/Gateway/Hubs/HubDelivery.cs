using System.Threading.Channels;
using Community.Gateway.Logging;
using Community.Grains.Events;
using Community.Grains.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// Delivers the grains' events to hub connections: one publish per event, to the SignalR group of
/// the room or member it concerns. Events queue here and one loop sends them, so the events of a
/// room, which leave its single activation in order, reach every connection in that order.
/// </summary>
internal sealed class HubDelivery(IHubContext<ChatHub> hub, ConnectionRegistry connections, IRoomStore rooms, IPresenceStore presence,
    ILogger<HubDelivery> logger) : BackgroundService, IEventPublisher
{
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
        await foreach (var (chatEvent, delivered) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(chatEvent, stoppingToken);
                delivered?.TrySetResult();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                GatewayLog.DeliveryFailed(logger, chatEvent.GetType().Name, ex);
                delivered?.TrySetException(ex);
            }
        }
    }

    private async Task SendAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        switch (chatEvent)
        {
            case RoomEvent { ExceptMemberId: { } except } e:
                await hub.Clients.GroupExcept(HubGroups.Room(e.RoomId), connections.ConnectionsOf(except)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case RoomEvent e:
                await hub.Clients.Group(HubGroups.Room(e.RoomId)).SendAsync(e.Name, e.Payload, cancellationToken);
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
                connections.CloseMember(e.MemberId);
                break;
            case TokenRevoked e:
                var closed = connections.CloseByToken(e.TokenHash);
                if (closed > 0) GatewayLog.ClosedRevokedConnections(logger, closed);
                break;
        }
    }

    /// <summary>A joiner hears the room from now on, its own join included; a leaver hears its leave, then nothing more.</summary>
    private async Task SendMembershipAsync(MembershipChanged e, CancellationToken cancellationToken)
    {
        var group = HubGroups.Room(e.RoomId);
        var payload = new MembershipPayload(e.RoomId, e.MemberId, e.Joined);
        if (e.Joined)
        {
            foreach (var connectionId in connections.ConnectionsOf(e.MemberId))
                await hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken);
            await hub.Clients.Group(group).SendAsync(EventNames.Membership, payload, cancellationToken);
        }
        else
        {
            await hub.Clients.Group(group).SendAsync(EventNames.Membership, payload, cancellationToken);
            foreach (var connectionId in connections.ConnectionsOf(e.MemberId))
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, cancellationToken);
        }
    }

    /// <summary>Presence goes to the members online now who share a room with the member.</summary>
    private async Task SendPresenceAsync(PresenceChanged e, CancellationToken cancellationToken)
    {
        var coMembers = await rooms.ListCoMemberIdsAsync(e.MemberId);
        if (coMembers.Count == 0) return;
        var online = await presence.OnlineAsync(coMembers);
        var recipients = coMembers.Where(online.Contains).Select(HubGroups.Member).ToArray();
        if (recipients.Length > 0) await hub.Clients.Groups(recipients).SendAsync(EventNames.Presence, new PresencePayload(e.MemberId, e.Online), cancellationToken);
    }
}
