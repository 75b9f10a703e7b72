using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// How a connection waits for the write lock: it tries again every millisecond, for up to <see cref="Limit"/>. SQLite's
/// own wait (<c>busy_timeout</c>) sleeps 1, 2, 5, 10, 15, 20, 25 ms and so on between tries, so a commit that found
/// the lock held for 18 ms (a checkpoint copying the last frames, a step of merging the search index) slept on to
/// 33 ms, and every reader of its room waited with it.
/// </summary>
internal static class SqliteBusyPolling
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static readonly BusyHandler Handler = TryAgain;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr state, int tries);

    /// <summary>Installs the waiting on an open connection; it stays with the connection while the pool keeps it.</summary>
    public static void Install(SqliteConnection connection)
    {
        var result = sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), Handler, IntPtr.Zero);
        if (result != 0) throw new InvalidOperationException($"sqlite3_busy_handler answered {result}");
    }

    private static int TryAgain(IntPtr state, int tries)
    {
        if (tries >= Limit.TotalMilliseconds) return 0;
        Thread.Sleep(1);
        return 1;
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, BusyHandler handler, IntPtr state);
}
