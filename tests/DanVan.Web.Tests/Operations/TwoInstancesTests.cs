using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Operations;

/// <summary>Two DanVan processes on one PostgreSQL database behind a real nginx: whatever one instance did, the other
/// serves (session, antiforgery, saved scores, evidence files), and when one stops the balancer's users go on.</summary>
/// <remarks>Each instance has a data folder of its own, so nothing can pass through the disk: only the database is shared.</remarks>
public sealed class TwoInstancesTests : IAsyncDisposable
{
    private readonly WebAppFactory _seed = new(DatabaseProvider.Postgres);
    private readonly List<Process> _processes = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("danvan-two-").FullName;

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _processes)
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            p.Dispose();
        }
        await _seed.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Should_serve_one_session_across_two_instances_behind_nginx_and_go_on_when_one_stops()
    {
        var nginx = Nginx();
        var w = await TestWorld.SeedAsync(_seed); // migrates the database and creates the accounts and the period
        var (portA, portB, portLb) = (FreePort(), FreePort(), FreePort());
        var a = StartInstance("a", portA);
        var b = StartInstance("b", portB);
        await ReadyAsync(portA, a);
        await ReadyAsync(portB, b);
        StartNginx(nginx, portLb, portA, portB);
        await ReadyAsync(portLb, null);

        var cookies = new CookieContainer(); // cookies belong to the host, not the port: one browser for every address
        var viaA = Browser(cookies, portA);
        var viaB = Browser(cookies, portB);
        var viaLb = Browser(cookies, portLb);

        // Sign in through A.
        var login = await viaA.GetAsync("/Account/Login");
        var home = await viaA.SubmitAsync(login, "form", new() { ["Data.UserName"] = "userA", ["Data.Password"] = TestWorld.Password });
        home.Url.AbsolutePath.ShouldNotBe("/Account/Login", home.AllText);

        // Save and upload through B, with forms B drew (antiforgery keys are in the database).
        var form = await viaB.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        form.Status.ShouldBe(HttpStatusCode.OK, "B knows A's session");
        var saved = await viaB.SubmitAsync(form, "#assessment-form", new() { [form.Field("1", "Points")] = "35,5" }, "#save-draft");
        saved.Text("#running-total").ShouldBe("35,5");
        var evidencePage = await viaB.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        var added = await viaB.SubmitAsync(evidencePage, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        added.Text("#notice").ShouldBe("Đã thêm tài liệu kiểm chứng cho tiêu chí 1.");
        int evidenceId;
        await using (var db = _seed.NewDbContext()) evidenceId = (await db.Evidence.SingleAsync()).Id;

        // Read and download through A.
        (await viaA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}")).Text("#running-total").ShouldBe("35,5");
        var download = await viaA.Http.GetAsync($"/Evaluations/Download/{evidenceId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);
        Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Where(f => f.Contains("evidence")).ShouldBeEmpty("the file is in the database");

        // Through the balancer both instances answer; then A stops and every request still succeeds, a save included.
        // Four users keep reading through the balancer while A is killed mid-run: none of them sees an error.
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!stop.IsCancellationRequested)
                statuses.Add((await viaLb.Http.GetAsync($"/Evaluations/Edit/{w.AssessmentA}")).StatusCode);
            return statuses;
        })).ToList();
        await Task.Delay(1500);
        a.Kill(entireProcessTree: true);
        await a.WaitForExitAsync();
        await Task.Delay(1500);
        await stop.CancelAsync();
        var during = (await Task.WhenAll(readers)).SelectMany(x => x).ToList();
        during.Count.ShouldBeGreaterThan(8);
        during.ShouldAllBe(status => status == HttpStatusCode.OK);
        for (var i = 0; i < 6; i++)
        {
            var page = await viaLb.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
            page.Status.ShouldBe(HttpStatusCode.OK, $"request {i} after A stopped");
        }
        var again = await viaLb.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var savedAfter = await viaLb.SubmitAsync(again, "#assessment-form", new() { [again.Field("1", "Points")] = "36" }, "#save-draft");
        savedAfter.Text("#running-total").ShouldBe("36");
        (await viaLb.Http.GetAsync($"/Evaluations/Download/{evidenceId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The instance's own metrics, read on loopback, counted those requests by route.
        var metrics = await new HttpClient().GetStringAsync($"http://127.0.0.1:{portB}/metrics");
        var edits = metrics.Split('\n').Where(l => l.StartsWith("http_requests_received_total{", StringComparison.Ordinal) && l.Contains("Edit")).ToList();
        edits.ShouldNotBeEmpty(metrics);
        edits.ShouldContain(l => l.Contains("page=\"/Evaluations/Edit\""), string.Join('\n', edits));
    }

    /// <summary>nginx from Debian (scripts/test.sh installs it): skipped without it on a developer's machine, a failure in CI.</summary>
    private static string Nginx()
    {
        var path = Environment.GetEnvironmentVariable("DANVAN_NGINX") ?? "/usr/sbin/nginx";
        if (File.Exists(path)) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"nginx not found at {path}; run the tests with scripts/test.sh");
        Assert.Skip($"nginx not found at {path}; scripts/test.sh installs it");
        return path;
    }

    private Process StartInstance(string name, int port)
    {
        var root = RepositoryRoot();
        // The web project's own build output, of the configuration these tests were built in (bin/<Configuration>/<tfm>).
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var web = Path.Combine(root, "src", "DanVan.Web");
        var dll = Path.Combine(web, "bin", testBin.Parent!.Name, testBin.Name, "DanVan.Web.dll");
        File.Exists(dll).ShouldBeTrue($"build the solution first: {dll}");
        var log = Path.Combine(_folder, $"{name}.log");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "postgres";
        start.Environment["ConnectionStrings__DanVan"] = _seed.Database.Settings.ConnectionString;
        start.Environment["DataFolder"] = Path.Combine(_folder, name);
        start.Environment["Registries__PersonalDataKey"] = WebAppFactory.PersonalDataKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        _processes.Add(process);
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void StartNginx(string nginx, int port, int a, int b)
    {
        var dir = Path.Combine(_folder, "nginx");
        Directory.CreateDirectory(dir);
        // Workers run as nobody when started by root: they must be able to write the temporary folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0x1FF);
            File.SetUnixFileMode(_folder, (UnixFileMode)0x1ED);
        }
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{dir}}/error.log warn;
            pid {{dir}}/nginx.pid;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                client_max_body_size 20m;
                upstream danvan {
                    server 127.0.0.1:{{a}} max_fails=1 fail_timeout=30s;
                    server 127.0.0.1:{{b}} max_fails=1 fail_timeout=30s;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://danvan;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_connect_timeout 2s;
                        proxy_next_upstream error timeout http_502 http_503;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", dir, "-e", Path.Combine(dir, "error.log"), "-c", Path.Combine(dir, "nginx.conf"), "-g", "daemon off;" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _processes.Add(process);
    }

    /// <summary>Waits for /health/ready (up to 90 s on a busy machine); a process that exits fails with its log.</summary>
    private async Task ReadyAsync(int port, Process? process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (process is { HasExited: true }) break;
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        var logs = string.Join("\n", Directory.EnumerateFiles(_folder, "*.log", SearchOption.AllDirectories).Select(f => $"--- {f}\n{Read(f)}"));
        throw new ShouldAssertException($"port {port} never became ready\n{logs}");
    }

    private static string Read(string file)
    {
        try { using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); return new StreamReader(s).ReadToEnd(); }
        catch (IOException e) { return e.Message; }
    }

    private static TestClient Browser(CookieContainer cookies, int port) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DanVan.slnx not found above " + AppContext.BaseDirectory);
    }
}
