using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace DanVan.TestSupport;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (python3-aiosmtpd, installed by scripts/test.sh) on a free port of
/// 127.0.0.1, storing what it receives in a maildir the test reads. Skips when aiosmtpd is missing; fails in CI.
/// </summary>
public sealed class TestSmtp : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _server;
    private readonly string _maildir;

    private TestSmtp(Process server, string maildir, int port)
    {
        _server = server;
        _maildir = maildir;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts a server and waits until it accepts connections.</summary>
    public static async Task<TestSmtp> StartAsync()
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true }) is not { } probe
            || !probe.WaitForExit(10_000) || probe.ExitCode != 0)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("python3-aiosmtpd is not installed; scripts/test.sh installs it");
            Assert.Skip("python3-aiosmtpd is not installed; scripts/test.sh installs it");
        }
        // aiosmtpd's Mailbox creates the maildir (cur, new, tmp) only when the folder does not exist yet.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("danvan-smtp-").FullName, "mail");
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var server = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return new TestSmtp(server, maildir, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        server.Kill();
        throw new InvalidOperationException("aiosmtpd did not start");
    }

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_server.HasExited) _server.Kill();
            _server.WaitForExit(5_000);
        }
        finally
        {
            _server.Dispose();
            try { Directory.Delete(Path.GetDirectoryName(_maildir)!, true); } catch (IOException) { }
        }
    }
}
