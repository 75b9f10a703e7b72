using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Community.Tests.Support;

/// <summary>
/// Starts a PostgreSQL cluster from Debian's server binaries in a temp folder, on a free loopback
/// port, tuned for tests (no fsync), and has it stopped and deleted when this process ends.
/// </summary>
internal static class PostgresCluster
{
    private const string BinariesRoot = "/usr/lib/postgresql";

    /// <summary>Starts a cluster and returns its port.</summary>
    public static async Task<int> StartAsync()
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "community-pg");
        if (!Directory.Exists(root))
        {
            // Shared by every user's test runs, as /tmp is (the mode is set apart: umask applies to the create).
            Directory.CreateDirectory(root);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
        StopLeftovers(bin, root);
        var folder = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        // initdb refuses to run as root, and tests run as root in CI: the cluster then belongs to the postgres user.
        if (PostgresCommand.IsRoot) await PostgresCommand.RunAsync("chown", ["-R", "postgres:postgres", folder], asPostgres: false);
        await PostgresCommand.RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);

        // Another process may take the free port before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            await File.WriteAllTextAsync(Path.Combine(data, "postgresql.auto.conf"),
                $"""
                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = '{Path.Combine(folder, "socket")}'
                max_connections = 300
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                """);
            try
            {
                await PostgresCommand.RunAsync(Path.Combine(bin, "pg_ctl"),
                    ["start", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60"], asPostgres: true);
            }
            catch (InvalidOperationException e)
            {
                if (attempt < 3) continue;
                var log = Path.Combine(folder, "server.log");
                throw new InvalidOperationException($"{e.Message}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}", e);
            }
            PostgresCommand.StartWatchdog(bin, folder);
            return port;
        }
    }

    /// <summary>Clusters of earlier test processes that died before their watchdog could stop them.</summary>
    private static void StopLeftovers(string bin, string root)
    {
        foreach (var folder in Directory.GetDirectories(root))
        {
            if (int.TryParse(Path.GetFileName(folder).Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
                Stop(bin, folder);
        }
    }

    private static void Stop(string bin, string folder)
    {
        try
        {
            PostgresCommand.RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w"], asPostgres: true)
                .Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Not running (any more): the folder goes all the same.
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's leftover, or a file still in use: a later run tries again.
        }
    }

    /// <summary>Whether a process runs; a zombie nobody reaps (containers' init may not) has ended.</summary>
    private static bool IsAlive(int pid)
    {
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z'));
    }

    private static string FindBinaries()
    {
        var bin = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")) && int.TryParse(Path.GetFileName(d), out _))
                .OrderByDescending(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture))
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need the server binaries (initdb, pg_ctl) under {BinariesRoot}/<version>/bin and there are none. " +
            "Run ./scripts/test.sh, which installs them, or install them yourself: apt-get install -y postgresql");
    }

}
