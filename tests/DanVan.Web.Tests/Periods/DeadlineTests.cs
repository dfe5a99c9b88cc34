using System.Text.Json.Nodes;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Periods;

/// <summary>
/// Deadlines are judged in the province's time zone, with time frozen through DI: at 18:00 UTC on the deadline day it
/// is already 01:00 the next day in Vietnam, so a submission on the page or through the API is late.
/// </summary>
public abstract class DeadlineTests(WebAppFactory app) : WebTest(app)
{
    private static readonly DateOnly Deadline = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly WebAppFactory _app = app;
    private ApiScenario _s = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _app.Clock.Freeze(new DateTimeOffset(Deadline.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        _s = await ApiScenario.SeedAsync(_app);
        await using var db = _app.NewDbContext();
        var period = await db.Periods.SingleAsync(p => p.Id == _s.PeriodId);
        (period.OpensOn, period.Deadline, period.AcceptLate) = (Deadline.AddDays(-10), Deadline, true);
        foreach (var a in await db.Assessments.Where(a => a.PeriodId == _s.PeriodId).ToListAsync())
            AssessmentWorkflow.Confirm(db, a, ApiScenario.HeadA, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_mark_late_a_submission_at_one_in_the_morning_Vietnam_time_after_the_deadline_day()
    {
        // The page: warned before, marked late after.
        var unitA = await TestClient.LoginAsync(_app, ApiScenario.UnitA, ApiScenario.Password);
        var page = await unitA.GetAsync($"/Evaluations/Submit/{_s.AssessmentA}");
        page.Find("#late-warning");
        var submitted = await unitA.SubmitAsync(page, "#submit-form", submitSelector: "#submit");
        submitted.Errors.ShouldBeEmpty();
        submitted.Find("#late-badge");

        // The API: the same rule, the same answer.
        var response = await _s.As(ApiScenario.UnitB).PostJsonAsync($"/api/v1/assessments/{_s.AssessmentB}/submit", new { version = await VersionAsync(_s.AssessmentB) });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((int)response.StatusCode).ShouldBe(200, body.ToJsonString());
        body["isLate"]!.GetValue<bool>().ShouldBeTrue();

        await using var db = _app.NewDbContext();
        var stored = await db.Assessments.Where(a => a.PeriodId == _s.PeriodId && a.Status == AssessmentStatus.Submitted).ToListAsync();
        stored.Select(a => (a.IsLate, a.SubmittedAt)).ShouldAllBe(x => x.IsLate && x.SubmittedAt == _app.Clock.GetUtcNow().UtcDateTime);
        stored.Count.ShouldBe(2);
    }

    private async Task<int> VersionAsync(int id)
    {
        await using var db = _app.NewDbContext();
        return (await db.Assessments.SingleAsync(a => a.Id == id)).Version;
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteDeadlineTests(SqliteWebApp app) : DeadlineTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresDeadlineTests(PostgresWebApp app) : DeadlineTests(app);
