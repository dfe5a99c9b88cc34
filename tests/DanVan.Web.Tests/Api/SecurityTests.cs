using System.Net;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Api;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Periods;
using DanVan.Web.Api.Results;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

/// <summary>Nobody reads or writes outside their scope: another unit's resources answer 404, exactly like missing ones.</summary>
public abstract class SecurityTests(WebAppFactory app) : ApiTestBase(app)
{
    [Fact]
    public async Task Should_hide_every_path_of_unit_B_from_a_user_of_unit_A()
    {
        var b = S.As(UnitB);
        var bRead = await b.GetAssessmentAsync(S.AssessmentB);
        var bFile = await (await b.UploadAsync(S.AssessmentB, "1.1", "b.pdf", "%PDF-1.4 B"u8.ToArray())).ReadAsync<EvidenceView>();

        var a = S.As(UnitA);
        var v = new VersionBody { Version = bRead.Version };
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["GET assessment"] = await a.GetAsync($"/api/v1/assessments/{S.AssessmentB}"),
            ["PUT entry"] = await a.SetEntryResponseAsync(S.AssessmentB, "1.1", new EntryBody { Points = 1, Version = bRead.Version }),
            ["confirm"] = await a.PostJsonAsync($"/api/v1/assessments/{S.AssessmentB}/confirm", v),
            ["submit"] = await a.PostJsonAsync($"/api/v1/assessments/{S.AssessmentB}/submit", v),
            ["audit"] = await a.GetAsync($"/api/v1/assessments/{S.AssessmentB}/audit"),
            ["evidence list"] = await a.GetAsync($"/api/v1/assessments/{S.AssessmentB}/evidence"),
            ["evidence upload"] = await a.UploadAsync(S.AssessmentB, "1.1", "a.pdf", "%PDF-1.4 A"u8.ToArray()),
            ["evidence reference"] = await a.PostJsonAsync($"/api/v1/assessments/{S.AssessmentB}/evidence", new EvidenceReferenceBody { CriterionId = "1.1", DocumentRef = "x" }),
            ["evidence download"] = await a.GetAsync(bFile.ContentUrl),
            ["evidence delete"] = await a.DeleteAsync($"/api/v1/evidence/{bFile.Id}"),
            ["district period"] = await a.GetAsync($"/api/v1/periods/{S.DistrictPeriodId}"),
            ["district results"] = await a.GetAsync($"/api/v1/periods/{S.DistrictPeriodId}/results"),
            ["district assessments"] = await a.GetAsync($"/api/v1/periods/{S.DistrictPeriodId}/assessments"),
        };
        var missing = await a.GetAsync("/api/v1/assessments/987654");
        var missingProblem = await missing.ProblemAsync(404);
        foreach (var (path, response) in answers)
        {
            var problem = await response.ProblemAsync(404);
            problem["title"]!.GetValue<string>().ShouldBe(missingProblem["title"]!.GetValue<string>(), path);
        }

        // Lists are filtered to unit A.
        var periods = await (await a.GetAsync("/api/v1/periods")).ReadAsync<PagedList<PeriodSummary>>();
        periods.Items.Select(p => p.Id).ShouldBe([S.PeriodId]);
        periods.Items.Single().Participation.Units.ShouldBe(1);
        var list = await (await a.GetAsync($"/api/v1/periods/{S.PeriodId}/assessments")).ReadAsync<PagedList<AssessmentSummary>>();
        list.Items.Select(x => x.Id).ShouldBe([S.AssessmentA]);
        var results = await (await a.GetAsync($"/api/v1/periods/{S.PeriodId}/results")).ReadAsync<PeriodResultsView>();
        results.Units.Select(u => u.Unit.Id).ShouldBe([S.AgencyA]);
        results.Groups.Single().Units.ShouldBe(1);

        await using var db = S.App.NewDbContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
        (await db.Evidence.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_a_district_coordinator_inside_the_district()
    {
        var district = S.As(DistrictCoordinator);
        (await district.GetAsync($"/api/v1/assessments/{S.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/api/v1/periods/{S.PeriodId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/approve", new VersionBody { Version = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var periods = await (await district.GetAsync("/api/v1/periods")).ReadAsync<PagedList<PeriodSummary>>();
        periods.Items.Select(p => p.Id).ShouldBe([S.DistrictPeriodId]);

        var open = await district.PostJsonAsync("/api/v1/periods", new OpenPeriodBody
        {
            Year = 2031, Name = "Kỳ của tỉnh", ScopeUnitId = S.ProvinceId, OpensOn = new(2031, 1, 1), Deadline = new(2031, 12, 1),
            Groups = [new PeriodGroupBody(S.AgencyGroup, S.CriteriaSetId)],
        });
        await open.ProblemAsync(403);

        // Inside the district it coordinates: the commune's assessment is its to read and return.
        var x = await district.GetAssessmentAsync(S.AssessmentX);
        x.Actions.Approve.ShouldBeFalse();
        var own = await district.PostJsonAsync("/api/v1/periods", new OpenPeriodBody
        {
            Year = 2031, Name = "Kỳ của huyện", ScopeUnitId = S.DistrictId, OpensOn = new(2031, 1, 1), Deadline = new(2031, 12, 1),
            Groups = [new PeriodGroupBody(S.CommuneGroup, S.CriteriaSetId)],
        });
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        own.Headers.Location!.ToString().ShouldStartWith("/api/v1/periods/");
        var opened = await own.ReadAsync<PeriodDetails>();
        opened.Participation.Units.ShouldBe(1);
    }

    [Fact]
    public async Task Should_let_a_viewer_read_but_never_write()
    {
        var viewer = S.As(Viewer);
        var a = await viewer.GetAssessmentAsync(S.AssessmentA);
        a.Actions.ShouldBe(new DanVan.Evaluations.AssessmentActions(false, false, false, false, false, false, false, false, false, false, false));
        var v = new VersionBody { Version = a.Version };
        await (await viewer.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 1, Version = a.Version })).ProblemAsync(403);
        await (await viewer.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Layer = ScoreLayer.Appraisal, Points = 1, Note = "x", Version = a.Version })).ProblemAsync(403);
        await (await viewer.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/confirm", v)).ProblemAsync(403);
        await (await viewer.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/submit", v)).ProblemAsync(403);
        await (await viewer.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/approve", v)).ProblemAsync(403);
        await (await viewer.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/return", new ReturnBody { Version = a.Version, Comment = "x" })).ProblemAsync(403);
        await (await viewer.UploadAsync(S.AssessmentA, "1.1", "v.pdf", "%PDF-1.4"u8.ToArray())).ProblemAsync(403);
        await (await viewer.PostJsonAsync("/api/v1/periods", new OpenPeriodBody
        {
            Year = 2031, Name = "x", ScopeUnitId = S.ProvinceId, OpensOn = new(2031, 1, 1), Deadline = new(2031, 12, 1),
            Groups = [new PeriodGroupBody(S.AgencyGroup, S.CriteriaSetId)],
        })).ProblemAsync(403);
        (await viewer.GetAsync($"/api/v1/periods/{S.PeriodId}/results")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Regression: an inspector (or a coordinator of another scope) could set the flag that moves the class
    /// through the API; only a coordinator of the unit and of the period's scope unit may, as on the page.</summary>
    [Fact]
    public async Task Should_refuse_flags_from_an_inspector_and_list_them_only_for_the_deciding_coordinator()
    {
        var unit = S.As(UnitA);
        var a = await unit.GetAssessmentAsync(S.AssessmentA);
        a = await unit.SetEntryAsync(a.Id, "1.1", new EntryBody { Points = 30, Version = a.Version });
        a = await S.As(HeadA).ActAsync(a.Id, "confirm", new VersionBody { Version = a.Version });
        a = await unit.ActAsync(a.Id, "submit", new VersionBody { Version = a.Version });

        var inspector = S.As(Inspector);
        (await inspector.GetAssessmentAsync(a.Id)).Actions.SetFlags.ShouldBeFalse();
        var refused = await inspector.PutJsonAsync($"/api/v1/assessments/{a.Id}/flags",
            new FlagsBody { Version = a.Version, Flags = ["ky-luat"], Reason = "Quyết định kỷ luật số 5/QĐ-SA" });
        (await refused.ProblemAsync(403))["code"]!.GetValue<string>().ShouldBe("forbidden");
        (await S.As(Coordinator).GetAssessmentAsync(a.Id)).Actions.SetFlags.ShouldBeTrue();
        await using var db = S.App.NewDbContext();
        (await db.Assessments.SingleAsync(x => x.Id == a.Id)).Flags.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_not_let_a_unit_appraise_or_approve_itself()
    {
        var unit = S.As(UnitA);
        var a = await unit.GetAssessmentAsync(S.AssessmentA);
        var forbidden = await unit.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Layer = ScoreLayer.Appraisal, Points = 30, Note = "tự nâng điểm", Version = a.Version });
        (await forbidden.ProblemAsync(403))["code"]!.GetValue<string>().ShouldBe("forbidden");
        await (await unit.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Layer = ScoreLayer.Inspection, Points = 30, Note = "x", Version = a.Version })).ProblemAsync(403);
        await (await unit.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/approve", new VersionBody { Version = a.Version })).ProblemAsync(403);
        await (await unit.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/appraised", new VersionBody { Version = a.Version })).ProblemAsync(403);
        await (await unit.PostJsonAsync($"/api/v1/assessments/{S.AssessmentA}/reopen", new ReopenBody { Version = a.Version, Reason = "x" })).ProblemAsync(403);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteSecurityTests(SqliteWebApp app) : SecurityTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresSecurityTests(PostgresWebApp app) : SecurityTests(app);
