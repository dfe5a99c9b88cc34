using System.Net;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

public abstract class SubmitTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_have_the_head_confirm_then_the_unit_submit()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA, submit: false);

        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        page.Text("#self-result").ShouldBe("Kết quả tự đánh giá: 85,5/100 điểm, tự xếp loại: Hoàn thành tốt.");
        page.Text("#progress").ShouldBe("Đã chấm 7/7 tiêu chí.");
        page.Document.QuerySelector("#confirm").ShouldBeNull();
        page.Find("#submit").HasAttribute("disabled").ShouldBeTrue();

        // Only the head confirms: the unit user's forged post is refused.
        var forged = await userA.PostAsync($"/Evaluations/Submit/{w.AssessmentA}?handler=Confirm",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Data.Version", page.Find("input[name='Data.Version']").GetAttribute("value")!)]);
        forged.Status.ShouldBe(HttpStatusCode.Forbidden);

        var early = await userA.SubmitAsync(page, "#submit-form", submitSelector: "#submit");
        early.RefusalCodes.ShouldContain("submission.notConfirmed");

        var head = await TestClient.LoginAsync(_app, "headA");
        var headPage = await head.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        var confirmed = await head.SubmitAsync(headPage, "#submit-form", submitSelector: "#confirm");
        confirmed.Text("#notice").ShouldBe("Thủ trưởng đơn vị đã xác nhận kết quả tự đánh giá.");
        confirmed.Text("#confirmed").ShouldStartWith("Thủ trưởng đơn vị headA đã xác nhận lúc");

        var ready = await userA.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        var submitted = await userA.SubmitAsync(ready, "#submit-form", submitSelector: "#submit");
        submitted.Url.AbsolutePath.ShouldBe($"/Evaluations/View/{w.AssessmentA}");
        submitted.Text("#notice").ShouldBe("Đã nộp hồ sơ tự đánh giá.");
        submitted.Text("#status").ShouldBe("Đã nộp");
        submitted.Document.QuerySelector("#late-badge").ShouldBeNull();

        // Submitted: the unit can no longer edit; the form opens read-only.
        (await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}")).Url.AbsolutePath.ShouldBe($"/Evaluations/View/{w.AssessmentA}");
        await using var db = _app.NewDbContext();
        var a = await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA);
        (a.Status, a.IsLate, a.SelfTotal, a.SelfBand).ShouldBe((AssessmentStatus.Submitted, false, 85.5m, "HTT"));
    }

    [Fact]
    public async Task Should_name_the_criteria_still_empty_with_links_to_them()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA, false, new DanVan.Evaluations.EntryInput { CriterionId = "1", Points = 30 }, new DanVan.Evaluations.EntryInput { CriterionId = "2.1", Level = "A" });

        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        page.Text("#progress").ShouldBe("Đã chấm 2/7 tiêu chí.");
        page.Text("#empty-criteria p").ShouldBe("Còn 5 tiêu chí chưa nhập:");
        page.Document.QuerySelectorAll("#empty-criteria li").Select(li => li.TextContent.Trim())
            .ShouldBe(["2.2 — Công khai quy chế", "2.3 — Tỷ lệ đơn thư được giải quyết", "3 — Cải cách hành chính", "B1 — Mô hình Dân vận khéo", "T1 — Đơn thư vượt cấp"]);
        page.Find("#empty-criteria a").GetAttribute("href").ShouldBe($"/Evaluations/Edit/{w.AssessmentA}#row-2-2");

        await w.SubmitAsync(_app, w.AssessmentB, submit: false);
        var userB = await TestClient.LoginAsync(_app, "userB");
        (await userB.GetAsync($"/Evaluations/Submit/{w.AssessmentB}")).Document.QuerySelector("#empty-criteria").ShouldBeNull();
    }

    [Fact]
    public async Task Should_mark_a_submission_after_the_deadline_late_when_the_period_accepts_it()
    {
        var w = await TestWorld.SeedAsync(_app, deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), acceptLate: true);
        await w.SubmitAsync(_app, w.AssessmentA, submit: false);
        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA);
            AssessmentWorkflow.Confirm(db, a, "headA", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        page.Text("#late-warning").ShouldContain("sẽ được đánh dấu \"nộp trễ hạn\"");
        var submitted = await userA.SubmitAsync(page, "#submit-form", submitSelector: "#submit");
        submitted.Text("#notice").ShouldBe("Đã nộp hồ sơ tự đánh giá (nộp trễ hạn).");
        submitted.Text("#late-badge").ShouldBe("Nộp trễ hạn");
    }

    [Fact]
    public async Task Should_refuse_a_submission_after_the_deadline_when_the_period_refuses_late_ones()
    {
        var w = await TestWorld.SeedAsync(_app, deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3), acceptLate: false);
        await w.SubmitAsync(_app, w.AssessmentA, submit: false);
        var head = await TestClient.LoginAsync(_app, "headA");
        var page = await head.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        var confirmed = await head.SubmitAsync(page, "#submit-form", submitSelector: "#confirm");

        var refused = await head.SubmitAsync(confirmed, "#submit-form", submitSelector: "#submit");
        refused.RefusalCodes.ShouldContain("submission.lateRefused");
        await using var db = _app.NewDbContext();
        (await db.Assessments.SingleAsync(x => x.Id == w.AssessmentA)).Status.ShouldBe(AssessmentStatus.Draft);
    }

    [Fact]
    public async Task Should_accept_a_revision_after_a_return_past_a_deadline_that_refuses_late_submissions()
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        var w = await TestWorld.SeedAsync(_app, deadline: deadline, acceptLate: false);
        await w.SubmitAsync(_app, w.AssessmentA, submit: false);
        await using (var db = _app.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == w.AssessmentA);
            var onTime = deadline.AddDays(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            AssessmentWorkflow.Confirm(db, a, "headA", onTime);
            AssessmentWorkflow.Submit(db, a, a.Period!, TestWorld.Set(), "userA", onTime, onTime);
            AssessmentWorkflow.Return(db, a, "Bổ sung minh chứng", "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var head = await TestClient.LoginAsync(_app, "headA");
        var page = await head.GetAsync($"/Evaluations/Submit/{w.AssessmentA}");
        page.Document.QuerySelector("#late-warning").ShouldBeNull();
        var confirmed = await head.SubmitAsync(page, "#submit-form", submitSelector: "#confirm");
        var resubmitted = await head.SubmitAsync(confirmed, "#submit-form", submitSelector: "#submit");
        resubmitted.Text("#notice").ShouldBe("Đã nộp hồ sơ tự đánh giá.");
        resubmitted.Text("#status").ShouldBe("Đã nộp");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteSubmitTests(SqliteWebApp app) : SubmitTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresSubmitTests(PostgresWebApp app) : SubmitTests(app);
