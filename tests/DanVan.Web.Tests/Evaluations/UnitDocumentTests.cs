using System.Net;
using DanVan.Evaluations;
using DanVan.Periods;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>Issue 13: a unit's document register (registered once, linked to several criteria and years), its
/// download scope, and the appraiser's "chưa đủ căn cứ" mark the unit reads.</summary>
public abstract class UnitDocumentTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private async Task<int> OpenSecondYearAsync(TestWorld w)
    {
        await using var db = _app.NewDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2025, "Đánh giá năm 2025", w.Province,
            today.AddDays(-20), today.AddDays(10), true, [new PeriodGroupChoice(w.AgencyGroup, w.CriteriaSetId)]), "test");
        return await db.Assessments.Where(a => a.PeriodId == period.Id && a.UnitId == w.AgencyA).Select(a => a.Id).SingleAsync();
    }

    private static async Task<Page> RegisterAsync(TestClient user, int unit, string number = "44-KH/UBND", bool file = true)
    {
        var page = await user.GetAsync($"/Evaluations/Documents/{unit}");
        return await user.SubmitAsync(page, "#document-form", new()
        {
            ["Data.Number"] = number, ["Data.IssuedOn"] = "2024-02-11", ["Data.Issuer"] = "UBND tỉnh Thử Nghiệm",
            ["Data.Summary"] = "Kế hoạch thực hiện công tác dân vận chính quyền năm 2024",
        }, files: file ? [("Data.File", "ke-hoach-44.pdf", Samples.Pdf)] : null);
    }

    private static async Task<Page> LinkAsync(TestClient user, int assessment, string criterion, int documentId)
    {
        var page = await user.GetAsync($"/Evaluations/Evidence/{assessment}");
        return await user.SubmitAsync(page, "#link-form", new() { ["Link.CriterionId"] = criterion, ["Link.DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private async Task<int> OnlyDocumentAsync()
    {
        await using var db = _app.NewDbContext();
        return (await db.UnitDocuments.SingleAsync()).Id;
    }

    [Fact]
    public async Task Should_register_a_document_once_and_link_it_to_two_criteria_in_two_years_assessments()
    {
        var w = await TestWorld.SeedAsync(_app);
        var second = await OpenSecondYearAsync(w);
        var userA = await TestClient.LoginAsync(_app, "userA");

        var registered = await RegisterAsync(userA, w.AgencyA);
        registered.Status.ShouldBe(HttpStatusCode.OK);
        registered.Text("#documents").ShouldContain("44-KH/UBND");
        registered.Text("#documents").ShouldContain("Chưa gắn tiêu chí nào");
        var doc = await OnlyDocumentAsync();

        var first = await LinkAsync(userA, w.AssessmentA, "1", doc);
        first.Errors.ShouldBeEmpty();
        first.Text("#evidence").ShouldContain("44-KH/UBND ngày 11/02/2024 của UBND tỉnh Thử Nghiệm");
        var again = await LinkAsync(userA, second, "2.1", doc);
        again.Errors.ShouldBeEmpty();
        again.Text("#evidence").ShouldContain("ke-hoach-44.pdf");

        await using (var db = _app.NewDbContext())
        {
            (await db.UnitDocuments.CountAsync()).ShouldBe(1);
            (await db.UnitDocumentContents.CountAsync()).ShouldBe(1, "the file is stored once");
            var links = await db.Evidence.Where(e => e.UnitDocumentId == doc).OrderBy(e => e.Id).ToListAsync();
            links.Select(e => (e.AssessmentId, e.CriterionId)).ShouldBe([(w.AssessmentA, "1"), (second, "2.1")]);
            links.ShouldAllBe(e => e.StoredName == null && e.FileName == null, "a link uploads nothing");
            (await db.Audit.CountAsync(a => a.Action == "document.register")).ShouldBe(1);
            (await db.Audit.CountAsync(a => a.Action == "evidence.link")).ShouldBe(2);
            foreach (var link in links)
            {
                var response = await userA.Http.GetAsync($"/Evaluations/Download/{link.Id}");
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);
            }
        }

        var register = await userA.GetAsync($"/Evaluations/Documents/{w.AgencyA}");
        var uses = register.Text($"#documents tr[data-document='{doc}']");
        uses.ShouldContain("Đánh giá năm 2024 — Tiêu chí 1");
        uses.ShouldContain("Đánh giá năm 2025 — Tiêu chí 2.1");
        (await userA.Http.GetAsync($"/Evaluations/Documents/{w.AgencyA}?handler=File&documentId={doc}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Searching finds it by its trích yếu, and not by other words.
        (await userA.GetAsync($"/Evaluations/Documents/{w.AgencyA}?q=d%C3%A2n%20v%E1%BA%ADn")).Document.QuerySelectorAll("#documents tbody tr").Length.ShouldBe(1);
        // Without diacritics and in capitals, on SQLite and PostgreSQL alike.
        (await userA.GetAsync($"/Evaluations/Documents/{w.AgencyA}?q=DAN%20VAN")).Document.QuerySelectorAll("#documents tbody tr").Length.ShouldBe(1);
        (await userA.GetAsync($"/Evaluations/Documents/{w.AgencyA}?q=kh%C3%B4ng-c%C3%B3")).Document.QuerySelector("#documents-none").ShouldNotBeNull();

        // The same link twice is refused at the document field.
        var twice = await LinkAsync(userA, w.AssessmentA, "1", doc);
        twice.ErrorFor("Link.DocumentId").ShouldBe("Văn bản này đã được gắn cho tiêu chí 1.");
        twice.RefusalCodes.ShouldContain("evidence.documentAlreadyLinked");
    }

    [Fact]
    public async Task Should_answer_404_to_another_unit_for_the_register_its_files_and_a_linked_documents_download()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        await RegisterAsync(userA, w.AgencyA);
        var doc = await OnlyDocumentAsync();
        await LinkAsync(userA, w.AssessmentA, "1", doc);
        int evidence;
        await using (var db = _app.NewDbContext()) evidence = (await db.Evidence.SingleAsync()).Id;

        var userB = await TestClient.LoginAsync(_app, "userB");
        (await userB.Http.GetAsync($"/Evaluations/Download/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await userB.Http.GetAsync($"/Evaluations/Documents/{w.AgencyA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await userB.Http.GetAsync($"/Evaluations/Documents/{w.AgencyA}?handler=File&documentId={doc}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await userB.Http.GetAsync($"/Evaluations/Documents/{w.AgencyB}?handler=File&documentId={doc}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // B cannot link A's document to its own assessment: refused at the document field, in words that reveal nothing.
        var page = await userB.GetAsync($"/Evaluations/Evidence/{w.AssessmentB}");
        page.Document.QuerySelector("#link-form").ShouldBeNull("B's register is empty");
        var forged = await userB.PostAsync($"/Evaluations/Evidence/{w.AssessmentB}?handler=Link",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Link.CriterionId", "1"), ("Link.DocumentId", doc.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        forged.RefusalCodes.ShouldBe(["evidence.documentNotFound"]);
        forged.Text("#refusals").ShouldContain($"Văn bản {doc} không có trong sổ văn bản kiểm chứng của đơn vị này.");
        await using (var db = _app.NewDbContext()) (await db.Evidence.CountAsync()).ShouldBe(1);

        // A coordinator of the province reads A's register; a unit user of B may not register in it (404, out of scope).
        var coord = await TestClient.LoginAsync(_app, "coord");
        (await coord.GetAsync($"/Evaluations/Documents/{w.AgencyA}")).Document.QuerySelector("#document-form").ShouldBeNull();
        (await coord.Http.GetAsync($"/Evaluations/Download/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_locate_the_refusals_of_a_registration_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Documents/{w.AgencyA}");
        var refused = await userA.SubmitAsync(page, "#document-form", new() { ["Data.Number"] = " ", ["Data.IssuedOn"] = "", ["Data.Issuer"] = "" });
        refused.RefusalCodes.ShouldBe(["documents.numberRequired", "documents.issuedOnRequired", "documents.issuerRequired"], ignoreOrder: true);
        refused.ErrorFor("Data.Number").ShouldBe("Hãy nhập số, ký hiệu của văn bản.");
        refused.ErrorFor("Data.IssuedOn").ShouldBe("Hãy nhập ngày ban hành văn bản.");
        refused.ErrorFor("Data.Issuer").ShouldBe("Hãy nhập cơ quan ban hành văn bản.");

        var wrongFile = await userA.SubmitAsync(page, "#document-form", new() { ["Data.Number"] = "1/QĐ", ["Data.IssuedOn"] = "2024-01-02", ["Data.Issuer"] = "UBND" },
            files: [("Data.File", "anh.pdf", Samples.Png)]);
        wrongFile.RefusalCodes.ShouldBe(["evidence.fileNameMismatch"]);
        wrongFile.ErrorFor("Data.File").ShouldNotBeEmpty();

        await RegisterAsync(userA, w.AgencyA, file: false);
        var duplicate = await RegisterAsync(userA, w.AgencyA, file: false);
        duplicate.RefusalCodes.ShouldBe(["documents.duplicate"]);
        duplicate.ErrorFor("Data.Number").ShouldContain("44-KH/UBND");
        await using var db = _app.NewDbContext();
        (await db.UnitDocuments.CountAsync()).ShouldBe(1);
        (await db.UnitDocumentContents.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_let_the_appraiser_mark_evidence_insufficient_with_a_reason_the_unit_reads_and_clear_it()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        await RegisterAsync(userA, w.AgencyA);
        await LinkAsync(userA, w.AssessmentA, "1", await OnlyDocumentAsync());
        int evidence;
        await using (var db = _app.NewDbContext()) evidence = (await db.Evidence.SingleAsync()).Id;

        var coord = await TestClient.LoginAsync(_app, "coord");
        // Before submission the mark is not offered, and a post is refused.
        var early = await coord.GetAsync($"/Evaluations/EvidenceMark/{evidence}");
        early.Document.QuerySelector("#mark-closed").ShouldNotBeNull();
        var earlyPost = await coord.PostAsync($"/Evaluations/EvidenceMark/{evidence}", [("__RequestVerificationToken", TestClient.Token(early)), ("Reason", "x")]);
        earlyPost.RefusalCodes.ShouldBe(["evidence.markWrongStatus"]);

        await w.SubmitAsync(_app, w.AssessmentA);
        var list = await coord.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        var form = await coord.GetAsync(list.Find($"#evidence tr[data-evidence='{evidence}'] a.mark-link").GetAttribute("href")!);
        var empty = await coord.SubmitAsync(form, "#mark-form", new() { ["Reason"] = "  " });
        empty.RefusalCodes.ShouldBe(["evidence.reasonRequired"]);
        empty.ErrorFor("Reason").ShouldBe("Hãy nêu lý do tài liệu chưa đủ căn cứ; đơn vị sẽ đọc được lý do này.");
        var marked = await coord.SubmitAsync(form, "#mark-form", new() { ["Reason"] = "Kế hoạch không có chữ ký, đóng dấu." });
        marked.Url.AbsolutePath.ShouldBe($"/Evaluations/Evidence/{w.AssessmentA}");

        // The unit sees the mark and the reason on its evidence page and on its sheet; it may not mark.
        var seen = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        seen.Text($"[data-insufficient='{evidence}']").ShouldStartWith("Chưa đủ căn cứ: Kế hoạch không có chữ ký, đóng dấu.");
        (await userA.GetAsync($"/Evaluations/View/{w.AssessmentA}")).Text($"[data-insufficient='{evidence}']").ShouldContain("Kế hoạch không có chữ ký, đóng dấu.");
        (await userA.Http.GetAsync($"/Evaluations/EvidenceMark/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var userB = await TestClient.LoginAsync(_app, "userB");
        (await userB.Http.GetAsync($"/Evaluations/EvidenceMark/{evidence}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var again = await coord.GetAsync($"/Evaluations/EvidenceMark/{evidence}");
        await coord.SubmitAsync(again, "#clear-form");
        (await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}")).Document.QuerySelector("[data-insufficient]").ShouldBeNull();

        await using var check = _app.NewDbContext();
        var lines = await check.Audit.Where(a => a.Action.StartsWith("evidence.") && a.Action.Contains("nsufficient")).OrderBy(a => a.Id).ToListAsync();
        lines.Select(a => (a.Action, a.User)).ShouldBe([("evidence.markInsufficient", "coord"), ("evidence.clearInsufficient", "coord")]);
        lines[0].Reason.ShouldBe("Kế hoạch không có chữ ký, đóng dấu.");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteUnitDocumentTests(SqliteWebApp app) : UnitDocumentTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresUnitDocumentTests(PostgresWebApp app) : UnitDocumentTests(app);
