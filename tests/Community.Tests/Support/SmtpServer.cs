using System.Diagnostics;
using MimeKit;

namespace Community.Tests.Support;

/// <summary>
/// A real SMTP server on a loopback port, from Debian's python3-aiosmtpd (scripts/test.sh installs it): a small handler
/// script, written here, saves each message it receives to a folder, which <see cref="Messages"/> reads. Started on a
/// port of its own, or on one given (to bring a server back where a node expects it); stopped on dispose.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import os, sys, uuid
        from aiosmtpd.controller import Controller

        class Saver:
            def __init__(self, folder):
                self.folder = folder

            async def handle_DATA(self, server, session, envelope):
                name = uuid.uuid4().hex
                temporary = os.path.join(self.folder, name + ".tmp")
                with open(temporary, "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(temporary, os.path.join(self.folder, name + ".eml"))
                return "250 OK"

        folder, port = sys.argv[1], int(sys.argv[2])
        controller = Controller(Saver(folder), hostname="127.0.0.1", port=port)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;

    private SmtpServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync(int? port = null)
    {
        if (!File.Exists(Python) || !Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
            throw new InvalidOperationException("python3-aiosmtpd is missing: install Debian's python3-aiosmtpd (scripts/test.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), "community-tests", "smtp-" + Guid.NewGuid().ToString("n"));
        var mail = Path.Combine(folder, "mail");
        Directory.CreateDirectory(mail);
        var script = Path.Combine(folder, "smtp_saver.py");
        await File.WriteAllTextAsync(script, Script);
        var chosen = port ?? FreePort.Next();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, mail, chosen.ToString() }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the SMTP server did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited) process.Kill();
        };
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        if (ready != "ready")
        {
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
            throw new InvalidOperationException($"the SMTP server did not start: {await errors}");
        }
        return new SmtpServer(process, mail, chosen);
    }

    /// <summary>Every message received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(_folder, "*.eml").Select(file => MimeMessage.Load(file)).ToArray();

    /// <summary>The messages to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(to => to.Address == address)).ToArray();

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived; returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => MessagesTo(address).Count >= count, timeout ?? TimeSpan.FromSeconds(30), $"{count} mail(s) to {address} at the SMTP server");
        return MessagesTo(address);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _process.Kill();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
