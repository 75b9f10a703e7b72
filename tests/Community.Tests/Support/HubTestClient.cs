using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Support;

/// <summary>
/// A hub connection for tests, over the official .NET client (<see cref="HubConnection"/>):
/// it negotiates, then talks WebSockets, as the JavaScript client does in a browser. It records
/// every event of the contract (<see cref="EventNames"/>) in arrival order and lets a test wait
/// for one, and puts a timeout on every wait.
/// </summary>
/// <remarks>
/// Every wait has a timeout (10 s unless given). Each event satisfies at most one
/// <see cref="WaitForEventAsync"/>. A hub method that fails throws the client's
/// <see cref="HubException"/>, whose message is the server's error text
/// (<c>forbidden: not a member of this room</c>); a call the connection closed under throws
/// <see cref="HubConnectionClosedException"/> instead.
/// </remarks>
public sealed class HubTestClient : IAsyncDisposable
{
    /// <summary>The hub's path, relative to the server's base address.</summary>
    public const string HubPath = "hubs/chat";

    /// <summary>The events of PROTOCOL.md, the ones this client records; the official client drops any other.</summary>
    public static readonly IReadOnlyList<string> EventNames =
    [
        "message", "messageEdited", "messageDeleted", "reaction", "read", "typing", "presence",
        "roomUpdated", "membership", "mention", "meetupReminder", "meetupUpdated", "eventRsvp", "eventReminder", "ready",
        "threadUpdated", "pinned", "unpinned", "poll", "surveyOpened",
    ];

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultQuietWindow = TimeSpan.FromMilliseconds(500);

    private readonly HubConnection _connection;
    private readonly HubEventLog _events = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _closeLock = new();
    private string? _closeReason;
    private int _isDisposed;

    private HubTestClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var name in EventNames)
        {
            // The client runs handlers one at a time, in the order the events arrived.
            connection.On(name, [typeof(JsonElement)], (args, _) =>
            {
                _events.Add(name, args[0] is JsonElement arg ? arg : default);
                return Task.CompletedTask;
            }, this);
        }

        connection.Closed += error =>
        {
            MarkClosed(error is null ? "the connection closed" : $"the connection closed: {error.GetType().Name}: {error.Message}");
            return Task.CompletedTask;
        };
    }

    /// <summary>The official client underneath, for what this wrapper does not offer.</summary>
    public HubConnection Connection => _connection;

    /// <summary>Whether the connection has ended (closed by the server, failed, or disposed).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_closeLock) return _closeReason is not null;
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
    /// Connects to <c>/hubs/chat</c> under <paramref name="baseAddress"/> and completes the
    /// handshake; the server may not have put the connection in its rooms yet (see
    /// <see cref="ConnectReadyAsync"/>). The token goes as the client's access token (the
    /// <c>Authorization: Bearer</c> header), or as <c>access_token</c> in the query string.
    /// </summary>
    /// <exception cref="HttpRequestException">The server refused the connection; <see cref="HttpRequestException.StatusCode"/> says how (401).</exception>
    /// <exception cref="TimeoutException">No connection within 10 s.</exception>
    public static async Task<HubTestClient> ConnectAsync(
        Uri baseAddress, string? token, bool tokenInQueryString = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var url = HubUrl(baseAddress, tokenInQueryString ? token : null);
        var connection = new HubConnectionBuilder()
            .WithUrl(url, HttpTransportType.WebSockets, options =>
            {
                if (token is not null && !tokenInQueryString) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            // Non-ASCII text goes as UTF-8, not \u escapes, as a browser sends it, so sizes match real traffic.
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .Build();
        var client = new HubTestClient(connection);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(DefaultTimeout);
        try
        {
            await connection.StartAsync(timeout.Token);
            return client;
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            await client.DisposeAsync();
            throw new TimeoutException($"The hub at {baseAddress} did not accept the connection within {DefaultTimeout.TotalSeconds} s.", e);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Connects and waits for the server's <c>ready</c> event: from then on the connection hears
    /// every event of its member's rooms. The <c>ready</c> event is consumed.
    /// </summary>
    public static async Task<HubTestClient> ConnectReadyAsync(
        Uri baseAddress, string token, bool tokenInQueryString = false, CancellationToken ct = default)
    {
        var client = await ConnectAsync(baseAddress, token, tokenInQueryString, ct);
        try
        {
            await client.WaitForReadyAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// True when the server refuses the connection with an HTTP status (401 for a missing,
    /// unknown or revoked token); false when the connection opens, which it then closes.
    /// </summary>
    public static async Task<bool> IsRefusedAsync(
        Uri baseAddress, string? token, bool tokenInQueryString = false, CancellationToken ct = default)
    {
        try
        {
            await using var client = await ConnectAsync(baseAddress, token, tokenInQueryString, ct);
            return false;
        }
        catch (HttpRequestException refused) when (refused.StatusCode is not null)
        {
            return true;
        }
    }

    /// <summary>
    /// Invokes a hub method and returns its result as JSON (a <see cref="JsonElement"/> of kind
    /// Undefined when the method returns nothing). Arguments are serialized camelCase.
    /// </summary>
    /// <exception cref="HubException">The method failed; the message is the server's error text.</exception>
    /// <exception cref="HubConnectionClosedException">The connection is or became closed.</exception>
    /// <exception cref="TimeoutException">No completion within 10 s.</exception>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] args) =>
        await InvokeCoreAsync(target, typeof(JsonElement), args) is JsonElement result ? result : default;

    /// <summary>Invokes a hub method and returns its result as <typeparamref name="T"/>; fails as <see cref="InvokeAsync(string, object?[])"/> does.</summary>
    public async Task<T?> InvokeAsync<T>(string target, params object?[] args) => (T?)await InvokeCoreAsync(target, typeof(T), args);

    /// <summary>Invokes a hub method that returns nothing; fails as <see cref="InvokeAsync(string, object?[])"/> does.</summary>
    public Task InvokeVoidAsync(string target, params object?[] args) => InvokeCoreAsync(target, typeof(object), args);

    /// <summary>
    /// Returns the argument of the first <paramref name="target"/> event that matches
    /// <paramref name="predicate"/> and that no earlier wait returned, waiting for it if it
    /// has not arrived yet. A predicate that throws KeyNotFoundException,
    /// InvalidOperationException or FormatException (a property the event lacks, a wrong
    /// kind) does not match. The predicate of a pending wait runs as each event arrives.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not one of <see cref="EventNames"/>.</exception>
    /// <exception cref="TimeoutException">No such event within the timeout (10 s); lists the events received.</exception>
    /// <exception cref="HubConnectionClosedException">The connection closed first.</exception>
    public Task<JsonElement> WaitForEventAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? timeout = null)
    {
        ThrowIfNotAnEvent(target);
        return _events.WaitAsync(target, predicate, timeout ?? DefaultTimeout);
    }

    /// <summary>Waits for the <c>ready</c> event the server sends a connection once it is in all its rooms.</summary>
    public Task<JsonElement> WaitForReadyAsync(TimeSpan? timeout = null) => WaitForEventAsync("ready", timeout: timeout);

    /// <summary>
    /// Fails when a matching <paramref name="target"/> event not consumed by a wait has arrived,
    /// now or within <paramref name="window"/> (500 ms unless given). Consumes nothing. Where a
    /// later event must arrive, waiting for it and then looking at <see cref="Events"/> is the
    /// sharper check: it needs no window.
    /// </summary>
    /// <exception cref="InvalidOperationException">A matching event arrived.</exception>
    public async Task AssertNoEventAsync(string target, Func<JsonElement, bool>? predicate = null, TimeSpan? window = null)
    {
        ThrowIfNotAnEvent(target);
        ThrowIfEventArrived(target, predicate);
        await Task.Delay(window ?? DefaultQuietWindow);
        ThrowIfEventArrived(target, predicate);
    }

    /// <summary>Marks every event received so far as consumed, so later waits see only newer ones.</summary>
    public void DiscardEvents() => _events.DiscardAll();

    /// <summary>
    /// Keeps no event from now on: each only meets the waits pending when it arrives (a load client that watches
    /// hundreds of thousands of events, and would otherwise hold them all).
    /// </summary>
    public void StopKeepingEvents() => _events.StopKeeping();

    /// <summary>Completes when the connection ends: the server closed it or it failed.</summary>
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

    /// <summary>Stops the connection if it is still open; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _isDisposed, 1) == 1)
        {
            return;
        }

        MarkClosed("disposed by the test");
        try
        {
            await _connection.DisposeAsync().AsTask().WaitAsync(DefaultTimeout);
        }
        catch (Exception)
        {
            // Disposal is best effort: a connection that will not stop is abandoned.
        }
    }

    private async Task<object?> InvokeCoreAsync(string target, Type resultType, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(target);
        // InvokeAsync("X", null) means one null argument, as params would not pass it.
        args ??= [null];
        if (IsClosed)
        {
            throw new HubConnectionClosedException($"Cannot invoke '{target}': the connection is closed ({CloseReason}).");
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        try
        {
            return await _connection.InvokeCoreAsync(target, resultType, args, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"'{target}' did not complete within {DefaultTimeout.TotalSeconds} s.", e);
        }
        catch (Exception e) when (ClosedUnder(e))
        {
            throw new HubConnectionClosedException($"The connection closed before '{target}' completed: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether an invocation failed because the connection went, not because the server refused
    /// it: the client fails the calls in flight with the reason the connection ended before it
    /// raises <see cref="HubConnection.Closed"/>, so the connection's state cannot tell yet.
    /// </summary>
    private bool ClosedUnder(Exception e) => e switch
    {
        HubException closedByServer => closedByServer.Message.StartsWith("The server closed the connection", StringComparison.Ordinal),
        OperationCanceledException or IOException or ObjectDisposedException => true,
        InvalidOperationException => _connection.State != HubConnectionState.Connected,
        _ => false,
    };

    private void ThrowIfEventArrived(string target, Func<JsonElement, bool>? predicate)
    {
        if (_events.DescribeUnconsumed(target, predicate) is { } arrived)
        {
            throw new InvalidOperationException($"Expected no matching '{target}' event, but received: {arrived}");
        }
    }

    private static void ThrowIfNotAnEvent(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!EventNames.Contains(target))
        {
            throw new ArgumentException($"'{target}' is not an event of the contract this client records ({string.Join(", ", EventNames)}).", nameof(target));
        }
    }

    private static Uri HubUrl(Uri baseAddress, string? accessToken)
    {
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var builder = new UriBuilder(new Uri(root, HubPath))
        {
            Query = accessToken is null ? "" : "access_token=" + Uri.EscapeDataString(accessToken),
        };
        return builder.Uri;
    }

    private void MarkClosed(string reason)
    {
        lock (_closeLock)
        {
            if (_closeReason is not null)
            {
                return;
            }

            _closeReason = reason;
        }

        _events.Close(reason);
        _closed.TrySetResult();
    }
}
