namespace Community.Grains.Storage;

/// <summary>
/// The log refused an append because the room's last seq in storage is not the one the append
/// follows: the room's activation is out of date (the cluster briefly ran a second one). Nothing was written.
/// </summary>
public sealed class SeqConflictException(string message) : Exception(message);
