using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>
/// A SignalR client for tests that speaks the JSON hub protocol (version 1) over a raw
/// WebSocket, because the official .NET client does not restore here. It skips negotiation
/// and connects straight to the WebSocket endpoint, as the official clients do with
/// <c>skipNegotiation: true</c>.
/// </summary>
/// <remarks>
/// Every wait has a timeout (10 s unless given). Events are kept in arrival order; each
/// event satisfies at most one <see cref="WaitForEventAsync"/>. The client sends a ping
/// every 5 s so the server's client timeout never closes an idle test connection.
/// </remarks>
public sealed class HubTestClient : IAsyncDisposable
{
    /// <summary>The hub's path, relative to the server's base address.</summary>
    public const string HubPath = "hubs/chat";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultQuietWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private static readonly byte[] HandshakeRequest = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] PingMessage = "{\"type\":6}\u001e"u8.ToArray();

    // Web defaults (camelCase) as the server binds them; non-ASCII text goes as UTF-8,
    // not \u escapes, as a browser client sends it, so byte sizes match real traffic.
    private static readonly JsonSerializerOptions ArgumentOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly HubEventLog _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private Task _pingLoop = Task.CompletedTask;
    private bool _handshakeAnswered;
    private int _nextInvocationId;
    private readonly Lock _closeLock = new();
    private bool _isClosed;
    private int _isDisposed;
    private string? _closeReason;
    private string? _closeError;

    private HubTestClient(WebSocket socket) => _socket = socket;

    /// <summary>Whether the connection has ended (close message, WebSocket close, abort or dispose).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_closeLock) return _isClosed;
        }
    }

    /// <summary>The <c>error</c> of the server's close message (type 7), if it sent one with an error.</summary>
    public string? CloseError
    {
        get
        {
            lock (_closeLock) return _closeError;
        }
    }

    /// <summary>Why the connection ended, for diagnostics; null while it is open.</summary>
    public string? CloseReason
    {
        get
        {
            lock (_closeLock) return _closeReason;
        }
    }

    /// <summary>A snapshot of every event received so far, in arrival order, consumed or not.</summary>
    public IReadOnlyList<(string Target, JsonElement Arg)> Events => _events.Snapshot();

    /// <summary>
    /// Connects to <c>/hubs/chat</c> under <paramref name="baseAddress"/> (http becomes ws,
    /// https becomes wss) and completes the handshake. The token goes in the
    /// <c>Authorization: Bearer</c> header, or as <c>access_token</c> in the query string.
    /// </summary>
    /// <exception cref="HubConnectionRefusedException">
    /// The server refused the upgrade (<see cref="HubConnectionRefusedException.StatusCode"/>
    /// is e.g. 401) or the handshake.
    /// </exception>
    /// <exception cref="TimeoutException">No answer within 10 s.</exception>
    public static async Task<HubTestClient> ConnectAsync(
        Uri baseAddress, string? token, bool tokenInQueryString = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null && !tokenInQueryString)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await socket.ConnectAsync(HubUri(baseAddress, tokenInQueryString ? token : null), timeout.Token);
        }
        catch (WebSocketException e) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HubConnectionRefusedException(status, e.Message, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"The WebSocket upgrade to {baseAddress} did not complete within {DefaultTimeout.TotalSeconds} s.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await AttachAsync(socket, ct);
    }

    /// <summary>
    /// Speaks the hub protocol over a WebSocket that is already open (for example one from
    /// <c>TestServer.CreateWebSocketClient()</c>): sends the handshake and starts receiving.
    /// The client owns the socket from then on.
    /// </summary>
    public static async Task<HubTestClient> AttachAsync(WebSocket socket, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var client = new HubTestClient(socket);
        try
        {
            client._receiveLoop = client.ReceiveLoopAsync();
            await client.SendAsync(HandshakeRequest, ct);
            string? error;
            try
            {
                error = await client._handshake.Task.WaitAsync(DefaultTimeout, ct);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"The hub did not answer the handshake within {DefaultTimeout.TotalSeconds} s.", e);
            }

            if (error is not null)
            {
                throw new HubConnectionRefusedException(null, error);
            }

            client._pingLoop = client.PingLoopAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// True when <see cref="ConnectAsync"/> fails with <see cref="HubConnectionRefusedException"/>
    /// (upgrade refused, e.g. 401, or handshake refused); false when the connection opens,
    /// which it then closes. A server that accepts and then closes at once counts as not
    /// refused: assert that with <see cref="WaitForCloseAsync"/>.
    /// </summary>
    public static async Task<bool> IsRefusedAsync(
        Uri baseAddress, string? token, bool tokenInQueryString = false, CancellationToken ct = default)
    {
        try
        {
            await using var client = await ConnectAsync(baseAddress, token, tokenInQueryString, ct);
            return false;
        }
        catch (HubConnectionRefusedException)
        {
            return true;
        }
    }

    /// <summary>The WebSocket address of the hub under <paramref name="baseAddress"/>.</summary>
    public static Uri HubUri(Uri baseAddress, string? accessToken = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var builder = new UriBuilder(new Uri(root, HubPath))
        {
            Scheme = baseAddress.Scheme switch
            {
                "https" or "wss" => "wss",
                _ => "ws",
            },
            Query = accessToken is null ? "" : "access_token=" + Uri.EscapeDataString(accessToken),
        };
        return builder.Uri;
    }

    /// <summary>
    /// Invokes a hub method and returns its result (a <see cref="JsonElement"/> of kind
    /// Undefined when the method returns nothing). Arguments are serialized camelCase;
    /// a single <c>null</c> argument is sent as one null argument.
    /// </summary>
    /// <exception cref="HubInvocationException">The method failed; the message is the server's error text.</exception>
    /// <exception cref="HubConnectionClosedException">The connection is or became closed.</exception>
    /// <exception cref="TimeoutException">No completion within 10 s.</exception>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(target);
        args ??= [null];
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        // The target rides along as the task's state, for the error the completion may carry.
        var completion = new TaskCompletionSource<JsonElement>(target, TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        try
        {
            // Checked after registering, so a close either sees this invocation or is seen here.
            if (IsClosed)
            {
                throw new HubConnectionClosedException($"Cannot invoke '{target}': the connection is closed ({CloseReason}).");
            }

            await SendAsync(SerializeInvocation(id, target, args), CancellationToken.None);
            try
            {
                return await completion.Task.WaitAsync(DefaultTimeout);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"'{target}' (invocation {id}) did not complete within {DefaultTimeout.TotalSeconds} s.", e);
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Invokes a hub method that returns nothing; fails as <see cref="InvokeAsync"/> does.</summary>
    public async Task InvokeVoidAsync(string target, params object?[] args) => await InvokeAsync(target, args);

    /// <summary>
    /// Returns the first argument of the first <paramref name="target"/> event that matches
    /// <paramref name="predicate"/> and that no earlier wait returned, waiting for it if it
    /// has not arrived yet. A predicate that throws KeyNotFoundException,
    /// InvalidOperationException or FormatException (a property the event lacks, a wrong
    /// kind) does not match.
    /// </summary>
    /// <exception cref="TimeoutException">No such event within the timeout (10 s); lists the events received.</exception>
    /// <exception cref="HubConnectionClosedException">The connection closed first.</exception>
    public Task<JsonElement> WaitForEventAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _events.WaitAsync(target, predicate, timeout ?? DefaultTimeout);
    }

    /// <summary>
    /// Fails when a matching <paramref name="target"/> event not consumed by a wait has arrived,
    /// now or within <paramref name="window"/> (500 ms unless given). Consumes nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A matching event arrived.</exception>
    public async Task AssertNoEventAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ThrowIfEventArrived(target, predicate);
        await Task.Delay(window ?? DefaultQuietWindow);
        ThrowIfEventArrived(target, predicate);
    }

    /// <summary>Marks every event received so far as consumed, so later waits see only newer ones.</summary>
    public void DiscardEvents() => _events.DiscardAll();

    /// <summary>Completes when the server ends the connection (close message, WebSocket close or abort).</summary>
    /// <exception cref="TimeoutException">Still open after the timeout (10 s).</exception>
    public async Task WaitForCloseAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        try
        {
            await _closed.Task.WaitAsync(limit);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The server did not close the connection within {limit.TotalSeconds:0.###} s.", e);
        }
    }

    /// <summary>
    /// Sends <paramref name="json"/> as it is, followed by the record separator unless
    /// <paramref name="appendSeparator"/> is false: for malformed and oversized input.
    /// </summary>
    /// <exception cref="HubConnectionClosedException">
    /// The connection is closed, or closed during the send (a server may close while a very
    /// large message is still going out).
    /// </exception>
    public Task SendRawAsync(string json, bool appendSeparator = true)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(appendSeparator ? json + '\u001e' : json);
        return SendAsync(bytes, CancellationToken.None);
    }

    /// <summary>Closes the WebSocket gracefully if it is still open and stops the loops; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _isDisposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }

                // The server answers with its own close frame, which ends the receive loop.
                await _receiveLoop.WaitAsync(CloseTimeout);
            }
        }
        catch (Exception)
        {
            // Disposal is best effort: the abort below ends whatever is left.
        }

        try
        {
            await _lifetime.CancelAsync();
            await Task.WhenAll(_receiveLoop, _pingLoop).WaitAsync(CloseTimeout);
        }
        catch (Exception)
        {
            // The loops observe their own failures; nothing more to report here.
        }

        MarkClosed("disposed by the test", null);
        _socket.Dispose();
    }

    private void ThrowIfEventArrived(string target, Func<JsonElement, bool>? predicate)
    {
        if (_events.DescribeUnconsumed(target, predicate) is { } arrived)
        {
            throw new InvalidOperationException($"Expected no matching '{target}' event, but received: {arrived}");
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            throw new TimeoutException($"Sending did not complete within {DefaultTimeout.TotalSeconds} s.", e);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException
            || (e is OperationCanceledException && _lifetime.IsCancellationRequested))
        {
            throw new HubConnectionClosedException(
                $"Cannot send: the connection is closed ({CloseReason ?? $"WebSocket state {_socket.State}"}).", e);
        }
    }

    private static ReadOnlyMemory<byte> SerializeInvocation(string id, string target, object?[] args)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ArgumentOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("invocationId", id);
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            foreach (var arg in args)
            {
                JsonSerializer.Serialize(writer, arg, arg?.GetType() ?? typeof(object), ArgumentOptions);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write([HubMessageFramer.RecordSeparator]);
        return buffer.WrittenMemory;
    }

    private async Task PingLoopAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(PingInterval);
            while (await timer.WaitForNextTickAsync(_lifetime.Token) && !IsClosed)
            {
                await SendAsync(PingMessage, _lifetime.Token);
            }
        }
        catch (Exception)
        {
            // A failed ping means the connection is going; the receive loop records why.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var framer = new HubMessageFramer();
        var chunk = new byte[16 * 1024];
        var reason = "the receive loop stopped";
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk.AsMemory(), _lifetime.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"the server closed the WebSocket ({_socket.CloseStatus} '{_socket.CloseStatusDescription}')";
                    await AnswerCloseAsync();
                    break;
                }

                framer.Append(chunk.AsSpan(0, result.Count));
                foreach (var message in framer.TakeMessages())
                {
                    Dispatch(message);
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            reason = "disposed by the test";
        }
        catch (Exception e)
        {
            reason = $"the connection failed: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            MarkClosed(reason, null);
        }
    }

    private void Dispatch(byte[] message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The server sent a message that is not JSON: {Encoding.UTF8.GetString(message)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!_handshakeAnswered)
            {
                // The first message is the handshake response: {} or {"error": "..."}.
                _handshakeAnswered = true;
                _handshake.TrySetResult(root.TryGetProperty("error", out var handshakeError)
                    ? handshakeError.GetString() ?? "handshake error"
                    : null);
                return;
            }

            switch (root.TryGetProperty("type", out var type) ? type.GetInt32() : 0)
            {
                case 1 when !root.TryGetProperty("invocationId", out _):
                    var arguments = root.TryGetProperty("arguments", out var args) ? args : default;
                    var first = arguments.ValueKind == JsonValueKind.Array && arguments.GetArrayLength() > 0
                        ? arguments[0].Clone()
                        : default;
                    _events.Add(root.GetProperty("target").GetString() ?? "", first);
                    break;
                case 3:
                    Complete(root);
                    break;
                case 7:
                    var error = root.TryGetProperty("error", out var closeError) ? closeError.GetString() : null;
                    MarkClosed(error is null ? "the server sent a close message" : $"the server sent a close message: {error}", error);
                    break;
                default:
                    // Pings (6) need no answer; streaming and client results are not used by this hub.
                    break;
            }
        }
    }

    private void Complete(JsonElement root)
    {
        var id = root.GetProperty("invocationId").GetString() ?? "";
        if (!_pending.TryRemove(id, out var completion))
        {
            return;
        }

        if (root.TryGetProperty("error", out var error))
        {
            var target = completion.Task.AsyncState as string ?? "";
            completion.TrySetException(new HubInvocationException(error.GetString() ?? "", target));
        }
        else
        {
            completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    private async Task AnswerCloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception)
        {
            // The server has gone already; completing the closing handshake is a courtesy.
        }
    }

    private void MarkClosed(string reason, string? closeError)
    {
        lock (_closeLock)
        {
            if (_isClosed)
            {
                return;
            }

            _isClosed = true;
            _closeReason = reason;
            _closeError = closeError;
        }

        _handshake.TrySetResult($"the connection ended before the handshake was answered: {reason}");
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var completion))
            {
                completion.TrySetException(new HubConnectionClosedException($"The connection closed ({reason}) before invocation {id} completed."));
            }
        }

        _events.Close(reason);
        _closed.TrySetResult();
    }
}
