using System.Text;
using System.Threading.Channels;
using Community.Grains.Events;
using Community.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Community.Silo.Events;

/// <summary>
/// The backplane between nodes: PostgreSQL LISTEN/NOTIFY. Events are never notified inside a
/// data transaction; one connection per node publishes them, batching whatever queued up while
/// the previous notification was on its way into one NOTIFY. Every node, this one included,
/// dispatches what it hears in the order heard. An event larger than a notification travels as
/// a row id and is fetched by the receivers.
/// </summary>
internal sealed class PostgresEventBus(
    BackplaneDataSource dataSource, EventDispatcher dispatcher, NodeIdentity node, IOptions<BackplaneOptions> options,
    ILogger<PostgresEventBus> logger) : IHostedService, IEventPublisher, IAsyncDisposable
{
    private readonly Channel<ChatEvent> _outgoing = Channel.CreateUnbounded<ChatEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<string> _incoming = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _loops = [];

    public void Publish(ChatEvent chatEvent) => _outgoing.Writer.TryWrite(chatEvent);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = [ListenAsync(_stopping.Token), PublishAsync(_stopping.Token), DispatchAsync(_stopping.Token)];
        // A node serves only once it hears the others.
        await _listening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _outgoing.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.Source.OpenConnectionAsync(stopping);
                connection.Notification += (_, e) => _incoming.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {options.Value.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                EventLog.ListenerFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PublishAsync(CancellationToken stopping)
    {
        var batch = new List<ChatEvent>();
        while (await _outgoing.Reader.WaitToReadAsync(stopping).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            while (batch.Count < 500 && _outgoing.Reader.TryRead(out var next)) batch.Add(next);
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await NotifyAsync(batch, stopping);
                    break;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    EventLog.PublishFailed(logger, batch.Count, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            batch.Clear();
        }
    }

    /// <summary>Packs the events into as few notifications as fit, sent in order in one round trip.</summary>
    private async Task NotifyAsync(IReadOnlyList<ChatEvent> events, CancellationToken stopping)
    {
        await using var connection = await dataSource.Source.OpenConnectionAsync(stopping);
        var limit = options.Value.MaxNotifyBytes - EventEnvelope.Overhead(node.NodeId);
        var payloads = new List<string>();
        var pending = new List<string>();
        var pendingBytes = 0;
        foreach (var chatEvent in events)
        {
            var json = EventEnvelope.SerializeEvent(chatEvent);
            var bytes = Encoding.UTF8.GetByteCount(json) + 1;
            if (pending.Count > 0 && pendingBytes + bytes > limit)
            {
                payloads.Add(EventEnvelope.Pack(node.NodeId, pending));
                (pending, pendingBytes) = ([], 0);
            }
            if (bytes > limit) payloads.Add(EventEnvelope.Reference(node.NodeId, await StoreLargeAsync(connection, json, stopping)));
            else (pending, pendingBytes) = ([.. pending, json], pendingBytes + bytes);
        }
        if (pending.Count > 0) payloads.Add(EventEnvelope.Pack(node.NodeId, pending));

        await using var notify = new NpgsqlBatch(connection);
        foreach (var payload in payloads)
        {
            notify.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
            {
                Parameters = { new NpgsqlParameter { Value = options.Value.Channel }, new NpgsqlParameter { Value = payload } },
            });
        }
        await notify.ExecuteNonQueryAsync(stopping);
    }

    private async Task<long> StoreLargeAsync(NpgsqlConnection connection, string eventJson, CancellationToken stopping)
    {
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM backplane_payloads WHERE created_at < now() - $2::interval;
            INSERT INTO backplane_payloads (body) VALUES ($1) RETURNING id;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = EventEnvelope.Pack(node.NodeId, [eventJson]) });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.PayloadRetention });
        return (long)(await command.ExecuteScalarAsync(stopping))!;
    }

    private async Task DispatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var payload in _incoming.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    var envelope = EventEnvelope.Parse(payload);
                    if (envelope.PayloadRef is { } id) envelope = EventEnvelope.Parse(await FetchLargeAsync(id, stopping));
                    foreach (var chatEvent in envelope.Events ?? [])
                        await dispatcher.DispatchAsync(chatEvent, envelope.Node, stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    EventLog.DeliveryFailed(logger, "notified", ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<string> FetchLargeAsync(long id, CancellationToken stopping)
    {
        await using var command = dataSource.Source.CreateCommand("SELECT body FROM backplane_payloads WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string?)await command.ExecuteScalarAsync(stopping) ?? throw new InvalidOperationException($"Backplane payload {id} is gone.");
    }
}
