using System.Diagnostics;
using System.Reflection;

namespace Community.Bench;

/// <summary>This bench program started again as a child process, talking to its parent through its standard input and output.</summary>
internal static class ChildProcesses
{
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run through the dotnet host, the program is its first argument; run as its own executable, it is not.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Closes the child's input (its signal to finish), waits a while for it to end, and kills it if it does not.</summary>
    public static async Task StopAsync(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
