using Community.Grains.Conversations;

namespace Community.Grains.Rooms;

/// <summary>A talk room or meetup room. Keyed by room id (<c>r_…</c>).</summary>
public interface IRoomGrain : IConversationGrain
{
    /// <summary>Creates the room with <paramref name="actor"/> as its owner.</summary>
    Task<RoomView> CreateAsync(Actor actor, CreateRoom create);

    Task<RoomView> UpdateAsync(Actor actor, RoomChange change);

    /// <summary>Joins a public room; joining twice is a no-op.</summary>
    Task<RoomView> JoinAsync(Actor actor);

    Task LeaveAsync(Actor actor);

    Task AddMemberAsync(Actor actor, string memberId);

    Task RemoveMemberAsync(Actor actor, string memberId);
}
