using Community.Grains.Pins;

namespace Community.Grains.Storage;

/// <summary>The pinned messages of every room; each room's grain is the only writer of its pins.</summary>
public interface IPinStore
{
    /// <summary>The room's pins, without their messages (what the room's grain keeps count of).</summary>
    Task<IReadOnlyList<Pin>> ListAsync(string roomId);

    /// <summary>Pins a message; false when it was pinned already.</summary>
    Task<bool> AddAsync(string roomId, Pin pin);

    /// <summary>Unpins a message; false when it was not pinned.</summary>
    Task<bool> RemoveAsync(string roomId, long seq);

    /// <summary>The room's pins with their messages, newest pin first, reactions as <paramref name="viewerId"/> sees them.</summary>
    Task<IReadOnlyList<PinnedMessage>> ListWithMessagesAsync(string roomId, string viewerId);
}
