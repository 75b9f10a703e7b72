namespace Community.Tests.Support;

/// <summary>The connection closed before an invocation completed or an awaited event arrived.</summary>
public sealed class HubConnectionClosedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
