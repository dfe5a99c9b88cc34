using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>
/// One truth for published results: with a share cap in the criteria set, the queue, the API's assessments and
/// results, the dashboard and the report show the same class for every approved unit.
/// </summary>
public abstract class PublishedResultsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>The test set, with at most half of the approved agencies "Hoàn thành xuất sắc".</summary>
    private static CriteriaSet CappedSet()
    {
        var set = TestWorld.Set();
        return set with
        {
            Id = "test-set-capped",
            Classification = set.Classification with
            {
                Rules = [.. set.Classification.Rules, new ClassificationRule { Type = RuleType.BandShareCap, Band = "HTXS", Share = 0.5m }],
            },
        };
    }

    private static EntryInput[] Entries(decimal first) =>
    [
        new() { CriterionId = "1", Points = first },
        new() { CriterionId = "2.1", Level = "A" },
        new() { CriterionId = "2.2", Checked = ["a", "b"] },
        new() { CriterionId = "2.3", Achieved = 100 },
        new() { CriterionId = "3", Points = 20 },
    ];

    private async Task<(TestWorld World, int PeriodId, int A, int B)> ArrangeAsync()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        int periodId, a, b;
        await using (var db = _app.NewDbContext())
        {
            var (stored, _) = await CriteriaSetStore.ImportAsync(db, CappedSet());
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2024, "Đánh giá năm 2024", w.Province,
                deadline.AddDays(-30), deadline, true, [new PeriodGroupChoice(w.AgencyGroup, stored.Id)]), "test");
            periodId = period.Id;
            var ids = await db.Assessments.Where(x => x.PeriodId == period.Id).ToDictionaryAsync(x => x.UnitId, x => x.Id);
            (a, b) = (ids[w.AgencyA], ids[w.AgencyB]);
        }

        // Both claim "Hoàn thành xuất sắc": A 100 points, B 96.
        await w.SubmitAsync(_app, a, true, Entries(40));
        await w.SubmitAsync(_app, b, true, Entries(36));
        return (w, periodId, a, b);
    }

    private static async Task ApproveOnPageAsync(TestClient coordinator, int id)
    {
        var page = await coordinator.GetAsync($"/Evaluations/Approve/{id}");
        var approved = await coordinator.SubmitAsync(page, "form#approve-form");
        approved.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_show_the_same_class_per_unit_on_every_surface_when_a_share_cap_applies()
    {
        var (w, periodId, a, b) = await ArrangeAsync();
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        await ApproveOnPageAsync(coordinator, a);
        await ApproveOnPageAsync(coordinator, b);

        // Half of two approved agencies may be "Hoàn thành xuất sắc": A (100) keeps it, B (96) is moved down.
        var expected = new Dictionary<string, string> { ["SO-A"] = "HTXS", ["SO-B"] = "HTT" };

        var queue = await coordinator.GetAsync($"/Evaluations/Queue?periodId={periodId}");
        var labels = new Dictionary<string, string> { ["HTXS"] = "Hoàn thành xuất sắc", ["HTT"] = "Hoàn thành tốt" };
        foreach (var (unit, band) in expected)
            queue.Find($"#queue tr[data-unit='{unit}'] td:nth-child(8)").TextContent.Trim().ShouldBe(labels[band], $"queue, {unit}");

        var listed = JsonNode.Parse(await coordinator.Http.GetStringAsync($"/api/v1/periods/{periodId}/assessments"))!["items"]!.AsArray();
        foreach (var (unit, band) in expected)
            listed.Single(x => x!["unit"]!["code"]!.GetValue<string>() == unit)!["finalBand"]!.GetValue<string>().ShouldBe(band, $"API assessments, {unit}");

        var results = JsonNode.Parse(await coordinator.Http.GetStringAsync($"/api/v1/periods/{periodId}/results"))!["units"]!.AsArray();
        foreach (var (unit, band) in expected)
            results.Single(x => x!["unit"]!["code"]!.GetValue<string>() == unit)!["final"]!["band"]!.GetValue<string>().ShouldBe(band, $"API results, {unit}");

        var dashboard = await coordinator.GetAsync($"/Dashboard?periodId={periodId}");
        dashboard.Find("#classes tr[data-group='so-ban-nganh'] td[data-band='HTXS'] .appraised").TextContent.ShouldBe("01");
        dashboard.Find("#classes tr[data-group='so-ban-nganh'] td[data-band='HTT'] .appraised").TextContent.ShouldBe("01");

        var markdown = await coordinator.Http.GetStringAsync($"/Reports?handler=Markdown&scope={w.Province}&year=2024");
        markdown.ShouldContain("Hoàn thành xuất sắc: 01 (Sở Nội vụ); Hoàn thành tốt: 01 (Sở Tư pháp).", customMessage: markdown);
    }

    [Fact]
    public async Task Should_move_a_capped_class_back_up_when_the_other_result_is_reopened()
    {
        var (_, periodId, a, b) = await ArrangeAsync();
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        await ApproveOnPageAsync(coordinator, a);
        await ApproveOnPageAsync(coordinator, b);
        var page = await coordinator.GetAsync($"/Evaluations/Reopen/{a}");
        (await coordinator.SubmitAsync(page, "#reopen-form", new() { ["Data.Reason"] = "Phát hiện sai sót số liệu" })).Errors.ShouldBeEmpty();

        // B alone: half of one unit is none, so B stays "Hoàn thành tốt"; the change is stored with B's audit trail intact.
        await using var db = _app.NewDbContext();
        (await db.Assessments.SingleAsync(x => x.Id == b)).FinalBand.ShouldBe("HTT");
        (await db.Assessments.SingleAsync(x => x.Id == a)).FinalBand.ShouldBeNull();
        var results = JsonNode.Parse(await coordinator.Http.GetStringAsync($"/api/v1/periods/{periodId}/results"))!["units"]!.AsArray();
        results.Single(x => x!["unit"]!["code"]!.GetValue<string>() == "SO-B")!["final"]!["band"]!.GetValue<string>().ShouldBe("HTT");
    }
}

[Collection<SqliteWeb>]
public sealed class SqlitePublishedResultsTests(SqliteWebApp app) : PublishedResultsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresPublishedResultsTests(PostgresWebApp app) : PublishedResultsTests(app);
