using Community.Grains.Polls;

namespace Community.Grains.Storage;

/// <summary>Polls and their votes; each poll's grain is the only writer of its rows.</summary>
public interface IPollStore
{
    /// <summary>Stores a new poll; when its room already has a poll at its seq (a retried creation), that one is answered instead.</summary>
    Task<Poll> AddAsync(Poll poll);

    /// <summary>The poll and every member's choices, or null.</summary>
    Task<(Poll Poll, IReadOnlyDictionary<string, IReadOnlyList<int>> Votes)?> GetAsync(string pollId);

    /// <summary>The ids of the room's polls, newest first.</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(string roomId, int limit);

    /// <summary>Records a member's choices, replacing those they made before.</summary>
    Task SetVoteAsync(string pollId, string memberId, IReadOnlyList<int> choices, DateTimeOffset at);

    Task CloseAsync(string pollId, DateTimeOffset at);
}
