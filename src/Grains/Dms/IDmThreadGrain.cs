using Community.Grains.Conversations;
using Community.Grains.Rooms;

namespace Community.Grains.Dms;

/// <summary>The private thread between two members. Keyed by <see cref="DmThreadId.For"/>.</summary>
public interface IDmThreadGrain : IConversationGrain
{
    /// <summary>Opens the thread between <paramref name="actor"/> and <paramref name="otherMemberId"/>, creating it the first time.</summary>
    Task<RoomView> OpenAsync(Actor actor, string otherMemberId);
}
