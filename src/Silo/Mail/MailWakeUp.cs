using System.Threading.Channels;

namespace Community.Silo.Mail;

/// <summary>Tells this node's <see cref="MailSender"/> that mail was just queued, so it need not wait for its next poll.</summary>
public sealed class MailWakeUp
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
