using System.Diagnostics;
using System.Globalization;
using System.Text;
using DanVan.Registries.Duplicates;
using Npgsql;
using NpgsqlTypes;

namespace DanVan.Bench.Duplicates;

/// <summary>
/// <c>dotnet run -c Release --project bench/DanVan.Bench -- duplicates</c>: quality (precision and recall against the
/// labels of <see cref="DuplicatePopulation"/>) and speed of <see cref="DuplicateFinder"/> over 100,000 and 1,000,000
/// petitions, in memory and read back from PostgreSQL (COPY-loaded table, one SELECT, then Find).
/// </summary>
internal static class DuplicatesBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly double[] Thresholds = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99];

    /// <summary>Options: --sizes 100000,1000000 · --seed N · --no-postgres · --out DIR.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string Opt(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        var sizes = Opt("--sizes", "100000,1000000").Split(',').Select(s => int.Parse(s.Trim(), Inv)).ToList();
        var seed = int.Parse(Opt("--seed", "20251201"), Inv);
        var outDir = Opt("--out", Path.Combine("BenchmarkDotNet.Artifacts", "duplicates"));
        Directory.CreateDirectory(outDir);
        var server = Environment.GetEnvironmentVariable("DANVAN_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(server)) server = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server) || args.Contains("--no-postgres")) server = null;

        var report = new StringBuilder();
        void Line(string s) { Console.WriteLine(s); report.AppendLine(s); }
        Line($"// {Machine()}; .NET {Environment.Version}; {Environment.ProcessorCount} cores; seed {seed}");
        var settings = DuplicateSettings.Default;
        var timing = new List<string>();
        foreach (var size in sizes)
        {
            var gen = Stopwatch.StartNew();
            var population = DuplicatePopulation.Generate(size, seed);
            var records = population.Records;
            var truePairs = population.TruePairs();
            Line($"\n## {size:N0} petitions (generated in {gen.Elapsed.TotalSeconds:F1} s): {truePairs:N0} true duplicate pairs, {population.Namesakes:N0} planted namesakes");

            if (args.Contains("--calibrate")) Calibrate(population);
            if (args.Contains("--profile")) Profile(records);

            // Quality: one run at the lowest threshold of the table, every threshold read from it.
            GC.Collect();
            var quality = DuplicateFinder.Run(records, settings with { Threshold = Thresholds[0] });
            Line($"pairs compared {quality.Stats.PairsCompared:N0}; blocks over the limit {quality.Stats.BlocksSkipped:N0}");
            Line("| Threshold | Suggested | True pairs found | Precision | Recall |");
            Line("|---:|---|---:|---:|---:|");
            foreach (var t in Thresholds)
            {
                var found = quality.Candidates.Where(c => c.Probability >= t).ToList();
                var tp = found.Count(c => population.SameMatter(c.LeftKey, c.RightKey));
                Line($"| {t:0.00} | {(t == DuplicateSettings.SuggestedThreshold ? "**yes**" : "")} | {tp:N0} of {found.Count:N0} | {Ratio(tp, found.Count)} | {Ratio(tp, truePairs)} |");
            }
            Breakdown(population, quality.Candidates, Line);

            // Speed in memory.
            GC.Collect();
            var mem = Stopwatch.StartNew();
            var run = DuplicateFinder.Run(records, settings);
            mem.Stop();
            timing.Add($"| {size:N0} | in memory | – | {Seconds(mem.Elapsed)} | {Seconds(mem.Elapsed)} | {run.Candidates.Count:N0} | prepare {Seconds(run.Stats.Prepare)}, blocking {Seconds(run.Stats.Blocking)}, scoring {Seconds(run.Stats.Scoring)}, {run.Stats.PairsCompared:N0} pairs |");
            Console.WriteLine(timing[^1]);

            if (server is not null)
            {
                var cs = await LoadAsync(server, records, Line);
                records = null;
                GC.Collect();
                var total = Stopwatch.StartNew();
                var read = await ReadAsync(cs);
                var readTime = total.Elapsed;
                var pgRun = DuplicateFinder.Run(read, settings);
                total.Stop();
                timing.Add($"| {size:N0} | PostgreSQL | {Seconds(readTime)} | {Seconds(total.Elapsed - readTime)} | **{Seconds(total.Elapsed)}** | {pgRun.Candidates.Count:N0} | prepare {Seconds(pgRun.Stats.Prepare)}, blocking {Seconds(pgRun.Stats.Blocking)}, scoring {Seconds(pgRun.Stats.Scoring)} |");
                Console.WriteLine(timing[^1]);
            }
        }
        if (server is null) Line("// no DANVAN_BENCH_POSTGRES / DANVAN_TEST_POSTGRES (or --no-postgres): PostgreSQL skipped");
        Line("\n| Petitions | Source | Read | Find | Total | Candidates ≥ 0.9 | Steps |");
        Line("|---:|---|---:|---:|---:|---:|---|");
        foreach (var t in timing) Line(t);
        var file = Path.Combine(outDir, $"duplicates-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"// written {file}");
        return 0;
    }

    // Recall by what the two records of a true pair share, and what the false positives are.
    private static void Breakdown(DuplicatePopulation population, IReadOnlyList<DuplicateCandidate> candidates, Action<string> line)
    {
        var found = new HashSet<(int, int)>(candidates.Where(c => c.Probability >= DuplicateSettings.SuggestedThreshold)
            .Select(c => (DuplicatePopulation.Index(c.LeftKey), DuplicatePopulation.Index(c.RightKey))).Select(p => p.Item1 < p.Item2 ? p : (p.Item2, p.Item1)));
        var groups = population.MatterOf.Select((m, i) => (m, i)).GroupBy(x => x.m).Where(g => g.Count() > 1);
        var buckets = new Dictionary<string, (int All, int Found)>();
        foreach (var g in groups)
        {
            var items = g.Select(x => x.i).ToArray();
            for (var a = 0; a < items.Length; a++)
                for (var b = a + 1; b < items.Length; b++)
                {
                    var ra = population.Records[items[a]];
                    var rb = population.Records[items[b]];
                    var bucket = ra.IdHash is not null && rb.IdHash is not null ? "same ID on both"
                        : VietnameseText.Phone(ra.Phone) is { Length: > 0 } pa && pa == VietnameseText.Phone(rb.Phone) ? "same phone, no shared ID"
                        : "neither ID nor phone on both";
                    var v = buckets.GetValueOrDefault(bucket);
                    buckets[bucket] = (v.All + 1, v.Found + (found.Contains((items[a], items[b])) ? 1 : 0));
                }
        }
        if (Environment.GetEnvironmentVariable("DUPBENCH_MISSES") is not null)
        {
            var score = DuplicateFinder.Prepare(population.Records, DuplicateSettings.Default);
            int blockingMiss = 0, scoreMiss = 0, shown = 0;
            foreach (var g in groups)
            {
                var items = g.Select(x => x.i).ToArray();
                for (var a = 0; a < items.Length; a++)
                    for (var b = a + 1; b < items.Length; b++)
                    {
                        if (found.Contains((items[a], items[b]))) continue;
                        var c = score(items[a], items[b]);
                        if (c.Probability >= DuplicateSettings.SuggestedThreshold) blockingMiss++; else scoreMiss++;
                        if (shown++ < 12)
                        {
                            var ra = population.Records[items[a]];
                            var rb = population.Records[items[b]];
                            Console.WriteLine($"// MISS {c.Probability:F3}: {ra.Name} | {ra.Address} | {ra.Phone} | {ra.Date} | {ra.Matter}\n//          {rb.Name} | {rb.Address} | {rb.Phone} | {rb.Date} | {rb.Matter}\n//          {string.Join(", ", c.Reasons.Select(r => $"{r.Field}:{r.Level}:{r.Similarity}:{r.Weight}"))}");
                        }
                    }
            }
            line($"- missed true pairs: {blockingMiss:N0} scored above the threshold but not reached by blocking, {scoreMiss:N0} scored below it");
        }
        line("\nRecall at the suggested threshold by what a true pair shares:");
        foreach (var (k, v) in buckets.OrderBy(b => b.Key, StringComparer.Ordinal)) line($"- {k}: {v.Found:N0} of {v.All:N0} ({Ratio(v.Found, v.All)})");
        var falses = candidates.Where(c => c.Probability >= DuplicateSettings.SuggestedThreshold && !population.SameMatter(c.LeftKey, c.RightKey)).ToList();
        var samePerson = falses.Count(c => population.Records[DuplicatePopulation.Index(c.LeftKey)].IdHash is { } x && x == population.Records[DuplicatePopulation.Index(c.RightKey)].IdHash);
        line($"- false positives at the suggested threshold: {falses.Count:N0} ({samePerson:N0} of them the same ID, i.e. the same person's other matter)");
        foreach (var c in falses.Take(3))
        {
            var a = population.Records[DuplicatePopulation.Index(c.LeftKey)];
            var b = population.Records[DuplicatePopulation.Index(c.RightKey)];
            Console.WriteLine($"//   FP {c.Probability:F3}: {a.Name} | {a.Address} | {a.Matter}\n//          {b.Name} | {b.Address} | {b.Matter}\n//          {string.Join(", ", c.Reasons.Select(r => $"{r.Field}:{r.Level}:{r.Weight}"))}");
        }
    }

    // One thread, each normalisation step over every record: where preparing the records goes.
    private static void Profile(IReadOnlyList<DuplicateRecord> records)
    {
        void Time(string label, Action<DuplicateRecord> step)
        {
            var w = Stopwatch.StartNew();
            foreach (var r in records) step(r);
            Console.WriteLine($"// profile {label}: {w.Elapsed.TotalMilliseconds * 1000 / records.Count:F2} µs a record");
        }
        Time("Fold(matter)", r => VietnameseText.Fold(r.Matter));
        Time("Name", r => VietnameseText.Name(r.Name));
        Time("Address", r => VietnameseText.Address(r.Address));
        Time("Phone", r => VietnameseText.Phone(r.Phone));
        var w = Stopwatch.StartNew();
        DuplicateFinder.Prepare(records, DuplicateSettings.Default);
        Console.WriteLine($"// profile whole model (2 threads): {w.Elapsed.TotalMilliseconds * 1000 / records.Count:F2} µs a record");
    }

    // Level frequencies among true pairs (m), the same person's other matters (s) and random pairs (u): what the defaults are set from.
    private static void Calibrate(DuplicatePopulation population)
    {
        var score = DuplicateFinder.Prepare(population.Records, DuplicateSettings.Default);
        var r = new Random(7);
        var n = population.Records.Count;
        var byMatter = population.MatterOf.Select((m, i) => (m, i)).GroupBy(x => x.m).Where(g => g.Count() > 1).Select(g => g.Select(x => x.i).ToArray()).ToList();
        var byPerson = population.PersonOf.Select((p, i) => (p, i)).GroupBy(x => x.p).Select(g => g.Select(x => x.i).ToArray()).Where(g => g.Select(i => population.MatterOf[i]).Distinct().Count() > 1).ToList();
        IEnumerable<(int, int)> TruePairs() { foreach (var g in byMatter) for (var a = 0; a < g.Length; a++) for (var b = a + 1; b < g.Length; b++) yield return (g[a], g[b]); }
        IEnumerable<(int, int)> OtherMatters() { foreach (var g in byPerson) for (var a = 0; a < g.Length; a++) for (var b = a + 1; b < g.Length; b++) if (population.MatterOf[g[a]] != population.MatterOf[g[b]]) yield return (g[a], g[b]); }
        IEnumerable<(int, int)> Random() { for (var k = 0; k < 200_000; k++) { int a = r.Next(n), b = r.Next(n); if (a != b && population.PersonOf[a] != population.PersonOf[b]) yield return (a, b); } }
        foreach (var (label, pairs) in new[] { ("m (same matter)", TruePairs()), ("s (same person, other matter)", OtherMatters()), ("u (random pairs)", Random()) })
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var total = 0;
            foreach (var (a, b) in pairs)
            {
                total++;
                foreach (var reason in score(a, b).Reasons) counts[$"{reason.Field}:{reason.Level}"] = counts.GetValueOrDefault($"{reason.Field}:{reason.Level}") + 1;
            }
            Console.WriteLine($"// {label}, {total:N0} pairs: " + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value / (double)total:0.0000}")));
        }
    }

    private static async Task<string> LoadAsync(string server, IReadOnlyList<DuplicateRecord> records, Action<string> line)
    {
        const string name = "danvan_dupbench";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString;
        var watch = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE records (key text PRIMARY KEY, unit_path text NOT NULL, date date NOT NULL, name text, id_hash text,
                address text, phone text, matter text NOT NULL, kind text, field text)
            """, conn)) await create.ExecuteNonQueryAsync();
        await using (var copy = await conn.BeginBinaryImportAsync("COPY records (key, unit_path, date, name, id_hash, address, phone, matter, kind, field) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in records)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Key, NpgsqlDbType.Text);
                await copy.WriteAsync(r.UnitPath, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Date, NpgsqlDbType.Date);
                foreach (var v in new[] { r.Name, r.IdHash, r.Address, r.Phone, r.Matter, r.Kind, r.Field })
                    if (v is null) await copy.WriteNullAsync(); else await copy.WriteAsync(v, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE records", conn)) await analyze.ExecuteNonQueryAsync();
        line($"PostgreSQL: {records.Count:N0} rows loaded by binary COPY in {watch.Elapsed.TotalSeconds:F1} s");
        return cs;
    }

    private static async Task<List<DuplicateRecord>> ReadAsync(string cs)
    {
        var list = new List<DuplicateRecord>();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT key, unit_path, date, name, id_hash, address, phone, matter, kind, field FROM records", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync())
            list.Add(new DuplicateRecord(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), S(3), S(4), S(5), S(6), reader.GetString(7), S(8), S(9)));
        return list;
    }

    private static string Ratio(long a, long b) => b == 0 ? "–" : (a / (double)b).ToString("0.0000", Inv);
    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.00", Inv)} s";

    private static string Machine()
    {
        string cpu = "?", ram = "?", load = "?";
        try { cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"; } catch (IOException) { }
        try { ram = $"{long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) / 1024 / 1024} GiB"; } catch (IOException) { }
        try { load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); } catch (IOException) { }
        return $"{cpu}, {ram}, load average {load}";
    }
}
