using BenchmarkDotNet.Attributes;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Bench;

/// <summary>
/// The provincial coordinator's queue with 5,000 assessments (20 districts of 250 communes, statuses mixed), through the
/// real app: the first page, a search, a filtered and sorted later page, and the XLSX export of every row; beside them
/// the raw engine reading the same 5,000 narrow rows with one SQL statement, the floor the page is compared with.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private const int Districts = 20;
    private const int CommunesPerDistrict = 250;

    private BenchProvince _world = null!;

    /// <summary>The database provider.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite, and PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Providers => BenchProvince.Providers;

    /// <summary>Builds (once per provider) the province and mixes the statuses: a third submitted, a fifth approved, some late.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _world = BenchProvince.Shared(Provider, Districts, CommunesPerDistrict, 40, MixAsync);
    }

    private static async Task MixAsync(BenchProvince world)
    {
        await using var db = world.App.NewDbContext();
        var at = DateTime.UtcNow;
        await db.Assessments.Where(a => a.Id % 3 == 0).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AssessmentStatus.Submitted).SetProperty(a => a.SubmittedAt, at)
            .SetProperty(a => a.SelfTotal, a => 50 + a.Id % 50).SetProperty(a => a.SelfBand, "HT"));
        await db.Assessments.Where(a => a.Id % 5 == 0).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AssessmentStatus.Approved).SetProperty(a => a.SubmittedAt, at)
            .SetProperty(a => a.SelfTotal, a => 60 + a.Id % 40).SetProperty(a => a.SelfBand, "HT")
            .SetProperty(a => a.FinalTotal, a => 55 + a.Id % 45).SetProperty(a => a.FinalBand, "HT"));
        await db.Assessments.Where(a => a.Id % 11 == 0 && a.SubmittedAt != null).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsLate, true));
    }

    /// <summary>GET /Evaluations/Queue as the provincial coordinator: counts of 5,000, first page of 50.</summary>
    [Benchmark]
    public async Task<int> QueueFirstPage() =>
        (await _world.ProvincePage.GetStringAsync($"/Evaluations/Queue?periodId={_world.PeriodId}")).Length;

    /// <summary>A two-word search ("xã 7-12": 21 rows, diacritics folded).</summary>
    [Benchmark]
    public async Task<int> QueueSearch() =>
        (await _world.ProvincePage.GetStringAsync($"/Evaluations/Queue?periodId={_world.PeriodId}&q=x%C3%A3+7-12")).Length;

    /// <summary>The submitted files sorted by self-score, highest first, page 5.</summary>
    [Benchmark]
    public async Task<int> QueueSubmittedBySelfScorePage5() =>
        (await _world.ProvincePage.GetStringAsync($"/Evaluations/Queue?periodId={_world.PeriodId}&status=submitted&sort=self&dir=desc&p=5")).Length;

    /// <summary>The XLSX export of all 5,000 rows.</summary>
    [Benchmark]
    public async Task<int> QueueExportAll() =>
        (await _world.ProvincePage.GetByteArrayAsync($"/Evaluations/Queue?handler=Export&periodId={_world.PeriodId}")).Length;

    /// <summary>The raw engine: the same narrow rows of the period read with one SQL statement, no scope, no rendering.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawQueryOfThePeriod()
    {
        await using var db = _world.App.NewDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a."Id", u."Code", u."Name", u."Path", u."ParentId", p."Name", g."Id", g."Name", g."SortOrder", a."Status", a."IsLate",
                   a."SubmittedAt", a."SelfTotal", a."SelfBand", a."FinalTotal", a."FinalBand", a."CriteriaSetId"
            FROM "Assessments" a JOIN "Units" u ON u."Id" = a."UnitId" LEFT JOIN "Units" p ON p."Id" = u."ParentId"
                 JOIN "Groups" g ON g."Id" = a."GroupId"
            WHERE a."PeriodId" = 
            """ + _world.PeriodId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var reader = await command.ExecuteReaderAsync();
        var n = 0;
        var values = new object[17];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            n++;
        }
        return n;
    }
}
