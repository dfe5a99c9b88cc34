using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Council;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>Council appraisal through the API and the pages: settings, ballots scored alone, the consensus recorded in the appraisal layer.</summary>
public abstract class CouncilTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>A full ballot: 1 and 3 as given, the rest alike.</summary>
    private static object[] Scores(decimal one, decimal three, string level = "A") =>
    [
        new { criterionId = "1", points = one, note = "Nhận xét tiêu chí 1" },
        new { criterionId = "2.1", level },
        new { criterionId = "2.2", @checked = new[] { "a" } },
        new { criterionId = "2.3", achieved = 90 },
        new { criterionId = "3", points = three },
        new { criterionId = "B1", points = 2 },
        new { criterionId = "T1", count = 1 },
    ];

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await JsonAsync(response, expected))["code"]!.GetValue<string>();

    [Fact]
    public async Task Should_score_alone_and_record_the_mean_through_the_api()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var a = w.AssessmentA;
        var coord = await TestClient.ApiAsync(_app, "coord");
        var inspector = await TestClient.ApiAsync(_app, "inspector");
        var viewer = await TestClient.ApiAsync(_app, "viewer");
        var settings = $"/api/v1/periods/{w.PeriodId}/council";

        (await CodeAsync(await coord.PutAsJsonAsync(settings, new { byCouncil = true, rule = "Mean", threshold = 3, members = new[] { "coord", "userA" }, chair = "viewer", version = 0 }),
            HttpStatusCode.BadRequest)).ShouldBe("council.memberOutOfScope");
        (await viewer.PutAsJsonAsync(settings, new { byCouncil = true, rule = "Mean", threshold = 3, members = new[] { "coord", "viewer" }, chair = "coord", version = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var set = await JsonAsync(await coord.PutAsJsonAsync(settings,
            new { byCouncil = true, rule = "Mean", threshold = 3, members = new[] { "coord", "inspector", "viewer" }, chair = "coord", version = 0 }), HttpStatusCode.OK);
        set["members"]!.AsArray().Select(m => m!["userName"]!.GetValue<string>()).ShouldBe(["coord", "inspector", "viewer"]);
        (await JsonAsync(await viewer.GetAsync(settings), HttpStatusCode.OK))["rule"]!.GetValue<string>().ShouldBe("Mean");

        var ballot = $"/api/v1/assessments/{a}/council/ballot";
        var council = $"/api/v1/assessments/{a}/council";
        (await CodeAsync(await inspector.PutAsJsonAsync(ballot, new { scores = Scores(35, 14).Take(2), submit = true, version = 0 }), HttpStatusCode.BadRequest))
            .ShouldBe("council.scoreRequired");
        await JsonAsync(await inspector.PutAsJsonAsync(ballot, new { scores = Scores(35, 14), version = 0 }), HttpStatusCode.OK);
        await JsonAsync(await viewer.PutAsJsonAsync(ballot, new { scores = Scores(31, 15), submit = true, version = 0 }), HttpStatusCode.OK);
        // The inspector's ballot is a draft: the viewer's submitted scores stay hidden from them.
        var hidden = await JsonAsync(await inspector.GetAsync(council), HttpStatusCode.OK);
        hidden["seesOthers"]!.GetValue<bool>().ShouldBeFalse();
        hidden["rows"]!.AsArray().ShouldBeEmpty();
        hidden["own"]!["scores"]!.AsArray().Count.ShouldBe(7);
        (await CodeAsync(await inspector.PutAsJsonAsync(ballot, new { scores = Scores(35, 14), submit = true, version = 5 }), HttpStatusCode.Conflict))
            .ShouldBe("council.staleVersion");
        var seen = await JsonAsync(await inspector.PutAsJsonAsync(ballot, new { scores = Scores(35, 14), submit = true, version = hidden["own"]!["version"]!.GetValue<int>() }), HttpStatusCode.OK);
        seen["seesOthers"]!.GetValue<bool>().ShouldBeTrue();
        seen["complete"]!.GetValue<bool>().ShouldBeFalse();
        seen["rows"]!.AsArray().Single(r => r!["criterionId"]!.GetValue<string>() == "1")!["scores"]!.AsArray().Count.ShouldBe(2);

        var version = (await JsonAsync(await coord.GetAsync($"/api/v1/assessments/{a}"), HttpStatusCode.OK))["version"]!.GetValue<int>();
        (await CodeAsync(await coord.PostAsJsonAsync($"/api/v1/assessments/{a}/council/consensus", new { version }), HttpStatusCode.Conflict))
            .ShouldBe("council.ballotsMissing");
        await JsonAsync(await coord.PutAsJsonAsync(ballot, new { scores = Scores(30, 15, "B"), submit = true, version = 0 }), HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync($"/api/v1/assessments/{a}/council/consensus", new { version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var recorded = await JsonAsync(await coord.PostAsJsonAsync($"/api/v1/assessments/{a}/council/consensus", new { version }), HttpStatusCode.OK);
        var one = recorded["rows"]!.AsArray().Single(r => r!["criterionId"]!.GetValue<string>() == "1")!;
        one["disagreement"]!.GetValue<bool>().ShouldBeTrue();
        one["consensusPoints"]!.GetValue<decimal>().ShouldBe(32);

        await using var db = _app.NewDbContext();
        var entries = await db.Entries.Where(e => e.AssessmentId == a && e.Layer == ScoreLayer.Appraisal).ToListAsync();
        entries.Count.ShouldBe(7);
        var leadership = entries.Single(e => e.CriterionId == "1");
        leadership.Points.ShouldBe(32);
        leadership.Note.ShouldBe("Hội đồng 3 thành viên, trung bình cộng: 30; 35; 31 → 32");
        leadership.EnteredBy.ShouldBe("coord");
        entries.Single(e => e.CriterionId == "2.1").Level.ShouldBe("A");
        (await db.Audit.CountAsync(x => x.AssessmentId == a && x.Action == "entry.appraisal")).ShouldBe(7);
        (await db.Audit.CountAsync(x => x.AssessmentId == a && x.Action == "council.consensus")).ShouldBe(1);
        (await db.Audit.CountAsync(x => x.AssessmentId == a && x.Action == "council.submit")).ShouldBe(3);
        (await db.CouncilScores.CountAsync()).ShouldBe(21, "each member's scores are kept");

        // Out of scope: 404; in scope without a council role: 403.
        (await (await TestClient.ApiAsync(_app, "dcoord")).GetAsync(council)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await TestClient.ApiAsync(_app, "userA")).GetAsync(council)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_set_a_council_on_the_page_hide_scores_until_submitted_and_let_the_chair_decide_with_reasons()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var a = w.AssessmentA;
        var coord = await TestClient.LoginAsync(_app, "coord");

        var form = await coord.GetAsync($"/Periods/Council/{w.PeriodId}");
        form.Find("#council-candidates tr[data-user='inspector']");
        form.Document.QuerySelector("#council-candidates tr[data-user='userA']").ShouldBeNull("a unit user may not sit on a council");
        (string, string)[] Fields(string chair) =>
        [
            ("__RequestVerificationToken", TestClient.Token(form)), ("Data.Version", "0"), ("Data.ByCouncil", "true"), ("Data.Rule", "ChairDecides"),
            ("Data.Threshold", "2,5"), ("Data.Members", "coord"), ("Data.Members", "inspector"), ("Data.Members", "viewer"), ("Data.Chair", chair),
        ];
        var noChair = await coord.PostAsync($"/Periods/Council/{w.PeriodId}", Fields("").Where(f => f.Item1 != "Data.Chair"));
        noChair.RefusalCodes.ShouldBe(["council.chairRequired"]);
        var saved = await coord.PostAsync($"/Periods/Council/{w.PeriodId}", Fields("coord"));
        saved.Text("#notice").ShouldBe("Đã lưu hình thức thẩm định của kỳ đánh giá.");
        saved.Find("#member-viewer").HasAttribute("checked").ShouldBeTrue();

        // The other members' ballots, through the core.
        await using (var db = _app.NewDbContext())
        {
            var assessment = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == a);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == assessment.CriteriaSetId)).Parse();
            var council = await Councils.FindAsync(db, w.PeriodId);
            foreach (var (member, one) in new[] { ("inspector", 35m), ("viewer", 31m) })
                Councils.SaveBallot(db, assessment, council, set, null, member,
                [
                    new EntryInput { CriterionId = "1", Points = one }, new EntryInput { CriterionId = "2.1", Level = "A" },
                    new EntryInput { CriterionId = "2.2", Checked = ["a"] }, new EntryInput { CriterionId = "2.3", Achieved = 90 },
                    new EntryInput { CriterionId = "3", Points = 15 }, new EntryInput { CriterionId = "B1", Points = 2 }, new EntryInput { CriterionId = "T1", Count = 1 },
                ], submit: true, version: null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var before = await coord.GetAsync($"/Evaluations/Council/{a}");
        before.Text("#scores-hidden").ShouldBe("Bạn sẽ thấy điểm của các thành viên khác sau khi nộp phiếu chấm của mình.");
        before.Document.QuerySelector("#council-table").ShouldBeNull();
        (await (await TestClient.LoginAsync(_app, "userA")).GetAsync($"/Evaluations/Council/{a}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var ballot = await coord.GetAsync($"/Evaluations/Ballot/{a}");
        var submitted = await coord.SubmitAsync(ballot, "#ballot-form", new()
        {
            [ballot.Field("1", "Points")] = "30",
            [ballot.Field("2.1", "Level")] = "B",
            [ballot.Field("2.2", "Checked")] = "a",
            [ballot.Field("2.3", "Achieved")] = "90",
            [ballot.Field("3", "Points")] = "15",
            [ballot.Field("B1", "Points")] = "2",
            [ballot.Field("T1", "Count")] = "1",
        }, "#submit-ballot");
        submitted.Text("#notice").ShouldBe("Đã nộp phiếu chấm.");
        submitted.Find("tr[data-criterion='1']").ClassList.ShouldContain("disagreement");
        submitted.Text("tr[data-criterion='1'] td.spread").ShouldContain("Chênh lệch vượt ngưỡng");
        submitted.Find("tr[data-criterion='3']").ClassList.ShouldNotContain("disagreement");

        var noReason = await coord.SubmitAsync(submitted, "#council-form", new() { [submitted.Field("1", "Points")] = "32" }, "#record-consensus");
        noReason.RefusalCodes.ShouldContain("entry.reasonRequired");
        await using (var db = _app.NewDbContext())
            (await db.Entries.AnyAsync(e => e.AssessmentId == a && e.Layer == ScoreLayer.Appraisal)).ShouldBeFalse("a refusal stores nothing");

        var values = new Dictionary<string, string?> { [submitted.Field("1", "Points")] = "32" };
        foreach (var c in new[] { "1", "2.1", "2.2", "2.3", "3", "B1", "T1" }) values[submitted.Field(c, "Note")] = "Hội đồng đã thảo luận, chủ tịch kết luận";
        var recorded = await coord.SubmitAsync(submitted, "#council-form", values, "#record-consensus");
        recorded.Text("#notice").ShouldBe("Đã ghi kết quả thống nhất của hội đồng vào tầng thẩm định (7 tiêu chí thay đổi).");
        await using (var db = _app.NewDbContext())
        {
            var entry = await db.Entries.SingleAsync(e => e.AssessmentId == a && e.Layer == ScoreLayer.Appraisal && e.CriterionId == "1");
            entry.Points.ShouldBe(32);
            entry.Note.ShouldBe("Hội đồng 3 thành viên, chủ tịch hội đồng quyết định: 31; 35; 30 → 32. Lý do: Hội đồng đã thảo luận, chủ tịch kết luận");
        }
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteCouncilTests(SqliteWebApp app) : CouncilTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresCouncilTests(PostgresWebApp app) : CouncilTests(app);
