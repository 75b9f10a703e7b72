using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Community.Bench;

/// <summary>
/// A member's hub connection that keeps no events, only counts: each <c>presence</c> event it hears
/// goes into a tally shared by all such connections, each broadcast <c>message</c> into a fence.
/// Thousands of them fit in one process.
/// </summary>
internal sealed class PresenceClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PresenceClient(HubConnection connection) => _connection = connection;

    public string MemberId { get; private init; } = "";

    public static async Task<PresenceClient> ConnectAsync(Uri baseAddress, string memberId, string token, PresenceTally tally, BroadcastFence fence)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/chat"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var client = new PresenceClient(connection) { MemberId = memberId };
        connection.On<JsonElement>("ready", _ => client._ready.TrySetResult());
        connection.On<JsonElement>("presence", p => tally.Count(p.GetProperty("memberId").GetString()!, p.GetProperty("online").GetBoolean()));
        connection.On<JsonElement>("message", m =>
        {
            if (m.GetProperty("roomId").GetString() == "broadcast") fence.Arrived(m.GetProperty("seq").GetInt64());
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        await connection.StartAsync(timeout.Token);
        await client._ready.Task.WaitAsync(timeout.Token);
        return client;
    }

    public Task<JsonElement> InvokeAsync(string method, params object?[] args) => _connection.InvokeCoreAsync<JsonElement>(method, args);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>How many <c>presence</c> events the counting connections heard, per member and direction.</summary>
internal sealed class PresenceTally
{
    private readonly ConcurrentDictionary<(string MemberId, bool Online), int> _heard = new();

    public void Count(string memberId, bool online) => _heard.AddOrUpdate((memberId, online), 1, (_, n) => n + 1);

    public int Heard(string memberId, bool online) => _heard.GetValueOrDefault((memberId, online));
}

/// <summary>
/// Waits until every counting connection has heard one broadcast message: the events raised
/// before it (a connect's presence) have reached every connection by then, in order.
/// </summary>
internal sealed class BroadcastFence
{
    private readonly ConcurrentDictionary<long, Countdown> _pending = new();

    public Task ArmAsync(long seq, int connections) => _pending.GetOrAdd(seq, _ => new Countdown()).Expect(connections);

    public void Arrived(long seq) => _pending.GetOrAdd(seq, _ => new Countdown()).Signal();

    private sealed class Countdown
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;
        private int _expected = int.MaxValue;

        public Task Expect(int connections)
        {
            Volatile.Write(ref _expected, connections);
            if (Volatile.Read(ref _arrived) >= connections) _done.TrySetResult();
            return _done.Task;
        }

        public void Signal()
        {
            if (Interlocked.Increment(ref _arrived) >= Volatile.Read(ref _expected)) _done.TrySetResult();
        }
    }
}
