using System.Net;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

public abstract class AppraiseTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_adjust_a_criterion_with_its_reason_and_refuse_one_without()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var queue = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&status=submitted");
        queue.Find($"#queue tr[data-assessment='{w.AssessmentA}'] a.appraise");

        var page = await coordinator.GetAsync($"/Evaluations/Appraise/{w.AssessmentA}");
        page.Text("tr[data-criterion='1'] td.self").ShouldContain("35,5 điểm");
        page.Text("tr[data-criterion='1'] td.self").ShouldContain("Ban hành Kế hoạch số 12/KH-SNV");

        var noReason = await coordinator.SubmitAsync(page, "#appraise-form", new() { [page.Field("1", "Points")] = "30" }, "#save-adjustments");
        noReason.ErrorFor("1", "Note").ShouldBe("Điều chỉnh điểm tiêu chí 1 phải nêu lý do.");
        await using (var db = _app.NewDbContext())
            (await db.Entries.AnyAsync(e => e.AssessmentId == w.AssessmentA && e.Layer == ScoreLayer.Appraisal)).ShouldBeFalse();

        var adjusted = await coordinator.SubmitAsync(page, "#appraise-form", new()
        {
            [page.Field("1", "Points")] = "30",
            [page.Field("1", "Note")] = "Kế hoạch ban hành chậm so với quy định",
        }, "#save-adjustments");
        adjusted.Text("#notice").ShouldBe("Đã lưu điều chỉnh thẩm định (1 tiêu chí).");
        adjusted.Text("#current-total").ShouldBe("Kết quả sau thẩm định, kiểm tra (tạm tính): 80 điểm, xếp loại Hoàn thành tốt.");
        adjusted.Text("tr[data-criterion='1'] td.points").ShouldBe("30");

        var audit = await coordinator.GetAsync($"/Evaluations/Audit/{w.AssessmentA}?criterion=1");
        var line = audit.Find("#audit tr[data-action='entry.appraisal']");
        line.QuerySelector("td.change")!.TextContent.ShouldBe("35,5 điểm → 30 điểm");
        line.TextContent.ShouldContain("Kế hoạch ban hành chậm so với quy định");
        // People read who did it by name; the user name tells namesakes apart.
        line.TextContent.ShouldContain("Trần Thị Thu Hà (coord)");
        audit.Document.QuerySelectorAll("#audit tr[data-criterion]").ShouldAllBe(r => r.GetAttribute("data-criterion") == "1");

        var done = await coordinator.SubmitAsync(adjusted, "#appraise-form", submitSelector: "#appraisal-done");
        done.Text("#status").ShouldBe("Đã thẩm định");
    }

    [Fact]
    public async Task Should_return_with_a_comment_shown_as_text_that_the_unit_sees_revises_and_resubmits()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var form = await coordinator.GetAsync($"/Evaluations/Return/{w.AssessmentA}");

        var empty = await coordinator.SubmitAsync(form, "#return-form", new() { ["Data.Comment"] = "  " });
        empty.RefusalCodes.ShouldBe(["assessment.commentRequired"]);
        empty.ErrorFor("Data.Comment").ShouldBe("Cần ghi nội dung đơn vị phải chỉnh sửa.");

        const string comment = "Bổ sung minh chứng tiêu chí 2.3 <script>alert('x')</script><b>gấp</b>";
        var returned = await coordinator.SubmitAsync(form, "#return-form", new() { ["Data.Comment"] = comment });
        returned.Text("#notice").ShouldBe("Đã trả lại hồ sơ của Sở Nội vụ để chỉnh sửa.");

        var userA = await TestClient.LoginAsync(_app, "userA");
        var edit = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        edit.Text("#status").ShouldBe("Trả lại để chỉnh sửa");
        var shown = edit.Find("#return-comment p");
        shown.TextContent.ShouldBe(comment);
        shown.Children.ShouldBeEmpty();
        var raw = await edit.Response.Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script>alert");
        raw.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;gấp&lt;/b&gt;");

        var revised = await userA.SubmitAsync(edit, "#assessment-form", new() { [edit.Field("2.3", "Achieved")] = "100" }, "#save-draft");
        revised.Text("#running-total").ShouldBe("86,5");

        // The head must confirm again after a return.
        var submitPage = await userA.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        submitPage.Find("#submit").HasAttribute("disabled").ShouldBeTrue();
        var head = await TestClient.LoginAsync(_app, "headA");
        var confirmed = await head.SubmitAsync(await head.GetAsync($"/Evaluations/Submit/{w.AssessmentA}"), "#submit-form", submitSelector: "#confirm");
        var resubmitted = await head.SubmitAsync(confirmed, "#submit-form", submitSelector: "#submit");
        resubmitted.Text("#status").ShouldBe("Đã nộp");
        resubmitted.Document.QuerySelector("#return-comment").ShouldBeNull();
    }

    [Fact]
    public async Task Should_let_an_inspector_record_a_finding_that_adjusts_the_score_with_a_reason()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var inspector = await TestClient.LoginAsync(_app, "inspector");
        (await inspector.GetAsync($"/Evaluations/Appraise/{w.AssessmentA}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var page = await inspector.GetAsync($"/Evaluations/Inspect/{w.AssessmentA}");

        var noReason = await inspector.SubmitAsync(page, "#inspect-form", new() { [page.Field("2.1", "Level")] = "B" });
        noReason.ErrorFor("2.1", "Note").ShouldBe("Điều chỉnh điểm tiêu chí 2.1 phải nêu lý do.");

        var saved = await inspector.SubmitAsync(page, "#inspect-form", new()
        {
            [page.Field("2.1", "Level")] = "B",
            [page.Field("2.1", "Note")] = "Đoàn kiểm tra: thủ trưởng tiếp công dân 8/12 kỳ",
        });
        saved.Text("#notice").ShouldBe("Đã lưu kết luận kiểm tra (1 tiêu chí).");
        saved.Text("#current-total").ShouldBe("Kết quả sau thẩm định, kiểm tra (tạm tính): 75,5 điểm, xếp loại Hoàn thành tốt.");

        var view = await inspector.GetAsync($"/Evaluations/View/{w.AssessmentA}");
        view.Text("tr[data-criterion='2.1'] td.inspection").ShouldContain("Mức B – Chưa đầy đủ");
        view.Text("tr[data-criterion='2.1'] td.inspection").ShouldContain("8/12 kỳ");
    }

    [Fact]
    public async Task Should_approve_with_the_computed_final_class_then_keep_it_read_only_until_reopened_with_a_reason()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == w.AssessmentA);
            AssessmentEntries.Set(db, a, TestWorld.Set(), new EntryInput { CriterionId = "3", Layer = ScoreLayer.Appraisal, Points = 20, Note = "Đạt chỉ số CCHC cao" }, "coord", DateTime.UtcNow);
            AssessmentEntries.Set(db, a, TestWorld.Set(), new EntryInput { CriterionId = "2.2", Layer = ScoreLayer.Inspection, Checked = ["a", "b"], Note = "Đã niêm yết" }, "inspector", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var approve = await coordinator.GetAsync($"/Evaluations/Approve/{w.AssessmentA}");
        approve.Text("#final-preview").ShouldBe("Kết quả cuối cùng khi phê duyệt: 94,5 điểm, xếp loại Hoàn thành xuất sắc.");
        var approved = await coordinator.SubmitAsync(approve, "#approve-form");
        approved.Text("#notice").ShouldBe("Đã phê duyệt và công bố: 94,5 điểm, xếp loại Hoàn thành xuất sắc.");
        approved.Text("#status").ShouldBe("Đã phê duyệt");
        approved.Text("#published").ShouldContain("94,5 điểm, xếp loại Hoàn thành xuất sắc");

        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA);
            (a.Status, a.FinalTotal, a.FinalBand).ShouldBe((AssessmentStatus.Approved, 94.5m, "HTXS"));
        }

        // Published results are read-only: no form on the appraisal page, and a forged post changes nothing.
        var appraise = await coordinator.GetAsync($"/Evaluations/Appraise/{w.AssessmentA}");
        appraise.Find("#not-reviewable");
        appraise.Document.QuerySelector("#appraise-form").ShouldBeNull();
        var forged = await coordinator.PostAsync($"/Evaluations/Appraise/{w.AssessmentA}?handler=Save",
            [("__RequestVerificationToken", TestClient.Token(appraise)), ("Data.Version", await VersionAsync(w.AssessmentA)),
             ("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "10"), ("Data.Entries[0].Note", "Sửa sau công bố")]);
        forged.RefusalCodes.ShouldContain("assessment.notReviewable");
        var userA = await TestClient.LoginAsync(_app, "userA");
        (await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}")).Url.AbsolutePath.ShouldBe($"/Evaluations/View/{w.AssessmentA}");

        var reopen = await coordinator.GetAsync($"/Evaluations/Reopen/{w.AssessmentA}");
        var noReason = await coordinator.SubmitAsync(reopen, "#reopen-form", new() { ["Data.Reason"] = "" });
        noReason.RefusalCodes.ShouldBe(["assessment.reasonRequired"]);
        noReason.ErrorFor("Data.Reason").ShouldBe("Cần nêu lý do mở lại kết quả.");
        var reopened = await coordinator.SubmitAsync(reopen, "#reopen-form", new() { ["Data.Reason"] = "Đơn vị khiếu nại kết quả tiêu chí 3" });
        reopened.Text("#notice").ShouldBe("Đã mở lại kết quả; hồ sơ trở về bước thẩm định.");
        reopened.Text("#status").ShouldBe("Đã thẩm định");

        var audit = await coordinator.GetAsync($"/Evaluations/Audit/{w.AssessmentA}");
        var line = audit.Find("#audit tr[data-action='assessment.reopen']");
        line.QuerySelector("td.change")!.TextContent.ShouldBe("Đã phê duyệt → Đã thẩm định");
        line.TextContent.ShouldContain("Đơn vị khiếu nại kết quả tiêu chí 3");
    }

    [Fact]
    public async Task Should_record_a_flag_with_a_reason_that_the_classification_rules_use()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var page = await coordinator.GetAsync($"/Evaluations/Flags/{w.AssessmentA}");
        var noReason = await coordinator.SubmitAsync(page, "#flags-form", new() { ["Data.Codes"] = "ky-luat" });
        noReason.ErrorFor("Data.Reason").ShouldBe("Cần nêu lý do thay đổi.");
        var saved = await coordinator.SubmitAsync(page, "#flags-form", new() { ["Data.Codes"] = "ky-luat", ["Data.Reason"] = "Quyết định kỷ luật số 15/QĐ-UBND" });
        saved.Text("#notice").ShouldStartWith("Đã lưu ghi nhận");
        saved.Text("#current-total").ShouldBe("Kết quả sau thẩm định, kiểm tra (tạm tính): 85,5 điểm, xếp loại Không hoàn thành.");
        var approve = await coordinator.GetAsync($"/Evaluations/Approve/{w.AssessmentA}");
        approve.Text("#final-explanation").ShouldContain("Tập thể lãnh đạo bị kỷ luật thì xếp loại Không hoàn thành");
    }

    [Fact]
    public async Task Should_refuse_review_steps_on_a_stale_page_or_in_the_wrong_status_with_the_cores_code()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var approve = await coordinator.GetAsync($"/Evaluations/Approve/{w.AssessmentA}");
        var appraise = await coordinator.GetAsync($"/Evaluations/Appraise/{w.AssessmentA}");
        var done = await coordinator.SubmitAsync(appraise, "#appraise-form", submitSelector: "#appraisal-done");
        done.Text("#notice").ShouldNotBeEmpty();

        // The approval page was built before the appraisal was marked done: nothing is approved.
        var stale = await coordinator.SubmitAsync(approve, "#approve-form");
        stale.RefusalCodes.ShouldBe(["assessment.staleVersion"]);
        stale.Text("#refusals li[data-code='assessment.staleVersion']").ShouldContain("Bản đánh giá vừa được người khác cập nhật; chưa có gì được lưu.");
        await using (var db = _app.NewDbContext())
            (await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA)).Status.ShouldBe(AssessmentStatus.Appraised);

        var approved = await coordinator.SubmitAsync(await coordinator.GetAsync($"/Evaluations/Approve/{w.AssessmentA}"), "#approve-form");
        approved.Text("#status").ShouldBe("Đã phê duyệt");

        // A return forged against the published result is refused by the core's status rule.
        var returned = await coordinator.PostAsync($"/Evaluations/Return/{w.AssessmentA}",
            [("__RequestVerificationToken", TestClient.Token(approved)), ("Data.Version", await VersionAsync(w.AssessmentA)), ("Data.Comment", "Bổ sung")]);
        returned.RefusalCodes.ShouldBe(["assessment.wrongStatus"]);
        returned.Text("#refusals li").ShouldContain("Trạng thái hiện tại của bản đánh giá không cho phép thao tác này.");
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var db = _app.NewDbContext();
        return (await db.Assessments.SingleAsync(a => a.Id == id)).Version.ToString();
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteAppraiseTests(SqliteWebApp app) : AppraiseTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresAppraiseTests(PostgresWebApp app) : AppraiseTests(app);
