using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Community.Tests.Support;

/// <summary>
/// A gateway node in a process of its own, for what an in-process node cannot show: a node
/// that dies at once, without stopping cleanly.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<GatewayProcess> StartAsync(IDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var assembly = GatewayAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add("--environment=Test");
        start.ArgumentList.Add("--Serilog:MinimumLevel:Default=Warning");
        foreach (var arg in FreePort.OrleansPortArgs()) start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The gateway process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var node = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await node.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>Kills the process at once: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The gateway process exited with code {_process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The gateway process did not become ready.");
    }

    /// <summary>The gateway built beside this test assembly (same configuration).</summary>
    private static string GatewayAssembly()
    {
        var here = AppContext.BaseDirectory;
        var candidate = Path.Combine(here, "Community.Gateway.dll");
        if (File.Exists(candidate) && File.Exists(Path.Combine(here, "Community.Gateway.runtimeconfig.json"))) return candidate;
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var repo = new DirectoryInfo(here);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Community.sln"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("Cannot find the repository from " + here);
        candidate = Path.Combine(repo.FullName, "src", "Gateway", "bin", configuration, "net10.0", "Community.Gateway.dll");
        return File.Exists(candidate) ? candidate : throw new InvalidOperationException($"The gateway is not built at {candidate}.");
    }

}
