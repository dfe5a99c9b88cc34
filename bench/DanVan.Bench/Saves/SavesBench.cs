using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.Bench.Saves;

/// <summary>
/// <c>dotnet run -c Release --project bench/DanVan.Bench -- saves</c>: issue 14's evaluation-save figures. The real app on
/// Kestrel at 127.0.0.1 (production settings, its own database), a province of 128 communes each with a draft assessment
/// of a 30-criterion set, a unit user and a token; then, per provider and client count, closed loops without think time:
/// the API save (PUT of one entry with the version of the previous answer), the page save (the Edit form posted with
/// its antiforgery token, then the redirected page), the same writes in raw SQL, and a single-row INSERT.
/// Its own harness, as <c>statistics</c>: latency percentiles under concurrent clients, which BenchmarkDotNet does not measure.
/// </summary>
internal static class SavesBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int WarmUpSeconds = 3;

    /// <summary>One measured line.</summary>
    private sealed record Result(string Provider, string Case, int Clients, int Saves, double Seconds, double PerSecond,
        double P50, double P95, double P99, double Max, int Refused, int Errors, double CpuPerSave, double? DbCpuPerSave, string Note = "");

    /// <summary>Options: --clients 8,32,128 · --seconds N · --no-sqlite · --no-postgres · --only api,page,raw,insert|trace · --out DIR.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // The app runs with the server GC in production (the Web SDK's default, DanVan.Web.runtimeconfig.json); the bench
        // hosts it in its own process, so it starts itself again with the server GC when it does not have it.
        if (!System.Runtime.GCSettings.IsServerGC && Environment.GetEnvironmentVariable("DOTNET_gcServer") is null)
            return await RestartWithServerGcAsync(args);
        string Opt(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        var counts = Opt("--clients", "8,32,128").Split(',').Select(s => int.Parse(s.Trim(), Inv)).ToList();
        var seconds = int.Parse(Opt("--seconds", "15"), Inv);
        var only = Opt("--only", "api,page,raw,insert").Split(',').Select(s => s.Trim()).ToHashSet();
        var outDir = Opt("--out", Path.Combine("BenchmarkDotNet.Artifacts", "saves"));
        Directory.CreateDirectory(outDir);
        var server = Environment.GetEnvironmentVariable("DANVAN_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(server)) server = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server)) server = null;
        var providers = new List<string?>();
        if (!args.Contains("--no-sqlite")) providers.Add(null);
        if (!args.Contains("--no-postgres"))
        {
            if (server is not null) providers.Add(server);
            else Console.WriteLine("// no DANVAN_BENCH_POSTGRES / DANVAN_TEST_POSTGRES: PostgreSQL skipped");
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", Inv);
        var loadStart = LoadAverage();
        var machine = await MachineAsync(server);
        Console.WriteLine(machine + "; load average at start " + loadStart);
        Console.WriteLine($"// server GC: {System.Runtime.GCSettings.IsServerGC}, concurrent: {System.Runtime.GCSettings.LatencyMode != System.Runtime.GCLatencyMode.Batch}");
        var trace = only.Contains("trace");
        var units = Math.Max(128, counts.Max());
        var results = new List<Result>();
        var traceLog = new StringBuilder();
        var seeds = new List<string>();

        foreach (var provider in providers)
        {
            await using var world = await SaveWorld.CreateAsync(provider, units, trace);
            seeds.Add($"{world.Provider} seeded in {world.SeedSeconds:F0} s");
            var clients = world.Units.Select(u => new SaveClient(world, u)).ToList();
            try
            {
                var signIn = Stopwatch.StartNew();
                var signed = counts.Max();
                if (only.Contains("page") || trace)
                {
                    // Eight at a time: each runs the production password hash once.
                    await Parallel.ForEachAsync(clients.Take(trace ? 1 : signed), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) => await c.SignInAsync());
                    Console.WriteLine($"// {world.Provider}: {(trace ? 1 : signed)} browsers signed in in {signIn.Elapsed.TotalSeconds:F1} s");
                }
                await RawSave.CreateFloorAsync(world);
                if (trace)
                {
                    await TraceAsync(world, clients[0], traceLog);
                    continue;
                }
                // One untimed round of every case first: the JIT's tier-1 compilation of the app's paths takes tens of seconds
                // on two shared cores, and a server that has run for a while is what is measured.
                var warm = clients.Take(counts.Min()).ToList();
                var warmStart = Stopwatch.StartNew();
                if (only.Contains("api")) { foreach (var c in warm) await c.ReadVersionAsync(); await LoopAsync(warm.Count, 10, async i => await warm[i].ApiSaveAsync()); }
                if (only.Contains("raw")) { foreach (var c in warm) await c.ReadVersionAsync(); await LoopAsync(warm.Count, 4, async i => await RawSave.SaveAsync(world, warm[i])); }
                if (only.Contains("page")) { foreach (var c in warm) await c.OpenFormAsync(); await LoopAsync(warm.Count, 10, async i => await warm[i].PageSaveAsync()); }
                if (only.Contains("insert")) await LoopAsync(warm.Count, 3, async i => await RawSave.InsertAsync(world, i));
                Console.WriteLine($"// {world.Provider}: warm-up round of every case in {warmStart.Elapsed.TotalSeconds:F0} s");
                foreach (var n in counts)
                {
                    var active = clients.Take(n).ToList();
                    if (only.Contains("api"))
                    {
                        foreach (var c in active) await c.ReadVersionAsync();
                        results.Add(await MeasureAsync(world, "API save (PUT entry)", n, seconds, async i => (await active[i].ApiSaveAsync(), null)));
                    }
                    if (only.Contains("raw"))
                    {
                        foreach (var c in active) await c.ReadVersionAsync();
                        results.Add(await MeasureAsync(world, "Raw save SQL (ADO.NET, 1 tx)", n, seconds, async i => (await RawSave.SaveAsync(world, active[i]), null)));
                    }
                    if (only.Contains("page"))
                    {
                        foreach (var c in active) await c.OpenFormAsync();
                        results.Add(await MeasureAsync(world, "Page save (POST form + redirected GET)", n, seconds, async i => await active[i].PageSaveAsync()));
                    }
                    if (only.Contains("insert"))
                        results.Add(await MeasureAsync(world, "Single-row INSERT (floor)", n, seconds, async i => (await RawSave.InsertAsync(world, i), null)));
                }
            }
            finally
            {
                foreach (var c in clients) c.Dispose();
            }
        }

        var loadEnd = LoadAverage();
        var settings = (trace ? "trace: one client, one operation at a time; " : $"clients {string.Join(",", counts)}; each case {seconds} s after {WarmUpSeconds} s of warm-up, closed loop without think time, after an untimed round of every case at {counts.Min()} clients; ") +
                       $"{units} communes, one draft assessment each (30 criteria, every leaf filled); {string.Join("; ", seeds)}";
        var head = $"{machine}; load average at start {loadStart}, at end {loadEnd}\nSettings: {settings}\n";
        if (trace)
        {
            var text = head + "\n" + traceLog;
            Console.WriteLine();
            Console.WriteLine(text);
            await File.WriteAllTextAsync(Path.Combine(outDir, $"saves-{stamp}-trace.txt"), text);
            Console.WriteLine($"// written to {Path.GetFullPath(outDir)}/saves-{stamp}-trace.txt");
            return 0;
        }
        var md = head + "\n" + Table(results) + "\n" + Ratios(results) + "\n" + Legend;
        Console.WriteLine();
        Console.WriteLine(md);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"saves-{stamp}.md"), md);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"saves-{stamp}.csv"), Csv(results, head));
        Console.WriteLine($"// written to {Path.GetFullPath(outDir)}/saves-{stamp}.*");
        return 0;
    }

    /// <summary>An untimed closed loop of <paramref name="clients"/> clients for <paramref name="seconds"/>.</summary>
    private static async Task LoopAsync(int clients, int seconds, Func<int, Task> op)
    {
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            while (until.Elapsed.TotalSeconds < seconds)
            {
                try { await op(i); }
                catch (Exception e) { Console.WriteLine($"// warm-up error: {e.GetType().Name}: {e.Message}"); await Task.Delay(100); }
            }
        })));
    }

    private static async Task<int> RestartWithServerGcAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(SavesBench).Assembly.Location);
        start.ArgumentList.Add("saves");
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_gcServer"] = "1";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    /// <summary>
    /// <paramref name="clients"/> clients, each running <paramref name="op"/> in a loop without think time; after the warm-up,
    /// <paramref name="seconds"/> of saves are timed. The op may return a part of its time (the page's POST alone).
    /// </summary>
    private static async Task<Result> MeasureAsync(SaveWorld world, string name, int clients, int seconds, Func<int, Task<(Outcome Outcome, double? PartMs)>> op)
    {
        var latencies = new ConcurrentQueue<double>();
        var parts = new ConcurrentQueue<double>();
        var errors = 0;
        var refused = 0;
        var recording = false;
        var stop = false;
        var shown = 0;

        async Task Client(int i)
        {
            while (!Volatile.Read(ref stop))
            {
                var w = Stopwatch.StartNew();
                try
                {
                    var (outcome, part) = await op(i);
                    var ms = w.Elapsed.TotalMilliseconds;
                    if (!Volatile.Read(ref recording)) continue;
                    if (outcome == Outcome.Saved)
                    {
                        latencies.Enqueue(ms);
                        if (part is { } p) parts.Enqueue(p);
                    }
                    else if (outcome == Outcome.Refused) Interlocked.Increment(ref refused);
                }
                catch (Exception e)
                {
                    if (Volatile.Read(ref recording)) Interlocked.Increment(ref errors);
                    if (Interlocked.Increment(ref shown) <= 3) Console.WriteLine($"// {name} error: {e.GetType().Name}: {e.Message}");
                    await Task.Delay(50);
                }
            }
        }

        var tasks = Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(WarmUpSeconds));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var dbBefore = world.IsPostgres ? PostgresCpu.Sample() : null;
        Volatile.Write(ref recording, true);
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref recording, false);
        var elapsed = window.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var dbCpu = dbBefore is not null ? PostgresCpu.Since(dbBefore) : (double?)null;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var sorted = latencies.OrderBy(x => x).ToList();
        var saves = Math.Max(1, sorted.Count);
        var note = "";
        if (!parts.IsEmpty)
        {
            var p = parts.OrderBy(x => x).ToList();
            note = $"POST alone: p50 {Percentile(p, 50):F1}, p95 {Percentile(p, 95):F1}, p99 {Percentile(p, 99):F1} ms";
        }
        var r = new Result(world.Provider, name, clients, sorted.Count, elapsed, sorted.Count / elapsed,
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.LastOrDefault(), refused, errors,
            cpu / saves, dbCpu / saves, note);
        Console.WriteLine($"// {r.Provider} {name}, {clients} clients: {r.PerSecond:F1}/s, p50 {r.P50:F1} ms, p95 {r.P95:F1}, p99 {r.P99:F1}, " +
                          $"refused {refused}, errors {errors}, process CPU {r.CpuPerSave:F2} ms/save{(dbCpu is null ? "" : $", PostgreSQL CPU {r.DbCpuPerSave:F2} ms/save")} {note}");
        return r;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// One client, one save at a time: the SQL EF sends for one API save and one page save (with each command's time), then
    /// the wall and CPU time per operation of a trivial request (/health/live), the API save, the page save and the raw save.
    /// </summary>
    private static async Task TraceAsync(SaveWorld world, SaveClient client, StringBuilder log)
    {
        void Line(string s) { Console.WriteLine("// trace: " + s); log.AppendLine(s); }
        log.AppendLine().AppendLine($"## {world.Provider}").AppendLine();
        Line($"criteria set of {SaveWorld.Leaves} leaves; assessment {client.Unit.AssessmentId} of {client.Unit.UserName}; load average {LoadAverage()}");
        // Warm up well: on two shared cores the JIT's background tier-1 (and PGO) compilation of every path takes tens of seconds.
        async Task For(int seconds, Func<Task> run)
        {
            var w = Stopwatch.StartNew();
            while (w.Elapsed.TotalSeconds < seconds) await run();
        }
        await client.ReadVersionAsync();
        await For(15, async () => await client.ApiSaveAsync());
        await For(5, client.ReadVersionAsync);
        await client.OpenFormAsync();
        await For(10, async () => await client.PageSaveAsync());
        await client.ReadVersionAsync();
        await For(5, async () => await RawSave.SaveAsync(world, client));
        await client.ReadVersionAsync();
        Line("(after 40 s of warm-up: API saves, answers, page saves, raw saves)");

        async Task<List<(string What, double Ms)>> Capture(Func<Task> run)
        {
            world.Capture.Commands.Clear();
            world.Capture.On = true;
            await run();
            world.Capture.On = false;
            return world.Capture.Commands.ToList();
        }

        void Show(string title, List<(string What, double Ms)> commands)
        {
            var sql = commands.Count(c => !c.What.StartsWith('(') && c.What is not ("BEGIN" or "COMMIT"));
            Line($"{title}: {sql} SQL commands, {commands.Sum(c => c.Ms):F2} ms in the database calls (EF's own timing, incl. connection opens and the transaction)");
            var n = 0;
            foreach (var (what, ms) in commands)
            {
                var text = Regex.Replace(what, @"\s+", " ").Trim();
                Line($"  {++n,2}. ({ms:F2} ms) {(text.Length > 400 ? text[..400] + " …" : text)}");
            }
            Line("");
        }

        var api = await Capture(async () => { if (await client.ApiSaveAsync() != Outcome.Saved) throw new InvalidOperationException("traced API save refused"); });
        Show("API save (PUT /api/v1/assessments/{id}/entries/1.1)", api);
        await client.OpenFormAsync();
        var posted = 0;
        client.AfterPost = () => posted = world.Capture.Commands.Count;
        var page = await Capture(async () => { if ((await client.PageSaveAsync()).Outcome != Outcome.Saved) throw new InvalidOperationException("traced page save refused"); });
        client.AfterPost = null;
        Show("Page save: POST /Evaluations/Edit/{id}?handler=Save", page.Take(posted).ToList());
        Show("Page save: the redirected GET /Evaluations/Edit/{id}", page.Skip(posted).ToList());

        async Task Time(string title, int n, Func<Task> run)
        {
            for (var i = 0; i < 5; i++) await run();
            var db = world.IsPostgres ? PostgresCpu.Sample() : null;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var w = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await run();
            var wall = w.Elapsed.TotalMilliseconds / n;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
            var dbUsed = db is not null ? PostgresCpu.Since(db) / n : (double?)null;
            Line($"{title}: {wall:F2} ms wall, {used:F2} ms CPU of the bench process (app + client){(dbUsed is null ? "" : $", {dbUsed:F2} ms CPU of PostgreSQL")} per operation ({n} in a row)");
        }

        Line("One client, one operation at a time:");
        await Time("GET /health/live (HTTP floor: Kestrel + HttpClient)", 300, async () => { using var r = await client.Api.GetAsync("/health/live"); r.EnsureSuccessStatusCode(); });
        await client.ReadVersionAsync();
        await Time("API save", 200, async () => { if (await client.ApiSaveAsync() != Outcome.Saved) throw new InvalidOperationException("refused"); });
        await Time("GET /api/v1/assessments/{id} (the answer alone)", 200, client.ReadVersionAsync);
        await client.OpenFormAsync();
        await Time("Page save (POST + GET)", 100, async () => { if ((await client.PageSaveAsync()).Outcome != Outcome.Saved) throw new InvalidOperationException("refused"); });
        await Time("GET /Evaluations/Edit/{id} (the page alone)", 100, async () => { using var r = await client.Page.GetAsync($"/Evaluations/Edit/{client.Unit.AssessmentId}"); await r.Content.ReadAsStringAsync(); });
        await client.ReadVersionAsync();
        await Time("Raw save SQL", 300, async () => { if (await RawSave.SaveAsync(world, client) != Outcome.Saved) throw new InvalidOperationException("refused"); });
        await Time("Single-row INSERT", 300, async () => await RawSave.InsertAsync(world, 0));
        Line("(trace mode listens to EF's diagnostic events, which adds a little CPU to every command)");
        Line("");
        await BreakdownAsync(world, client, Line);
    }

    /// <summary>
    /// The API save's steps called in process (no HTTP), each loop adding one step to the previous: the difference between two
    /// loops is that step's wall and CPU time. The answer is built by the app's own (internal) AssessmentViews.BuildAsync.
    /// </summary>
    private static async Task BreakdownAsync(SaveWorld world, SaveClient client, Action<string> line)
    {
        var build = typeof(DanVan.Web.Api.Evaluations.AssessmentsApi).Assembly.GetType("DanVan.Web.Api.Evaluations.AssessmentViews")!
            .GetMethod("BuildAsync", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!;
        var json = world.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var unit = client.Unit;
        var userId = await Task.Run(async () => { await using var db = world.NewContext(); return await db.Users.Where(u => u.UserName == unit.UserName).Select(u => u.Id).SingleAsync(); });
        var points = 4m;
        var answerBytes = 0;

        async Task Step(int upTo)
        {
            await using var scope = world.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            _ = db.ChangeTracker;
            if (upTo < 2) return;
            var token = await DanVan.Accounts.ApiTokens.FindActiveAsync(db, unit.Token, DateTime.UtcNow) ?? throw new InvalidOperationException("no token");
            _ = await db.Users.AsNoTracking().SingleAsync(u => u.Id == token.UserId);
            if (upTo < 3) return;
            var me = await DanVan.Accounts.UserScopes.LoadAsync(db, userId, unit.UserName);
            if (upTo < 4) return;
            var a = await DanVan.Web.Evaluations.EvaluationAccess.FindAssessmentAsync(db, me, unit.AssessmentId) ?? throw new InvalidOperationException("not found");
            if (upTo < 5) return;
            var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
            if (upTo < 6) return;
            points = points == 4 ? 3.5m : 4;
            DanVan.Evaluations.AssessmentEntries.Set(db, a, set, new DanVan.Evaluations.EntryInput { CriterionId = SaveWorld.Criterion, Points = points, Note = client.Note }, unit.UserName, DateTime.UtcNow);
            await db.SaveChangesAsync();
            if (upTo < 7) return;
            var answer = await (Task<DanVan.Web.Api.Evaluations.AssessmentDetails>)build.Invoke(null, [db, me, a, CancellationToken.None, null])!;
            if (upTo < 8) return;
            answerBytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, json).Length;
        }

        string[] names =
        [
            "DI scope + DbContext", "authentication: ApiTokens.FindActiveAsync + the user row", "UserScopes.LoadAsync (roles, scope units)",
            "EvaluationAccess.FindAssessmentAsync (tracked: entries, unit, period, scope unit)", "criteria set: read + Parse (JSON)",
            "AssessmentEntries.Set + SaveChangesAsync (UPDATE entry, version, audit INSERT; one transaction)",
            "AssessmentViews.BuildAsync (the answer: set read + parsed again, group, evidence counts, registry checks, scoring)",
            "JSON serialisation of the answer",
        ];
        const int n = 100, rounds = 3;
        var wallAt = new double[names.Length, rounds];
        var cpuAt = new double[names.Length, rounds];
        var dbAt = new double[names.Length, rounds];
        for (var round = 0; round < rounds; round++)
            for (var upTo = 1; upTo <= names.Length; upTo++)
            {
                for (var i = 0; i < 10; i++) await Step(upTo);
                var dbBefore = world.IsPostgres ? PostgresCpu.Sample() : null;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var w = Stopwatch.StartNew();
                for (var i = 0; i < n; i++) await Step(upTo);
                wallAt[upTo - 1, round] = w.Elapsed.TotalMilliseconds / n;
                cpuAt[upTo - 1, round] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
                dbAt[upTo - 1, round] = dbBefore is not null ? PostgresCpu.Since(dbBefore) / n : 0;
            }
        static double Median(double[,] a, int row) => Enumerable.Range(0, a.GetLength(1)).Select(r => a[row, r]).Order().ElementAt(a.GetLength(1) / 2);
        line($"The API save's steps in process (no HTTP), one at a time; each line adds one step to the one above (median of {rounds} rounds of {n}):");
        line("| Step | Wall (ms) | Process CPU (ms) | PostgreSQL CPU (ms) |");
        line("|---|---:|---:|---:|");
        double lastWall = 0, lastCpu = 0, lastDb = 0;
        for (var k = 0; k < names.Length; k++)
        {
            var (wall, used, dbUsed) = (Median(wallAt, k), Median(cpuAt, k), Median(dbAt, k));
            line(string.Create(Inv, $"| {names[k]} | {wall - lastWall:F2} | {used - lastCpu:F2} | {(world.IsPostgres ? (dbUsed - lastDb).ToString("F2", Inv) : "")} |"));
            (lastWall, lastCpu, lastDb) = (wall, used, dbUsed);
        }
        line(string.Create(Inv, $"| total in process | {lastWall:F2} | {lastCpu:F2} | {(world.IsPostgres ? lastDb.ToString("F2", Inv) : "")} |"));
        line($"(answer: {answerBytes:N0} bytes of JSON; differences of loop averages, so a small step can come out slightly negative on a busy machine)");
        await client.ReadVersionAsync();
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); } catch (IOException) { return "?"; }
    }

    private static async Task<string> MachineAsync(string? server)
    {
        var cpu = "?";
        try { cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"; } catch (IOException) { }
        var ram = "?";
        try
        {
            var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            ram = $"{long.Parse(kb, Inv) / 1024 / 1024} GiB";
        }
        catch (IOException) { }
        var pg = "not configured";
        if (server is not null)
        {
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT current_setting('server_version') || ' (same host; shared_buffers ' || current_setting('shared_buffers') || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', max_connections ' || current_setting('max_connections') || ')'", conn);
            pg = (string)(await cmd.ExecuteScalarAsync())!;
        }
        string sqlite;
        await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT sqlite_version()";
            sqlite = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return $"Machine: {Environment.ProcessorCount} cores, {cpu}, {ram} RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
               $"PostgreSQL {pg}, SQLite {sqlite} (the app's connection string: rollback journal, pooled); {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }

    private const string Legend =
        "Per s: saves stored per second of the window (refused ones not counted). Latency: from sending the save to reading its whole answer " +
        "(the page save: the POST and the redirected GET of the page). Process CPU: the bench process, which runs the app and its clients " +
        "(HTTP clients or ADO.NET), per stored save; PostgreSQL CPU: the server backends of the bench database (/proc), per stored save.\n";

    private static string F(double? d, string format = "F1") => d is { } v && !double.IsNaN(v) ? v.ToString(format, Inv) : "";

    private static string Table(List<Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Provider | Case | Clients | Saves | Per s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) | Refused | Errors | Process CPU / save (ms) | PostgreSQL CPU / save (ms) | Note |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            sb.AppendLine(Inv, $"| {r.Provider} | {r.Case} | {r.Clients} | {r.Saves} | {r.PerSecond:F1} | {F(r.P50)} | {F(r.P95)} | {F(r.P99)} | {F(r.Max)} | {r.Refused} | {r.Errors} | {F(r.CpuPerSave, "F2")} | {F(r.DbCpuPerSave, "F2")} | {r.Note} |");
        return sb.ToString();
    }

    /// <summary>DanVan's API save against the raw SQL of the same writes, per provider and client count.</summary>
    private static string Ratios(List<Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Provider | Clients | API saves/s | Raw saves/s | Raw ÷ API (throughput) | API p99 (ms) | Raw p99 (ms) | API ÷ raw (p99) | INSERT floor/s |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var api in results.Where(r => r.Case.StartsWith("API", StringComparison.Ordinal)))
        {
            var raw = results.FirstOrDefault(r => r.Provider == api.Provider && r.Clients == api.Clients && r.Case.StartsWith("Raw", StringComparison.Ordinal));
            var floor = results.FirstOrDefault(r => r.Provider == api.Provider && r.Clients == api.Clients && r.Case.StartsWith("Single", StringComparison.Ordinal));
            if (raw is null) continue;
            sb.AppendLine(Inv, $"| {api.Provider} | {api.Clients} | {api.PerSecond:F1} | {raw.PerSecond:F1} | {F(raw.PerSecond / api.PerSecond, "F2")} | {F(api.P99)} | {F(raw.P99)} | {F(api.P99 / raw.P99, "F2")} | {F(floor?.PerSecond)} |");
        }
        return sb.ToString();
    }

    private static string Csv(List<Result> results, string head)
    {
        static string Q(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var sb = new StringBuilder();
        foreach (var line in head.Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.AppendLine("# " + line);
        sb.AppendLine("provider,case,clients,saves,seconds,per_second,p50_ms,p95_ms,p99_ms,max_ms,refused,errors,process_cpu_ms_per_save,postgres_cpu_ms_per_save,note");
        foreach (var r in results)
            sb.AppendLine(string.Join(',', r.Provider, Q(r.Case), r.Clients.ToString(Inv), r.Saves.ToString(Inv), r.Seconds.ToString("F2", Inv), r.PerSecond.ToString("F2", Inv),
                F(r.P50, "F2"), F(r.P95, "F2"), F(r.P99, "F2"), F(r.Max, "F2"), r.Refused.ToString(Inv), r.Errors.ToString(Inv), F(r.CpuPerSave, "F3"), F(r.DbCpuPerSave, "F3"), Q(r.Note)));
        return sb.ToString();
    }
}

/// <summary>Processor time of the PostgreSQL backends serving the bench's database, read from /proc (Linux; same host only).</summary>
internal static class PostgresCpu
{
    private const double MsPerTick = 10; // USER_HZ is 100 on Linux

    public static Dictionary<int, long> Sample()
    {
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.StartsWith("postgres:", StringComparison.Ordinal) || !cmdline.Contains(" " + SaveWorld.PostgresDatabase + " ", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        return ticks;
    }

    /// <summary>Milliseconds of processor time the bench database's backends used since <paramref name="before"/>.</summary>
    public static double Since(Dictionary<int, long> before) =>
        Sample().Sum(p => p.Value - before.GetValueOrDefault(p.Key)) * MsPerTick;
}
