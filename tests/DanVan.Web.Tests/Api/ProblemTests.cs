using System.Net.Http.Headers;
using System.Text;
using DanVan.Data;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Periods;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

public abstract class ProblemTests(WebAppFactory app) : ApiTestBase(app)
{
    [Fact]
    public async Task Should_name_the_criterion_whose_value_is_refused()
    {
        var client = S.As(UnitA);
        var a = await client.GetAssessmentAsync(S.AssessmentA);

        var outside = await client.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 31, Version = a.Version });
        var problem = await outside.ProblemAsync(400);
        problem["code"]!.GetValue<string>().ShouldBe("invalid-input");
        problem.Errors()["criterion 1.1"].Single().ShouldContain("outside [0, 30]");

        var step = await client.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 12.25m, Version = a.Version });
        (await step.ProblemAsync(400)).Errors()["criterion 1.1"].Single().ShouldContain("step 0.5");

        var level = await client.SetEntryResponseAsync(S.AssessmentA, "1.2", new EntryBody { Level = "Z", Version = a.Version });
        (await level.ProblemAsync(400)).Errors()["criterion 1.2"].Single().ShouldContain("level 'Z' does not exist");

        var parent = await client.SetEntryResponseAsync(S.AssessmentA, "1", new EntryBody { Points = 10, Version = a.Version });
        (await parent.ProblemAsync(400)).Errors()["criterion 1"].Single().ShouldContain("scored by its sub-criteria");

        var unknown = await client.SetEntryResponseAsync(S.AssessmentA, "7.7", new EntryBody { Points = 1, Version = a.Version });
        (await unknown.ProblemAsync(400)).Errors()["criterion 7.7"].Single().ShouldContain("not in the criteria set");

        (await client.GetAssessmentAsync(S.AssessmentA)).Version.ShouldBe(a.Version);
    }

    [Fact]
    public async Task Should_name_the_field_when_the_JSON_cannot_be_read()
    {
        var client = S.As(UnitA);
        var bad = new StringContent("""{ "points": "hai mươi", "version": 0 }""", Encoding.UTF8, "application/json");
        var problem = await (await client.PutAsync($"/api/v1/assessments/{S.AssessmentA}/entries/1.1", bad)).ProblemAsync(400);
        problem.Errors().ShouldContainKey("points");

        var layer = new StringContent("""{ "layer": "Boss", "points": 1, "version": 0 }""", Encoding.UTF8, "application/json");
        (await (await client.PutAsync($"/api/v1/assessments/{S.AssessmentA}/entries/1.1", layer)).ProblemAsync(400)).Errors().ShouldContainKey("layer");

        var broken = new StringContent("""{ "points": 1, """, Encoding.UTF8, "application/json");
        await (await client.PutAsync($"/api/v1/assessments/{S.AssessmentA}/entries/1.1", broken)).ProblemAsync(400);

        var paging = await client.GetAsync($"/api/v1/periods/{S.PeriodId}/assessments?pageSize=1000");
        (await paging.ProblemAsync(400)).Errors().ShouldContainKey("pageSize");
    }

    [Fact]
    public async Task Should_name_every_refused_field_of_a_period()
    {
        var client = S.As(Coordinator);
        var response = await client.PostJsonAsync("/api/v1/periods", new OpenPeriodBody
        {
            Year = 1890,
            Name = " ",
            ScopeUnitId = S.ProvinceId,
            OpensOn = new DateOnly(2025, 12, 1),
            Deadline = new DateOnly(2025, 11, 1),
            Groups = [new PeriodGroupBody(S.AgencyGroup, 99999)],
        });
        var errors = (await response.ProblemAsync(400)).Errors();
        errors.Keys.ShouldBe(["year", "name", "deadline", "groups[0]"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_answer_an_unknown_API_path_with_problem_json()
    {
        await (await S.As(UnitA).GetAsync("/api/v1/khong-co")).ProblemAsync(404);
        await (await S.As(UnitA).GetAsync("/api/v1/assessments/abc")).ProblemAsync(404);
    }

    [Fact]
    public async Task Should_refuse_an_upload_in_neither_form_nor_JSON()
    {
        var content = new ByteArrayContent("%PDF-1.4"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await S.As(UnitA).PostAsync($"/api/v1/assessments/{S.AssessmentA}/evidence", content);
        await response.ProblemAsync(415);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteProblemTests(SqliteWebApp app) : ProblemTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresProblemTests(PostgresWebApp app) : ProblemTests(app);
