using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Community.Grains.Polls;

/// <summary>
/// One poll. Its room's grain orders the message that shows it in the timeline (so seqs stay dense); this grain
/// keeps the votes, checks the closing time, and publishes the results to the room as a <c>poll</c> event after each
/// change. A timed poll closes by a durable Orleans reminder, which publishes the final results once.
/// </summary>
public sealed class PollGrain(IPollStore polls, IEventPublisher events, TimeProvider time, ILogger<PollGrain> logger)
    : Grain, IPollGrain, IRemindable
{
    private const string ReminderName = "close";

    private Poll? _poll;
    private Dictionary<string, IReadOnlyList<int>> _votes = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await polls.GetAsync(this.GetPrimaryKeyString()) is { } stored)
            (_poll, _votes) = (stored.Poll, new Dictionary<string, IReadOnlyList<int>>(stored.Votes, StringComparer.Ordinal));
    }

    public async Task<PollView> CreateAsync(Actor actor, string roomId, PollDraft draft)
    {
        if (_poll is not null) return await GetAsync(actor);
        var poll = PollRules.New(this.GetPrimaryKeyString(), roomId, actor.MemberId, draft, time.Now());
        var text = MessageTextOf(poll);
        var message = await GrainFactory.GetConversation(roomId).SendAsync(actor, new SendMessage(draft.ClientMsgId ?? $"poll:{poll.Id}", text));
        if (message.Text != text) throw CommunityException.Conflict("clientMsgId: was already used for another message");
        var stored = await polls.AddAsync(poll with { Seq = message.Seq });
        // A retried creation: the room's poll at that seq is the one asked for.
        if (stored.Id != poll.Id) return await GrainFactory.GetGrain<IPollGrain>(stored.Id).GetAsync(actor);
        _poll = stored;
        if (stored.ClosesAt is { } closesAt)
        {
            var due = closesAt - time.GetUtcNow();
            await this.WakeInAsync(ReminderName, due);
        }
        Publish();
        return View(actor.MemberId);
    }

    public async Task<PollView> GetAsync(Actor actor)
    {
        await RequireRoomMemberAsync(actor);
        return View(actor.MemberId);
    }

    public async Task<PollView> VoteAsync(Actor actor, IReadOnlyList<int>? choices)
    {
        var poll = await RequireRoomMemberAsync(actor);
        var now = time.Now();
        if (poll.IsClosedAt(now)) throw CommunityException.Conflict("the poll is closed");
        var chosen = PollRules.Choices(poll, choices);
        if (_votes.TryGetValue(actor.MemberId, out var before) && before.SequenceEqual(chosen)) return View(actor.MemberId);
        await polls.SetVoteAsync(poll.Id, actor.MemberId, chosen, now);
        _votes[actor.MemberId] = chosen;
        Publish();
        return View(actor.MemberId);
    }

    public async Task<PollView> CloseAsync(Actor actor)
    {
        var poll = await RequireRoomMemberAsync(actor);
        if (poll.ClosedAt is not null) return View(actor.MemberId);
        if (poll.CreatedBy != actor.MemberId && !actor.IsSecretariat)
        {
            var room = await GrainFactory.GetConversation(poll.RoomId).GetAsync(actor);
            if (!RoomRoles.CanModerate(room.MyRole)) throw CommunityException.Forbidden("only the poll's creator, the room's owners and moderators, and the secretariat close it");
        }
        await CloseAtAsync(poll.IsClosedAt(time.GetUtcNow()) && poll.ClosesAt is { } closesAt ? closesAt : time.Now());
        return View(actor.MemberId);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_poll is { ClosedAt: null, ClosesAt: { } closesAt })
        {
            if (time.GetUtcNow() < closesAt) return;
            await CloseAtAsync(closesAt);
            PollLog.Closed(logger, _poll.Id, _poll.RoomId);
        }
        if (await this.GetReminder(reminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task CloseAtAsync(DateTimeOffset at)
    {
        await polls.CloseAsync(_poll!.Id, at);
        _poll = _poll with { ClosedAt = at };
        if (_poll.ClosesAt is not null && await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
        Publish();
    }

    /// <summary>The poll, provided the actor belongs to its room (the secretariat included: anonymity holds for them too).</summary>
    private async Task<Poll> RequireRoomMemberAsync(Actor actor)
    {
        var poll = _poll ?? throw CommunityException.NotFound("no such poll");
        await GrainFactory.GetConversation(poll.RoomId).EnsureMemberAsync(actor);
        return poll;
    }

    private PollView View(string? viewerId) => PollResults.View(_poll!, _votes, time.GetUtcNow(), viewerId);

    private void Publish() => events.Publish(new RoomEvent(_poll!.RoomId, EventNames.Poll, View(viewerId: null)));

    /// <summary>What the poll's message says, for clients that show messages without polls (and for search).</summary>
    private static string MessageTextOf(Poll poll) => $"📊 {poll.Question}";
}
