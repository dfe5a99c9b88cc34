using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Evaluations;
using DanVan.Reports.Submissions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Reports;

public abstract class ReportCallTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> OpenCallAsync(TestClient coordinator, TestWorld w, DateOnly deadline, bool acceptLate = true)
    {
        var page = await coordinator.GetAsync("/Reports/Calls");
        var opened = await coordinator.SubmitAsync(page, "#open-call", new()
        {
            ["Data.ScopeUnitId"] = w.Province.ToString(), ["Data.Year"] = "2024", ["Data.Level"] = "District",
            ["Data.OpensOn"] = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40)), ["Data.Deadline"] = Day(deadline),
            ["Data.AcceptLate"] = acceptLate ? "true" : "false",
        });
        opened.Text("#notice").ShouldBe("Đã gửi yêu cầu báo cáo tới 1 đơn vị.");
        return int.Parse(opened.Url.AbsolutePath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ApproveCommuneAsync(TestWorld w)
    {
        var commune = w.Assessments[w.Commune];
        await w.SubmitAsync(_app, commune);
        await using var db = _app.NewDbContext();
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == commune);
        AssessmentWorkflow.Approve(db, a, TestWorld.Set(), null, "coord", DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_receive_a_district_report_built_from_data_only_once_its_figures_are_final()
    {
        var w = await TestWorld.SeedAsync(_app);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var callId = await OpenCallAsync(coordinator, w, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        var board = await coordinator.GetAsync($"/Reports/Calls/Board/{callId}");
        board.Text("#call-progress").ShouldBe("Đã gửi 0/1 báo cáo; gửi muộn 0; chưa gửi 1 (quá hạn 0).");
        board.Find("#submissions tr[data-unit='H01']").GetAttribute("data-status").ShouldBe("NotSent");

        // The district sees what it owes on its board and on the calls page.
        var district = await TestClient.LoginAsync(_app, "dcoord");
        var owes = await district.GetAsync("/Obligations");
        var line = owes.Find("tr[data-kind='Report']");
        line.TextContent.ShouldContain("Báo cáo gửi cấp trên: Báo cáo kết quả công tác dân vận chính quyền năm 2024");
        var submissionId = await SubmissionIdAsync(callId);
        line.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Reports/Calls/Send/{submissionId}");

        // Its commune is not approved yet: the page says why it cannot send, and a forged send is refused the same way.
        var send = await district.GetAsync($"/Reports/Calls/Send/{submissionId}");
        send.Text("#blocking li[data-code='reportCalls.notFinal']").ShouldBe("Mới có 0/1 đơn vị được phê duyệt kết quả; báo cáo gửi cấp trên phải có số liệu chính thức.");
        send.Find("#send").HasAttribute("disabled").ShouldBeTrue();
        var forged = await district.PostAsync($"/Reports/Calls/Send/{submissionId}", [("__RequestVerificationToken", TestClient.Token(send)), ("version", "0")]);
        forged.RefusalCodes.ShouldBe(["reportCalls.notFinal"]);
        await using (var db = _app.NewDbContext())
            (await db.ReportSubmissions.SingleAsync(s => s.Id == submissionId)).Document.ShouldBeNull();

        await ApproveCommuneAsync(w);
        send = await district.GetAsync($"/Reports/Calls/Send/{submissionId}");
        send.Text("#send-progress").ShouldBe("1/1 đơn vị trong phạm vi báo cáo đã được phê duyệt kết quả.");
        var sent = await district.SubmitAsync(send, "#send-form");
        sent.Text("#notice").ShouldBe("Đã gửi báo cáo tới Tỉnh Thử Nghiệm.");
        sent.Text("#send-status").ShouldContain("Đã gửi");
        sent.Text("#send-status").ShouldContain("1/1 đơn vị đã được phê duyệt khi gửi");
        sent.Text("#send-status").ShouldContain("bởi Hoàng Văn Lợi (dcoord);");

        // The province downloads exactly what was sent: the district's report, its figures from the commune's result.
        board = await coordinator.GetAsync($"/Reports/Calls/Board/{callId}");
        board.Text("#call-progress").ShouldBe("Đã gửi 1/1 báo cáo; gửi muộn 0; chưa gửi 0 (quá hạn 0).");
        board.Find("#submissions tr[data-unit='H01']").TextContent.ShouldContain("— Hoàng Văn Lợi (dcoord)");
        var download = await coordinator.Http.GetAsync(board.Find("#submissions tr[data-unit='H01'] a.download").GetAttribute("href")!);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith(".docx");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("Lệ Thủy");
            text.ShouldNotContain("DỰ THẢO");
        }

        // Returned with a reason the district sees; sent again; accepted.
        var returned = await coordinator.SubmitAsync(board, "#submissions tr[data-unit='H01'] form.return-form", new() { ["comment"] = "Bổ sung phần đánh giá hạn chế" });
        returned.Text("#notice").ShouldBe("Đã trả lại báo cáo của UBND huyện Lệ Thủy.");
        var again = await district.GetAsync($"/Reports/Calls/Send/{submissionId}");
        again.Text("#return-comment").ShouldContain("Bổ sung phần đánh giá hạn chế");
        (await district.GetAsync("/Obligations")).Find("tr[data-kind='Report']").GetAttribute("data-state").ShouldBe("Returned");
        await district.SubmitAsync(again, "#send-form");
        board = await coordinator.GetAsync($"/Reports/Calls/Board/{callId}");
        var accepted = await coordinator.SubmitAsync(board, "#submissions tr[data-unit='H01'] form.inline:not(.return-form)");
        accepted.Find("#submissions tr[data-unit='H01']").GetAttribute("data-status").ShouldBe("Accepted");

        var calls = await coordinator.GetAsync("/Reports/Calls");
        calls.Text($"#calls tr[data-call='{callId}'] .accepted").ShouldBe("1");
        var audit = await AuditActionsAsync(submissionId);
        audit.ShouldBe(["reportCall.send", "reportCall.return", "reportCall.send", "reportCall.accept"]);
    }

    [Fact]
    public async Task Should_keep_calls_and_sent_reports_within_scope_and_roles()
    {
        var w = await TestWorld.SeedAsync(_app);
        await ApproveCommuneAsync(w);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var callId = await OpenCallAsync(coordinator, w, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        var submissionId = await SubmissionIdAsync(callId);

        // A unit user of an agency neither sees the call's board nor the district's report; the district cannot receive.
        var userA = await TestClient.LoginAsync(_app, "userA");
        (await userA.GetAsync($"/Reports/Calls/Send/{submissionId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await userA.Http.GetAsync($"/Reports/Calls/Send/{submissionId}?handler=Document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var district = await TestClient.LoginAsync(_app, "dcoord");
        (await district.GetAsync($"/Reports/Calls/Board/{callId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        // The province's coordinator reads the district's page but may not send in its name.
        var page = await coordinator.GetAsync($"/Reports/Calls/Send/{submissionId}");
        page.Document.QuerySelector("#send-form").ShouldBeNull();
        (await coordinator.PostAsync($"/Reports/Calls/Send/{submissionId}", [("__RequestVerificationToken", TestClient.Token(page)), ("version", "0")]))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        // The district may not open a call for the province.
        var calls = await district.GetAsync("/Reports/Calls");
        calls.Document.QuerySelectorAll("#asker option").Select(o => o.GetAttribute("value")).ShouldBe([w.District.ToString()]);
        (await district.PostAsync("/Reports/Calls", [("__RequestVerificationToken", TestClient.Token(calls)), ("Data.ScopeUnitId", w.Province.ToString()),
            ("Data.Year", "2024"), ("Data.Level", "District"), ("Data.OpensOn", "2025-01-01"), ("Data.Deadline", "2025-01-10")])).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_refuse_a_call_with_its_reasons_at_the_fields_and_a_late_report_when_late_is_refused()
    {
        var w = await TestWorld.SeedAsync(_app);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var page = await coordinator.GetAsync("/Reports/Calls");
        var refused = await coordinator.SubmitAsync(page, "#open-call", new()
        {
            ["Data.Year"] = "2024", ["Data.Level"] = "DistrictOffice", ["Data.OpensOn"] = "2025-01-10", ["Data.Deadline"] = "2025-01-05",
        });
        refused.RefusalCodes.ShouldBe(["reportCalls.deadlineBeforeOpening"]);
        refused.Text("#err-deadline").ShouldBe("Hạn gửi 05/01/2025 trước ngày bắt đầu 10/01/2025.");
        var nobody = await coordinator.SubmitAsync(refused, "#open-call", new() { ["Data.Deadline"] = "2025-01-20" });
        nobody.RefusalCodes.ShouldBe(["reportCalls.nobodyOwes"]);
        await using (var db = _app.NewDbContext())
            (await db.ReportCalls.CountAsync()).ShouldBe(0);

        await ApproveCommuneAsync(w);
        var callId = await OpenCallAsync(coordinator, w, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), acceptLate: false);
        var board = await coordinator.GetAsync($"/Reports/Calls/Board/{callId}");
        board.Text("#call-progress").ShouldBe("Đã gửi 0/1 báo cáo; gửi muộn 0; chưa gửi 1 (quá hạn 1).");
        var district = await TestClient.LoginAsync(_app, "dcoord");
        var send = await district.GetAsync($"/Reports/Calls/Send/{await SubmissionIdAsync(callId)}");
        send.Document.QuerySelectorAll("#blocking li").Select(l => l.GetAttribute("data-code")).ShouldBe(["reportCalls.lateRefused"]);
    }

    [Fact]
    public async Task Should_open_send_return_and_accept_through_the_api_with_the_same_codes_as_the_pages()
    {
        var w = await TestWorld.SeedAsync(_app);
        var coord = await TestClient.ApiAsync(_app, "coord");
        var dcoord = await TestClient.ApiAsync(_app, "dcoord");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var wrong = await coord.PostAsJsonAsync("/api/v1/report-calls", new { scopeUnitId = w.Province, year = 2024, level = "District", opensOn = Day(today), deadline = Day(today.AddDays(-3)) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("reportCalls.deadlineBeforeOpening");
        (await dcoord.PostAsJsonAsync("/api/v1/report-calls", new { scopeUnitId = w.Province, year = 2024, level = "District", opensOn = Day(today), deadline = Day(today) }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await coord.PostAsJsonAsync("/api/v1/report-calls", new { scopeUnitId = w.Province, year = 2024, level = "District", opensOn = Day(today.AddDays(-1)), deadline = Day(today.AddDays(5)) });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var call = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        call["name"]!.GetValue<string>().ShouldBe("Báo cáo kết quả công tác dân vận chính quyền năm 2024");
        call["missing"]!.GetValue<int>().ShouldBe(1);
        var submission = call["submissions"]![0]!["id"]!.GetValue<int>();

        var early = await dcoord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/send", new { });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.Content.ReadAsStringAsync()).ShouldContain("reportCalls.notFinal");
        (await coord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/send", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await ApproveCommuneAsync(w);
        var sent = await dcoord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/send", new { version = 0 });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        view["status"]!.GetValue<string>().ShouldBe("Sent");
        view["coverage"]!.GetValue<string>().ShouldBe("1/1");
        var doc = await coord.GetAsync(view["documentUrl"]!.GetValue<string>());
        doc.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        (await dcoord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var stale = await coord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/return", new { version = 0, comment = "Thiếu phụ lục" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var noReason = await coord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/return", new { version = 1 });
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("reportCalls.commentRequired");
        var accepted = await coord.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/accept", new { version = 1 });
        (await accepted.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Accepted");

        var list = (await coord.GetFromJsonAsync<JsonArray>("/api/v1/report-calls"))!;
        list.Single()!["accepted"]!.GetValue<int>().ShouldBe(1);
        var userA = await TestClient.ApiAsync(_app, "userA");
        (await userA.GetAsync($"/api/v1/report-submissions/{submission}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await userA.GetAsync($"/api/v1/report-submissions/{submission}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dcoord.GetAsync($"/api/v1/report-calls/{call["id"]!.GetValue<int>()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dcoord.GetAsync($"/api/v1/report-submissions/{submission}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }


    private async Task<int> SubmissionIdAsync(int callId)
    {
        await using var db = _app.NewDbContext();
        return await db.ReportSubmissions.Where(s => s.CallId == callId).Select(s => s.Id).SingleAsync();
    }

    private async Task<string[]> AuditActionsAsync(int submissionId)
    {
        await using var db = _app.NewDbContext();
        return await db.Audit.Where(a => a.SubjectType == nameof(ReportSubmission) && a.SubjectId == submissionId.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToArrayAsync();
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReportCallTests(SqliteWebApp app) : ReportCallTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReportCallTests(PostgresWebApp app) : ReportCallTests(app);
