using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>
/// Reconsideration after publication (phúc tra) through the API and the pages: the window, the unit's request, the
/// rulings that touch nothing published, the re-publication with the group rules and its change list, the report's
/// note of the publication it uses, the audit trail, scope and roles.
/// </summary>
public abstract class ReconsiderationTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private async Task ApproveAsync(int assessmentId)
    {
        await using var db = _app.NewDbContext();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).Include(x => x.Unit).SingleAsync(x => x.Id == assessmentId);
        var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
        await AssessmentWorkflow.ApproveAsync(db, a, set, "coord", DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Should_run_a_reconsideration_from_contest_to_republication_through_the_api()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await ApproveAsync(w.AssessmentA);
        using var head = await TestClient.ApiAsync(_app, "headA");
        using var clerk = await TestClient.ApiAsync(_app, "userA");
        using var coordinator = await TestClient.ApiAsync(_app, "coord");
        using var otherHead = await TestClient.ApiAsync(_app, "headB");
        using var viewer = await TestClient.ApiAsync(_app, "viewer");
        var url = $"/api/v1/assessments/{w.AssessmentA}/reconsideration";
        var contest = new { items = new object[]
        {
            new { criterionId = "1", reason = "Đã ban hành đủ kế hoạch, có văn bản kèm theo", documentRef = "Kế hoạch số 12/KH-SNV ngày 10/01/2024" },
            new { criterionId = "2.3", reason = "Tỷ lệ giải quyết đơn thư đạt 100%" },
        } };

        // No window set for the period: nothing can be contested.
        (await CodeAsync(await head.PostAsJsonAsync(url, contest))).ShouldBe("reconsideration.notAllowed");
        // The period is the province's: a unit's head does not see it (404), an inspector sees it but does not decide (403).
        (await otherHead.PutAsJsonAsync($"/api/v1/periods/{w.PeriodId}/reconsideration-window", new { days = 10 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var inspector = await TestClient.ApiAsync(_app, "inspector"))
            (await inspector.PutAsJsonAsync($"/api/v1/periods/{w.PeriodId}/reconsideration-window", new { days = 10 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(await coordinator.PutAsJsonAsync($"/api/v1/periods/{w.PeriodId}/reconsideration-window", new { days = 0 }), HttpStatusCode.BadRequest))["code"]!.GetValue<string>()
            .ShouldBe("reconsideration.windowDays");
        (await JsonAsync(await coordinator.PutAsJsonAsync($"/api/v1/periods/{w.PeriodId}/reconsideration-window", new { days = 10 }), HttpStatusCode.OK))["days"]!.GetValue<int>().ShouldBe(10);

        // Located refusals, nothing stored; another unit's head does not see the assessment; a clerk may not sign it.
        var bad = await JsonAsync(await head.PostAsJsonAsync(url, new { items = new object[] { new { criterionId = "9", reason = "x" }, new { criterionId = "1", reason = " " } } }), HttpStatusCode.BadRequest);
        bad.ToJsonString().ShouldContain("items[0].criterionId");
        bad.ToJsonString().ShouldContain("items[1].reason");
        (await otherHead.PostAsJsonAsync(url, contest)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.PostAsJsonAsync(url, contest)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await head.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var sent = await JsonAsync(await head.PostAsJsonAsync(url, contest), HttpStatusCode.Created);
        sent["status"]!.GetValue<string>().ShouldBe("Open");
        sent["oldTotal"]!.GetValue<decimal>().ShouldBe(85.5m);
        sent["items"]!.AsArray().Select(i => i!["criterionId"]!.GetValue<string>()).ShouldBe(["1", "2.3"]);
        (await CodeAsync(await head.PostAsJsonAsync(url, contest))).ShouldBe("reconsideration.alreadyRequested");
        (await viewer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await otherHead.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Rulings: the unit may not rule; a value the method refuses is refused; a criterion not contested is refused.
        (await head.PutAsJsonAsync($"{url}/rulings/1", new { decision = "Accepted", reason = "x", points = 40 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CodeAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/1", new { decision = "Accepted", reason = "Đủ căn cứ", points = 41 }))).ShouldBe("entry.outOfRange");
        (await CodeAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/3", new { decision = "Rejected", reason = "x" }))).ShouldBe("reconsideration.notContested");
        (await CodeAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/1", new { decision = "Accepted", points = 40 }))).ShouldBe("reconsideration.rulingRequired");
        var ruled = await JsonAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/1",
            new { decision = "Accepted", reason = "Kế hoạch số 12/KH-SNV đủ căn cứ", points = 40 }), HttpStatusCode.OK);
        // A ruling touches nothing published until the result is published again.
        var published = JsonNode.Parse(await viewer.GetStringAsync($"/api/v1/assessments/{w.AssessmentA}"))!;
        published["final"]!["total"]!.GetValue<decimal>().ShouldBe(85.5m);
        (await CodeAsync(await coordinator.PostAsJsonAsync($"{url}/publish", new { }))).ShouldBe("reconsideration.notAllRuled");
        (await CodeAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/2.3",
            new { decision = "Rejected", reason = "x", version = ruled["version"]!.GetValue<int>() - 1 }))).ShouldBe("reconsideration.staleVersion");
        await JsonAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/2.3",
            new { decision = "Rejected", reason = "Báo cáo chỉ ghi 90%", version = ruled["version"]!.GetValue<int>() }), HttpStatusCode.OK);

        var again = await JsonAsync(await coordinator.PostAsJsonAsync($"{url}/publish", new { }), HttpStatusCode.OK);
        again["status"]!.GetValue<string>().ShouldBe("Published");
        again["publicationNumber"]!.GetValue<int>().ShouldBe(2);
        again["newTotal"]!.GetValue<decimal>().ShouldBe(90m);
        again["newBand"]!.GetValue<string>().ShouldBe("HTXS");
        (await CodeAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/1", new { decision = "Rejected", reason = "x" }))).ShouldBe("reconsideration.notOpen");

        // The published result, the publications' change list, the report and the trail agree.
        var final = JsonNode.Parse(await viewer.GetStringAsync($"/api/v1/assessments/{w.AssessmentA}"))!["final"]!;
        final["total"]!.GetValue<decimal>().ShouldBe(90m);
        final["band"]!.GetValue<string>().ShouldBe("HTXS");
        var publications = JsonNode.Parse(await viewer.GetStringAsync($"/api/v1/periods/{w.PeriodId}/publications"))!.AsArray();
        publications.Count.ShouldBe(1);
        var change = publications[0]!["changes"]!.AsArray().Single()!;
        change["unit"]!.GetValue<string>().ShouldBe("Sở Nội vụ");
        (change["oldTotal"]!.GetValue<decimal>(), change["newTotal"]!.GetValue<decimal>()).ShouldBe((85.5m, 90m));
        (change["oldBand"]!.GetValue<string>(), change["newBand"]!.GetValue<string>()).ShouldBe(("HTT", "HTXS"));
        change["criteria"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["1"]);
        var report = await (await TestClient.LoginAsync(_app, "coord")).Http.GetStringAsync($"/Reports?handler=Markdown&scope={w.Province}&year=2024");
        report.ShouldContain("Số liệu theo kết quả công bố lại lần 2 ngày", customMessage: report);
        await using var db = _app.NewDbContext();
        var actions = await db.Audit.Where(x => x.AssessmentId == w.AssessmentA && x.User == "coord" || x.AssessmentId == w.AssessmentA && x.User == "headA")
            .OrderBy(x => x.Id).Select(x => x.Action).ToListAsync();
        actions.ShouldContain("reconsideration.request");
        actions.Count(x => x == "reconsideration.rule").ShouldBe(2);
        actions.ShouldContain("entry.reconsideration");
        actions.ShouldContain("reconsideration.publish");
        (await db.Entries.SingleAsync(e => e.AssessmentId == w.AssessmentA && e.CriterionId == "1" && e.Layer == DanVan.Evaluations.Scoring.ScoreLayer.Reconsideration)).Points.ShouldBe(40m);
        // The unit's own and the appraisal layers are as they were.
        (await db.Entries.SingleAsync(e => e.AssessmentId == w.AssessmentA && e.CriterionId == "1" && e.Layer == DanVan.Evaluations.Scoring.ScoreLayer.Self)).Points.ShouldBe(35.5m);
    }

    [Fact]
    public async Task Should_apply_the_group_rules_again_and_list_every_moved_unit_when_publishing_again()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        int a, b, periodId;
        await using (var db = _app.NewDbContext())
        {
            var set = TestWorld.Set();
            var capped = set with
            {
                Id = "test-set-capped",
                Classification = set.Classification with
                {
                    Rules = [.. set.Classification.Rules, new ClassificationRule { Type = RuleType.BandShareCap, Band = "HTXS", Share = 0.5m }],
                },
            };
            var (stored, _) = await CriteriaSetStore.ImportAsync(db, capped);
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2024, "Đánh giá năm 2024", w.Province,
                deadline.AddDays(-30), deadline, true, [new PeriodGroupChoice(w.AgencyGroup, stored.Id)]), "test");
            periodId = period.Id;
            var ids = await db.Assessments.Where(x => x.PeriodId == period.Id).ToDictionaryAsync(x => x.UnitId, x => x.Id);
            (a, b) = (ids[w.AgencyA], ids[w.AgencyB]);
        }
        EntryInput[] Entries(decimal first) =>
        [
            new() { CriterionId = "1", Points = first }, new() { CriterionId = "2.1", Level = "A" }, new() { CriterionId = "2.2", Checked = ["a", "b"] },
            new() { CriterionId = "2.3", Achieved = 100 }, new() { CriterionId = "3", Points = 20 },
        ];
        await w.SubmitAsync(_app, a, true, Entries(38));
        await w.SubmitAsync(_app, b, true, Entries(36));
        await ApproveAsync(a);
        await ApproveAsync(b);
        using var coordinator = await TestClient.ApiAsync(_app, "coord");
        using var headB = await TestClient.ApiAsync(_app, "headB");
        await JsonAsync(await coordinator.PutAsJsonAsync($"/api/v1/periods/{periodId}/reconsideration-window", new { days = 15 }), HttpStatusCode.OK);

        // A 98 keeps "xuất sắc" under the cap, B 96 is moved down; B contests criterion 1 and is given 40: B 100 > A 98.
        var url = $"/api/v1/assessments/{b}/reconsideration";
        await JsonAsync(await headB.PostAsJsonAsync(url, new { items = new[] { new { criterionId = "1", reason = "Đủ 40 điểm" } } }), HttpStatusCode.Created);
        await JsonAsync(await coordinator.PutAsJsonAsync($"{url}/rulings/1", new { decision = "Accepted", reason = "Đủ căn cứ", points = 40 }), HttpStatusCode.OK);
        await JsonAsync(await coordinator.PostAsJsonAsync($"{url}/publish", new { }), HttpStatusCode.OK);

        await using var check = _app.NewDbContext();
        var bands = await check.Assessments.Where(x => x.PeriodId == periodId).ToDictionaryAsync(x => x.Id, x => x.FinalBand);
        (bands[a], bands[b]).ShouldBe(("HTT", "HTXS"));
        var changes = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/periods/{periodId}/publications"))![0]!["changes"]!.AsArray();
        changes.Select(c => $"{c!["unit"]} {c["oldBand"]}→{c["newBand"]}").ShouldBe(["Sở Tư pháp HTT→HTXS", "Sở Nội vụ HTXS→HTT"]);
        var line = await check.Audit.SingleAsync(x => x.AssessmentId == b && x.Action == "reconsideration.publish");
        line.Reason.ShouldBe("công bố lần 2; quy tắc nhóm: Sở Nội vụ Hoàn thành xuất sắc → Hoàn thành tốt");
    }

    [Fact]
    public async Task Should_contest_rule_and_publish_again_on_the_pages_with_refusals_at_the_fields()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await ApproveAsync(w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var board = await coordinator.GetAsync($"/Evaluations/ReconsiderationBoard/{w.PeriodId}");
        board.Find("#no-requests").ShouldNotBeNull();
        var typo = await coordinator.SubmitAsync(board, "#window-form", new() { ["Days"] = "mười" });
        typo.Errors.ShouldContain("Số ngày phải là số nguyên.");
        (await coordinator.SubmitAsync(typo, "#window-form", new() { ["Days"] = "10" })).Errors.ShouldBeEmpty();

        var head = await TestClient.LoginAsync(_app, "headA");
        var view = await head.GetAsync($"/Evaluations/View/{w.AssessmentA}");
        view.Find("#link-reconsider").GetAttribute("href").ShouldBe($"/Evaluations/Reconsider/{w.AssessmentA}");
        var form = await head.GetAsync($"/Evaluations/Reconsider/{w.AssessmentA}");
        form.Find("#reconsideration-window").TextContent.ShouldContain("hết ngày");
        // A document without a reason is refused at the criterion's reason; what was typed stays.
        var refused = await head.SubmitAsync(form, "#reconsider-form", new() { ["Rows[0].DocumentRef"] = "Kế hoạch số 12/KH-SNV" });
        refused.Find("#reason-1-error").TextContent.ShouldBe("Hãy nêu lý do đề nghị phúc tra tiêu chí 1.");
        refused.Find("#doc-1").GetAttribute("value").ShouldBe("Kế hoạch số 12/KH-SNV");
        var sent = await head.SubmitAsync(refused, "#reconsider-form", new() { ["Rows[0].Reason"] = "Đã ban hành đủ kế hoạch" });
        sent.Errors.ShouldBeEmpty();
        sent.Find("#reconsideration-status").TextContent.ShouldBe("Đang xem xét");
        sent.Find("#contested tr[data-criterion='1']").TextContent.ShouldContain("Kế hoạch số 12/KH-SNV");

        // The unit does not reach the deciders' page; the viewer reads the status but not the form.
        (await head.Http.GetAsync($"/Evaluations/Rulings/{w.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var other = await TestClient.LoginAsync(_app, "headB");
        (await other.Http.GetAsync($"/Evaluations/Reconsider/{w.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var rulings = await coordinator.GetAsync($"/Evaluations/Rulings/{w.AssessmentA}");
        var noReason = await coordinator.SubmitAsync(rulings, "#rule-form", new() { ["Rows[0].Decision"] = "Accepted", ["Rows[0].Field.Points"] = "39,5" });
        noReason.Find("#ruling-reason-1-error").TextContent.ShouldBe("Hãy nêu lý do kết luận ở tiêu chí 1.");
        var saved = await coordinator.SubmitAsync(noReason, "#rule-form", new() { ["Rows[0].Reason"] = "Đủ căn cứ" });
        saved.Errors.ShouldBeEmpty();
        var republished = await coordinator.SubmitAsync(saved, "#publish-form");
        republished.Errors.ShouldBeEmpty();
        republished.Text("#republished").ShouldStartWith("Kết quả công bố lại lần 2 lúc ");
        republished.Text("#republished").ShouldEndWith(": 85,5 điểm, Hoàn thành tốt → 89,5 điểm, Hoàn thành tốt.");
        var layers = await head.GetAsync($"/Evaluations/View/{w.AssessmentA}");
        layers.Find("#layer-1 td.reconsideration .value").TextContent.ShouldContain("39,5");
        (await coordinator.GetAsync($"/Evaluations/ReconsiderationBoard/{w.PeriodId}")).Find("#publication-2").TextContent
            .ShouldContain("Sở Nội vụ: 85,5 điểm, Hoàn thành tốt → 89,5 điểm, Hoàn thành tốt (tiêu chí 1)");

        // The trail: the reconsideration's steps in words, and a checklist's items by their names.
        var audit = await head.GetAsync($"/Evaluations/Audit/{w.AssessmentA}");
        audit.Text("#audit tr[data-action='reconsideration.publish'] td.change").ShouldBe("85,5 điểm, Hoàn thành tốt → 89,5 điểm, Hoàn thành tốt");
        audit.Text("#audit tr[data-action='entry.reconsideration'] td.change").ShouldBe("35,5 điểm → 39,5 điểm");
        audit.Text("#audit tr[data-action='entry.self'][data-criterion='2.2'] td.change").ShouldBe("(trống) → đạt: Ban hành quy chế");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReconsiderationTests(SqliteWebApp app) : ReconsiderationTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReconsiderationTests(PostgresWebApp app) : ReconsiderationTests(app);
