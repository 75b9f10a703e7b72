using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Grains.NetworkEvents;

/// <summary>
/// A network event's answers (places first come, first served; then the waiting list) and its reminder. The Orleans
/// reminder survives restarts and moves with the grain; the event's row is claimed before the reminder goes out, so a
/// tick that comes again sends nothing.
/// </summary>
public sealed class NetworkEventGrain(INetworkEventStore store, IMemberStore members, IEventPublisher events, IOptions<EventOptions> options,
    TimeProvider time, ILogger<NetworkEventGrain> logger) : Grain, INetworkEventGrain, IRemindable
{
    private const string ReminderName = "reminder";

    private NetworkEvent? _event;
    private List<EventRsvp> _rsvps = [];

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _event = await store.GetAsync(Key);
        if (_event is not null) _rsvps = [.. await store.RsvpsAsync(Key)];
    }

    public async Task<EventView> CreateAsync(Actor actor, EventDraft draft)
    {
        if (!actor.IsSecretariat) throw CommunityException.Forbidden("only the secretariat creates network events");
        if (_event is not null) throw CommunityException.Conflict("an event has this id already");
        var created = EventRules.New(Key, Ids.NewRoomId(), draft, actor.MemberId, time.GetUtcNow());
        await GrainFactory.GetGrain<IRoomGrain>(created.RoomId).CreateAsync(actor, new CreateRoom(created.Title, "", Visibility.Private, RoomKinds.Room));
        if (!await store.AddAsync(created)) throw CommunityException.Conflict("an event has this id already");
        _event = created;
        var due = created.StartsAt - options.Value.ReminderLead - time.GetUtcNow();
        await this.WakeInAsync(ReminderName, due);
        return View(actor.MemberId);
    }

    public async Task<EventView> GetAsync(Actor actor)
    {
        await RequireInvitedAsync(actor);
        return View(actor.MemberId);
    }

    public async Task<EventView> RsvpAsync(Actor actor, string? response)
    {
        var e = await RequireInvitedAsync(actor);
        var answer = Check.OneOf(response, "response", [.. EventRsvpStatuses.Answers]);
        var now = time.GetUtcNow();
        if (now >= e.StartsAt) throw CommunityException.Conflict("the event has started: answers are closed");
        var current = _rsvps.FirstOrDefault(r => r.MemberId == actor.MemberId);
        var changes = new List<EventRsvp>();
        EventRsvp? promoted = null;
        if (answer == EventRsvpStatuses.Going)
        {
            if (current?.Status is not (EventRsvpStatuses.Going or EventRsvpStatuses.Waitlisted))
            {
                var taken = _rsvps.Count(r => r.Status == EventRsvpStatuses.Going);
                changes.Add(new EventRsvp(actor.MemberId, e.Capacity is { } capacity && taken >= capacity ? EventRsvpStatuses.Waitlisted : EventRsvpStatuses.Going, now));
            }
        }
        else if (current?.Status != EventRsvpStatuses.Declined)
        {
            changes.Add(new EventRsvp(actor.MemberId, EventRsvpStatuses.Declined, now));
            if (current?.Status == EventRsvpStatuses.Going && Waitlist().FirstOrDefault() is { } first)
                changes.Add(promoted = first with { Status = EventRsvpStatuses.Going });
        }
        if (changes.Count > 0)
        {
            await store.SetRsvpsAsync(Key, changes);
            _rsvps = [.. _rsvps.Where(r => changes.All(c => c.MemberId != r.MemberId)), .. changes];
        }
        if (promoted is not null)
            events.Publish(new MemberEvent(promoted.MemberId, EventNames.EventRsvp, new EventRsvpPayload(Key, e.Title, EventRsvpStatuses.Going, null)));
        // Those going or waiting talk in the event's room; adding is a no-op for one already there.
        if (answer == EventRsvpStatuses.Going) await RoomAsync(e).AddMemberAsync(Owner(e), actor.MemberId);
        if (promoted is not null) await RoomAsync(e).AddMemberAsync(Owner(e), promoted.MemberId);
        return View(actor.MemberId);
    }

    public Task<EventAttendees> AttendeesAsync(Actor actor)
    {
        RequireSecretariat(actor);
        return AttendeesNowAsync();
    }

    public async Task<EventAttendees> RecordAttendanceAsync(Actor actor, IReadOnlyList<string>? memberIds)
    {
        var e = RequireSecretariat(actor);
        if (time.GetUtcNow() < e.StartsAt) throw CommunityException.Conflict("attendance is recorded once the event has started");
        if (memberIds is null) throw CommunityException.Invalid("memberIds", "is required");
        if (memberIds.Count > EventRules.MaxCapacity) throw CommunityException.Invalid("memberIds", $"must have at most {EventRules.MaxCapacity} items");
        var ids = memberIds.Select((id, i) => ClientIds.Check(id, $"memberIds[{i}]")).Distinct().ToArray();
        var known = await members.GetManyAsync(ids);
        if (known.Count != ids.Length)
            throw CommunityException.Invalid("memberIds", $"no such member: {ids.Except(known.Select(m => m.Id)).First()}");
        await store.SetAttendanceAsync(Key, ids, time.GetUtcNow());
        return await AttendeesNowAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        if (_event is { } e)
        {
            if (time.GetUtcNow() < e.StartsAt - options.Value.ReminderLead) return;
            if (await store.ClaimReminderAsync(Key, time.GetUtcNow()))
            {
                var reminder = new EventReminderPayload(Key, e.Title, e.StartsAt, e.Location, e.RoomId);
                var going = _rsvps.Where(r => r.Status == EventRsvpStatuses.Going).ToArray();
                foreach (var member in going) events.Publish(new MemberEvent(member.MemberId, EventNames.EventReminder, reminder));
                NetworkEventLog.ReminderSent(logger, Key, going.Length);
            }
        }
        if (await this.GetReminder(reminderName) is { } registered) await this.UnregisterReminder(registered);
    }

    private async Task<EventAttendees> AttendeesNowAsync() => new(
        _rsvps.Where(r => r.Status == EventRsvpStatuses.Going).OrderBy(r => r.At).Select(r => r.MemberId).ToArray(),
        Waitlist().Select(r => r.MemberId).ToArray(),
        _rsvps.Where(r => r.Status == EventRsvpStatuses.Declined).OrderBy(r => r.At).Select(r => r.MemberId).ToArray(),
        await store.AttendanceAsync(Key));

    private IEnumerable<EventRsvp> Waitlist() => _rsvps.Where(r => r.Status == EventRsvpStatuses.Waitlisted).OrderBy(r => r.At).ThenBy(r => r.MemberId, StringComparer.Ordinal);

    private EventView View(string memberId)
    {
        var e = _event!;
        var mine = _rsvps.FirstOrDefault(r => r.MemberId == memberId);
        var position = mine?.Status == EventRsvpStatuses.Waitlisted ? Waitlist().TakeWhile(r => r.MemberId != memberId).Count() + 1 : (int?)null;
        return new EventView(e.Id, e.Title, e.Description, e.Location, e.StartsAt, e.DurationMinutes, e.Capacity, e.InvitedTags, e.RoomId,
            _rsvps.Count(r => r.Status == EventRsvpStatuses.Going), _rsvps.Count(r => r.Status == EventRsvpStatuses.Waitlisted), mine?.Status, position);
    }

    private IRoomGrain RoomAsync(NetworkEvent e) => GrainFactory.GetGrain<IRoomGrain>(e.RoomId);

    /// <summary>The event's room is its creator's: the room's owner adds those who answer.</summary>
    private static Actor Owner(NetworkEvent e) => new(e.CreatedBy, MemberRoles.Secretariat);

    private async Task<NetworkEvent> RequireInvitedAsync(Actor actor)
    {
        var e = _event ?? throw CommunityException.NotFound("no such event");
        if (actor.IsSecretariat || e.InvitedTags.Count == 0) return e;
        var tags = (await members.GetAsync(actor.MemberId))?.Profile.Tags ?? [];
        return EventRules.IsInvited(e, tags, secretariat: false) ? e : throw CommunityException.NotFound("no such event");
    }

    private NetworkEvent RequireSecretariat(Actor actor)
    {
        var e = _event ?? throw CommunityException.NotFound("no such event");
        return actor.IsSecretariat ? e : throw CommunityException.Forbidden("only the secretariat sees and records who attends");
    }
}
