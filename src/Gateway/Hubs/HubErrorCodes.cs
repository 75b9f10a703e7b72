using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;

namespace Community.Gateway.Hubs;

/// <summary>
/// The coded text of every error the hub sends: the contract's codes, and <c>internal</c> for a
/// failure of the server's own (logged there), so that no client ever has to read SignalR's prose.
/// </summary>
internal static class HubErrorCodes
{
    public const string NotAMessage = "invalid: the hub message is not a message of the JSON hub protocol; the connection is closed";

    public const string Internal = "internal: the server failed to carry out the call (the failure is logged there)";

    private const string InternalClose = "internal: the server closed the connection after a failure of its own (the failure is logged there)";

    private const string HubExceptionMarker = " HubException: ";

    private static readonly string[] Codes = Enum.GetValues<ErrorCode>().Select(c => c.ToWire()).Append("internal").ToArray();

    public static string TooLarge(long limit) => $"too_large: a hub message may be at most {limit} bytes; the connection is closed";

    /// <summary>The coded form of a failed call's error, as SignalR wrote it.</summary>
    public static string OfCompletion(string error)
    {
        // Calls SignalR could not route or bind never reached a method: "Failed to invoke 'X' due to an error on the server."
        if (error.StartsWith("Failed to invoke '", StringComparison.Ordinal))
        {
            var method = error["Failed to invoke '".Length..].Split('\'')[0];
            if (error.EndsWith(HubExceptionMarker + "Method does not exist.", StringComparison.Ordinal)) return $"not_found: no hub method '{method}'";
            if (error.Contains("because user is unauthorized", StringComparison.Ordinal)) return "forbidden: not allowed to call this method";
            return $"invalid: arguments: the call's arguments do not match '{method}' (how many there are, or their types)";
        }
        var at = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        return at >= 0 ? WithCode(error[(at + HubExceptionMarker.Length)..]) : IsCoded(error) ? error : Internal;
    }

    /// <summary>The coded form of the reason SignalR gives for closing a connection.</summary>
    public static string OfClose(string error)
    {
        var at = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        return at >= 0 ? WithCode(error[(at + HubExceptionMarker.Length)..]) : IsCoded(error) ? error : InternalClose;
    }

    private static string WithCode(string message) => IsCoded(message) ? message : $"invalid: {message}";

    private static bool IsCoded(string message) =>
        Codes.Any(code => message.Length > code.Length && message.StartsWith(code, StringComparison.Ordinal) && message[code.Length] == ':');
}
