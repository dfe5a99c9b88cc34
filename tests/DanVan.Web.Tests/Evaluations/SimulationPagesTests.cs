using System.Net;
using System.Text;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>The criteria-change simulation and the self-score inflation pages: who opens them, what they show, the XLSX export.</summary>
public abstract class SimulationPagesTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>The test set with Hoàn thành tốt from 86: the default self-assessment (85,5) falls to Hoàn thành.</summary>
    private static byte[] StricterDraft() => Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(TestWorld.Set() with
    {
        Id = "test-set-du-thao",
        Name = "Dự thảo bộ tiêu chí thử nghiệm",
        Classification = TestWorld.Set().Classification with
        {
            Bands = [.. TestWorld.Set().Classification.Bands.Select(b => b.Code == "HTT" ? b with { Min = 86 } : b)],
        },
    }));

    [Fact]
    public async Task Should_simulate_a_draft_for_the_coordinator_and_export_it()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await w.SubmitAsync(_app, w.AssessmentB);
        var coord = await TestClient.LoginAsync(_app, "coord");

        var form = await coord.GetAsync($"/Evaluations/Simulation/{w.PeriodId}");
        form.Status.ShouldBe(HttpStatusCode.OK);
        var result = await coord.SubmitAsync(form, "#simulation-form", files: [("Data.DraftFile", "du-thao.json", StricterDraft())]);

        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Document.QuerySelectorAll("#changes tbody tr").Count.ShouldBe(2);
        result.Text("#changes tbody tr .band-before").ShouldBe("Hoàn thành tốt");
        result.Text("#changes tbody tr .band-after").ShouldStartWith("Hoàn thành (Xuống)");
        result.Text("#changes tbody tr .totals").ShouldBe("85,5 → 85,5");
        result.Text("table.distribution[data-group=so-ban-nganh] tr[data-band=HT] .after").ShouldBe("02");
        result.Document.QuerySelectorAll("#dropped li, #no-data li").ShouldBeEmpty();

        var export = await coord.Http.PostAsync($"/Evaluations/Simulation/{w.PeriodId}?handler=Xlsx", new FormUrlEncodedContent(
            result.Document.QuerySelectorAll("#simulation-export input[type=hidden]")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true, sheetName: "Đơn vị đổi loại", startCell: "A2")
            .Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["Xếp loại sau"]).ShouldBe(["Hoàn thành", "Hoàn thành"]);

        await using var db = _app.NewDbContext();
        (await db.CriteriaSets.CountAsync()).ShouldBe(1, "the uploaded draft is not stored");
    }

    [Fact]
    public async Task Should_show_a_mapping_problem_at_its_row_and_a_draft_problem_at_its_json_path()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var coord = await TestClient.LoginAsync(_app, "coord");
        var form = await coord.GetAsync($"/Evaluations/Simulation/{w.PeriodId}");

        var wrongMap = await coord.SubmitAsync(form, "#simulation-form", new() { ["Data.MapText"] = "1 -> 1\n9 -> 1" },
            files: [("Data.DraftFile", "du-thao.json", StricterDraft())]);
        var problem = wrongMap.Document.QuerySelector("#simulation-errors tr.problem")!;
        problem.GetAttribute("data-code").ShouldBe("simulation.mapping.unknownOld");
        problem.TextContent.ShouldContain("dòng 2");

        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(StricterDraft()).Replace("\"maxPoints\": 100", "\"maxPoints\": 90", StringComparison.Ordinal));
        var wrongDraft = await coord.SubmitAsync(form, "#simulation-form", files: [("Data.DraftFile", "du-thao.json", broken)]);
        wrongDraft.Document.QuerySelector("#simulation-errors tr.problem")!.TextContent.ShouldContain("$.maxPoints");
        wrongDraft.Document.QuerySelector("#simulation-result").ShouldBeNull();
    }

    [Fact]
    public async Task Should_answer_404_out_of_the_periods_scope_and_403_to_those_who_do_not_coordinate()
    {
        var w = await TestWorld.SeedAsync(_app);
        var district = await TestClient.LoginAsync(_app, "dcoord");
        (await district.GetAsync($"/Evaluations/Simulation/{w.PeriodId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/Evaluations/Inflation/{w.PeriodId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await TestClient.LoginAsync(_app, "coord")).GetAsync("/Evaluations/Simulation/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
        var viewer = await TestClient.LoginAsync(_app, "viewer");
        (await viewer.Http.GetAsync($"/Evaluations/Simulation/{w.PeriodId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync($"/Evaluations/Inflation/{w.PeriodId}")).Status.ShouldBe(HttpStatusCode.OK);
        var unit = await TestClient.LoginAsync(_app, "userA");
        (await unit.Http.GetAsync($"/Evaluations/Simulation/{w.PeriodId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await unit.Http.GetAsync($"/Evaluations/Inflation/{w.PeriodId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_show_who_over_scored_themselves_and_by_how_much()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == w.AssessmentA);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
            AssessmentEntries.Set(db, a, set, new EntryInput { CriterionId = "1", Layer = ScoreLayer.Appraisal, Points = 25.5m, Note = "Thiếu kế hoạch" }, "coord", DateTime.UtcNow);
            AssessmentWorkflow.MarkAppraised(db, a, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var coord = await TestClient.LoginAsync(_app, "coord");
        var page = await coord.GetAsync($"/Evaluations/Inflation/{w.PeriodId}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text($"#unit-gaps tr[data-unit='{w.AgencyA}'] .gap").ShouldBe("+10");
        page.Text("#criterion-gaps tr[data-criterion='1'] td.num").ShouldBe("+10");
        page.Document.QuerySelector("#no-repeat").ShouldNotBeNull("one year is not a habit");
        var chart = await coord.Http.GetAsync($"/Evaluations/Inflation/{w.PeriodId}?handler=Chart");
        chart.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteSimulationPagesTests(SqliteWebApp app) : SimulationPagesTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresSimulationPagesTests(PostgresWebApp app) : SimulationPagesTests(app);
