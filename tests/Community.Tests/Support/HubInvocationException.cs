namespace Community.Tests.Support;

/// <summary>
/// A hub method failed. <see cref="Exception.Message"/> is the server's error text: for a
/// <c>HubException</c>, its message (<c>forbidden: not a member of this room</c>), without the
/// <c>An unexpected error occurred invoking '…' on the server. HubException: </c> prefix that
/// SignalR puts in front of it on the wire; <see cref="ServerError"/> is the text as sent.
/// </summary>
public sealed class HubInvocationException(string serverError, string target)
    : Exception(StripHubExceptionPrefix(serverError, target))
{
    /// <summary>The hub method that failed.</summary>
    public string Target { get; } = target;

    /// <summary>The completion's <c>error</c> exactly as the server sent it.</summary>
    public string ServerError { get; } = serverError;

    private static string StripHubExceptionPrefix(string serverError, string target)
    {
        var prefix = $"An unexpected error occurred invoking '{target}' on the server. HubException: ";
        return serverError.StartsWith(prefix, StringComparison.Ordinal) ? serverError[prefix.Length..] : serverError;
    }
}
