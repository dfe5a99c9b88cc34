using System.Net;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Dashboard;

public abstract class IndexTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_count_submitted_late_missing_returned_and_classes_per_group()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await w.SubmitAsync(_app, w.AssessmentB);
        await using (var db = _app.NewDbContext())
        {
            var b = await db.Assessments.SingleAsync(a => a.Id == w.AssessmentB);
            AssessmentWorkflow.Return(db, b, "Bổ sung minh chứng", "coord", DateTime.UtcNow);
            var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == w.AssessmentA);
            AssessmentEntries.Set(db, a, TestWorld.Set(), new EntryInput { CriterionId = "3", Layer = DanVan.Evaluations.Scoring.ScoreLayer.Appraisal, Points = 20, Note = "Đạt" }, "coord", DateTime.UtcNow);
            AssessmentEntries.Set(db, a, TestWorld.Set(), new EntryInput { CriterionId = "2.2", Layer = DanVan.Evaluations.Scoring.ScoreLayer.Appraisal, Checked = ["a", "b"], Note = "Đạt" }, "coord", DateTime.UtcNow);
            AssessmentWorkflow.Approve(db, a, TestWorld.Set(), null, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var page = await coordinator.GetAsync($"/Dashboard?periodId={w.PeriodId}");
        page.Text("#participation-total").ShouldBe("01/03 cơ quan, đơn vị đã nộp hồ sơ tự đánh giá.");
        var agencies = page.Find("#participation tr[data-group='so-ban-nganh']");
        agencies.QuerySelector(".submitted")!.TextContent.ShouldBe("01/02");
        agencies.QuerySelector(".returned")!.TextContent.ShouldBe("01");
        agencies.QuerySelector(".missing")!.TextContent.ShouldBe("00");
        var communes = page.Find("#participation tr[data-group='cap-xa']");
        communes.QuerySelector(".submitted")!.TextContent.ShouldBe("00/01");
        communes.QuerySelector(".missing")!.TextContent.ShouldBe("01");
        communes.QuerySelector(".not-started")!.TextContent.ShouldBe("01");

        // The group × class grid: appraised count, self-claimed in brackets, a bar of the appraised classes, links to the queue.
        page.Document.QuerySelectorAll("#classes thead th[data-band]").Select(h => h.TextContent).ShouldBe(["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"]);
        page.Find("#classes tr[data-group='so-ban-nganh'] td[data-band='HTT'] .self").TextContent.ShouldBe("(01)");
        page.Find("#classes tr[data-group='so-ban-nganh'] td[data-band='HTXS'] .appraised").TextContent.ShouldBe("01");
        page.Find("#classes tr[data-group='so-ban-nganh'] td[data-band='HTT'] .appraised").TextContent.ShouldBe("00");
        page.Find("#classes tr[data-group='so-ban-nganh'] .stacked-bar").GetAttribute("aria-label").ShouldBe("Sở, ban, ngành: Hoàn thành xuất sắc 01");
        page.Find("#classes tr[data-group='cap-xa'] .chart-cell").TextContent.Trim().ShouldBe("Chưa có đơn vị được xếp loại");
        page.Find("#classes tr[data-group='so-ban-nganh'] th a").GetAttribute("href").ShouldBe($"/Evaluations/Queue?periodId={w.PeriodId}&group={w.AgencyGroup}");
        page.Text("#not-started").ShouldContain("UBND xã Kiến Giang");
        page.Find("#not-started li[data-unit='X01'] a").GetAttribute("href").ShouldBe($"/Evaluations/View/{w.Assessments[w.Commune]}");

        // The district coordinator sees only the district's commune; a viewer of the province sees all.
        var district = await TestClient.LoginAsync(_app, "dcoord");
        var mine = await district.GetAsync($"/Dashboard?periodId={w.PeriodId}");
        mine.Text("#participation-total").ShouldBe("00/01 cơ quan, đơn vị đã nộp hồ sơ tự đánh giá.");
        mine.Document.QuerySelector("#participation tr[data-group='so-ban-nganh']").ShouldBeNull();
        var viewer = await TestClient.LoginAsync(_app, "viewer");
        (await viewer.GetAsync($"/Dashboard?periodId={w.PeriodId}")).Text("#participation-total").ShouldStartWith("01/03");
    }

    [Fact]
    public async Task Should_count_late_submissions()
    {
        var w = await TestWorld.SeedAsync(_app, deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var page = await coordinator.GetAsync("/Dashboard");
        page.Find("#participation tr[data-group='so-ban-nganh'] .late").TextContent.ShouldBe("01");
        page.AllText.ShouldContain("đã quá hạn nộp");
        var queue = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&status=late");
        queue.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-assessment")).ShouldBe([w.AssessmentA.ToString()]);
        queue.Find("#status-tabs a[data-filter='not-started'] .count").TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task Should_hide_appraised_classes_from_a_viewer_until_they_are_approved()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA);
            AssessmentWorkflow.MarkAppraised(db, a, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        const string appraisedHtt = "#classes tr[data-group='so-ban-nganh'] td[data-band='HTT'] .appraised";
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        (await coordinator.GetAsync($"/Dashboard?periodId={w.PeriodId}")).Find(appraisedHtt).TextContent.ShouldBe("01");
        var viewer = await TestClient.LoginAsync(_app, "viewer");
        var before = await viewer.GetAsync($"/Dashboard?periodId={w.PeriodId}");
        before.Document.QuerySelectorAll("#classes .appraised").Select(c => c.TextContent).ShouldAllBe(t => t == "00");

        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == w.AssessmentA);
            AssessmentWorkflow.Approve(db, a, TestWorld.Set(), null, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        (await viewer.GetAsync($"/Dashboard?periodId={w.PeriodId}")).Find(appraisedHtt).TextContent.ShouldBe("01");
    }

    [Fact]
    public async Task Should_refuse_the_dashboard_to_a_unit_user()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        (await userA.GetAsync($"/Dashboard?periodId={w.PeriodId}")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteIndexTests(SqliteWebApp app) : IndexTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresIndexTests(PostgresWebApp app) : IndexTests(app);
