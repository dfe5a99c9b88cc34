using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>Regression tests of defects found by the review of the evaluation cycle (issue 8), through the API.</summary>
public abstract class EvaluationDefectTests(DatabaseProvider provider) : IDisposable
{
    private readonly WebAppFactory _app = new(provider);

    public void Dispose() => _app.Dispose();

    private async Task<(TestWorld W, Dictionary<string, string> Tokens)> SeedAsync()
    {
        var w = await TestWorld.SeedAsync(_app);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var db = _app.NewDbContext();
        foreach (var user in new[] { "userA", "coord" })
        {
            var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            var (token, plain) = ApiToken.Create(id, "defects", DateTime.UtcNow, TimeSpan.FromDays(1));
            db.ApiTokens.Add(token);
            tokens[user] = plain;
        }
        await db.SaveChangesAsync();
        return (w, tokens);
    }

    private HttpClient As(Dictionary<string, string> tokens, string user)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
        return client;
    }

    private async Task<int> VersionAsync(int assessment)
    {
        await using var db = _app.NewDbContext();
        return (await db.Assessments.SingleAsync(a => a.Id == assessment)).Version;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();

    [Fact]
    public async Task Should_refuse_extreme_ratio_figures_at_entry_and_keep_the_assessment_readable()
    {
        // Regression: achieved 1e27 was accepted; computing the result then failed for every reader.
        var (w, tokens) = await SeedAsync();
        using var client = As(tokens, "userA");

        var put = await client.PutAsJsonAsync($"/api/v1/assessments/{w.AssessmentA}/entries/2.3",
            new { achieved = 1e27m, version = await VersionAsync(w.AssessmentA) });

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CodeAsync(put)).ShouldBe("entry.figureOutOfBounds");
        (await client.GetAsync($"/api/v1/assessments/{w.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == w.AssessmentA)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_apply_the_one_text_limit_to_every_text_field_of_the_API()
    {
        // Regression: note, comment and reason had no limit (5 MB were stored).
        var (w, tokens) = await SeedAsync();
        var tooLong = new string('x', TextLimit.MaxLength + 1);
        using var unit = As(tokens, "userA");
        var note = await unit.PutAsJsonAsync($"/api/v1/assessments/{w.AssessmentA}/entries/1",
            new { points = 30, note = tooLong, version = await VersionAsync(w.AssessmentA) });
        note.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CodeAsync(note)).ShouldBe("request.tooLong");

        await w.SubmitAsync(_app, w.AssessmentA);
        using var coordinator = As(tokens, "coord");
        var comment = await coordinator.PostAsJsonAsync($"/api/v1/assessments/{w.AssessmentA}/return",
            new { comment = tooLong, version = await VersionAsync(w.AssessmentA) });
        (await CodeAsync(comment)).ShouldBe("request.tooLong");
        var reason = await coordinator.PutAsJsonAsync($"/api/v1/assessments/{w.AssessmentA}/flags",
            new { flags = new[] { "ky-luat" }, reason = tooLong, version = await VersionAsync(w.AssessmentA) });
        (await CodeAsync(reason)).ShouldBe("request.tooLong");

        await using var db = _app.NewDbContext();
        (await db.Audit.AnyAsync(a => a.Reason != null && a.Reason.Length > TextLimit.MaxLength)).ShouldBeFalse();
        (await db.Entries.AnyAsync(e => e.Note != null && e.Note.Length > TextLimit.MaxLength)).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_answer_409_not_500_when_two_first_writes_of_the_same_entry_race()
    {
        // Regression (PostgreSQL): the loser of two concurrent first writes hit the unique key and answered 500.
        var (w, tokens) = await SeedAsync();
        using var first = As(tokens, "userA");
        using var second = As(tokens, "userA");
        foreach (var (criterion, body) in new (string, object)[] { ("1", new { points = 30 }), ("3", new { points = 10 }), ("B1", new { points = 2 }), ("T1", new { count = 1 }), ("2.1", new { level = "A" }) })
        {
            var version = await VersionAsync(w.AssessmentA);
            var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
            json["version"] = version;
            var url = $"/api/v1/assessments/{w.AssessmentA}/entries/{criterion}";
            var answers = await Task.WhenAll(first.PutAsJsonAsync(url, json), second.PutAsJsonAsync(url, JsonNode.Parse(json.ToJsonString())));

            answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, $"criterion {criterion}");
            answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1, $"criterion {criterion}");
            foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
                (await CodeAsync(refused)).ShouldBe("assessment.staleVersion");
        }
    }
}

public sealed class SqliteEvaluationDefectTests() : EvaluationDefectTests(DatabaseProvider.Sqlite);

public sealed class PostgresEvaluationDefectTests() : EvaluationDefectTests(DatabaseProvider.Postgres);
