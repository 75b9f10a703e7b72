using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// The JSON hub protocol spoken by hand over a WebSocket, so that a test can send what no
/// official client would: unknown methods, wrong argument counts and shapes, lone surrogates,
/// frames that are not JSON, messages over the size limit. Events the server sends are skipped.
/// </summary>
internal sealed class RawHubConnection : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _pending = new();
    private int _nextId;

    private RawHubConnection(ClientWebSocket socket) => _socket = socket;

    /// <summary>The reason the server gave when it closed the connection; null while open.</summary>
    public string? CloseError { get; private set; }

    public bool IsClosed { get; private set; }

    /// <summary>Every error the server sent on this connection, in completions and in its close.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<RawHubConnection> ConnectAsync(Uri baseAddress, string token)
    {
        var socket = new ClientWebSocket();
        var url = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/chat", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(url, timeout.Token);
        var connection = new RawHubConnection(socket);
        await connection.SendFrameAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var handshake = await connection.ReceiveMessageAsync();
        if (handshake is null || handshake.Contains("\"error\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"The hub refused the handshake: {handshake}");
        return connection;
    }

    /// <summary>
    /// Invokes <paramref name="target"/> with the arguments as raw JSON; the completion's error
    /// (null for a success), or null with <see cref="IsClosed"/> set when the server closed the connection instead.
    /// </summary>
    public async Task<(bool Completed, string? Error)> InvokeAsync(string targetJson, string argumentsJson, string? padding = null)
    {
        var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extra = padding is null ? "" : $",\"padding\":\"{padding}\"";
        await SendFrameAsync($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":{targetJson},\"arguments\":{argumentsJson}{extra}}}{RecordSeparator}");
        return await CompletionAsync(id);
    }

    /// <summary>
    /// Sends text that is not a call of the protocol, then a call that must be refused: the
    /// server either closes the connection over the text, or ignores it and answers the call.
    /// </summary>
    public async Task<(bool Completed, string? Error)> SendGarbageAsync(string text)
    {
        await SendFrameAsync(text + RecordSeparator);
        try
        {
            return await InvokeAsync("\"Typing\"", "[\"\\u0000\"]");
        }
        catch (WebSocketException)
        {
            // The server closed the connection over the text before the call went out: read why.
            return await CompletionAsync(null);
        }
    }

    private async Task<(bool Completed, string? Error)> CompletionAsync(string? id)
    {
        while (await ReceiveMessageAsync() is { } message)
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            var type = root.GetProperty("type").GetInt32();
            if (type == 7)
            {
                IsClosed = true;
                CloseError = root.TryGetProperty("error", out var error) ? error.GetString() : null;
                if (CloseError is not null) Errors.Add(CloseError);
                return (false, null);
            }
            if (type != 3) continue;
            var failure = root.TryGetProperty("error", out var completionError) ? completionError.GetString() : null;
            if (failure is not null) Errors.Add(failure);
            if (id is not null && root.TryGetProperty("invocationId", out var invocation) && invocation.GetString() == id) return (true, failure);
        }
        IsClosed = true;
        return (false, null);
    }

    private async Task SendFrameAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message of the protocol, or null when the socket closed.</summary>
    /// <exception cref="TimeoutException">Nothing within the timeout.</exception>
    private async Task<string?> ReceiveMessageAsync()
    {
        try
        {
            return await ReceiveOrCancelAsync();
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"The hub sent nothing within {Timeout.TotalSeconds} s.", e);
        }
    }

    private async Task<string?> ReceiveOrCancelAsync()
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }
            if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseSent)) return null;
            var bytes = new List<byte>();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                bytes.AddRange(buffer.AsSpan(0, result.Count).ToArray());
            }
            while (!result.EndOfMessage);
            _pending.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closing is best effort: the server may have closed it first.
        }
        _socket.Dispose();
    }
}
