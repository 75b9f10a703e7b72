namespace Community.Bench;

/// <summary>
/// A progress line on standard error while a scenario runs: rewritten in place on a terminal, a line
/// at a time when redirected (to a file or a pipe). The results go to standard output, apart.
/// </summary>
internal static class Progress
{
    private static bool InPlace => !Console.IsErrorRedirected;

    /// <summary>How often a repeated status is worth showing: every second on a terminal, every ten seconds in a file.</summary>
    public static TimeSpan Every => TimeSpan.FromSeconds(InPlace ? 1 : 10);

    public static void Show(string text)
    {
        if (InPlace) Console.Error.Write($"\r{text,-100}\r");
        else Console.Error.WriteLine(text);
    }

    /// <summary>Clears the line on a terminal once a scenario is done.</summary>
    public static void Clear()
    {
        if (InPlace) Console.Error.Write($"\r{"",-100}\r");
    }

    /// <summary>Shows <paramref name="status"/> every second (every ten when redirected) until disposed.</summary>
    public static IAsyncDisposable Ticking(Func<string> status) => new Ticker(status, Every);

    private sealed class Ticker : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _ticking;

        public Ticker(Func<string> status, TimeSpan every)
        {
            _ticking = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(every);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token)) Show(status());
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _ticking;
            _stop.Dispose();
        }
    }
}
