using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DanVan.Bench.Statistics;

/// <summary>
/// <c>dotnet run -c Release --project bench/DanVan.Bench -- statistics</c>: the aggregate table of the 60-indicator form
/// (FormFigures.AggregateAsync, DrillDownAsync, and the same GROUP BY run raw) over 5,000 and 50,000 units, and
/// concurrent saves (FormFilling.SaveAsync, and the same writes in raw SQL). Its own harness rather than BenchmarkDotNet:
/// the save figures are latency percentiles under 32 concurrent clients, which BenchmarkDotNet does not measure.
/// </summary>
internal static class StatisticsBench
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One measured line.</summary>
    private sealed record Result(string Provider, int Units, string Case, string Scope, int Runs, double Median, double Min, double Max,
        double? P95 = null, double? P99 = null, double? PerSecond = null, int Errors = 0, string Note = "");

    /// <summary>Options: --units 5000,50000 · --iterations N · --seconds N · --clients N · --sqlite/--no-sqlite · --keep · --out DIR.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string Opt(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        var sizes = Opt("--units", "5000,50000").Split(',').Select(s => s.Trim() == "5000" ? TreeShape.Small : TreeShape.Large).ToList();
        var iterations = int.Parse(Opt("--iterations", "7"), Inv);
        var seconds = int.Parse(Opt("--seconds", "20"), Inv);
        var clients = int.Parse(Opt("--clients", BenchWorld.SaveClients.ToString(Inv)), Inv);
        var keep = args.Contains("--keep");
        var sqlite = !args.Contains("--no-sqlite");
        var only = Opt("--only", "aggregate,saves");
        var outDir = Opt("--out", Path.Combine("BenchmarkDotNet.Artifacts", "statistics"));
        Directory.CreateDirectory(outDir);

        var server = Environment.GetEnvironmentVariable("DANVAN_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(server)) server = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server)) server = null;

        var results = new List<Result>();
        var machine = await MachineAsync(server);
        Console.WriteLine(machine);
        string? sqlText = null;

        if (server is not null)
            foreach (var shape in sizes)
            {
                await using var world = await BenchWorld.CreateAsync(server, shape, keep);
                var u = shape.Units;
                if (world.SeedSeconds > 0) results.Add(new Result("postgres", u, "Seed (bulk, incl. FormPeriods.OpenAsync)", "root", 1, world.SeedSeconds * 1000, world.SeedSeconds * 1000, world.SeedSeconds * 1000,
                    Note: $"OpenAsync {world.OpenSeconds:F1} s"));
                if (only.Contains("aggregate", StringComparison.Ordinal))
                {
                    results.AddRange(await AggregatesAsync(world, iterations));
                    sqlText ??= await CaptureSqlAsync(world);
                }
                if (only.Contains("trace", StringComparison.Ordinal)) await TraceSaveAsync(world);
                if (only.Contains("saves", StringComparison.Ordinal) && shape == sizes[^1])
                {
                    results.Add(await SavesAsync(world, clients, seconds, raw: false));
                    results.Add(await SavesAsync(world, clients, seconds, raw: true));
                }
            }
        else Console.WriteLine("// no DANVAN_BENCH_POSTGRES / DANVAN_TEST_POSTGRES: PostgreSQL skipped");

        if (sqlite && only.Contains("aggregate", StringComparison.Ordinal))
        {
            await using var world = await BenchWorld.CreateAsync(null, TreeShape.Small, keep: false);
            results.Add(new Result("sqlite", world.Shape.Units, "Seed (bulk, incl. FormPeriods.OpenAsync)", "root", 1, world.SeedSeconds * 1000, world.SeedSeconds * 1000, world.SeedSeconds * 1000,
                Note: $"OpenAsync {world.OpenSeconds:F1} s"));
            results.AddRange(await AggregatesAsync(world, iterations));
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", Inv);
        var settings = $"iterations={iterations} (after 2 warm-ups), save run={seconds} s (after 3 s warm-up) with {clients} clients, keep={keep}";
        var table = Table(results);
        var md = $"{machine}\nSettings: {settings}\n\n{table}";
        Console.WriteLine();
        Console.WriteLine(md);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"statistics-{stamp}.md"), md);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"statistics-{stamp}.csv"), Csv(results, machine, settings));
        if (sqlText is not null) await File.WriteAllTextAsync(Path.Combine(outDir, $"statistics-{stamp}-aggregate.sql"), sqlText);
        Console.WriteLine($"// written to {Path.GetFullPath(outDir)}/statistics-{stamp}.*");
        return 0;
    }

    private static async Task<List<Result>> AggregatesAsync(BenchWorld world, int iterations)
    {
        var provider = world.IsPostgres ? "postgres" : "sqlite";
        var results = new List<Result>();
        OrgUnit root, province;
        await using (var db = world.NewContext())
        {
            root = await db.Units.AsNoTracking().SingleAsync(x => x.Id == world.RootId);
            province = await db.Units.AsNoTracking().SingleAsync(x => x.Id == world.ProvinceId);
        }
        var perProvince = world.Shape.PerProvince;

        async Task<FigureRow> Aggregate(OrgUnit scope)
        {
            await using var db = world.NewContext();
            var period = await db.FormPeriods.Include(p => p.Form).AsNoTracking().SingleAsync(p => p.Id == world.PeriodId);
            return await FormFigures.AggregateAsync(db, period, scope);
        }

        var check = await Aggregate(root);
        if (check.Completeness.Expected != world.Shape.Units || check.Values.Count != 60)
            throw new InvalidOperationException($"unexpected aggregate: {check.Completeness}, {check.Values.Count} values");
        Console.WriteLine($"// {provider} {world.Shape.Units}: root {check.Completeness}; a01 = {check.Values["a01"]}; r01 = {check.Values["r01"]}; p01 = {check.Values["p01"]}; rate = {check.Values["rate"]}");

        results.Add(Summarise(provider, world.Shape.Units, "FormFigures.AggregateAsync", $"root ({world.Shape.Units})", await TimeAsync(iterations, () => Aggregate(root))));
        results.Add(Summarise(provider, world.Shape.Units, "FormFigures.AggregateAsync", $"province ({perProvince})", await TimeAsync(iterations, () => Aggregate(province))));
        results.Add(Summarise(provider, world.Shape.Units, "Raw GROUP BY (ADO.NET)", $"root ({world.Shape.Units})", await TimeAsync(iterations, () => RawAggregateAsync(world, root.Path))));
        results.Add(Summarise(provider, world.Shape.Units, "Raw GROUP BY (ADO.NET)", $"province ({perProvince})", await TimeAsync(iterations, () => RawAggregateAsync(world, province.Path))));
        if (world.IsPostgres)
        {
            var drill = Math.Max(3, iterations / 2);
            results.Add(Summarise(provider, world.Shape.Units, "FormFigures.DrillDownAsync (root + 63 provinces)", $"root ({world.Shape.Units})", await TimeAsync(drill, async () =>
            {
                await using var db = world.NewContext();
                var period = await db.FormPeriods.Include(p => p.Form).AsNoTracking().SingleAsync(p => p.Id == world.PeriodId);
                return (await FormFigures.DrillDownAsync(db, period, root)).Count;
            })));
        }
        return results;
    }

    /// <summary>The GROUP BY of AggregateAsync written by hand and run without EF: the engine's own time.</summary>
    private static async Task<int> RawAggregateAsync(BenchWorld world, string scopePath)
    {
        var yes = world.IsPostgres ? "count(*) FILTER (WHERE v.\"Flag\")" : "count(CASE WHEN v.\"Flag\" THEN 1 END)";
        await using var conn = world.NewConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT v."Indicator", count(v."Number"), sum(v."Number"), min(v."Number"), max(v."Number"),
                   count(v."Part"), sum(v."Part"), sum(v."Whole"), count(v."Flag"), {yes}
            FROM "FormValues" v
            JOIN "FormReports" r ON r."Id" = v."ReportId"
            JOIN "Units" u ON u."Id" = r."UnitId"
            WHERE r."PeriodId" = @period AND r."Status" IN ('Submitted', 'Accepted') AND u."Path" LIKE @prefix
            GROUP BY v."Indicator"
            """;
        Add(cmd, "@period", world.PeriodId);
        Add(cmd, "@prefix", scopePath + "%");
        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows++;
        return rows;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    // The SQL EF sends for one aggregate at the root, for EXPLAIN ANALYZE by hand.
    private static async Task<string> CaptureSqlAsync(BenchWorld world)
    {
        var log = new StringBuilder();
        var options = new DbContextOptionsBuilder<PostgresDanVanDbContext>().UseNpgsql(world.Settings.ConnectionString)
            .EnableSensitiveDataLogging().LogTo(m => { if (m.Contains("Executed DbCommand", StringComparison.Ordinal)) log.AppendLine(m).AppendLine(); },
                Microsoft.Extensions.Logging.LogLevel.Information).Options;
        await using var db = new PostgresDanVanDbContext(options);
        var period = await db.FormPeriods.Include(p => p.Form).AsNoTracking().SingleAsync(p => p.Id == world.PeriodId);
        var root = await db.Units.AsNoTracking().SingleAsync(x => x.Id == world.RootId);
        log.Clear();
        await FormFigures.AggregateAsync(db, period, root);
        return log.ToString();
    }

    private static async Task<List<double>> TimeAsync<T>(int iterations, Func<Task<T>> run)
    {
        for (var i = 0; i < 2; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var w = Stopwatch.StartNew();
            await run();
            times.Add(w.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static Result Summarise(string provider, int units, string name, string scope, List<double> times)
    {
        times.Sort();
        var r = new Result(provider, units, name, scope, times.Count, Percentile(times, 50), times[0], times[^1], Percentile(times, 95));
        Console.WriteLine($"// {provider} {units} {name} {scope}: median {r.Median:F1} ms (min {r.Min:F1}, max {r.Max:F1})");
        return r;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// <paramref name="clients"/> clients, each saving its own unit's draft in a loop (no think time) for <paramref name="seconds"/>:
    /// through the core (a new context per save: FormFilling.LoadAsync, then SaveAsync with every typed value changed),
    /// or the same writes in raw SQL (read the report and values; update the values, the report's version and status; insert the audit line; one transaction).
    /// </summary>
    private static async Task<Result> SavesAsync(BenchWorld world, int clients, int seconds, bool raw)
    {
        var ids = new Dictionary<int, int>();
        await using (var db = world.NewContext())
            foreach (var r in await db.FormReports.Where(r => r.PeriodId == world.PeriodId && world.SaveUnits.Contains(r.UnitId)).Select(r => new { r.Id, r.UnitId }).ToListAsync())
                ids[r.UnitId] = r.Id;
        var units = world.SaveUnits.Take(clients).ToList();
        if (units.Count < clients) throw new InvalidOperationException($"only {units.Count} draft units");
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var rounds = new int[clients];
        var recording = false;
        var stop = false;

        async Task Client(int i)
        {
            var unit = units[i];
            while (!Volatile.Read(ref stop))
            {
                var round = Interlocked.Increment(ref rounds[i]) + 1000 * (raw ? 2 : 1);
                var values = BenchForm.Values(unit, round);
                var w = Stopwatch.StartNew();
                try
                {
                    if (raw) await RawSaveAsync(world, ids[unit], values);
                    else
                    {
                        await using var db = world.NewContext();
                        var report = (await FormFilling.LoadAsync(db, ids[unit]))!;
                        await FormFilling.SaveAsync(db, report, new FormChanges(values), "canbo", DateTime.UtcNow, Zone);
                    }
                    if (Volatile.Read(ref recording)) latencies.Add(w.Elapsed.TotalMilliseconds);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.WriteLine($"// save error: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        var tasks = Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Volatile.Write(ref recording, true);
        var window = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref recording, false);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var elapsed = window.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var sorted = latencies.OrderBy(x => x).ToList();
        var name = raw ? "Raw save SQL (read + 59 UPDATE + report + audit, 1 tx)" : "FormFilling.LoadAsync + SaveAsync (59 values)";
        var result = new Result(world.IsPostgres ? "postgres" : "sqlite", world.Shape.Units, name, $"{clients} clients", sorted.Count,
            Percentile(sorted, 50), sorted.FirstOrDefault(), sorted.LastOrDefault(), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Count / elapsed, errors,
            Note: $"app CPU {cpu / Math.Max(1, sorted.Count):F1} ms per save");
        Console.WriteLine($"// {name}: {result.PerSecond:F1}/s, p50 {result.Median:F1} ms, p95 {result.P95:F1}, p99 {result.P99:F1}, errors {errors}, {result.Note}");
        return result;
    }

    // One save through the core with EF's commands and timings printed, to see where its time goes.
    private static async Task TraceSaveAsync(BenchWorld world)
    {
        var unit = world.SaveUnits[0];
        var json = BenchForm.Json();
        for (var i = 0; i < 5; i++) FormDefinitionFile.Parse(json);
        var pw = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) FormDefinitionFile.Parse(json);
        await using (var a = world.NewContext())
        await using (var b = world.NewContext())
            Console.WriteLine($"// trace: one model for every context: {ReferenceEquals(a.Model, b.Model)}");
        Console.WriteLine($"// trace: FormDefinitionFile.Parse of the 60-indicator form {pw.Elapsed.TotalMilliseconds / 20:F2} ms");
        for (var round = 5000; round < 5004; round++)
        {
            var log = new List<string>();
            var options = new DbContextOptionsBuilder<PostgresDanVanDbContext>().UseNpgsql(world.Settings.ConnectionString)
                .LogTo(m => { if (m.Contains("Executed DbCommand", StringComparison.Ordinal)) log.Add(m.Split('\n').Skip(1).First().Trim() + " " + m.Split('\n').Skip(2).FirstOrDefault()?.Trim()[..Math.Min(80, m.Split('\n').Skip(2).FirstOrDefault()?.Trim().Length ?? 0)]); },
                    Microsoft.Extensions.Logging.LogLevel.Information).Options;
            await using var db = new PostgresDanVanDbContext(options);
            var w = Stopwatch.StartNew();
            var id = await db.FormReports.Where(r => r.PeriodId == world.PeriodId && r.UnitId == unit).Select(r => r.Id).SingleAsync();
            var t0 = w.Elapsed.TotalMilliseconds;
            var report = (await FormFilling.LoadAsync(db, id))!;
            var t1 = w.Elapsed.TotalMilliseconds;
            var changes = new FormChanges(BenchForm.Values(unit, round));
            var t2 = w.Elapsed.TotalMilliseconds;
            await FormFilling.SaveAsync(db, report, changes, "canbo", DateTime.UtcNow, Zone);
            var t3 = w.Elapsed.TotalMilliseconds;
            Console.WriteLine($"// trace: id {t0:F1} ms, LoadAsync {t1 - t0:F1} ms, values {t2 - t1:F1} ms, SaveAsync {t3 - t2:F1} ms");
            foreach (var l in log) Console.WriteLine("//   " + l[..Math.Min(60, l.Length)]);
        }
    }

    private static async Task RawSaveAsync(BenchWorld world, int reportId, Dictionary<string, IndicatorValue?> values)
    {
        await using var conn = new NpgsqlConnection(world.Settings.ConnectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        int version;
        await using (var read = new NpgsqlCommand("""
            SELECT "Version" FROM "FormReports" WHERE "Id" = @id;
            SELECT "Indicator", "Number", "Part", "Whole", "Flag", "Date", "Text" FROM "FormValues" WHERE "ReportId" = @id
            """, conn, tx))
        {
            read.Parameters.AddWithValue("id", reportId);
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            version = reader.GetInt32(0);
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) { }
        }
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (code, value) in values)
        {
            var row = new FormReportValue { ReportId = reportId, Indicator = code };
            row.Set(value!);
            var c = new NpgsqlBatchCommand("""UPDATE "FormValues" SET "Number" = $1, "Part" = $2, "Whole" = $3, "Flag" = $4 WHERE "ReportId" = $5 AND "Indicator" = $6""");
            c.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = row.Number, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            c.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = row.Part, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            c.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = row.Whole, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            c.Parameters.Add(new NpgsqlParameter<bool?> { TypedValue = row.Flag, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
            c.Parameters.Add(new NpgsqlParameter<int> { TypedValue = reportId });
            c.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
            batch.BatchCommands.Add(c);
        }
        var report = new NpgsqlBatchCommand("""UPDATE "FormReports" SET "Version" = "Version" + 1, "Status" = 'Draft', "UpdatedAt" = $1, "ConfirmedAt" = NULL, "ConfirmedBy" = NULL WHERE "Id" = $2 AND "Version" = $3""");
        report.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
        report.Parameters.Add(new NpgsqlParameter<int> { TypedValue = reportId });
        report.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        batch.BatchCommands.Add(report);
        var audit = new NpgsqlBatchCommand("""INSERT INTO "Audit" ("User", "At", "Action", "SubjectType", "SubjectId", "OldValue", "NewValue") VALUES ($1, $2, 'form.save', 'FormReport', $3, $4, $5)""");
        var described = string.Join("; ", values.Select(v => $"{v.Key}={IndicatorText.Write(v.Value)}"));
        audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "canbo" });
        audit.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
        audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reportId.ToString(Inv) });
        audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = described });
        audit.Parameters.Add(new NpgsqlParameter<string> { TypedValue = described });
        batch.BatchCommands.Add(audit);
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static async Task<string> MachineAsync(string? server)
    {
        string cpu = "?";
        try { cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"; } catch (IOException) { }
        string ram = "?";
        try
        {
            var kb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            ram = $"{long.Parse(kb, Inv) / 1024 / 1024} GiB";
        }
        catch (IOException) { }
        string load = "?";
        try { load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); } catch (IOException) { }
        var pg = "not configured";
        if (server is not null)
        {
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')", conn);
            pg = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return $"Machine: {Environment.ProcessorCount} cores, {cpu}, {ram} RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
               $"PostgreSQL {pg} (same host), SQLite {typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.GetName().Version}; load average at start {load}";
    }

    private static string Table(List<Result> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Provider | Units | Case | Scope | Runs | Median / p50 (ms) | p95 (ms) | p99 (ms) | Min (ms) | Max (ms) | Per s | Errors | Note |");
        sb.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            sb.AppendLine(Inv, $"| {r.Provider} | {r.Units:N0} | {r.Case} | {r.Scope} | {r.Runs} | {r.Median:F1} | {F(r.P95)} | {F(r.P99)} | {r.Min:F1} | {r.Max:F1} | {F(r.PerSecond)} | {r.Errors} | {r.Note} |");
        return sb.ToString();
    }

    private static string F(double? d) => d is { } v && !double.IsNaN(v) ? v.ToString("F1", Inv) : "";

    private static string Csv(List<Result> results, string machine, string settings)
    {
        static string Q(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var sb = new StringBuilder();
        sb.AppendLine("# " + machine).AppendLine("# " + settings);
        sb.AppendLine("provider,units,case,scope,runs,median_ms,p95_ms,p99_ms,min_ms,max_ms,per_second,errors,note");
        foreach (var r in results)
            sb.AppendLine(string.Join(',', r.Provider, r.Units.ToString(Inv), Q(r.Case), Q(r.Scope), r.Runs.ToString(Inv), r.Median.ToString("F2", Inv), F(r.P95), F(r.P99),
                r.Min.ToString("F2", Inv), r.Max.ToString("F2", Inv), F(r.PerSecond), r.Errors.ToString(Inv), Q(r.Note)));
        return sb.ToString();
    }
}
