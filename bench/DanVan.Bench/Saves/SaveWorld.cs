using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.Bench.Saves;

/// <summary>One unit of the bench province: its assessment and the account that fills it.</summary>
internal sealed record SaveUnit(int UnitId, int AssessmentId, string UserName, string Token);

/// <summary>
/// The real app on Kestrel at 127.0.0.1 (a free port), production settings, its own data folder and database (a SQLite
/// file, or the PostgreSQL database <c>danvan_savebench</c>, created and dropped), seeded with a province whose communes
/// each have a unit user, a personal access token and a draft assessment of one open period filled through the core.
/// </summary>
internal sealed class SaveWorld : IAsyncDisposable
{
    /// <summary>The password of every account.</summary>
    public const string Password = "Matkhau@2026";

    /// <summary>The points criterion every save changes (max 4, step 0,5).</summary>
    public const string Criterion = "1.1";

    /// <summary>Leaves of the criteria set (the unit scores each).</summary>
    public const int Leaves = 30;

    /// <summary>The PostgreSQL database of the bench.</summary>
    public const string PostgresDatabase = "danvan_savebench";

    private SaveHost _host = null!;

    public required string Provider { get; init; }
    public required DatabaseSettings Settings { get; init; }
    public string BaseUrl { get; private set; } = "";
    public List<SaveUnit> Units { get; } = [];
    public double SeedSeconds { get; private set; }
    public SqlCapture Capture { get; } = new();
    public bool IsPostgres => Settings.Provider == DatabaseProvider.Postgres;

    /// <summary>The app's services (its DbContext, options), for the trace's in-process breakdown.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>A context on the app's database (seeding, checks).</summary>
    public DanVanDbContext NewContext() => DanVanDatabase.Create(Settings);

    /// <summary>Creates the database, starts the app on Kestrel (which migrates it) and seeds <paramref name="units"/> communes.</summary>
    public static async Task<SaveWorld> CreateAsync(string? postgresServer, int units, bool trace)
    {
        var folder = Directory.CreateTempSubdirectory("danvan-savebench-").FullName;
        DatabaseSettings settings;
        if (postgresServer is not null)
        {
            await using (var conn = new NpgsqlConnection(postgresServer))
            {
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {PostgresDatabase}", conn);
                await create.ExecuteNonQueryAsync();
            }
            settings = new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(postgresServer) { Database = PostgresDatabase }.ConnectionString);
        }
        else settings = DatabaseSettings.SqliteIn(folder);

        var world = new SaveWorld { Provider = postgresServer is null ? "sqlite" : "postgres", Settings = settings };
        world._host = new SaveHost(settings, folder, postgresServer);
        if (trace) world.Capture.Start();
        var started = Stopwatch.StartNew();
        world._host.StartServer();
        world.BaseUrl = world._host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        await world.SeedAsync(units);
        world.SeedSeconds = started.Elapsed.TotalSeconds;
        Console.WriteLine($"// {world.Provider}: app at {world.BaseUrl}, {units} communes seeded in {world.SeedSeconds:F1} s");
        return world;
    }

    private async Task SeedAsync(int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int provinceId, groupId, setId;
        var communeIds = new List<int>();
        await using (var db = NewContext())
        {
            var group = new UnitGroup { Code = "cap-xa", Name = "Cấp xã", SortOrder = 1 };
            var province = new OrgUnit { Code = "T01", Name = "Tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
            db.AddRange(group, province);
            await db.SaveChangesAsync();
            for (var d = 1; (d - 1) * 32 < count; d++)
            {
                var district = new OrgUnit { Code = $"H{d:D2}", Name = $"UBND huyện {d}", Kind = OrgUnitKind.District, ParentId = province.Id };
                for (var c = 1; c <= 32 && (d - 1) * 32 + c <= count; c++)
                {
                    var commune = new OrgUnit { Code = $"X{d:D2}{c:D2}", Name = $"UBND xã {d}-{c}", Kind = OrgUnitKind.Commune, Parent = district };
                    commune.Groups.Add(group);
                    district.Children.Add(commune);
                }
                db.Add(district);
            }
            await db.SaveChangesAsync();
            communeIds = await db.Units.Where(u => u.Kind == OrgUnitKind.Commune).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync();
            (provinceId, groupId) = (province.Id, group.Id);
            setId = (await CriteriaSetStore.ImportAsync(db, Set())).Stored.Id;
        }

        int periodId;
        await using (var db = NewContext())
            periodId = (await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(today.Year, "Đánh giá năm", provinceId,
                today.AddDays(-10), today.AddDays(30), true, [new PeriodGroupChoice(groupId, setId)]), "bench")).Id;

        // One unit user per commune, hashed as in production (the app's own UserManager and PasswordHasher options).
        var names = new Dictionary<int, (string Name, string Id)>();
        var hashing = Stopwatch.StartNew();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            for (var i = 0; i < communeIds.Count; i++)
            {
                var user = new AppUser { UserName = $"xa{i + 1:D3}", FullName = $"Cán bộ xã {i + 1}", LockoutEnabled = true };
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.UnitUser, ScopeUnitId = communeIds[i] });
                names[communeIds[i]] = (user.UserName, user.Id);
            }
            await db.SaveChangesAsync();
        }
        Console.WriteLine($"// {Provider}: {communeIds.Count} accounts created in {hashing.Elapsed.TotalSeconds:F1} s (production password hashing)");

        // Each draft filled through the core by its own user: every leaf has a value (the save then updates an entry).
        await using (var db = NewContext())
        {
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == setId)).Parse();
            var now = DateTime.UtcNow;
            var tokens = new Dictionary<int, string>();
            var assessments = await db.Assessments.Include(a => a.Entries).Include(a => a.Period).Where(a => a.PeriodId == periodId).ToListAsync();
            foreach (var a in assessments)
            {
                var (user, userId) = names[a.UnitId];
                foreach (var input in Entries(a.UnitId)) AssessmentEntries.Set(db, a, set, input, user, now);
                AssessmentWorkflow.UpdateSelfTotal(a, set);
                var (token, plain) = ApiToken.Create(userId, "bench", now, TimeSpan.FromDays(1));
                db.ApiTokens.Add(token);
                tokens[a.UnitId] = plain;
            }
            await db.SaveChangesAsync();
            foreach (var a in assessments.OrderBy(a => names[a.UnitId].Name))
                Units.Add(new SaveUnit(a.UnitId, a.Id, names[a.UnitId].Name, tokens[a.UnitId]));
        }
    }

    /// <summary>The self-assessment every draft starts with: a value for each of the 30 leaves.</summary>
    private static IEnumerable<EntryInput> Entries(int unit)
    {
        for (var s = 1; s <= 5; s++)
        {
            yield return new() { CriterionId = $"{s}.1", Points = 3, Note = $"Kế hoạch số {unit}/KH-UBND ngày 15/01" };
            yield return new() { CriterionId = $"{s}.2", Points = 3.5m };
            yield return new() { CriterionId = $"{s}.3", Level = (unit + s) % 3 == 0 ? "B" : "A" };
            yield return new() { CriterionId = $"{s}.4", Checked = ["a"] };
            yield return new() { CriterionId = $"{s}.5", Achieved = 80 + (unit + s) % 20 };
        }
        yield return new() { CriterionId = "B1", Points = 1 };
        yield return new() { CriterionId = "B2", Points = 0 };
        yield return new() { CriterionId = "B3", Points = 1 };
        yield return new() { CriterionId = "T1", Count = unit % 2 };
        yield return new() { CriterionId = "T2", Count = 0 };
    }

    /// <summary>30 leaves: five sections of five (points, points, levels, checklist, ratio), three bonus and two deduction criteria.</summary>
    private static CriteriaSet Set()
    {
        var sections = Enumerable.Range(1, 5).Select(s => new Criterion
        {
            Id = $"{s}", Name = $"Nội dung {s}", MaxPoints = 20,
            Children =
            [
                new() { Id = $"{s}.1", Name = $"Ban hành kế hoạch {s}", MaxPoints = 4, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } },
                new() { Id = $"{s}.2", Name = $"Tổ chức thực hiện {s}", MaxPoints = 4, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } },
                new()
                {
                    Id = $"{s}.3", Name = $"Mức độ hoàn thành {s}", MaxPoints = 4,
                    Method = new()
                    {
                        Type = ScoringMethodType.Levels,
                        Levels = [new() { Code = "A", Label = "Đầy đủ", Points = 4 }, new() { Code = "B", Label = "Chưa đầy đủ", Points = 2 }, new() { Code = "C", Label = "Không thực hiện", Points = 0 }],
                    },
                },
                new()
                {
                    Id = $"{s}.4", Name = $"Công khai {s}", MaxPoints = 4,
                    Method = new() { Type = ScoringMethodType.Checklist, Items = [new() { Id = "a", Label = "Ban hành", Points = 2 }, new() { Id = "b", Label = "Niêm yết", Points = 2 }] },
                },
                new() { Id = $"{s}.5", Name = $"Tỷ lệ giải quyết {s}", MaxPoints = 4, Method = new() { Type = ScoringMethodType.Ratio, Target = 100, Unit = "%" } },
            ],
        }).ToList();
        return new CriteriaSet
        {
            Id = "bench-saves",
            Name = "Bộ tiêu chí 30 tiêu chí",
            Decision = new DocumentRef { Number = "01/QĐ-UBND", Date = new DateOnly(2024, 1, 15) },
            AppliesTo = ["cap-xa"],
            MaxPoints = 100,
            Criteria = sections,
            Bonus =
            [
                new() { Id = "B1", Name = "Mô hình Dân vận khéo", MaxPoints = 2, Method = new() { Type = ScoringMethodType.Points, Step = 1 } },
                new() { Id = "B2", Name = "Sáng kiến", MaxPoints = 2, Method = new() { Type = ScoringMethodType.Points, Step = 1 } },
                new() { Id = "B3", Name = "Khen thưởng", MaxPoints = 1, Method = new() { Type = ScoringMethodType.Points, Step = 1 } },
            ],
            BonusCap = 5,
            Deductions =
            [
                new() { Id = "T1", Name = "Đơn thư vượt cấp", MaxPoints = 6, Method = new() { Type = ScoringMethodType.Count, PointsEach = 2 } },
                new() { Id = "T2", Name = "Chậm báo cáo", MaxPoints = 4, Method = new() { Type = ScoringMethodType.Count, PointsEach = 1 } },
            ],
            DeductionCap = 10,
            Classification = new()
            {
                Bands =
                [
                    new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
                    new() { Code = "HTT", Label = "Hoàn thành tốt", Min = 75 },
                    new() { Code = "HT", Label = "Hoàn thành", Min = 50 },
                    new() { Code = "KHT", Label = "Không hoàn thành", Min = 0 },
                ],
                Rules = [new() { Type = RuleType.NotSubmitted, SetTo = "KHT" }],
            },
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Capture.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_host.PostgresServer is { } server)
        {
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_host.Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>The app on Kestrel (a real port), in production, on the given database and data folder.</summary>
    private sealed class SaveHost : WebApplicationFactory<Program>
    {
        private readonly DatabaseSettings _settings;

        static SaveHost()
        {
            // No file watchers for appsettings (a shared machine runs out of inotify instances); nothing edits them here.
            Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        }

        public SaveHost(DatabaseSettings settings, string folder, string? postgresServer)
        {
            (_settings, Folder, PostgresServer) = (settings, folder, postgresServer);
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }

        public string Folder { get; }
        public string? PostgresServer { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(WebProjectFolder());
            builder.UseEnvironment("Production");
            builder.UseSetting("DataFolder", Folder);
            // appsettings.json logs at Information; nothing is logged per save at that level, but the bench's console stays quiet.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Database:Provider", _settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
            builder.UseSetting("ConnectionStrings:DanVan", _settings.ConnectionString);
        }

        private static string WebProjectFolder()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "DanVan.Web");
                if (File.Exists(Path.Combine(candidate, "DanVan.Web.csproj"))) return candidate;
            }
            throw new InvalidOperationException("src/DanVan.Web not found above " + AppContext.BaseDirectory);
        }
    }
}

/// <summary>
/// Collects what EF does on the database while <see cref="On"/> is set (trace mode only): each command with its SQL and
/// duration, the connection opens and the transactions, from EF's DiagnosticListener (no change to the app needed).
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    public volatile bool On;

    /// <summary>(what, milliseconds): the SQL of a command, or "open connection", "BEGIN", "COMMIT".</summary>
    public ConcurrentQueue<(string What, double Ms)> Commands { get; } = new();

    public void Start() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (!On) return;
        switch (e.Value)
        {
            case Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData c:
                Commands.Enqueue((c.Command.CommandText, c.Duration.TotalMilliseconds));
                break;
            case Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData o when e.Key.EndsWith("ConnectionOpened", StringComparison.Ordinal):
                Commands.Enqueue(("(open connection)", o.Duration.TotalMilliseconds));
                break;
            case Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData t when e.Key.EndsWith("TransactionStarted", StringComparison.Ordinal):
                Commands.Enqueue(("BEGIN", t.Duration.TotalMilliseconds));
                break;
            case Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData t when e.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal):
                Commands.Enqueue(("COMMIT", t.Duration.TotalMilliseconds));
                break;
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}
