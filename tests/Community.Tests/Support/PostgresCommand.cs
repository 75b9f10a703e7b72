using System.Diagnostics;
using System.Globalization;

namespace Community.Tests.Support;

/// <summary>Runs the PostgreSQL server's programs, as the postgres user when the tests run as root.</summary>
internal static class PostgresCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static bool IsRoot => Environment.UserName == "root";

    public static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", file]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = file;
        }
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    /// <summary>
    /// Has the cluster stopped at once (its data is thrown away) and its folder deleted when this
    /// process ends, however it ends: the test host is killed moments after its last test, too soon
    /// for a ProcessExit handler to stop a server. The watchdog leaves this process's session, so
    /// killing the test host's process tree leaves it be; it counts a zombie as gone.
    /// </summary>
    public static void StartWatchdog(string bin, string folder)
    {
        const string Script =
            """
            exec </dev/null >/dev/null 2>&1
            while [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"; do sleep 1; done
            $4 "$2/pg_ctl" stop -D "$3/data" -m immediate -w
            rm -rf "$3"
            """;
        // Its own pipes, not this process's output, which the test runner reads to the end.
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments = ["-f", "sh", "-c", Script, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), bin, folder,
            IsRoot ? "runuser -u postgres --" : ""];
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
        watchdog.WaitForExit(); // setsid -f returns as soon as it has forked
    }
}
