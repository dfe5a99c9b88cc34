using System.Net;
using System.Text.Json;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

public abstract class EditTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>The values of <see cref="TestWorld.DefaultEntries"/> as typed in the form (85,5 points).</summary>
    private static Dictionary<string, string?> Typed(Page form) => new()
    {
        [form.Field("1", "Points")] = "35,5",
        [form.Field("1", "Note")] = "Ban hành Kế hoạch số 12/KH-SNV ngày 10/01/2024",
        [form.Field("2.1", "Level")] = "A",
        [form.Field("2.2", "CriterionId").Replace("CriterionId", "Checked", StringComparison.Ordinal)] = "a",
        [form.Field("2.3", "Achieved")] = "90",
        [form.Field("3", "Points")] = "15",
        [form.Field("B1", "Points")] = "2",
        [form.Field("T1", "Count")] = "1",
    };

    [Fact]
    public async Task Should_save_a_draft_and_show_the_total_and_provisional_class()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        form.Text("#running-total").ShouldBe("0");
        form.Find("#Data_Version, input[name='Data.Version']");

        var saved = await userA.SubmitAsync(form, "#assessment-form", Typed(form), "#save-draft");
        saved.Text("#notice").ShouldBe("Đã lưu bản nháp. Tổng điểm tạm tính 85,5, xếp loại tạm tính: Hoàn thành tốt.");
        saved.Text("#running-total").ShouldBe("85,5");
        saved.Text("#provisional-class").ShouldBe("Hoàn thành tốt");
        saved.Text("#status").ShouldBe("Đang soạn");
        saved.Find($"input[name='{saved.Field("1", "Points")}']").GetAttribute("value").ShouldBe("35,5");
        saved.Text("[data-points-for='2']").ShouldBe("35");

        await using var db = _app.NewDbContext();
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == w.AssessmentA);
        a.Status.ShouldBe(AssessmentStatus.Draft);
        (a.SelfTotal, a.SelfBand).ShouldBe((85.5m, "HTT"));
        a.Entries.Single(e => e.CriterionId == "1").Points.ShouldBe(35.5m);
        a.Entries.Single(e => e.CriterionId == "1").Note.ShouldBe("Ban hành Kế hoạch số 12/KH-SNV ngày 10/01/2024");
        a.Entries.Single(e => e.CriterionId == "2.2").Checked.ShouldBe("a");
        (await db.Audit.CountAsync(x => x.AssessmentId == w.AssessmentA && x.Action == "entry.self")).ShouldBe(7);

        // Clearing a value removes it; the trail records "(trống)".
        var cleared = await userA.SubmitAsync(saved, "#assessment-form", new() { [saved.Field("B1", "Points")] = "" }, "#save-draft");
        cleared.Text("#running-total").ShouldBe("83,5");
        (await db.Audit.AnyAsync(x => x.AssessmentId == w.AssessmentA && x.CriterionId == "B1" && x.NewValue == "(trống)")).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_refuse_wrong_values_next_to_each_field_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var values = Typed(form);
        values[form.Field("1", "Points")] = "41";
        values[form.Field("3", "Points")] = "7,5";
        values[form.Field("2.3", "Achieved")] = "chín mươi";
        values[form.Field("T1", "Count")] = "1,5";
        values[form.Field("2.1", "Level")] = "Z";
        values[form.Field("B1", "Points")] = "";
        values[form.Field("B1", "Note")] = "Mô hình được tỉnh công nhận";

        var refused = await userA.SubmitAsync(form, "#assessment-form", values, "#save-draft");
        refused.ErrorFor("1", "Points").ShouldBe("41 nằm ngoài khoảng [0; 40] của tiêu chí 1.");
        refused.RefusalCodes.ShouldContain("entry.outOfRange");
        refused.ErrorFor("3", "Points").ShouldBe("7,5 không phải bội số của bước 1 (tiêu chí 3).");
        refused.ErrorFor("2.3", "Achieved").ShouldBe("“chín mươi” không phải là số (viết như 7,5).");
        refused.ErrorFor("T1", "Count").ShouldBe("“1,5” không phải số nguyên.");
        refused.ErrorFor("2.1", "Level").ShouldStartWith("Mức “Z” không có ở tiêu chí 2.1");
        refused.ErrorFor("B1", "Points").ShouldBe("Cần nhập giá trị cho tiêu chí B1.");
        refused.Find($"input[name='{refused.Field("1", "Points")}']").GetAttribute("value").ShouldBe("41");

        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == w.AssessmentA)).ShouldBe(0);
        (await db.Assessments.SingleAsync(a => a.Id == w.AssessmentA)).Status.ShouldBe(AssessmentStatus.NotStarted);
    }

    [Fact]
    public async Task Should_compute_the_running_total_of_the_typed_values_without_storing_them()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        form.Find("#assessment-form").GetAttribute("data-total-url").ShouldBe($"/Evaluations/Edit/{w.AssessmentA}?handler=Total");
        var values = Typed(form);
        values[form.Field("3", "NotApplicable")] = "true";
        values[form.Field("3", "Points")] = "";
        values[form.Field("T1", "Count")] = "-2";

        var fields = new List<(string, string)> { ("__RequestVerificationToken", TestClient.Token(form)), ("Data.Version", "0") };
        foreach (var input in form.Document.QuerySelectorAll("#assessment-form input[name$='.CriterionId']"))
            fields.Add((input.GetAttribute("name")!, input.GetAttribute("value")!));
        fields.AddRange(values.Where(v => v.Value is not null).Select(v => (v.Key, v.Value!)));
        var response = await userA.Http.PostAsync($"/Evaluations/Edit/{w.AssessmentA}?handler=Total",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // 35,5 + 20 + 6 + 9 = 70,5 of 80 applicable → 88,13 on the scale of 100; bonus 2; the wrong count is left out.
        json.GetProperty("total").GetString().ShouldBe("90,13");
        json.GetProperty("band").GetString().ShouldBe("Hoàn thành xuất sắc");
        json.GetProperty("criteria").GetProperty("2").GetString().ShouldBe("35");
        json.GetProperty("errors").GetProperty(form.Field("T1", "Count")).GetString().ShouldBe("-2 là số âm; tiêu chí T1 cần số từ 0 trở lên.");

        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == w.AssessmentA)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_upload_real_PDF_and_PNG_evidence_and_a_document_reference_and_download_them()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}?criterion=1");
        page.Find("#evidence-criterion option[selected]").GetAttribute("value").ShouldBe("1");

        var pdf = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        pdf.Text("#notice").ShouldBe("Đã thêm tài liệu kiểm chứng cho tiêu chí 1.");
        var png = await userA.SubmitAsync(pdf, "#evidence-form", new() { ["Data.CriterionId"] = "2.1" }, files: [("Data.Files", "anh chup.png", Samples.Png)]);
        var reference = await userA.SubmitAsync(png, "#evidence-form", new() { ["Data.CriterionId"] = "2.1", ["Data.DocumentRef"] = "Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019" });
        reference.Text("#evidence").ShouldContain("Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019");
        reference.Text("#evidence").ShouldContain("ke-hoach.pdf");

        await using var db = _app.NewDbContext();
        var files = await db.Evidence.Where(e => e.AssessmentId == w.AssessmentA && e.StoredName != null).OrderBy(e => e.Id).ToListAsync();
        files.Select(f => f.FileType).ShouldBe([EvidenceFileType.Pdf, EvidenceFileType.Png]);
        files.ShouldAllBe(f => f.StoredName!.Length == 32 && !f.StoredName.Contains('.'));
        (await _app.StoredEvidenceFilesAsync()).ShouldBe(2);

        var download = await userA.Http.GetAsync($"/Evaluations/Download/{files[0].Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");

        var edit = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        edit.Text("tr[data-criterion='1'] ul.evidence").ShouldContain("ke-hoach.pdf");
    }

    [Fact]
    public async Task Should_refuse_a_disguised_file_and_one_over_10_MB_with_a_clear_message_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");

        var disguised = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" },
            files: [("Data.Files", "bao-cao.pdf", "Day la van ban thuong, khong phai PDF"u8.ToArray())]);
        disguised.ErrorFor("Data.Files").ShouldBe("bao-cao.pdf: Tệp không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG) theo nội dung tệp; tệp không được lưu.");
        disguised.RefusalCodes.ShouldBe(["evidence.fileWrongType"]);

        var big = new byte[EvidenceFiles.MaxBytes + 1];
        Samples.Pdf.CopyTo(big, 0);
        var tooLarge = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "qua-lon.pdf", big)]);
        tooLarge.ErrorFor("Data.Files").ShouldBe("qua-lon.pdf: Tệp vượt quá dung lượng cho phép 10 MB; tệp không được lưu.");

        var nothing = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" });
        nothing.ErrorFor("Data.Files").ShouldBe("Vui lòng chọn tệp hoặc nhập số, ký hiệu văn bản.");

        await using var db = _app.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(0);
        (await _app.StoredEvidenceFilesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_remove_evidence_while_editable_and_refuse_changes_after_submission()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        var added = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        var ask = await userA.GetAsync(added.Find("#evidence tr[data-criterion='1'] form[method='get']").GetAttribute("action")!.Split('#')[0]
            + "?remove=" + added.Find("#evidence tr[data-criterion='1'] input[name='remove']").GetAttribute("value"));
        var removed = await userA.SubmitAsync(ask, "#remove-form");
        removed.Text("#notice").ShouldBe("Đã xóa tài liệu kiểm chứng.");
        (await _app.StoredEvidenceFilesAsync()).ShouldBe(0);
        var audit = await userA.GetAsync($"/Evaluations/Audit/{w.AssessmentA}?criterion=1");
        audit.Text("#audit tr[data-action='evidence.remove'] td.change").ShouldBe("ke-hoach.pdf → (trống)");

        await w.SubmitAsync(_app, w.AssessmentA);
        var after = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        after.Document.QuerySelector("#evidence-form").ShouldBeNull();
        var forged = await userA.PostAsync($"/Evaluations/Evidence/{w.AssessmentA}",
            [("__RequestVerificationToken", TestClient.Token(audit)), ("Data.CriterionId", "1"), ("Data.DocumentRef", "Công văn số 5/CV")]);
        forged.Errors.ShouldContain("Hồ sơ đã được nộp hoặc đang thẩm định nên đơn vị không sửa được nữa.");
        await using var db = _app.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_entries_before_the_period_opens()
    {
        var w = await TestWorld.SeedAsync(_app, deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        form.Text("#not-open").ShouldStartWith("Kỳ đánh giá bắt đầu từ ngày");
        var refused = await userA.SubmitAsync(form, "#assessment-form", new() { [form.Field("1", "Points")] = "30" }, "#save-draft");
        refused.RefusalCodes.ShouldContain("entry.notOpenYet");
        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteEditTests(SqliteWebApp app) : EditTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresEditTests(PostgresWebApp app) : EditTests(app);
