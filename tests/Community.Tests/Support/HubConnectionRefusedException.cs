using System.Net;

namespace Community.Tests.Support;

/// <summary>
/// The hub did not accept the connection: it refused the WebSocket upgrade
/// (<see cref="StatusCode"/> is the HTTP status, e.g. 401), answered the handshake with an
/// error, or closed the connection before answering it (<see cref="StatusCode"/> is null).
/// </summary>
public sealed class HubConnectionRefusedException(HttpStatusCode? statusCode, string reason, Exception? innerException = null)
    : Exception(statusCode is { } status
        ? $"The hub refused the connection with HTTP {(int)status} ({status}): {reason}"
        : $"The hub refused the connection: {reason}", innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;
}
