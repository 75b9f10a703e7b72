using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Hubs;

/// <summary>
/// The JSON hub protocol, with one change: every error a client gets starts with the contract's
/// code. SignalR sends a <see cref="HubException"/> as "An unexpected error occurred invoking 'X'
/// on the server. HubException: …"; this protocol sends the exception's own message
/// (<c>forbidden: not a member of this room</c>), and codes SignalR's own refusals of calls
/// it could not bind or route.
/// </summary>
internal sealed class CodedErrorHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private const string Marker = " HubException: ";
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
        _json.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(Coded(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(Coded(message));

    private static HubMessage Coded(HubMessage message)
    {
        if (message is not CompletionMessage { Error: { } error } completion) return message;
        var at = error.IndexOf(Marker, StringComparison.Ordinal);
        var coded = at >= 0 ? error[(at + Marker.Length)..]
            // Arguments the hub could not bind (a wrong type, one missing) never reach a method.
            : error.StartsWith("Failed to invoke '", StringComparison.Ordinal) ? "invalid: arguments: the call's arguments do not match the method"
            : error.StartsWith("Unknown hub method", StringComparison.Ordinal) || error == "Method does not exist." ? "not_found: no such hub method"
            : error;
        return coded == error ? message : CompletionMessage.WithError(completion.InvocationId!, coded);
    }
}
