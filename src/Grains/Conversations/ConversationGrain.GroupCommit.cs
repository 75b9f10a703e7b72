using Community.Grains.Errors;
using Community.Grains.Messages;
using Community.Grains.Storage;

namespace Community.Grains.Conversations;

/// <summary>
/// Group commit: sends queue up while the room is committing; one loop takes what queued, checks
/// each send, and appends the new messages together, in one transaction, with consecutive seqs.
/// Sends interleave with the room's other calls (<see cref="IConversationGrain.SendAsync"/> is
/// always-interleave), so a busy room still answers edits, joins and reads; only this loop
/// assigns seqs, so they stay dense.
/// </summary>
public abstract partial class ConversationGrain
{
    private const int MaxCommitSize = 256;

    private readonly Queue<QueuedSend> _sendQueue = new();
    private bool _committing;

    public Task<ChatMessage> SendAsync(Actor actor, SendMessage send)
    {
        var queued = new QueuedSend(actor, send);
        _sendQueue.Enqueue(queued);
        if (!_committing)
        {
            _committing = true;
            _ = CommitQueuedSendsAsync();
        }
        return queued.Outcome.Task;
    }

    private async Task CommitQueuedSendsAsync()
    {
        try
        {
            while (_sendQueue.Count > 0)
            {
                // Let the sends that reached the room meanwhile join the queue first: a store whose
                // commit never yields (SQLite's runs synchronously) would otherwise commit one by one.
                await Task.Yield();
                var group = new List<QueuedSend>(Math.Min(_sendQueue.Count, MaxCommitSize));
                while (group.Count < MaxCommitSize && _sendQueue.TryDequeue(out var next)) group.Add(next);
                await CommitGroupAsync(group);
            }
        }
        finally
        {
            _committing = false;
        }
    }

    private async Task CommitGroupAsync(IReadOnlyList<QueuedSend> group)
    {
        try
        {
            var fresh = new List<(QueuedSend Send, ChatMessage Message)>();
            foreach (var queued in group)
            {
                try
                {
                    var prepared = await PrepareAsync(queued.Actor, queued.Send, position: fresh.Count + 1);
                    if (prepared.Earlier is { } earlier) queued.Outcome.TrySetResult(earlier);
                    else fresh.Add((queued, prepared.Message!));
                }
                catch (CommunityException refusal)
                {
                    queued.Outcome.TrySetException(refusal);
                }
            }
            if (fresh.Count == 0) return;
            var messages = fresh.Select(f => f.Message).ToArray();
            if (await AppendAsync(messages) is { } threads)
            {
                await CommitAsync(messages, threads);
                foreach (var (queued, message) in fresh) queued.Outcome.TrySetResult(message);
                return;
            }
            if (fresh is [var (only, _)])
            {
                only.Outcome.TrySetResult((await EarlierAsync(only.Actor, only.Send!))!);
                return;
            }
            // A retry among them (or one client message id twice): one at a time, each finding its original.
            foreach (var (queued, _) in fresh) await CommitGroupAsync([queued]);
        }
        catch (Exception failure)
        {
            foreach (var queued in group) queued.Outcome.TrySetException(failure);
        }
    }

    /// <summary>
    /// Appends messages at the end of the log in one transaction, answering the threads they moved;
    /// null when one of them had been sent already (a retry).
    /// </summary>
    private async Task<IReadOnlyList<ThreadCount>?> AppendAsync(IReadOnlyList<ChatMessage> messages)
    {
        try
        {
            return await Services.Messages.AppendAsync(messages);
        }
        catch (DuplicateMessageException)
        {
            return null;
        }
        catch (SeqConflictException)
        {
            // Storage holds seqs this activation did not write: it is out of date (the cluster
            // briefly ran a second one). Nothing was stored: the room takes the log's real end,
            // reloads everything once idle, and a retry with the same client message ids is safe.
            await ReloadLogEndAsync();
            DeactivateOnIdle();
            throw CommunityException.Conflict("the room was busy: nothing was stored, send again");
        }
    }
}
