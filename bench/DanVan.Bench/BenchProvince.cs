using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.Bench;

/// <summary>
/// A test province built through the real app (WebApplicationFactory, in-memory HTTP, production settings): a province,
/// agencies, districts of communes, one open provincial period with an assessment per commune, and coordinators of the
/// first district ("dcoord") and of the province ("coord"). Shared by the benchmarks that need a large tree.
/// </summary>
internal sealed class BenchProvince
{
    public required BenchApp App { get; init; }
    public required HttpClient DistrictPage { get; init; }
    public required HttpClient ProvincePage { get; init; }
    public required HttpClient DistrictApi { get; init; }
    public required HttpClient ProvinceApi { get; init; }
    public required int PeriodId { get; init; }

    public static async Task<BenchProvince> CreateAsync(string provider, int districts, int communesPerDistrict, int agencyCount)
    {
        var app = new BenchApp(provider);
        _ = app.Server; // migrates
        var started = System.Diagnostics.Stopwatch.StartNew();
        int provinceId, districtId, setId, communeGroupId;
        await using (var db = app.NewDbContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var communes = new UnitGroup { Code = "cap-xa", Name = "Cấp xã", SortOrder = 2 };
            var agencies = new UnitGroup { Code = "so-ban-nganh", Name = "Sở, ban, ngành", SortOrder = 1 };
            var province = new OrgUnit { Code = "T01", Name = "Tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
            db.AddRange(communes, agencies, province);
            await db.SaveChangesAsync();
            for (var i = 1; i <= agencyCount; i++)
            {
                var a = new OrgUnit { Code = $"SO{i:D3}", Name = $"Sở {i}", Kind = OrgUnitKind.ProvincialAgency, ParentId = province.Id };
                a.Groups.Add(agencies);
                db.Add(a);
            }
            await db.SaveChangesAsync();
            for (var d = 1; d <= districts; d++)
            {
                var district = new OrgUnit { Code = $"H{d:D3}", Name = $"UBND huyện {d}", Kind = OrgUnitKind.District, ParentId = province.Id };
                for (var c = 1; c <= communesPerDistrict; c++)
                {
                    var commune = new OrgUnit { Code = $"X{d:D3}{c:D3}", Name = $"UBND xã {d}-{c}", Kind = OrgUnitKind.Commune, Parent = district };
                    commune.Groups.Add(communes);
                    district.Children.Add(commune);
                }
                db.Add(district);
                if (d % 20 == 0)
                {
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    db.Attach(communes);
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            provinceId = province.Id;
            districtId = await db.Units.Where(u => u.Code == "H001").Select(u => u.Id).SingleAsync();
            communeGroupId = communes.Id;
            var (stored, _) = await CriteriaSetStore.ImportAsync(db, Set());
            setId = stored.Id;
        }

        int periodId;
        await using (var db = app.NewDbContext())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(today.Year, "Đánh giá năm", provinceId,
                today.AddDays(-10), today.AddDays(30), true, [new PeriodGroupChoice(communeGroupId, setId)]), "bench");
            periodId = period.Id;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            foreach (var (name, unit) in new[] { ("dcoord", districtId), ("coord", provinceId) })
            {
                var user = new AppUser { UserName = name, FullName = name, LockoutEnabled = true };
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.Coordinator, ScopeUnitId = unit });
            }
            await db.SaveChangesAsync();
        }

        var units = 1 + agencyCount + districts * (1 + communesPerDistrict);
        Console.WriteLine($"// {provider}: {units} units, {districts * communesPerDistrict} assessments, seeded in {started.Elapsed.TotalSeconds:F0} s");
        return new BenchProvince
        {
            App = app,
            DistrictPage = await SignInAsync(app, "dcoord"),
            ProvincePage = await SignInAsync(app, "coord"),
            DistrictApi = await TokenClientAsync(app, "dcoord"),
            ProvinceApi = await TokenClientAsync(app, "coord"),
            PeriodId = periodId,
        };
    }

    private static async Task<HttpClient> SignInAsync(BenchApp app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.UserName"] = user, ["Data.Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.RequestMessage?.RequestUri?.AbsolutePath == "/Account/Login") throw new InvalidOperationException($"sign-in of {user} failed");
        return client;
    }

    private static async Task<HttpClient> TokenClientAsync(BenchApp app, string user)
    {
        await using var db = app.NewDbContext();
        var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
        var (_, plain) = await ApiTokens.CreateAsync(db, id, user, "bench", 1, DateTime.UtcNow);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }
    private const string Password = "Matkhau@2026";

    /// <summary>SQLite, and PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Providers => BenchApp.PostgresServer() is null ? ["sqlite"] : ["sqlite", "postgres"];

    private static readonly Dictionary<(string, int, int, int), BenchProvince> Built = [];

    /// <summary>The province of this provider and size, built (and prepared by <paramref name="prepare"/>) on first use and reused by every benchmark of the run.</summary>
    public static BenchProvince Shared(string provider, int districts, int communesPerDistrict, int agencyCount, Func<BenchProvince, Task>? prepare = null)
    {
        var key = (provider, districts, communesPerDistrict, agencyCount);
        if (Built.TryGetValue(key, out var world)) return world;
        world = CreateAsync(provider, districts, communesPerDistrict, agencyCount).GetAwaiter().GetResult();
        if (prepare is not null) prepare(world).GetAwaiter().GetResult();
        return Built[key] = world;
    }

    private static CriteriaSet Set() => new()
    {
        Id = "bench-set",
        Name = "Bộ tiêu chí",
        Decision = new DocumentRef { Number = "01/QĐ-UBND", Date = new DateOnly(2024, 1, 15) },
        AppliesTo = ["cap-xa"],
        MaxPoints = 100,
        Criteria = [new() { Id = "1", Name = "Lãnh đạo, chỉ đạo", MaxPoints = 100, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } }],
        Classification = new()
        {
            Bands =
            [
                new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
                new() { Code = "HT", Label = "Hoàn thành", Min = 50 },
                new() { Code = "KHT", Label = "Không hoàn thành", Min = 0 },
            ],
            Rules = [new() { Type = RuleType.NotSubmitted, SetTo = "KHT" }],
        },
    };
}

/// <summary>The web app on its own database (a SQLite file in a temporary folder, or a new PostgreSQL database).</summary>
internal sealed class BenchApp(string provider) : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("danvan-scope-bench-").FullName;
    private readonly string _postgresName = $"danvan_bench_{Guid.NewGuid():N}";
    private bool _created;

    /// <summary>DANVAN_BENCH_POSTGRES, else DANVAN_TEST_POSTGRES, else none.</summary>
    public static string? PostgresServer()
    {
        var cs = Environment.GetEnvironmentVariable("DANVAN_BENCH_POSTGRES");
        if (string.IsNullOrEmpty(cs)) cs = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        return string.IsNullOrEmpty(cs) ? null : cs;
    }

    public DanVanDbContext NewDbContext() => DanVanDatabase.Create(Settings);

    private DatabaseSettings Settings => provider == "postgres"
        ? new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = _postgresName }.ConnectionString)
        : new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "danvan.db")}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (provider == "postgres" && !_created)
        {
            using var conn = new NpgsqlConnection(PostgresServer());
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", conn);
            cmd.ExecuteNonQuery();
            _created = true;
        }
        builder.UseContentRoot(WebProjectFolder());
        builder.UseEnvironment("Production");
        builder.UseSetting("DataFolder", _folder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:DanVan", Settings.ConnectionString);
    }

    // The factory's own search finds the solution but not the project folder when run by BenchmarkDotNet.
    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "DanVan.Web");
            if (File.Exists(Path.Combine(candidate, "DanVan.Web.csproj"))) return candidate;
        }
        throw new InvalidOperationException("src/DanVan.Web not found above " + AppContext.BaseDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer());
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>ShortRun in process, with a timeout long enough to seed a large province.</summary>
internal sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        // Seeding 50,000 units takes minutes on a shared machine; the default in-process timeout is 5 minutes.
        AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        AddColumn(StatisticColumn.Median);
    }
}
