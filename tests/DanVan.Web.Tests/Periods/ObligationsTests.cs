using DanVan.Evaluations;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Periods;

/// <summary>What each unit owes: the board (a unit's own, a coordinator's scope) and the home page's next steps.</summary>
public abstract class ObligationsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static string SampleForm()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "forms"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "samples", "forms", "tiep-dan-6-thang.json"));
    }

    private async Task<TestWorld> SeedAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var w = await TestWorld.SeedAsync(_app, deadline: today.AddDays(3));
        await w.SubmitAsync(_app, w.AssessmentB);
        await using var db = _app.NewDbContext();
        var b = await db.Assessments.SingleAsync(a => a.Id == w.AssessmentB);
        AssessmentWorkflow.Return(db, b, "Bổ sung minh chứng tiêu chí 2.3", "coord", DateTime.UtcNow);
        await db.SaveChangesAsync();
        // The six-monthly form is owed by communes and districts (groups xa-phuong, huyen): the commune here.
        var xa = new DanVan.OrgUnits.UnitGroup { Code = "xa-phuong", Name = "Xã, phường" };
        xa.Units.Add(await db.Units.SingleAsync(u => u.Id == w.Commune));
        db.Add(xa);
        await db.SaveChangesAsync();
        var form = await FormLibrary.ImportAsync(db, SampleForm(), null, "coord", DateTime.UtcNow);
        var half = DanVan.Periods.ReportingPeriod.Containing(DanVan.Periods.PeriodKind.SixMonths, today);
        await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(form.Id, half.Year, half.Number, w.Province, today.AddDays(-5)), "coord", DateTime.UtcNow);
        return w;
    }

    [Fact]
    public async Task Should_show_a_unit_its_own_obligations_and_a_coordinator_who_owes_what()
    {
        await SeedAsync();

        var commune = await (await TestClient.LoginAsync(_app, "userC")).GetAsync("/Obligations");
        commune.Document.QuerySelectorAll("#obligations tbody tr").Select(r => r.GetAttribute("data-kind")).ShouldBe(["SelfAssessment", "StatisticsForm"], ignoreOrder: true);
        commune.Document.QuerySelectorAll("#obligations tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ShouldBe(["UBND xã Kiến Giang"]);

        var coordinator = await (await TestClient.LoginAsync(_app, "coord")).GetAsync("/Obligations?show=all");
        var rows = coordinator.Document.QuerySelectorAll("#obligations tbody tr");
        rows.Count.ShouldBe(4); // three self-assessments, one form
        rows[0].GetAttribute("data-state").ShouldBe("Returned"); // returned first
        rows[0].TextContent.ShouldContain("Bổ sung minh chứng tiêu chí 2.3");

        var district = await (await TestClient.LoginAsync(_app, "dcoord")).GetAsync("/Obligations");
        district.Document.QuerySelectorAll("#obligations tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Distinct().ShouldBe(["UBND xã Kiến Giang"]);
    }

    [Fact]
    public async Task Should_put_next_steps_on_the_home_page()
    {
        await SeedAsync();

        var b = await (await TestClient.LoginAsync(_app, "userB")).GetAsync("/");
        b.Text("#next-steps li[data-notice='Returned']").ShouldContain("Tự đánh giá Đánh giá năm 2024 của Sở Tư pháp bị trả lại: Bổ sung minh chứng tiêu chí 2.3");

        var a = await (await TestClient.LoginAsync(_app, "userA")).GetAsync("/");
        a.Text("#next-steps li[data-notice='DueSoon']").ShouldContain("Tự đánh giá Đánh giá năm 2024 của Sở Nội vụ đến hạn ngày");
        a.Document.QuerySelectorAll("#next-steps li").Count.ShouldBe(1);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteObligationsTests(SqliteWebApp app) : ObligationsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresObligationsTests(PostgresWebApp app) : ObligationsTests(app);
