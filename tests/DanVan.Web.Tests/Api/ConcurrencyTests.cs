using System.Net;
using System.Net.Http.Headers;
using DanVan.Data;
using DanVan.Web.Api.Evaluations;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

public abstract class ConcurrencyTests(WebAppFactory app) : ApiTestBase(app)
{
    [Fact]
    public async Task Should_refuse_the_second_of_two_saves_made_on_the_same_version_and_keep_the_first()
    {
        var first = S.As(UnitA);
        var second = S.As(HeadA);
        var read = await first.GetAssessmentAsync(S.AssessmentA);
        (await second.GetAssessmentAsync(S.AssessmentA)).Version.ShouldBe(read.Version);

        var saved = await first.SetEntryAsync(S.AssessmentA, "1.1", new EntryBody { Points = 25, Note = "Người thứ nhất", Version = read.Version });
        saved.Version.ShouldBeGreaterThan(read.Version);

        var refused = await second.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 10, Note = "Người thứ hai", Version = read.Version });
        var problem = await refused.ProblemAsync(409);
        problem["code"]!.GetValue<string>().ShouldBe("assessment.staleVersion");
        problem["title"]!.GetValue<string>().ShouldContain("tải lại");

        var now = await second.GetAssessmentAsync(S.AssessmentA);
        now.Version.ShouldBe(saved.Version);
        now.Criteria[0].Children[0].SelfEntry!.Points.ShouldBe(25m);
        now.Criteria[0].Children[0].SelfEntry!.Note.ShouldBe("Người thứ nhất");
        await using var db = S.App.NewDbContext();
        (await db.Audit.CountAsync(x => x.AssessmentId == S.AssessmentA && x.Action == "entry.self")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_check_a_change_based_on_a_stamp_against_its_criterion_only()
    {
        var clerk = S.As(UnitA);
        var head = S.As(HeadA);
        var read = await head.GetAssessmentAsync(S.AssessmentA);
        var saved = await clerk.SetEntryAsync(S.AssessmentA, "1.1", new EntryBody { Points = 25, Version = read.Version });

        // The sheet's version moved, but criterion 1.2 is as the head read it ("0": no entry).
        var other = await head.SetEntryAsync(S.AssessmentA, "1.2", new EntryBody { Level = "A", BasedOn = "0" });
        other.Version.ShouldBeGreaterThan(saved.Version);

        var refused = await head.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 10, BasedOn = "0" });
        (await refused.ProblemAsync(409))["code"]!.GetValue<string>().ShouldBe("entry.changedByOther");

        var stamp = other.Criteria[0].Children[0].SelfEntry!.Stamp;
        var kept = await head.SetEntryAsync(S.AssessmentA, "1.1", new EntryBody { Points = 10, BasedOn = stamp });
        kept.Criteria[0].Children[0].SelfEntry!.Points.ShouldBe(10m);
    }

    [Fact]
    public async Task Should_take_the_version_from_If_Match_and_answer_it_as_the_ETag()
    {
        var client = S.As(UnitA);
        var get = await client.GetAsync($"/api/v1/assessments/{S.AssessmentA}");
        var etag = get.Headers.ETag!;
        var read = await get.ReadAsync<AssessmentDetails>();
        etag.Tag.ShouldBe($"\"{read.Version}\"");

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{S.AssessmentA}/entries/1.2")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new EntryBody { Level = "A" }, options: Json),
        };
        put.Headers.IfMatch.Add(etag);
        var saved = await client.SendAsync(put);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await saved.ReadAsync<AssessmentDetails>();
        saved.Headers.ETag!.Tag.ShouldBe($"\"{after.Version}\"");

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{S.AssessmentA}/entries/1.2")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new EntryBody { Level = "B" }, options: Json),
        };
        stale.Headers.IfMatch.Add(etag);
        await (await client.SendAsync(stale)).ProblemAsync(409);

        var mismatch = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{S.AssessmentA}/entries/1.2")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new EntryBody { Level = "B", Version = after.Version + 5 }, options: Json),
        };
        mismatch.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{after.Version}\""));
        (await (await client.SendAsync(mismatch)).ProblemAsync(400)).Errors().ShouldContainKey("version");
    }

    [Fact]
    public async Task Should_require_a_version_for_every_change()
    {
        var client = S.As(UnitA);
        var problem = await (await client.SetEntryResponseAsync(S.AssessmentA, "1.1", new EntryBody { Points = 5 })).ProblemAsync(428);
        problem["code"]!.GetValue<string>().ShouldBe("version-required");
        await (await S.As(HeadA).PostAsync($"/api/v1/assessments/{S.AssessmentA}/confirm", null)).ProblemAsync(428);
        await using var db = S.App.NewDbContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteConcurrencyTests(SqliteWebApp app) : ConcurrencyTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresConcurrencyTests(PostgresWebApp app) : ConcurrencyTests(app);
