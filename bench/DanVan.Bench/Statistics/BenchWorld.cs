using System.Data.Common;
using System.Diagnostics;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DanVan.Bench.Statistics;

/// <summary>A country's unit tree: one root, provinces, districts of communes.</summary>
/// <param name="Provinces">Provinces under the root.</param>
/// <param name="Districts">Districts per province.</param>
/// <param name="Communes">Communes per district.</param>
internal sealed record TreeShape(int Provinces, int Districts, int Communes)
{
    /// <summary>Units in all.</summary>
    public int Units => 1 + Provinces * (1 + Districts * (1 + Communes));

    /// <summary>Units in one province (the province included).</summary>
    public int PerProvince => 1 + Districts * (1 + Communes);

    /// <summary>About 5,000 units: 63 provinces of 6 districts of 12 communes (4,978).</summary>
    public static readonly TreeShape Small = new(63, 6, 12);

    /// <summary>About 50,000 units: 63 provinces of 12 districts of 65 communes (49,960).</summary>
    public static readonly TreeShape Large = new(63, 12, 65);
}

/// <summary>
/// A database with the bench form imported, the tree's units, one annual period opened by <see cref="FormPeriods.OpenAsync"/>
/// at the root, every report submitted with its 59 typed values (bulk: binary COPY on PostgreSQL, one prepared
/// INSERT in one transaction on SQLite) — except <see cref="SaveUnits"/>'s, left as drafts for the save benchmark.
/// </summary>
internal sealed class BenchWorld : IAsyncDisposable
{
    /// <summary>Units whose drafts the concurrent save benchmark writes (one per client).</summary>
    public const int SaveClients = 32;

    private BenchWorld(DatabaseSettings settings, TreeShape shape, string? postgresName, string? sqliteFolder, bool keep)
    {
        Settings = settings;
        Shape = shape;
        _postgresName = postgresName;
        _sqliteFolder = sqliteFolder;
        _keep = keep;
    }

    private readonly string? _postgresName;
    private readonly string? _sqliteFolder;
    private readonly bool _keep;

    /// <summary>Where the database is.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>The tree.</summary>
    public TreeShape Shape { get; }

    /// <summary>True on PostgreSQL.</summary>
    public bool IsPostgres => Settings.Provider == DatabaseProvider.Postgres;

    /// <summary>The open period.</summary>
    public int PeriodId { get; private set; }

    /// <summary>The root unit (the country).</summary>
    public int RootId => 1;

    /// <summary>The first province.</summary>
    public int ProvinceId => 2;

    /// <summary>The units whose reports stay drafts, one per save client (communes spread over the provinces).</summary>
    public List<int> SaveUnits { get; } = [];

    /// <summary>Seconds spent building (0 when reused).</summary>
    public double SeedSeconds { get; private set; }

    /// <summary>Seconds <see cref="FormPeriods.OpenAsync"/> took to open the period (one report per unit).</summary>
    public double OpenSeconds { get; private set; }

    /// <summary>A new context on the database.</summary>
    public DanVanDbContext NewContext() => DanVanDatabase.Create(Settings);

    /// <summary>Builds (or, on PostgreSQL with <paramref name="keep"/>, reuses a complete kept) database for the shape.</summary>
    public static async Task<BenchWorld> CreateAsync(string? postgresServer, TreeShape shape, bool keep)
    {
        BenchWorld world;
        if (postgresServer is not null)
        {
            var name = $"danvan_statbench_{shape.Units}";
            // Seeding 2.9 million values can outlast the default 30 s command timeout on a busy shared server.
            var cs = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name, MaxPoolSize = 100, CommandTimeout = 600 }.ConnectionString;
            world = new BenchWorld(new DatabaseSettings(DatabaseProvider.Postgres, cs), shape, name, null, keep);
            if (keep && await world.ReuseAsync()) return world;
            await using var admin = new NpgsqlConnection(postgresServer);
            await admin.OpenAsync();
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin)) await create.ExecuteNonQueryAsync();
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("danvan-statbench-").FullName;
            world = new BenchWorld(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "danvan.db")}"), shape, null, folder, keep);
        }
        await world.SeedAsync();
        return world;
    }

    private async Task<bool> ReuseAsync()
    {
        try
        {
            await using var db = NewContext();
            var period = await db.FormPeriods.Where(p => p.Form!.Code == BenchForm.Code).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            if (period is null || await db.FormReports.CountAsync(r => r.PeriodId == period) != Shape.Units
                || await db.FormValues.CountAsync() != (long)Shape.Units * BenchForm.Typed.Length) return false;
            PeriodId = period.Value;
            SaveUnits.AddRange(ChooseSaveUnits());
            Console.WriteLine($"// reusing {_postgresName}");
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    // The last commune of the first district of provinces 1, 2, 3 … (63 provinces; more clients wrap to later districts).
    private List<int> ChooseSaveUnits()
    {
        var ids = new List<int>();
        for (var i = 0; i < SaveClients; i++)
        {
            var province = i % Shape.Provinces;
            var district = i / Shape.Provinces;
            ids.Add(2 + province * Shape.PerProvince + 1 + district * (1 + Shape.Communes) + Shape.Communes);
        }
        return ids;
    }

    private async Task SeedAsync()
    {
        var watch = Stopwatch.StartNew();
        var at = new DateTime(2025, 12, 1, 3, 0, 0, DateTimeKind.Utc);
        int formId;
        await using (var db = NewContext())
        {
            await DanVanDatabase.MigrateAsync(db);
            formId = (await FormLibrary.ImportAsync(db, BenchForm.Json(), "bench-60.json", "bench", at)).Id;
        }
        await InsertUnitsAsync();
        Console.WriteLine($"// {Shape.Units} units in {watch.Elapsed.TotalSeconds:F1} s");

        var open = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            PeriodId = (await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(formId, 2025, 1, RootId, new DateOnly(2025, 12, 1)), "bench", at)).Id;
        }
        OpenSeconds = open.Elapsed.TotalSeconds;
        Console.WriteLine($"// period opened ({Shape.Units} reports) in {OpenSeconds:F1} s");

        SaveUnits.AddRange(ChooseSaveUnits());
        await InsertValuesAndSubmitAsync(at);
        SeedSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"// {(long)Shape.Units * BenchForm.Typed.Length} values; seeded in {SeedSeconds:F1} s");
    }

    private IEnumerable<(int Id, int? Parent, string Path, OrgUnitKind Kind, string Code, string Name)> Units()
    {
        var id = 1;
        yield return (id, null, "/1/", OrgUnitKind.CentralAgency, "VN", "Cả nước");
        for (var p = 1; p <= Shape.Provinces; p++)
        {
            var province = ++id;
            var pPath = $"/1/{province}/";
            yield return (province, 1, pPath, OrgUnitKind.Province, $"T{p:D2}", $"Tỉnh {p}");
            for (var d = 1; d <= Shape.Districts; d++)
            {
                var district = ++id;
                var dPath = $"{pPath}{district}/";
                yield return (district, province, dPath, OrgUnitKind.District, $"H{p:D2}{d:D2}", $"UBND huyện {p}-{d}");
                for (var c = 1; c <= Shape.Communes; c++)
                {
                    var commune = ++id;
                    yield return (commune, district, $"{dPath}{commune}/", OrgUnitKind.Commune, $"X{p:D2}{d:D2}{c:D3}", $"UBND xã {p}-{d}-{c}");
                }
            }
        }
    }

    // Units with their paths set here, as UnitPaths.Of would: the root "/1/", each child its parent's path and its id.
    private async Task InsertUnitsAsync()
    {
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(Settings.ConnectionString);
            await conn.OpenAsync();
            await using (var copy = await conn.BeginBinaryImportAsync("""COPY "Units" ("Id", "ParentId", "Path", "Kind", "Code", "Name") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var u in Units())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(u.Id, NpgsqlDbType.Integer);
                    if (u.Parent is { } parent) await copy.WriteAsync(parent, NpgsqlDbType.Integer); else await copy.WriteNullAsync();
                    await copy.WriteAsync(u.Path, NpgsqlDbType.Text);
                    await copy.WriteAsync((int)u.Kind, NpgsqlDbType.Integer);
                    await copy.WriteAsync(u.Code, NpgsqlDbType.Text);
                    await copy.WriteAsync(u.Name, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
            }
            await using var seq = new NpgsqlCommand("""SELECT setval(pg_get_serial_sequence('"Units"', 'Id'), (SELECT max("Id") FROM "Units"))""", conn);
            await seq.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new SqliteConnection(Settings.ConnectionString);
            await conn.OpenAsync();
            await using var tx = conn.BeginTransaction();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """INSERT INTO "Units" ("Id", "ParentId", "Path", "Kind", "Code", "Name") VALUES ($id, $parent, $path, $kind, $code, $name)""";
            var ps = new[] { "$id", "$parent", "$path", "$kind", "$code", "$name" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var u in Units())
            {
                (ps[0].Value, ps[1].Value, ps[2].Value, ps[3].Value, ps[4].Value, ps[5].Value) = (u.Id, (object?)u.Parent ?? DBNull.Value, u.Path, (int)u.Kind, u.Code, u.Name);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    private async Task InsertValuesAndSubmitAsync(DateTime at)
    {
        var reports = new List<(int Id, int Unit)>();
        await using (var db = NewContext())
            foreach (var r in await db.FormReports.Where(r => r.PeriodId == PeriodId).Select(r => new { r.Id, r.UnitId }).ToListAsync()) reports.Add((r.Id, r.UnitId));

        IEnumerable<(int Report, FormReportValue Value)> Rows()
        {
            foreach (var (id, unit) in reports)
                foreach (var (code, value) in BenchForm.Values(unit, 0))
                {
                    var row = new FormReportValue { ReportId = id, Indicator = code };
                    row.Set(value!);
                    yield return (id, row);
                }
        }

        var drafts = string.Join(", ", SaveUnits);
        var submit = $"""
            UPDATE "FormReports" SET "Status" = CASE WHEN "UnitId" IN ({drafts}) THEN 'Draft' ELSE 'Submitted' END,
                "SubmittedAt" = CASE WHEN "UnitId" IN ({drafts}) THEN NULL ELSE @at END, "UpdatedAt" = @at, "IsLate" = FALSE, "Version" = 1
            WHERE "PeriodId" = @period
            """;
        if (IsPostgres)
        {
            await using var conn = new NpgsqlConnection(Settings.ConnectionString);
            await conn.OpenAsync();
            await using (var copy = await conn.BeginBinaryImportAsync("""COPY "FormValues" ("ReportId", "Indicator", "Number", "Part", "Whole", "Flag") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var (report, v) in Rows())
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(report, NpgsqlDbType.Integer);
                    await copy.WriteAsync(v.Indicator, NpgsqlDbType.Text);
                    await WriteAsync(copy, v.Number);
                    await WriteAsync(copy, v.Part);
                    await WriteAsync(copy, v.Whole);
                    if (v.Flag is { } f) await copy.WriteAsync(f, NpgsqlDbType.Boolean); else await copy.WriteNullAsync();
                }
                await copy.CompleteAsync();
            }
            await using (var cmd = new NpgsqlCommand(submit, conn))
            {
                cmd.Parameters.AddWithValue("at", at);
                cmd.Parameters.AddWithValue("period", PeriodId);
                await cmd.ExecuteNonQueryAsync();
            }
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", conn);
            await analyze.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new SqliteConnection(Settings.ConnectionString);
            await conn.OpenAsync();
            await using var tx = conn.BeginTransaction();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = """INSERT INTO "FormValues" ("ReportId", "Indicator", "Number", "Part", "Whole", "Flag") VALUES ($r, $i, $n, $p, $w, $f)""";
                var ps = new[] { "$r", "$i", "$n", "$p", "$w", "$f" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
                foreach (var (report, v) in Rows())
                {
                    (ps[0].Value, ps[1].Value, ps[2].Value, ps[3].Value, ps[4].Value, ps[5].Value) =
                        (report, v.Indicator, (object?)v.Number ?? DBNull.Value, (object?)v.Part ?? DBNull.Value, (object?)v.Whole ?? DBNull.Value, (object?)v.Flag ?? DBNull.Value);
                    await cmd.ExecuteNonQueryAsync();
                }
            }
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = submit.Replace("FALSE", "0", StringComparison.Ordinal);
                cmd.Parameters.AddWithValue("@at", at);
                cmd.Parameters.AddWithValue("@period", PeriodId);
                await cmd.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            await using var analyze = conn.CreateCommand();
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Bigint); else await copy.WriteNullAsync();
    }

    /// <summary>A raw connection on the database.</summary>
    public DbConnection NewConnection() => IsPostgres ? new NpgsqlConnection(Settings.ConnectionString) : new SqliteConnection(Settings.ConnectionString);

    /// <summary>Drops the database (PostgreSQL, unless kept) or deletes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null && !_keep)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Settings.ConnectionString) { Database = "postgres" }.ConnectionString;
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
