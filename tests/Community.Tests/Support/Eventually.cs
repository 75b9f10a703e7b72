namespace Community.Tests.Support;

/// <summary>Waits for a condition that no event announces (a row gone from a table), checking it every few milliseconds until a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {timeout.TotalSeconds} s: {what}");
            await Task.Delay(Every);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);
}
