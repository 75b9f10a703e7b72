using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Grains.Conversations;

/// <summary>
/// The state and behaviour shared by talk rooms and DM threads: metadata, members with their
/// read markers and mutes, and the log with its dense per-room seq. Sending is in
/// ConversationGrain.GroupCommit.cs, the other message calls in ConversationGrain.Messages.cs,
/// reactions and typing in ConversationGrain.Reactions.cs.
/// </summary>
public abstract partial class ConversationGrain(ConversationServices services, IPersistentState<ConversationState> state) : Grain, IConversationGrain
{
    private readonly Dictionary<string, RoomMember> _members = new();

    protected string Key => this.GetPrimaryKeyString();

    protected ConversationServices Services => services;

    protected IPersistentState<ConversationState> State => state;

    protected RoomInfo? Info { get; private set; }

    protected ChatMessage? LastMessage { get; private set; }

    protected IReadOnlyDictionary<string, RoomMember> Members => _members;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync();

    public Task<RoomView> GetAsync(Actor actor)
    {
        var info = RequireRoom();
        if (info.Visibility != Visibility.Public) RequireMember(actor);
        return Task.FromResult(ViewFor(actor.MemberId));
    }

    public Task<IReadOnlyList<RoomMember>> GetMembersAsync(Actor actor)
    {
        RequireMember(actor);
        return Task.FromResult<IReadOnlyList<RoomMember>>(_members.Values.OrderBy(m => m.JoinedAt).ToArray());
    }

    public Task EnsureMemberAsync(Actor actor)
    {
        RequireMember(actor);
        return Task.CompletedTask;
    }

    protected RoomView ViewFor(string memberId) =>
        RoomView.Of(Info!, _members.Count, LastMessage, _members.GetValueOrDefault(memberId), services.Time.GetUtcNow());

    protected RoomInfo RequireRoom() => Info ?? throw CommunityException.NotFound("no such room");

    /// <summary>The actor's membership, or <c>forbidden</c>.</summary>
    protected RoomMember RequireMember(Actor actor) => RequireMember(actor, allowSecretariat: false)!;

    protected RoomMember? RequireMember(Actor actor, bool allowSecretariat)
    {
        RequireRoom();
        if (_members.TryGetValue(actor.MemberId, out var member)) return member;
        if (allowSecretariat && actor.IsSecretariat) return null;
        throw CommunityException.Forbidden("not a member of this room");
    }

    protected async Task AddMemberAsync(string memberId, string role)
    {
        var member = new RoomMember(Key, memberId, role, services.Time.Now(), 0);
        await services.Rooms.AddMemberAsync(member);
        _members[memberId] = member;
        await services.Events.DeliverAsync(new MembershipChanged(Key, memberId, Joined: true));
        services.Events.Publish(new MemberEvent(memberId, EventNames.RoomUpdated, ViewFor(memberId)));
    }

    /// <summary>Takes a member out, recording <paramref name="audit"/> with it when someone else removed them.</summary>
    protected async Task RemoveMemberAsync(string memberId, AuditEntry? audit = null)
    {
        await services.Rooms.RemoveMemberAsync(Key, memberId, audit);
        _members.Remove(memberId);
        await services.Events.DeliverAsync(new MembershipChanged(Key, memberId, Joined: false));
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
            await services.Events.DeliverAsync(new MembershipChanged(Key, member.MemberId, Joined: true));
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
        if (snapshot is null)
        {
            (Info, LastMessage) = (null, null);
            return;
        }
        Info = snapshot.Info;
        foreach (var member in snapshot.Members) _members[member.MemberId] = member;
        // Mutes set before rooms kept them in grain state come over once, on the first activation since.
        if (!state.RecordExists && snapshot.MutedUntil.Count > 0) state.State = new ConversationState(snapshot.MutedUntil);
        LastMessage = Info.LastSeq > 0 ? await services.Messages.GetAsync(Key, Info.LastSeq) : null;
    }

    private async Task ReloadLogEndAsync()
    {
        var lastSeq = await services.Rooms.GetLastSeqAsync(Key);
        Info = Info! with { LastSeq = lastSeq };
        LastMessage = lastSeq > 0 ? await services.Messages.GetAsync(Key, lastSeq) : null;
    }
}
