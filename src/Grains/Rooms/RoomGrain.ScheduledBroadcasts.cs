using Community.Grains.Audit;
using Community.Grains.Broadcasts;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Text;
using Microsoft.Extensions.Logging;
using ErrorCode = Community.Grains.Errors.ErrorCode;

namespace Community.Grains.Rooms;

/// <summary>
/// The broadcast channel's scheduled broadcasts. The channel's grain keeps them in its own state and
/// wakes through one Orleans reminder, due at the earliest pending one, which survives restarts and
/// moves with the grain between nodes. Each is posted through the ordinary send path under a client
/// message id of its own: a post that was stored before a crash let it be marked posted is found
/// again by the next attempt, not posted twice.
/// </summary>
public sealed partial class RoomGrain : IRemindable
{
    private const string ScheduledReminder = "scheduled-broadcasts";

    /// <summary>How many posted (or refused) broadcasts are remembered, so that changing one says it went out already.</summary>
    private const int KeptPosted = 50;

    private IReadOnlyList<ScheduledBroadcast> Scheduled => State.State.ScheduledBroadcasts;

    public Task<IReadOnlyList<ScheduledBroadcast>> ListScheduledBroadcastsAsync(Actor actor)
    {
        RequireScheduler(actor);
        return Task.FromResult<IReadOnlyList<ScheduledBroadcast>>(Scheduled.Where(s => s.Pending).OrderBy(s => s.SendAt).ThenBy(s => s.CreatedAt).ToArray());
    }

    public async Task<ScheduledBroadcast> ScheduleBroadcastAsync(Actor actor, ScheduledBroadcastDraft draft)
    {
        RequireScheduler(actor);
        var now = Services.Time.Now();
        var text = ScheduledBroadcastRules.Text(draft.Text);
        var sendAt = ScheduledBroadcastRules.SendAt(draft.SendAt, now);
        if (Scheduled.Count(s => s.Pending) >= ScheduledBroadcastRules.MaxPending)
            throw CommunityException.Conflict($"at most {ScheduledBroadcastRules.MaxPending} broadcasts can wait to be sent: cancel one first");
        var scheduled = new ScheduledBroadcast("sb_" + Ids.Random(12), text, sendAt, actor.MemberId, now, null);
        await Services.Audit.AddAsync(AuditEntry.Of(AuditActions.BroadcastScheduled, actor.MemberId, Key, scheduled.Id, new { sendAt }, now));
        await SaveScheduledAsync([.. Scheduled, scheduled]);
        return scheduled;
    }

    public async Task<ScheduledBroadcast> UpdateScheduledBroadcastAsync(Actor actor, string id, ScheduledBroadcastDraft change)
    {
        RequireScheduler(actor);
        var now = Services.Time.Now();
        var current = RequirePending(id, now, "changed");
        if (change.Text is null && change.SendAt is null) throw CommunityException.Invalid("text", "give the new text, sendAt, or both");
        var updated = current with
        {
            Text = change.Text is null ? current.Text : ScheduledBroadcastRules.Text(change.Text),
            SendAt = change.SendAt is null ? current.SendAt : ScheduledBroadcastRules.SendAt(change.SendAt, now),
            UpdatedAt = now,
        };
        await Services.Audit.AddAsync(AuditEntry.Of(AuditActions.BroadcastScheduleEdited, actor.MemberId, Key, id,
            new { sendAt = updated.SendAt, textChanged = updated.Text != current.Text }, now));
        await SaveScheduledAsync(Scheduled.Select(s => s.Id == id ? updated : s).ToArray());
        return updated;
    }

    public async Task CancelScheduledBroadcastAsync(Actor actor, string id)
    {
        RequireScheduler(actor);
        var now = Services.Time.Now();
        var current = RequirePending(id, now, "cancelled");
        await Services.Audit.AddAsync(AuditEntry.Of(AuditActions.BroadcastScheduleCancelled, actor.MemberId, Key, id, new { sendAt = current.SendAt }, now));
        await SaveScheduledAsync(Scheduled.Where(s => s.Id != id).ToArray());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduledReminder) return;
        // Those due within a moment go with this tick, in order, rather than each waiting for a tick of its own.
        var dueBy = Services.Time.GetUtcNow() + DueReminders.Soonest;
        foreach (var due in Scheduled.Where(s => s.Pending && s.SendAt <= dueBy).OrderBy(s => s.SendAt).ThenBy(s => s.CreatedAt).ToArray())
        {
            // Stop at the first that cannot go yet: the later ones wait, so that they keep their order, and
            // the reminder stays as it is, to tick again a period from now.
            if (!await PostAsync(due)) return;
        }
        await WakeAtNextAsync();
    }

    /// <summary>Posts one due broadcast and records the outcome; false when it must be tried again later.</summary>
    private async Task<bool> PostAsync(ScheduledBroadcast due)
    {
        ScheduledBroadcast outcome;
        try
        {
            var message = await SendAsync(new Actor(due.AuthorId, MemberRoles.Secretariat), new SendMessage(due.ClientMsgId, due.Text));
            outcome = due with { PostedSeq = message.Seq };
            ScheduledBroadcastLog.Posted(logger, due.Id, message.Seq);
        }
        catch (CommunityException refusal) when (refusal.Code is not (ErrorCode.Conflict or ErrorCode.RateLimited or ErrorCode.Unavailable))
        {
            outcome = due with { Failure = refusal.Message };
            ScheduledBroadcastLog.Refused(logger, due.Id, refusal.Message);
        }
        catch (Exception failure)
        {
            ScheduledBroadcastLog.Deferred(logger, due.Id, failure);
            return false;
        }
        var finished = Scheduled.Where(s => !s.Pending && s.Id != due.Id).TakeLast(KeptPosted - 1);
        State.State = State.State.WithScheduled([.. finished, outcome, .. Scheduled.Where(s => s.Pending && s.Id != due.Id)]);
        await State.WriteStateAsync();
        return true;
    }

    private async Task SaveScheduledAsync(IReadOnlyList<ScheduledBroadcast> scheduled)
    {
        State.State = State.State.WithScheduled(scheduled);
        await State.WriteStateAsync();
        await WakeAtNextAsync();
    }

    /// <summary>Sets the reminder to the earliest pending broadcast, or takes it away when none waits.</summary>
    private async Task WakeAtNextAsync()
    {
        var pending = Scheduled.Where(s => s.Pending).ToArray();
        if (pending.Length == 0)
        {
            if (await this.GetReminder(ScheduledReminder) is { } reminder) await this.UnregisterReminder(reminder);
            return;
        }
        var due = pending.Min(s => s.SendAt) - Services.Time.GetUtcNow();
        await this.WakeInAsync(ScheduledReminder, due);
    }

    private void RequireScheduler(Actor actor)
    {
        RequireRoom();
        if (Key != BroadcastChannel.Id) throw CommunityException.NotFound("only the broadcast channel has scheduled broadcasts");
        if (!actor.IsSecretariat) throw CommunityException.Forbidden("only the secretariat schedules broadcasts");
    }

    /// <summary>The pending broadcast <paramref name="id"/>: <c>not_found</c> if there is none, <c>conflict</c> once it was posted or is due.</summary>
    private ScheduledBroadcast RequirePending(string id, DateTimeOffset now, string what)
    {
        ClientIds.Check(id, "id");
        var scheduled = Scheduled.FirstOrDefault(s => s.Id == id) ?? throw CommunityException.NotFound("no such scheduled broadcast");
        if (scheduled.PostedSeq is { } seq) throw CommunityException.Conflict($"this broadcast was posted already (message {seq}) and cannot be {what}");
        if (scheduled.Failure is not null) throw CommunityException.Conflict($"this broadcast could not be posted ({scheduled.Failure}) and cannot be {what}");
        if (scheduled.SendAt <= now + DueReminders.Soonest) throw CommunityException.Conflict($"this broadcast is being posted and cannot be {what}");
        return scheduled;
    }
}
