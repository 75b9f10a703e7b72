using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Runtime;
using Community.Grains.Storage;

namespace Community.Grains.Conversations;

/// <summary>
/// The state and message behaviour shared by talk rooms and DM threads: metadata, members
/// with their read markers, and the log with its dense per-room seq.
/// </summary>
public abstract class ConversationGrain(ConversationServices services) : Grain, IConversationGrain
{
    private const int AppendAttempts = 50;
    private readonly Dictionary<string, RoomMember> _members = new();
    private readonly Dictionary<string, DateTimeOffset> _mutedUntil = new();

    protected ConversationServices Services => services;

    protected RoomInfo? Info { get; private set; }

    protected ChatMessage? LastMessage { get; private set; }

    protected IReadOnlyDictionary<string, RoomMember> Members => _members;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync();

    public async Task<RoomView> GetAsync(Actor actor)
    {
        var info = await RequireRoomAsync();
        if (info.Visibility != Visibility.Public) await RequireMemberAsync(actor);
        return ViewFor(actor.MemberId);
    }

    public async Task<IReadOnlyList<RoomMember>> GetMembersAsync(Actor actor)
    {
        await RequireMemberAsync(actor);
        return _members.Values.OrderBy(m => m.JoinedAt).ToArray();
    }

    public async Task EnsureMemberAsync(Actor actor) => await RequireMemberAsync(actor);

    public async Task<ChatMessage> SendAsync(Actor actor, SendMessage send)
    {
        var member = await RequireMemberAsync(actor);
        var info = Info!;
        MessageRules.CheckSend(send, info.LastSeq);
        try
        {
            CheckMayPost(actor, send);
            CheckNotMuted(actor);
            if (send.StampId is not null && !await services.Stamps.ExistsAsync(send.StampId))
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
            send.StampId, send.ReplyToSeq, mentions, services.Time.Now(), null, false, []));
        if (message is null) return (await EarlierAsync(actor, send))!;

        Info = Info! with { LastSeq = message.Seq };
        LastMessage = message;
        _members[actor.MemberId] = member with { ReadSeq = message.Seq };
        services.Events.Publish(new RoomEvent(Key, EventNames.Message, message));
        foreach (var mentioned in mentions)
            services.Events.Publish(new MemberEvent(mentioned, EventNames.Mention, new MentionPayload(Key, message.Seq, actor.MemberId)));
        await services.Activity.RecordAsync(actor.MemberId, posted: true);
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
        var edited = message with { Text = newText, Mentions = await MentionedMembersAsync(newText, actor.MemberId), EditedAt = services.Time.Now() };
        await services.Messages.UpdateAsync(edited);
        if (seq == Info!.LastSeq) LastMessage = edited;
        services.Events.Publish(new RoomEvent(Key, EventNames.MessageEdited, edited));
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
        await services.Messages.UpdateAsync(tombstone);
        if (seq == Info!.LastSeq) LastMessage = tombstone;
        services.Events.Publish(new RoomEvent(Key, EventNames.MessageDeleted, new MessageDeletedPayload(Key, seq)));
    }

    public async Task MarkReadAsync(Actor actor, long seq)
    {
        var member = await RequireMemberAsync(actor);
        if (seq < 0) throw CommunityException.Invalid("seq", "must not be negative");
        var upTo = Math.Min(seq, Info!.LastSeq);
        await services.Activity.RecordAsync(actor.MemberId, posted: false);
        if (upTo <= member.ReadSeq) return;
        await services.Rooms.SetReadSeqAsync(Key, actor.MemberId, upTo);
        _members[actor.MemberId] = member with { ReadSeq = upTo };
        var receipt = new ReadPayload(Key, actor.MemberId, upTo);
        foreach (var recipient in ReadReceiptRecipients(actor.MemberId))
            services.Events.Publish(new MemberEvent(recipient, EventNames.Read, receipt));
    }

    public async Task AddReactionAsync(Actor actor, long seq, string? key) => await ReactAsync(actor, seq, key, added: true);

    public async Task RemoveReactionAsync(Actor actor, long seq, string? key) => await ReactAsync(actor, seq, key, added: false);

    public async Task TypingAsync(Actor actor)
    {
        await RequireMemberAsync(actor);
        services.Events.Publish(new RoomEvent(Key, EventNames.Typing, new TypingPayload(Key, actor.MemberId), ExceptMemberId: actor.MemberId));
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
                await services.Messages.AppendAsync([message]);
                return message;
            }
            catch (DuplicateMessageException)
            {
                return null;
            }
            catch (StaleStateException) when (attempt < AppendAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(attempt, 10))), services.Time);
                message = message with { Seq = await services.Rooms.GetLastSeqAsync(Key) + 1, SentAt = services.Time.Now() };
            }
        }
    }

    private Task<ChatMessage?> EarlierAsync(Actor actor, SendMessage send) =>
        services.Messages.FindByClientMsgIdAsync(Key, actor.MemberId, send.ClientMsgId!);

    /// <summary>Refuses a post the room's rules do not allow (the broadcast channel takes only the secretariat's posts).</summary>
    protected virtual void CheckMayPost(Actor actor, SendMessage send)
    {
    }

    protected async Task MuteAsync(string memberId, DateTimeOffset until)
    {
        await services.Rooms.SetMuteAsync(Key, memberId, until);
        _mutedUntil[memberId] = until;
        services.Events.Publish(new GrainStateChanged(GrainStateChanged.Room, Key));
    }

    private void CheckNotMuted(Actor actor)
    {
        if (_mutedUntil.TryGetValue(actor.MemberId, out var until) && until > services.Time.GetUtcNow())
            throw CommunityException.Forbidden($"you are muted in this room until {until:yyyy-MM-dd HH:mm} UTC");
    }

    private async Task ReactAsync(Actor actor, long seq, string? key, bool added)
    {
        await RequireMemberAsync(actor);
        var message = await RequireMessageAsync(seq);
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        var checkedKey = await CheckReactionKeyAsync(key);
        var changed = added
            ? await services.Messages.AddReactionAsync(Key, seq, checkedKey, actor.MemberId, services.Time.Now())
            : await services.Messages.RemoveReactionAsync(Key, seq, checkedKey, actor.MemberId);
        if (!changed) return;
        var count = await services.Messages.CountReactionsAsync(Key, seq, checkedKey);
        services.Events.Publish(new RoomEvent(Key, EventNames.Reaction, new ReactionPayload(Key, seq, checkedKey, actor.MemberId, added, count)));
    }

    private async Task<string> CheckReactionKeyAsync(string? key)
    {
        if (string.IsNullOrEmpty(key)) throw CommunityException.Invalid("key", "is required");
        if (ReactionKeys.IsStamp(key, out var stampId))
            return await services.Stamps.ExistsAsync(stampId) ? key : throw CommunityException.Invalid("key", "no such stamp");
        return ReactionKeys.IsSingleEmoji(key) ? key : throw CommunityException.Invalid("key", "must be one emoji or stamp:<stampId>");
    }

    /// <summary>The members of this room that the text mentions by <c>@handle</c>, the author left out.</summary>
    private async Task<IReadOnlyList<string>> MentionedMembersAsync(string? text, string authorId)
    {
        var handles = Mentions.HandlesIn(text);
        if (handles.Count == 0) return [];
        var ids = await services.MemberStore.FindIdsByHandlesAsync(handles);
        return ids.Values.Where(id => id != authorId && _members.ContainsKey(id)).Distinct().ToArray();
    }

    /// <summary>Who hears that <paramref name="readerId"/> read: the reader's own connections, at least.</summary>
    protected virtual IEnumerable<string> ReadReceiptRecipients(string readerId) => [readerId];

    protected RoomView ViewFor(string memberId) =>
        RoomView.Of(Info!, _members.Count, LastMessage, _members.GetValueOrDefault(memberId));

    protected async Task<RoomInfo> RequireRoomAsync()
    {
        if (Info is null) await LoadAsync();
        return Info ?? throw CommunityException.NotFound("no such room");
    }

    /// <summary>
    /// The actor's membership, or <c>forbidden</c>. A miss reloads first: the member may have
    /// joined through another activation of this room.
    /// </summary>
    protected async Task<RoomMember> RequireMemberAsync(Actor actor) =>
        (await RequireMemberAsync(actor, allowSecretariat: false))!;

    protected async Task<RoomMember?> RequireMemberAsync(Actor actor, bool allowSecretariat)
    {
        await RequireRoomAsync();
        if (_members.TryGetValue(actor.MemberId, out var member)) return member;
        await LoadAsync();
        if (_members.TryGetValue(actor.MemberId, out member)) return member;
        if (allowSecretariat && actor.IsSecretariat) return null;
        throw CommunityException.Forbidden("not a member of this room");
    }

    protected async Task AddMemberAsync(string memberId, string role)
    {
        var member = new RoomMember(Key, memberId, role, services.Time.Now(), 0);
        var version = await services.Rooms.AddMemberAsync(member, Info!.Version);
        Info = Info with { Version = version };
        _members[memberId] = member;
        services.Events.Publish(new MembershipChanged(Key, memberId, Joined: true, Info.LastSeq));
        services.Events.Publish(new MemberEvent(memberId, EventNames.RoomUpdated, ViewFor(memberId)));
    }

    protected async Task RemoveMemberAsync(string memberId)
    {
        var version = await services.Rooms.RemoveMemberAsync(Key, memberId, Info!.Version);
        Info = Info with { Version = version };
        _members.Remove(memberId);
        services.Events.Publish(new MembershipChanged(Key, memberId, Joined: false, Info.LastSeq));
    }

    /// <summary>Writes a new room to storage and takes it as this grain's state.</summary>
    protected async Task CreateAsync(RoomInfo info, IReadOnlyList<RoomMember> members)
    {
        if (!await services.Rooms.CreateAsync(info, members)) throw CommunityException.Conflict("the room exists already");
        Info = info;
        _members.Clear();
        foreach (var member in members) _members[member.MemberId] = member;
        foreach (var member in members)
        {
            services.Events.Publish(new MembershipChanged(Key, member.MemberId, Joined: true, info.LastSeq));
            services.Events.Publish(new MemberEvent(member.MemberId, EventNames.RoomUpdated, ViewFor(member.MemberId)));
        }
    }

    protected void SetInfo(RoomInfo info) => Info = info;

    private async Task<ChatMessage> RequireMessageAsync(long seq) =>
        (seq >= 1 && seq <= Info!.LastSeq ? await services.Messages.GetAsync(Key, seq) : null)
        ?? throw CommunityException.NotFound($"no message {seq} in this room");

    private async Task LoadAsync()
    {
        var snapshot = await services.Rooms.LoadAsync(Key);
        _members.Clear();
        _mutedUntil.Clear();
        if (snapshot is null)
        {
            (Info, LastMessage) = (null, null);
            return;
        }
        Info = snapshot.Info;
        foreach (var member in snapshot.Members) _members[member.MemberId] = member;
        foreach (var (memberId, until) in snapshot.MutedUntil) _mutedUntil[memberId] = until;
        LastMessage = Info.LastSeq > 0 ? await services.Messages.GetAsync(Key, Info.LastSeq) : null;
    }
}
