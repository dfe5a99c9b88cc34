using DanVan.Refusals;
using DanVan.Data;
using DanVan.Demo;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Demo;

/// <summary>The demo province the web app and the CLI seed with DemoData.SeedAsync.</summary>
public abstract class DemoDataTests(TestDatabase db) : IAsyncLifetime
{
    private readonly TestDatabase _db = db;

    public async ValueTask InitializeAsync() => await _db.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Should_create_a_province_with_varied_states_and_refuse_a_second_time()
    {
        var progress = new List<string>();
        DemoSummary summary;
        await using (var db = _db.NewContext())
            summary = await DemoData.SeedAsync(db, new DemoOptions(), new SyncProgress(progress.Add));

        summary.Units.ShouldBe(248);
        summary.Periods.Select(p => p.Year).ShouldBe([2023, 2024]);
        summary.Periods.ShouldAllBe(p => p.Assessments == 195);
        summary.Periods[^1].ByStatus.Keys.Order().ShouldBe(Enum.GetValues<AssessmentStatus>());
        summary.Periods[^1].Late.ShouldBeGreaterThan(0);
        summary.Periods[0].ByStatus.Keys.ShouldBe([AssessmentStatus.NotStarted, AssessmentStatus.Approved], ignoreOrder: true);
        progress.ShouldContain("Kỳ đánh giá 2024: 195 đơn vị");

        await using (var read = _db.NewContext())
        {
            (await read.Units.CountAsync(u => u.Kind == OrgUnitKind.ProvincialAgency)).ShouldBe(22);
            (await read.Units.CountAsync(u => u.Kind == OrgUnitKind.District && u.ValidTo == new DateOnly(2025, 6, 30))).ShouldBe(8);
            (await read.Units.CountAsync(u => u.Kind == OrgUnitKind.Commune && u.ValidTo == new DateOnly(2025, 6, 30))).ShouldBe(159);
            var merged = await read.Units.Where(u => u.ValidFrom == new DateOnly(2025, 7, 1)).Select(u => u.Name).ToListAsync();
            merged.ShouldContain("UBND xã Ngân Lâm");
            merged.ShouldAllBe(n => n.Split(' ', StringSplitOptions.None).Distinct().Count() == n.Split(' ', StringSplitOptions.None).Length);
            merged.ShouldContain("UBND xã Lệ Thủy");
            var communesWithSuccessor = await read.Successions.Where(s => s.Kind == SuccessionKind.Merge).Select(s => s.PredecessorId).Distinct().CountAsync();
            communesWithSuccessor.ShouldBe(159);
            (await read.Groups.OrderBy(g => g.SortOrder).Select(g => g.Code).ToListAsync()).ShouldBe(["so-ban-nganh", "dvsn", "cap-huyen", "cap-xa"]);

            var entries = await read.Entries.ToListAsync();
            entries.ShouldContain(e => e.Layer == ScoreLayer.Appraisal && e.Note != null);
            entries.ShouldContain(e => e.Layer == ScoreLayer.Inspection && e.CriterionId.StartsWith('D'));
            entries.ShouldContain(e => e.NotApplicable);
            entries.ShouldContain(e => e.Checked != null);
            entries.ShouldContain(e => e.Achieved != null && e.Target != null);
            (await read.Assessments.CountAsync(a => a.Status == AssessmentStatus.Approved && a.FinalBand != a.SelfBand)).ShouldBeGreaterThan(0);
            (await read.Audit.CountAsync(a => a.Action == "assessment.return")).ShouldBeGreaterThan(0);

            // The reception log behind set 01: 4.2 is checked against it, D2 counts its delegations (taken, not typed).
            entries.ShouldContain(e => e.CriterionId == "D2" && e.Layer == ScoreLayer.Self && e.Count == 1);
            var lastPeriod = summary.Periods[^1].Id;
            var agency = await read.Assessments.Include(a => a.Entries).Include(a => a.Unit).Include(a => a.Period)
                .SingleAsync(a => a.PeriodId == lastPeriod && a.Unit!.Code == DemoRegistries.DemoAgencyCode);
            var agencySet = (await read.CriteriaSets.SingleAsync(s => s.Id == agency.CriteriaSetId)).Parse();
            var registry = await RegistryChecks.CheckAsync(read, agency, agencySet);
            registry.For("4.2")!.Value.ShouldBe(new DanVan.Statistics.NumberValue(DemoRegistries.DemoAgencyPeriodicReceptions));
            registry.For("D2")!.Taken!.Count.ShouldBe(1);
            progress.ShouldContain(line => line.StartsWith("Sổ tiếp công dân: ", StringComparison.Ordinal));

            // The province's call for the districts' 2023 reports: those whose figures are final sent, one late, Đồng Hới left to send.
            var sent = await read.ReportSubmissions.Include(r => r.Unit).ToListAsync();
            sent.Count.ShouldBe(8);
            sent.Single(r => r.Unit!.Code == DemoData.DemoDistrictCode).Status.ShouldBe(DanVan.Reports.Submissions.ReportSubmissionStatus.NotSent);
            sent.Where(r => r.Status != DanVan.Reports.Submissions.ReportSubmissionStatus.NotSent).ShouldAllBe(r => r.Document != null && r.Coverage != null);
            sent.Count(r => r.Document != null).ShouldBeGreaterThanOrEqualTo(5);
            sent.Count(r => r.IsLate).ShouldBe(1);
            sent.Count(r => r.Status == DanVan.Reports.Submissions.ReportSubmissionStatus.Accepted).ShouldBeGreaterThan(0);
            progress.ShouldContain($"Báo cáo năm 2023 gửi tỉnh: {sent.Count(r => r.Document != null)}/8 huyện đã gửi");

            var results = await PeriodResultsQuery.ComputeAsync(read, summary.Periods[^1].Id);
            results.Units.Where(u => u.Evaluated).Select(u => u.Reported.Band).Distinct().Count().ShouldBeGreaterThan(2);

            // Two years of the statistics appendix: the first accepted, the last in progress; the province's table adds up.
            progress.ShouldContain("Phụ lục số liệu: 334 biểu mẫu");
            var formPeriods = await read.FormPeriods.Include(p => p.Form).Include(p => p.ScopeUnit).OrderBy(p => p.Year).ToListAsync();
            formPeriods.Select(p => p.Year).ShouldBe([2023, 2024]);
            var first = await read.FormReports.Where(r => r.PeriodId == formPeriods[0].Id).Select(r => r.Status).ToListAsync();
            first.Count.ShouldBe(167); // 8 districts and 159 communes
            first.ShouldAllBe(s => s == DanVan.Statistics.FormReportStatus.Accepted || s == DanVan.Statistics.FormReportStatus.Confirmed);
            var last = await read.FormReports.Where(r => r.PeriodId == formPeriods[1].Id).Select(r => r.Status).Distinct().ToListAsync();
            last.ShouldContain(DanVan.Statistics.FormReportStatus.NotStarted);
            last.ShouldContain(DanVan.Statistics.FormReportStatus.Returned);
            last.ShouldContain(DanVan.Statistics.FormReportStatus.Submitted);
            var province = await DanVan.Statistics.FormFigures.AggregateAsync(read, formPeriods[0], formPeriods[0].ScopeUnit!);
            province.Completeness.Expected.ShouldBe(167);
            province.Completeness.Submitted.ShouldBeGreaterThan(150);
            ((DanVan.Statistics.RatioValue)province.Values["ntmScope"]).Whole.ShouldBeGreaterThan(140);
            ((DanVan.Statistics.NumberValue)province.Values["poorRate"]).Value.ShouldBeInRange(0.5m, 12m);
        }

        await using var again = _db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() => DemoData.SeedAsync(again, new DemoOptions()));
        ex.Code.ShouldBe("demo.provinceExists");
        ex.Message.ShouldContain("already holds unit 44");
        (await DemoData.ExistsAsync(again)).ShouldBeTrue();
        (await again.Units.CountAsync()).ShouldBe(248);
    }

    [Fact]
    public async Task Should_give_the_same_data_for_the_same_seed()
    {
        await using var other = await TestDatabase.CreateAsync(_db.Provider);
        await using var third = await TestDatabase.CreateAsync(_db.Provider);
        await using (var db = _db.NewContext()) await DemoData.SeedAsync(db, new DemoOptions { Seed = 7, Years = 1 });
        await using (var db = other.NewContext()) await DemoData.SeedAsync(db, new DemoOptions { Seed = 7, Years = 1 });
        await using (var db = third.NewContext()) await DemoData.SeedAsync(db, new DemoOptions { Seed = 8, Years = 1 });

        var first = await FingerprintAsync(_db);
        first.ShouldBe(await FingerprintAsync(other));
        first.ShouldNotBe(await FingerprintAsync(third));
    }

    [Fact]
    public async Task Should_scale_the_communes_for_a_large_province()
    {
        await using var db = _db.NewContext();
        var summary = await DemoData.SeedAsync(db, new DemoOptions { Scale = 2, Years = 1 });
        (await db.Units.CountAsync(u => u.Kind == OrgUnitKind.Commune && u.ValidTo != null)).ShouldBe(318);
        summary.Periods.Single().Assessments.ShouldBe(22 + 6 + 8 + 318);
    }

    [Fact]
    public async Task Should_refuse_options_out_of_range()
    {
        await using var db = _db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() => DemoData.SeedAsync(db, new DemoOptions { Scale = 0, Years = 0 }));
        ex.Refusals.Select(r => r.Code).ShouldBe(["demo.scale", "demo.years"]);
        ex.Refusals.Select(r => r.Where.Key).ShouldBe(["scale", "years"]);
    }

    private static async Task<List<string>> FingerprintAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var assessments = await db.Assessments.Include(a => a.Unit).Include(a => a.Entries).ToListAsync();
        return assessments.OrderBy(a => a.Unit!.Code, StringComparer.Ordinal).Select(a =>
            $"{a.Unit!.Code} {a.Status} {a.IsLate} {a.SelfTotal:0.##} {a.FinalBand} "
            + string.Join(";", a.Entries.OrderBy(e => e.CriterionId, StringComparer.Ordinal).ThenBy(e => e.Layer)
                .Select(e => $"{e.CriterionId}/{e.Layer}={e.Points:0.##}{e.Level}{e.Checked}{e.Achieved:0.##}{e.Count}{(e.NotApplicable ? "na" : "")}")))
            .ToList();
    }

    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

[Collection<SqliteDb>]
public sealed class SqliteDemoDataTests(SqliteDatabase db) : DemoDataTests(db);

[Collection<PostgresDb>]
public sealed class PostgresDemoDataTests(PostgresDatabase db) : DemoDataTests(db);
