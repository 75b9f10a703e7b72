using System.Globalization;
using System.Runtime;

namespace Community.Bench;

/// <summary>This process's resident memory and file-descriptor limit, as Linux tells them (<c>/proc/self</c>).</summary>
internal static class ProcessMemory
{
    /// <summary>Resident set size in bytes after a full, compacting collection that gives back what it can; NaN where /proc is not there.</summary>
    public static double SettledRssBytes()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return Status("VmRSS:") * 1024;
    }

    /// <summary>The most files this process may hold open (the soft limit, which a process may raise to the hard one).</summary>
    public static (long Soft, long Hard) FileLimit()
    {
        var line = File.Exists("/proc/self/limits") ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) : null;
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [.., var soft, var hard, _] ? (Limit(soft), Limit(hard)) : (long.MaxValue, long.MaxValue);
    }

    private static long Limit(string value) => value == "unlimited" ? long.MaxValue : long.Parse(value, CultureInfo.InvariantCulture);

    private static double Status(string key)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) : null;
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, "kB"] ? double.Parse(kb, CultureInfo.InvariantCulture) : double.NaN;
    }
}
