using System.Diagnostics;
using System.Net.Sockets;

namespace Community.Tests.Support;

/// <summary>
/// One throwaway Redis server for the whole test run, from Debian's <c>redis-server</c>, on a free
/// loopback port, keeping nothing on disk; started on first use and stopped when the run ends.
/// Clusters share it: each names its channels after its own cluster id.
/// </summary>
public static class RedisServer
{
    private const string Binary = "/usr/bin/redis-server";

    private static readonly Lazy<Task<string>> Shared = new(StartAsync);

    /// <summary>The connection string of the run's Redis server.</summary>
    public static Task<string> ConnectionStringAsync() => Shared.Value;

    private static async Task<string> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: install Debian's redis-server (scripts/test.sh does).");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited) process.Kill();
        };
        await WaitUntilListeningAsync(port, process);
        return $"127.0.0.1:{port}";
    }

    private static async Task WaitUntilListeningAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited at start with code {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
