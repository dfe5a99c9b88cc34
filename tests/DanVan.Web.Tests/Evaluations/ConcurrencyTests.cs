using DanVan.Data;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

public abstract class ConcurrencyTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;


    [Fact]
    public async Task Should_refuse_the_second_of_two_saves_of_the_same_criterion_keeping_what_was_typed()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var headA = await TestClient.LoginAsync(_app, "headA");
        var first = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var second = await headA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");

        var saved = await userA.SubmitAsync(first, "#assessment-form", new() { [first.Field("1", "Points")] = "35,5" }, "#save-draft");
        saved.Text("#notice").ShouldStartWith("Đã lưu bản nháp.");

        var refused = await headA.SubmitAsync(second, "#assessment-form", new()
        {
            [second.Field("1", "Points")] = "20",
            [second.Field("1", "Note")] = "Nội dung thủ trưởng vừa nhập",
        }, "#save-draft");
        refused.RefusalCodes.ShouldBe(["entry.changedByOther"]);
        refused.Find($"input[name='{refused.Field("1", "Points")}']").GetAttribute("value").ShouldBe("20");
        refused.Find($"textarea[name='{refused.Field("1", "Note")}']").TextContent.ShouldBe("Nội dung thủ trưởng vừa nhập");

        await using var db = _app.NewDbContext();
        var entry = await db.Entries.SingleAsync(e => e.AssessmentId == w.AssessmentA && e.CriterionId == "1" && e.Layer == ScoreLayer.Self);
        entry.Points.ShouldBe(35.5m);

        // After reloading, the head's save goes through.
        var reloaded = await headA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var again = await headA.SubmitAsync(reloaded, "#assessment-form", new() { [reloaded.Field("1", "Points")] = "20" }, "#save-draft");
        again.Text("#running-total").ShouldBe("20");
    }

    [Fact]
    public async Task Should_refuse_a_save_that_loses_the_race_in_the_database()
    {
        var w = await TestWorld.SeedAsync(_app);
        await using var first = _app.NewDbContext();
        await using var second = _app.NewDbContext();
        var a1 = await first.Assessments.SingleAsync(a => a.Id == w.AssessmentA);
        var a2 = await second.Assessments.SingleAsync(a => a.Id == w.AssessmentA);
        DanVan.Web.Infrastructure.PageHelpers.ExpectVersion(first, a1, a1.Version);
        DanVan.Web.Infrastructure.PageHelpers.ExpectVersion(second, a2, a2.Version);
        a1.SelfTotal = 10;
        a2.SelfTotal = 20;
        await first.SaveChangesAsync();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _app.NewDbContext();
        (await check.Assessments.SingleAsync(a => a.Id == w.AssessmentA)).SelfTotal.ShouldBe(10);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteConcurrencyTests(SqliteWebApp app) : ConcurrencyTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresConcurrencyTests(PostgresWebApp app) : ConcurrencyTests(app);
