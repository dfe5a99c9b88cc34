using System.Net;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>The evidence page: removal only after a confirmation step, Word and Excel 97–2003 files, several files at once.</summary>
public abstract class EvidenceTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private Task<int> StoredFilesAsync() => _app.StoredEvidenceFilesAsync();

    /// <summary>What a browser does with a row's "Xóa": a GET of the form's action with its fields (the confirmation step).</summary>
    private static async Task<Page> AskToRemoveAsync(TestClient user, Page page, int evidenceId)
    {
        var form = page.Find($"#evidence tr[data-evidence='{evidenceId}'] form");
        form.GetAttribute("method").ShouldBe("get", "a row's Xóa only leads to the question");
        var query = string.Join('&', TestClient.Fields(page, $"#evidence tr[data-evidence='{evidenceId}'] form")
            .Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
        return await user.GetAsync(form.GetAttribute("action")!.Split('#')[0] + "?" + query);
    }

    [Fact]
    public async Task Should_ask_before_removing_evidence_and_remove_it_with_its_audit_line_only_once_confirmed()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        var added = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        int id;
        await using (var db = _app.NewDbContext()) id = (await db.Evidence.SingleAsync()).Id;
        added.Document.QuerySelectorAll("#evidence form[method='post']").ShouldBeEmpty("no button of the list deletes at once");
        added.Find($"#evidence tr[data-evidence='{id}'] button").GetAttribute("aria-label").ShouldBe("Xóa “ke-hoach.pdf”");

        // The question: the file by name, that it cannot be undone, Xóa and Hủy.
        var ask = await AskToRemoveAsync(userA, added, id);
        ask.Text("#confirm-remove-question").ShouldBe("Xóa tài liệu kiểm chứng “ke-hoach.pdf” của tiêu chí 1? Thao tác này không hoàn tác được.");
        ask.Text("#confirm-remove-button").ShouldBe("Xóa");
        ask.Text("#cancel-remove").ShouldBe("Hủy");
        ask.Find("#remove-form").GetAttribute("method").ShouldBe("post");
        await using (var db = _app.NewDbContext())
        {
            (await db.Evidence.CountAsync()).ShouldBe(1, "asking deletes nothing");
            (await db.Audit.AnyAsync(a => a.Action == "evidence.remove")).ShouldBeFalse();
        }
        (await StoredFilesAsync()).ShouldBe(1);

        // Hủy goes back to the list, the item still there.
        var cancelled = await userA.GetAsync(ask.Find("#cancel-remove").GetAttribute("href")!);
        cancelled.Document.QuerySelector("#confirm-remove").ShouldBeNull();
        cancelled.Text("#evidence").ShouldContain("ke-hoach.pdf");

        // A post without the confirmation (a form of an older page) only asks again.
        var unconfirmed = await userA.PostAsync($"/Evaluations/Evidence/{w.AssessmentA}?handler=Delete&evidenceId={id}",
            [("__RequestVerificationToken", TestClient.Token(ask))]);
        unconfirmed.Status.ShouldBe(HttpStatusCode.OK);
        unconfirmed.Text("#confirm-remove-question").ShouldStartWith("Xóa tài liệu kiểm chứng “ke-hoach.pdf”");
        await using (var db = _app.NewDbContext()) (await db.Evidence.CountAsync()).ShouldBe(1);

        // Xóa: the item, its file and one audit line.
        var removed = await userA.SubmitAsync(ask, "#remove-form");
        removed.Text("#notice").ShouldBe("Đã xóa tài liệu kiểm chứng.");
        removed.Document.QuerySelector("#confirm-remove").ShouldBeNull();
        removed.Document.QuerySelector("#evidence tbody tr").ShouldBeNull();
        (await StoredFilesAsync()).ShouldBe(0);
        await using (var db = _app.NewDbContext())
        {
            (await db.Evidence.CountAsync()).ShouldBe(0);
            var line = await db.Audit.SingleAsync(a => a.Action == "evidence.remove");
            (line.User, line.AssessmentId, line.CriterionId, line.OldValue).ShouldBe(("userA", (int?)w.AssessmentA, "1", "ke-hoach.pdf"));
        }

        // A document reference is asked about by its text.
        var reference = await userA.SubmitAsync(removed, "#evidence-form", new() { ["Data.CriterionId"] = "1", ["Data.DocumentRef"] = "Công văn số 5/CV" });
        int referenceId;
        await using (var db = _app.NewDbContext()) referenceId = (await db.Evidence.SingleAsync()).Id;
        (await AskToRemoveAsync(userA, reference, referenceId)).Text("#confirm-remove-question")
            .ShouldBe("Xóa tài liệu kiểm chứng “Công văn số 5/CV” của tiêu chí 1? Thao tác này không hoàn tác được.");
    }

    [Fact]
    public async Task Should_not_ask_to_remove_once_submitted_nor_about_another_assessments_evidence()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        int id;
        await using (var db = _app.NewDbContext()) id = (await db.Evidence.SingleAsync()).Id;

        (await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}?remove={id + 1}")).Status.ShouldBe(HttpStatusCode.NotFound);

        await w.SubmitAsync(_app, w.AssessmentA);
        var after = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}?remove={id}");
        after.Document.QuerySelector("#confirm-remove").ShouldBeNull("the unit may no longer remove anything");
        var forged = await userA.PostAsync($"/Evaluations/Evidence/{w.AssessmentA}?handler=Delete&evidenceId={id}",
            [("__RequestVerificationToken", TestClient.Token(after)), ("confirmed", "true")]);
        forged.Errors.ShouldContain("Hồ sơ đã được nộp hoặc đang thẩm định nên đơn vị không sửa được nữa.");
        await using (var db = _app.NewDbContext()) (await db.Evidence.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Should_accept_a_Word_and_an_Excel_97_2003_file_and_serve_them_with_their_types()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        page.Find("#evidence-file").GetAttribute("accept").ShouldBe(".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png");
        page.Text("#evidence-hint").ShouldStartWith("Tệp PDF, DOC, DOCX, XLS, XLSX, JPG hoặc PNG, mỗi tệp tối đa 10 MB, chọn được tới 10 tệp một lần");

        var doc = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "bien-ban.doc", CompoundFiles.Doc)]);
        doc.Text("#notice").ShouldBe("Đã thêm tài liệu kiểm chứng cho tiêu chí 1.");
        var xls = await userA.SubmitAsync(doc, "#evidence-form", new() { ["Data.CriterionId"] = "2.1" }, files: [("Data.Files", "So lieu.XLS", CompoundFiles.Xls)]);
        xls.Text("#evidence tr[data-criterion='1']").ShouldContain("bien-ban.doc (DOC,");
        xls.Text("#evidence tr[data-criterion='2.1']").ShouldContain("So lieu.XLS (XLS,");

        await using var db = _app.NewDbContext();
        var files = await db.Evidence.OrderBy(e => e.Id).ToListAsync();
        files.Select(f => (f.FileName, f.FileType)).ShouldBe([("bien-ban.doc", EvidenceFileType.Doc), ("So lieu.XLS", EvidenceFileType.Xls)]);
        foreach (var (file, type, content) in new[] { (files[0], "application/msword", CompoundFiles.Doc), (files[1], "application/vnd.ms-excel", CompoundFiles.Xls) })
        {
            var download = await userA.Http.GetAsync($"/Evaluations/Download/{file.Id}");
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe(type);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        }
    }

    [Fact]
    public async Task Should_refuse_a_doc_that_is_really_text_and_an_xls_named_doc_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");

        var text = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" },
            files: [("Data.Files", "bao-cao.doc", "Day la van ban thuong, khong phai tep Word"u8.ToArray())]);
        text.ErrorFor("Data.Files").ShouldBe("bao-cao.doc: Tệp không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG) theo nội dung tệp; tệp không được lưu.");
        text.Find("#refusals li[data-code='evidence.fileWrongType']").GetAttribute("data-where").ShouldBe("file:bao-cao.doc");
        text.Find("#evidence-file").GetAttribute("aria-invalid").ShouldBe("true");
        text.Find("#evidence-file").GetAttribute("aria-describedby").ShouldBe("evidence-hint evidence-file-error");
        // The criterion chosen stays chosen; only the file must be picked again.
        text.Find("#evidence-criterion option[selected]").GetAttribute("value").ShouldBe("1");

        var renamed = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "so-lieu.doc", CompoundFiles.Xls)]);
        renamed.ErrorFor("Data.Files").ShouldBe("so-lieu.doc: Nội dung tệp là XLS nhưng tên tệp không có đuôi .xls; hãy chọn đúng tệp hoặc đặt lại tên tệp. Tệp không được lưu.");
        renamed.RefusalCodes.ShouldBe(["evidence.fileNameMismatch"]);

        await using var db = _app.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(0);
        (await db.Audit.AnyAsync(a => a.Action == "evidence.add")).ShouldBeFalse();
        (await StoredFilesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_store_two_files_sent_together_as_two_items_each_with_its_audit_line()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        page.Find("#evidence-file").HasAttribute("multiple").ShouldBeTrue();
        page.Find("#evidence-file").GetAttribute("name").ShouldBe("Data.Files");

        var added = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" },
            files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf), ("Data.Files", "bien-ban.doc", CompoundFiles.Doc)]);
        added.Text("#notice").ShouldBe("Đã thêm 2 tài liệu kiểm chứng cho tiêu chí 1.");
        added.Document.QuerySelectorAll("#evidence tr[data-criterion='1']").Length.ShouldBe(2);

        await using var db = _app.NewDbContext();
        var items = await db.Evidence.OrderBy(e => e.Id).ToListAsync();
        items.Select(e => (e.CriterionId, e.FileName, e.FileType)).ShouldBe([("1", "ke-hoach.pdf", EvidenceFileType.Pdf), ("1", "bien-ban.doc", EvidenceFileType.Doc)]);
        items.Select(e => e.StoredName).Distinct().Count().ShouldBe(2);
        (await StoredFilesAsync()).ShouldBe(2);
        (await db.Audit.Where(a => a.Action == "evidence.add").OrderBy(a => a.Id).Select(a => a.NewValue).ToListAsync())
            .ShouldBe([$"ke-hoach.pdf (Pdf, {Samples.Pdf.Length} B)", $"bien-ban.doc (Doc, {CompoundFiles.Doc.Length} B)"]);
    }

    [Fact]
    public async Task Should_store_nothing_when_one_of_the_files_is_refused_and_name_each_refused_file()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");

        var oneBad = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1", ["Data.DocumentRef"] = "Công văn số 5/CV" },
            files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf), ("Data.Files", "gia-mao.doc", "Chi la van ban"u8.ToArray())]);
        oneBad.ErrorFor("Data.Files").ShouldBe("gia-mao.doc: Tệp không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG) theo nội dung tệp; tệp không được lưu.");
        oneBad.Find("#refusals li").GetAttribute("data-where").ShouldBe("file:gia-mao.doc");
        oneBad.Find("#refusals li a").GetAttribute("href").ShouldBe("#evidence-file");
        oneBad.Errors.ShouldContain("Chưa lưu tài liệu nào trong lần thêm này. Hãy chọn lại các tệp, bỏ hoặc sửa những tệp bị từ chối, rồi bấm Thêm.");
        oneBad.Find("#evidence-ref").GetAttribute("value").ShouldBe("Công văn số 5/CV", "the reference typed is kept for the next try");

        // Three files, two refused: each refused one is named, in the order sent; the good one is not.
        var twoBad = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" },
            files: [("Data.Files", "rong.pdf", []), ("Data.Files", "anh.png", Samples.Png), ("Data.Files", "so-lieu.doc", CompoundFiles.Xls)]);
        twoBad.Document.QuerySelectorAll("#evidence-file-error li").Select(li => li.TextContent).ShouldBe([
            "rong.pdf: Tệp rỗng, không có nội dung; tệp không được lưu.",
            "so-lieu.doc: Nội dung tệp là XLS nhưng tên tệp không có đuôi .xls; hãy chọn đúng tệp hoặc đặt lại tên tệp. Tệp không được lưu.",
        ]);
        twoBad.RefusalCodes.ShouldBe(["evidence.fileEmpty", "evidence.fileNameMismatch"]);

        // More files than one form takes.
        var many = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" },
            files: [.. Enumerable.Range(1, EvidenceFiles.MaxFilesAtOnce + 1).Select(i => ("Data.Files", $"anh-{i}.png", Samples.Png))]);
        many.ErrorFor("Data.Files").ShouldBe("Mỗi lần chỉ thêm được tối đa 10 tệp; hãy chia ra thêm nhiều lần.");

        await using var db = _app.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(0, "neither the good file nor the reference is stored");
        (await db.Audit.AnyAsync(a => a.Action == "evidence.add")).ShouldBeFalse();
        (await StoredFilesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_keep_a_file_in_the_database_with_its_row_and_still_serve_one_stored_in_the_folder_before()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        await using (var db = _app.NewDbContext())
        {
            var stored = await db.Evidence.Include(e => e.Content).SingleAsync();
            stored.Content!.Bytes.ShouldBe(Samples.Pdf);
            Directory.Exists(Path.Combine(_app.DataFolder, "evidence")).ShouldBeFalse("the database store writes no file");
        }

        // A file an older version kept in the data folder is served from there.
        int legacyId;
        await using (var db = _app.NewDbContext())
        {
            var legacy = new DanVan.Evaluations.Evidence { AssessmentId = w.AssessmentA, CriterionId = "1", FileName = "cu.png", StoredName = "00112233445566778899aabbccddeeff", FileType = EvidenceFileType.Png, Size = Samples.Png.Length, AddedBy = "userA" };
            db.Evidence.Add(legacy);
            await db.SaveChangesAsync();
            legacyId = legacy.Id;
        }
        Directory.CreateDirectory(Path.Combine(_app.DataFolder, "evidence"));
        await File.WriteAllBytesAsync(Path.Combine(_app.DataFolder, "evidence", "00112233445566778899aabbccddeeff"), Samples.Png);
        var download = await userA.Http.GetAsync($"/Evaluations/Download/{legacyId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Png);

        // A row whose file is gone from both answers 404, not 500.
        File.Delete(Path.Combine(_app.DataFolder, "evidence", "00112233445566778899aabbccddeeff"));
        (await userA.Http.GetAsync($"/Evaluations/Download/{legacyId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteEvidenceTests(SqliteWebApp app) : EvidenceTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresEvidenceTests(PostgresWebApp app) : EvidenceTests(app);
