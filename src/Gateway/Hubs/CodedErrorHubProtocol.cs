using System.Buffers;
using System.Text.Json;
using Community.Gateway.Auth;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Hubs;

/// <summary>
/// The JSON hub protocol, with one change: every error a client gets starts with a code
/// (<see cref="HubErrorCodes"/>). SignalR sends a <see cref="HubException"/> as "An unexpected
/// error occurred invoking 'X' on the server. HubException: …"; this protocol sends the exception's
/// own message (<c>forbidden: not a member of this room</c>), codes SignalR's own refusals of
/// calls it could not route or bind, and says why when the server closes a connection over a
/// message it cannot take: over the size limit (<c>too_large</c>) or not of the protocol (<c>invalid</c>).
/// </summary>
internal sealed class CodedErrorHubProtocol(IOptions<JsonHubProtocolOptions> options, IOptions<CommunityLimits> limits) : IHubProtocol
{
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    /// <remarks>
    /// A <see cref="HubException"/> thrown here closes the connection with its message (SignalR
    /// always passes a HubException's message on), which <see cref="WriteMessage"/> then sends as it is.
    /// </remarks>
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
    {
        var length = input.Length;
        try
        {
            if (_json.TryParseMessage(ref input, binder, out message)) return true;
            // A whole message of a type this server does not know (which the protocol leaves to be
            // ignored) reads as nothing; SignalR would then leave it unconsumed and read nothing
            // after it ever again. Taken as a ping, it is consumed and ignored.
            if (input.Length < length)
            {
                message = PingMessage.Instance;
                return true;
            }
        }
        // Unreadable JSON, a member of the wrong type, a string with a lone surrogate: none of it is a message.
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            throw new HubException(HubErrorCodes.NotAMessage);
        }
        // SignalR hands the parser at most the size limit of what has arrived: all of it and no whole
        // message in it means a message over the limit (one within it would end inside).
        var limit = limits.Value.MaxHubMessageBytes;
        if (input.Length >= limit) throw new HubException(HubErrorCodes.TooLarge(limit));
        return false;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(Coded(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(Coded(message));

    private static HubMessage Coded(HubMessage message) => message switch
    {
        CompletionMessage { Error: { } error } completion when HubErrorCodes.OfCompletion(error) is var coded && coded != error =>
            CompletionMessage.WithError(completion.InvocationId!, coded),
        CloseMessage { Error: { } error } close when HubErrorCodes.OfClose(error) is var coded && coded != error =>
            new CloseMessage(coded, close.AllowReconnect),
        _ => message,
    };
}
