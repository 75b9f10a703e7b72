using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Grains.Conversations;

/// <summary>Editing, deleting and reading messages; mutes and the rules of posting.</summary>
public abstract partial class ConversationGrain
{
    public async Task<ChatMessage> EditAsync(Actor actor, long seq, string? text)
    {
        RequireMember(actor);
        CheckNotMuted(actor);
        var message = await RequireMessageAsync(seq);
        if (message.SenderId != actor.MemberId) throw CommunityException.Forbidden("only the sender can edit a message");
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        if (message.StampId is not null) throw CommunityException.Invalid("text", "a stamp message cannot be edited");
        var newText = MessageRules.CheckText(text);
        CheckMayMentionRoom(actor, newText);
        var edited = message with { Text = newText, Mentions = await MentionedMembersAsync(newText, actor.MemberId), EditedAt = Services.Time.Now() };
        await Services.Messages.UpdateAsync(edited);
        if (seq == Info!.LastSeq) LastMessage = edited;
        Services.Events.Publish(new RoomEvent(Key, EventNames.MessageEdited, edited));
        return edited;
    }

    public async Task DeleteAsync(Actor actor, long seq)
    {
        var member = RequireMember(actor, allowSecretariat: true);
        var message = await RequireMessageAsync(seq);
        var mayDelete = message.SenderId == actor.MemberId || actor.IsSecretariat || RoomRoles.CanModerate(member?.Role);
        if (!mayDelete) throw CommunityException.Forbidden("only the sender, the room's moderators and the secretariat can delete a message");
        if (message.Deleted) return;
        var audit = message.SenderId == actor.MemberId ? null
            : AuditEntry.Of(AuditActions.MessageDeleted, actor.MemberId, Key, message.SenderId, new { seq }, Services.Time.Now());
        await TombstoneAsync(message, audit);
    }

    /// <summary>Replaces a message by its tombstone (seq and sender kept; text, stamp, mentions and reactions gone) and tells the room.</summary>
    private async Task TombstoneAsync(ChatMessage message, AuditEntry? audit)
    {
        var tombstone = message with { Text = null, StampId = null, Mentions = [], Deleted = true, Reactions = [] };
        // Known before the write: the tombstone's transaction takes the message out of the pins.
        var pins = await PinsAsync();
        await Services.Messages.UpdateAsync(tombstone, audit);
        if (message.Seq == Info!.LastSeq) LastMessage = tombstone;
        Services.Events.Publish(new RoomEvent(Key, EventNames.MessageDeleted, new MessageDeletedPayload(Key, message.Seq)));
        if (pins.Remove(message.Seq)) Services.Events.Publish(new RoomEvent(Key, EventNames.Unpinned, new UnpinnedPayload(Key, message.Seq)));
    }

    public async Task MarkReadAsync(Actor actor, long seq)
    {
        var member = RequireMember(actor);
        if (seq < 0) throw CommunityException.Invalid("seq", "must not be negative");
        var upTo = Math.Min(seq, Info!.LastSeq);
        await Services.Activity.RecordAsync(actor.MemberId, posted: false);
        if (upTo <= member.ReadSeq) return;
        await Services.Rooms.SetReadSeqAsync(Key, actor.MemberId, upTo);
        // Read afresh: a commit of the member's own message may have moved the marker meanwhile.
        if (_members.TryGetValue(actor.MemberId, out var current) && current.ReadSeq < upTo)
            _members[actor.MemberId] = current with { ReadSeq = upTo };
        var receipt = new ReadPayload(Key, actor.MemberId, upTo);
        foreach (var recipient in ReadReceiptRecipients(actor.MemberId))
            Services.Events.Publish(new MemberEvent(recipient, EventNames.Read, receipt));
    }

    /// <summary>
    /// Checks a send and builds its message, to take the <paramref name="position"/>-th seq after
    /// the log's end; or finds the message when it is a retry of one sent already.
    /// </summary>
    private async Task<PreparedSend> PrepareAsync(Actor actor, SendMessage? given, int position)
    {
        RequireMember(actor);
        var send = MessageRules.CheckSend(given, Info!.LastSeq);
        try
        {
            CheckMayPost(actor, send);
            CheckNotMuted(actor);
            CheckMayMentionRoom(actor, send.Text);
            if (send.StampId is not null && !await Services.Stamps.ExistsAsync(send.StampId))
                throw CommunityException.Invalid("stampId", "no such stamp");
            if (send.ReplyToSeq is { } replyTo) send = send with { ReplyToSeq = await ThreadRootAsync(replyTo) };
        }
        catch (CommunityException)
        {
            // A retry of a message accepted before the refusal came to apply (a mute since) still gets its answer.
            if (await EarlierAsync(actor, send) is { } earlier) return new PreparedSend(earlier, null);
            throw;
        }
        var mentions = await MentionedMembersAsync(send.Text, actor.MemberId);
        return new PreparedSend(null, new ChatMessage(Key, Info.LastSeq + position, actor.MemberId, send.ClientMsgId!, send.Text,
            send.StampId, send.ReplyToSeq, mentions, Services.Time.Now(), null, false, []));
    }

    /// <summary>Takes appended messages into the grain's state and tells the room, and the mentioned, about them.</summary>
    private async Task CommitAsync(IReadOnlyList<ChatMessage> messages, IReadOnlyList<ThreadCount> threads)
    {
        foreach (var message in messages)
        {
            Info = Info! with { LastSeq = message.Seq };
            LastMessage = message;
            if (_members.TryGetValue(message.SenderId, out var sender)) _members[message.SenderId] = sender with { ReadSeq = message.Seq };
            Services.Events.Publish(new RoomEvent(Key, EventNames.Message, message));
            foreach (var mentioned in message.Mentions.Where(m => !RoomWideMentions.IsToken(m)))
                Services.Events.Publish(new MemberEvent(mentioned, EventNames.Mention, new MentionPayload(Key, message.Seq, message.SenderId)));
            PublishRoomWideMention(message);
        }
        PublishThreadUpdates(threads);
        foreach (var senderId in messages.Select(m => m.SenderId).Distinct())
            await Services.Activity.RecordAsync(senderId, posted: true);
    }

    private Task<ChatMessage?> EarlierAsync(Actor actor, SendMessage send) =>
        Services.Messages.FindByClientMsgIdAsync(Key, actor.MemberId, send.ClientMsgId!);

    /// <summary>Refuses a post the room's rules do not allow (the broadcast channel takes only the secretariat's posts).</summary>
    protected virtual void CheckMayPost(Actor actor, SendMessage send)
    {
    }

    /// <summary>
    /// Mutes a member until <paramref name="until"/>. The mute lives in grain storage, which no other table shares a
    /// transaction with: its audit entry is written first, so that a mute in force always has one (a write that then
    /// fails leaves an entry for a mute the moderator was told had failed, and may retry).
    /// </summary>
    protected async Task SetMuteAsync(Actor actor, string memberId, int minutes)
    {
        var now = Services.Time.Now();
        var until = now.AddMinutes(minutes);
        await Services.Audit.AddAsync(AuditEntry.Of(AuditActions.RoomMemberMuted, actor.MemberId, Key, memberId, new { minutes, until }, now));
        State.State = State.State.WithMute(memberId, until);
        await State.WriteStateAsync();
    }

    /// <summary>A muted member may not post, edit or add reactions: <c>forbidden</c>, with nothing stored and nothing sent.</summary>
    private void CheckNotMuted(Actor actor)
    {
        if (IsMuted(actor, out var until))
            throw CommunityException.Forbidden($"you are muted in this room until {until:yyyy-MM-dd HH:mm} UTC");
    }

    private bool IsMuted(Actor actor) => IsMuted(actor, out _);

    private bool IsMuted(Actor actor, out DateTimeOffset until) =>
        State.State.MutedUntil.TryGetValue(actor.MemberId, out until) && until > Services.Time.GetUtcNow();

    /// <summary>
    /// What the text mentions: the <c>@all</c> and <c>@here</c> tokens it holds, then the members of
    /// this room it names by <c>@handle</c>, the author left out.
    /// </summary>
    private async Task<IReadOnlyList<string>> MentionedMembersAsync(string? text, string authorId)
    {
        var handles = Mentions.HandlesIn(text);
        if (handles.Count == 0) return [];
        var personal = handles.Where(h => !RoomWideMentions.ReservedHandles.Contains(h)).ToArray();
        if (personal.Length > MessageCaps.MentionsPerMessage)
            throw CommunityException.Invalid("text", $"a message may mention at most {MessageCaps.MentionsPerMessage} members");
        var ids = personal.Length == 0 ? new Dictionary<string, string>() : await Services.MemberStore.FindIdsByHandlesAsync(personal);
        return [.. RoomWideMentions.In(handles), .. ids.Values.Where(id => id != authorId && _members.ContainsKey(id)).Distinct()];
    }

    /// <summary>Who hears that <paramref name="readerId"/> read: the reader's own connections, at least.</summary>
    protected virtual IEnumerable<string> ReadReceiptRecipients(string readerId) => [readerId];
}
