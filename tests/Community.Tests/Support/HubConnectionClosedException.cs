namespace Community.Tests.Support;

/// <summary>The connection closed before an invocation completed, an awaited event arrived or a send went out.</summary>
public sealed class HubConnectionClosedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
