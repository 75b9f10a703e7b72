using Community.Gateway.Logging;
using Community.Grains.Events;
using Community.Grains.Storage;
using Community.Silo.Events;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>Delivers the events the backplane brings to this node's own hub connections.</summary>
internal sealed class HubEventSink(IHubContext<ChatHub> hub, ConnectionRegistry connections, IRoomStore rooms, MessageSequencer sequencer,
    ILogger<HubEventSink> logger) : IEventSink
{
    public async Task DeliverAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        switch (chatEvent)
        {
            case RoomEvent { ExceptMemberId: { } except } e:
                await hub.Clients.GroupExcept(HubGroups.Room(e.RoomId), connections.ConnectionsOf(except)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case RoomEvent e:
                await hub.Clients.Group(HubGroups.Room(e.RoomId)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case PresenceChanged e:
                await DeliverPresenceAsync(e, cancellationToken);
                break;
            case MemberSuspended e:
                connections.CloseMember(e.MemberId);
                break;
            case MemberEvent e:
                await hub.Clients.Group(HubGroups.Member(e.MemberId)).SendAsync(e.Name, e.Payload, cancellationToken);
                break;
            case MembershipChanged e:
                await DeliverMembershipAsync(e, cancellationToken);
                break;
            case TokenRevoked e:
                var closed = connections.CloseByToken(e.TokenHash);
                if (closed > 0) GatewayLog.ClosedRevokedConnections(logger, closed);
                break;
        }
    }

    /// <summary>Presence goes to the connected members who share a room with the member.</summary>
    private async Task DeliverPresenceAsync(PresenceChanged e, CancellationToken cancellationToken)
    {
        var online = connections.OnlineMembers.ToHashSet();
        if (online.Count == 0) return;
        var payload = new PresencePayload(e.MemberId, e.Online);
        var recipients = (await rooms.ListCoMemberIdsAsync(e.MemberId)).Where(online.Contains).Select(HubGroups.Member).ToArray();
        if (recipients.Length > 0) await hub.Clients.Groups(recipients).SendAsync(EventNames.Presence, payload, cancellationToken);
    }

    /// <summary>A joiner hears the room from now on, its own join included; a leaver hears its leave, then nothing more.</summary>
    private async Task DeliverMembershipAsync(MembershipChanged e, CancellationToken cancellationToken)
    {
        var group = HubGroups.Room(e.RoomId);
        var payload = new MembershipPayload(e.RoomId, e.MemberId, e.Joined);
        if (e.Joined)
        {
            var joiners = connections.ConnectionsOf(e.MemberId);
            foreach (var connectionId in joiners)
                await hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken);
            if (joiners.Count > 0) sequencer.Track(e.RoomId, e.LastSeq);
            await hub.Clients.Group(group).SendAsync(EventNames.Membership, payload, cancellationToken);
        }
        else
        {
            await hub.Clients.Group(group).SendAsync(EventNames.Membership, payload, cancellationToken);
            foreach (var connectionId in connections.ConnectionsOf(e.MemberId))
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, cancellationToken);
        }
    }
}
