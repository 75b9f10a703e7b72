using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Storage;
using Community.Grains.Text;
using Community.Silo.Delivery;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// The members whose presence a connection watches beyond those it shares a room with: the ones
/// its client shows (a directory page, a room's member list). Each call replaces the connection's
/// list, and the list ends with the connection.
/// </summary>
public sealed class PresenceSubscriptions(IPresenceStore presence)
{
    /// <summary>The most members one connection watches: a screenful or two, never the network.</summary>
    public const int MaxMembers = 200;

    private const string ItemKey = "community.presence-subscription";

    /// <summary>Watches <paramref name="memberIds"/> instead of the connection's previous list; answers their presence now.</summary>
    public async Task<IReadOnlyList<PresencePayload>> ReplaceAsync(HubCallerContext connection, IGroupManager groups, string[]? memberIds)
    {
        var wanted = Checked(memberIds);
        var watched = connection.Items.TryGetValue(ItemKey, out var held) && held is HashSet<string> previous ? previous : [];
        await Task.WhenAll(watched.Except(wanted).Select(id => groups.RemoveFromGroupAsync(connection.ConnectionId, HubGroups.Presence(id))));
        await Task.WhenAll(wanted.Except(watched).Select(id => groups.AddToGroupAsync(connection.ConnectionId, HubGroups.Presence(id))));
        connection.Items[ItemKey] = wanted;
        // Read once in the groups: a change from now on arrives as an event, one before is in this answer.
        var online = await presence.OnlineAsync(wanted.ToArray());
        return wanted.Select(id => new PresencePayload(id, online.Contains(id))).ToArray();
    }

    private static HashSet<string> Checked(string[]? memberIds)
    {
        if (memberIds is null) throw CommunityException.Invalid("memberIds", "is required (an empty list watches no one)");
        if (memberIds.Length > MaxMembers) throw CommunityException.Invalid("memberIds", $"at most {MaxMembers} members at a time");
        if (!memberIds.All(id => id is not null && ClientIds.IsShaped(id)))
            throw CommunityException.Invalid("memberIds", $"each must be a member id ({ClientIds.Rule})");
        return memberIds.ToHashSet(StringComparer.Ordinal);
    }
}
