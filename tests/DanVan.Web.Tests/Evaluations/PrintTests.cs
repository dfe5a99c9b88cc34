using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>A unit's own self-assessment as a DOCX form to print and sign, from the assessment's page.</summary>
public abstract class PrintTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_download_the_units_self_assessment_as_a_form_to_sign_and_refuse_another_unit()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA);
        await w.SubmitAsync(_app, w.AssessmentB);
        var userA = await TestClient.LoginAsync(_app, "userA");

        var view = await userA.GetAsync($"/Evaluations/View/{w.AssessmentA}");
        var href = view.Document.QuerySelector("#action-docx")!.GetAttribute("href");
        href.ShouldBe($"/Evaluations/View/{w.AssessmentA}?handler=Docx");
        var download = await userA.Http.GetAsync(href);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("tu-danh-gia-2024-so-noi-vu.docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var texts = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        texts.ShouldContain("SỞ NỘI VỤ");
        texts.ShouldContain("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM");
        texts.ShouldContain("THỦ TRƯỞNG ĐƠN VỊ");
        texts.ShouldContain("- Kết quả tự chấm: 85,50/100,00 điểm; xếp loại: Hoàn thành tốt.");
        var rows = body.Elements<Table>().Single(t => t.InnerText.Contains("Nội dung", StringComparison.Ordinal))
            .Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows[0].ShouldBe(["Tiêu chí", "Nội dung", "Điểm tối đa", "Tự chấm", "Giải trình", "Điểm"]);
        rows[1].ShouldBe(["1", "Lãnh đạo, chỉ đạo công tác dân vận", "40,00", "35,5 điểm", "Ban hành Kế hoạch số 12/KH-SNV", "35,50"]);

        (await userA.Http.GetAsync($"/Evaluations/View/{w.AssessmentB}?handler=Docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var userB = await TestClient.LoginAsync(_app, "userB");
        (await userB.Http.GetAsync($"/Evaluations/View/{w.AssessmentB}?handler=Docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection<SqliteWeb>]
public sealed class SqlitePrintTests(SqliteWebApp app) : PrintTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresPrintTests(PostgresWebApp app) : PrintTests(app);
