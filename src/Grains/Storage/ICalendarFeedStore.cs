namespace Community.Grains.Storage;

/// <summary>Each room's calendar feed: the hash of the one token that opens it.</summary>
public interface ICalendarFeedStore
{
    /// <summary>Gives the room's feed a new token, replacing the one it had.</summary>
    Task SetAsync(string roomId, string tokenHash, string createdBy, DateTimeOffset createdAt);

    /// <summary>Closes the room's feed; false when it had none.</summary>
    Task<bool> RevokeAsync(string roomId);

    /// <summary>The room whose feed the token with this hash opens, or null.</summary>
    Task<string?> RoomOfAsync(string tokenHash);
}
