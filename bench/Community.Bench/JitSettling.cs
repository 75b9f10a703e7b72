using System.Diagnostics;
using System.Runtime;

namespace Community.Bench;

/// <summary>
/// Warm-up that lasts until the JIT has settled. The runtime compiles a hot method again, optimised,
/// a while after its first calls, on a background thread; a scenario measured while that still goes
/// on measures the compiler too, and the first scenario of a run the most. Rounds of warm-up work
/// repeat until compiling took a small share of a round's time.
/// </summary>
internal static class JitSettling
{
    /// <summary>Settled: compiling took less than this share of a round's wall time.</summary>
    private const double SettledShare = 0.02;

    private const int MaxRounds = 30;

    /// <summary>Runs <paramref name="round"/> (given its number) until the JIT has settled, and returns every round's result.</summary>
    public static async Task<List<T>> WarmUpAsync<T>(Func<int, Task<T>> round)
    {
        var results = new List<T>();
        for (var n = 0; n < MaxRounds; n++)
        {
            var (compiling, started) = (JitInfo.GetCompilationTime(), Stopwatch.GetTimestamp());
            results.Add(await round(n));
            var share = (JitInfo.GetCompilationTime() - compiling) / Stopwatch.GetElapsedTime(started);
            if (share < SettledShare) break;
        }
        return results;
    }
}
