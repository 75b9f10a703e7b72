using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Pins;
using Community.Grains.Rooms;

namespace Community.Grains.Conversations;

/// <summary>
/// Pins: up to <see cref="PinRules.MaxPerRoom"/> messages a room keeps at hand. The grain is the only
/// writer of its room's pins; it loads which seqs are pinned on first need and keeps them.
/// </summary>
public abstract partial class ConversationGrain
{
    private Dictionary<long, Pin>? _pins;

    public async Task<Pin> PinAsync(Actor actor, long seq)
    {
        RequirePinner(actor);
        var message = await RequireMessageAsync(seq);
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        var pinned = await PinsAsync();
        if (pinned.TryGetValue(seq, out var existing)) return existing;
        if (pinned.Count >= PinRules.MaxPerRoom)
            throw CommunityException.Conflict($"this room has {PinRules.MaxPerRoom} pinned messages already: unpin one first");
        var pin = new Pin(seq, actor.MemberId, Services.Time.Now());
        await Services.Pins.AddAsync(Key, pin);
        pinned[seq] = pin;
        Services.Events.Publish(new RoomEvent(Key, EventNames.Pinned, new PinnedPayload(Key, seq, pin.PinnedBy, pin.PinnedAt)));
        return pin;
    }

    public async Task UnpinAsync(Actor actor, long seq)
    {
        RequirePinner(actor);
        if (seq < 1) throw CommunityException.Invalid("seq", "must be a seq (1 or more)");
        var pinned = await PinsAsync();
        if (!pinned.ContainsKey(seq)) return;
        await Services.Pins.RemoveAsync(Key, seq);
        pinned.Remove(seq);
        Services.Events.Publish(new RoomEvent(Key, EventNames.Unpinned, new UnpinnedPayload(Key, seq)));
    }

    /// <summary>Who may pin and unpin here: the room's owner and moderators, and the secretariat.</summary>
    protected virtual bool MayPin(Actor actor, RoomMember? member) => actor.IsSecretariat || RoomRoles.CanModerate(member?.Role);

    private void RequirePinner(Actor actor)
    {
        var member = RequireMember(actor, allowSecretariat: true);
        if (!MayPin(actor, member)) throw CommunityException.Forbidden("only the room's owner, moderators and the secretariat can pin messages");
    }

    /// <summary>The room's pins by seq, loaded on first need. A tombstone's transaction unpins its message (see DeleteAsync).</summary>
    private async Task<Dictionary<long, Pin>> PinsAsync() =>
        _pins ??= (await Services.Pins.ListAsync(Key)).ToDictionary(p => p.Seq);
}
