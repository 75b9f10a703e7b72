using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Runtime;
using Community.Grains.Storage;

namespace Community.Grains.Conversations;

/// <summary>Sending, editing, deleting and reading messages; mutes and the rules of posting.</summary>
public abstract partial class ConversationGrain
{
    private const int AppendAttempts = 50;

    public async Task<ChatMessage> SendAsync(Actor actor, SendMessage send)
    {
        var member = await RequireMemberAsync(actor);
        var info = Info!;
        MessageRules.CheckSend(send, info.LastSeq);
        try
        {
            CheckMayPost(actor, send);
            CheckNotMuted(actor);
            if (send.StampId is not null && !await Services.Stamps.ExistsAsync(send.StampId))
                throw CommunityException.Invalid("stampId", "no such stamp");
        }
        catch (CommunityException)
        {
            // A retry of a message accepted before the refusal came to apply (a mute since) still gets its answer.
            if (await EarlierAsync(actor, send) is { } earlier) return earlier;
            throw;
        }

        var mentions = await MentionedMembersAsync(send.Text, actor.MemberId);
        var message = await AppendAsync(new ChatMessage(Key, info.LastSeq + 1, actor.MemberId, send.ClientMsgId!, send.Text,
            send.StampId, send.ReplyToSeq, mentions, Services.Time.Now(), null, false, []));
        if (message is null) return (await EarlierAsync(actor, send))!;

        Info = Info! with { LastSeq = message.Seq };
        LastMessage = message;
        _members[actor.MemberId] = member with { ReadSeq = message.Seq };
        Services.Events.Publish(new RoomEvent(Key, EventNames.Message, message));
        foreach (var mentioned in mentions)
            Services.Events.Publish(new MemberEvent(mentioned, EventNames.Mention, new MentionPayload(Key, message.Seq, actor.MemberId)));
        await Services.Activity.RecordAsync(actor.MemberId, posted: true);
        return message;
    }

    public async Task<ChatMessage> EditAsync(Actor actor, long seq, string? text)
    {
        await RequireMemberAsync(actor);
        var message = await RequireMessageAsync(seq);
        if (message.SenderId != actor.MemberId) throw CommunityException.Forbidden("only the sender can edit a message");
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        if (message.StampId is not null) throw CommunityException.Invalid("text", "a stamp message cannot be edited");
        var newText = MessageRules.CheckText(text);
        var edited = message with { Text = newText, Mentions = await MentionedMembersAsync(newText, actor.MemberId), EditedAt = Services.Time.Now() };
        await Services.Messages.UpdateAsync(edited);
        if (seq == Info!.LastSeq) LastMessage = edited;
        Services.Events.Publish(new RoomEvent(Key, EventNames.MessageEdited, edited));
        return edited;
    }

    public async Task DeleteAsync(Actor actor, long seq)
    {
        var member = await RequireMemberAsync(actor, allowSecretariat: true);
        var message = await RequireMessageAsync(seq);
        var mayDelete = message.SenderId == actor.MemberId || actor.IsSecretariat || RoomRoles.CanModerate(member?.Role);
        if (!mayDelete) throw CommunityException.Forbidden("only the sender, the room's moderators and the secretariat can delete a message");
        if (message.Deleted) return;
        var tombstone = message with { Text = null, StampId = null, Mentions = [], Deleted = true, Reactions = [] };
        await Services.Messages.UpdateAsync(tombstone);
        if (seq == Info!.LastSeq) LastMessage = tombstone;
        Services.Events.Publish(new RoomEvent(Key, EventNames.MessageDeleted, new MessageDeletedPayload(Key, seq)));
    }

    public async Task MarkReadAsync(Actor actor, long seq)
    {
        var member = await RequireMemberAsync(actor);
        if (seq < 0) throw CommunityException.Invalid("seq", "must not be negative");
        var upTo = Math.Min(seq, Info!.LastSeq);
        await Services.Activity.RecordAsync(actor.MemberId, posted: false);
        if (upTo <= member.ReadSeq) return;
        await Services.Rooms.SetReadSeqAsync(Key, actor.MemberId, upTo);
        _members[actor.MemberId] = member with { ReadSeq = upTo };
        var receipt = new ReadPayload(Key, actor.MemberId, upTo);
        foreach (var recipient in ReadReceiptRecipients(actor.MemberId))
            Services.Events.Publish(new MemberEvent(recipient, EventNames.Read, receipt));
    }

    /// <summary>
    /// Appends a message at the end of the log. When another activation of this room (on another
    /// node) appended first, the message takes the next seq after the log's new end and tries
    /// again: only the seq was stale, and reloading the whole room would lose the race again.
    /// </summary>
    /// <returns>The message as appended, or null when the sender had sent it already (a retry).</returns>
    private async Task<ChatMessage?> AppendAsync(ChatMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Services.Messages.AppendAsync([message]);
                return message;
            }
            catch (DuplicateMessageException)
            {
                return null;
            }
            catch (StaleStateException) when (attempt < AppendAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(attempt, 10))), Services.Time);
                message = message with { Seq = await Services.Rooms.GetLastSeqAsync(Key) + 1, SentAt = Services.Time.Now() };
            }
        }
    }

    private Task<ChatMessage?> EarlierAsync(Actor actor, SendMessage send) =>
        Services.Messages.FindByClientMsgIdAsync(Key, actor.MemberId, send.ClientMsgId!);

    /// <summary>Refuses a post the room's rules do not allow (the broadcast channel takes only the secretariat's posts).</summary>
    protected virtual void CheckMayPost(Actor actor, SendMessage send)
    {
    }

    protected async Task MuteAsync(string memberId, DateTimeOffset until)
    {
        await Services.Rooms.SetMuteAsync(Key, memberId, until);
        _mutedUntil[memberId] = until;
        Services.Events.Publish(new GrainStateChanged(GrainStateChanged.Room, Key));
    }

    private void CheckNotMuted(Actor actor)
    {
        if (_mutedUntil.TryGetValue(actor.MemberId, out var until) && until > Services.Time.GetUtcNow())
            throw CommunityException.Forbidden($"you are muted in this room until {until:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>The members of this room that the text mentions by <c>@handle</c>, the author left out.</summary>
    private async Task<IReadOnlyList<string>> MentionedMembersAsync(string? text, string authorId)
    {
        var handles = Mentions.HandlesIn(text);
        if (handles.Count == 0) return [];
        var ids = await Services.MemberStore.FindIdsByHandlesAsync(handles);
        return ids.Values.Where(id => id != authorId && _members.ContainsKey(id)).Distinct().ToArray();
    }

    /// <summary>Who hears that <paramref name="readerId"/> read: the reader's own connections, at least.</summary>
    protected virtual IEnumerable<string> ReadReceiptRecipients(string readerId) => [readerId];
}
