using DanVan.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Reports;

/// <summary>The self-assessment form and a wide appendix table, as a person prints them.</summary>
public sealed class PrintableDocumentsTests
{
    private static SelfAssessmentForm Form() => new()
    {
        UnitName = "UBND xã Sen Thủy",
        ParentName = "UBND huyện Lệ Thủy",
        Place = "Quảng Bình",
        PeriodName = "Đánh giá công tác dân vận chính quyền năm 2018",
        GroupName = "Cấp xã",
        Lines =
        [
            new("1", "Tổ chức triển khai Chương trình hành động số 24-CTr/TU ngày 27/8/2013 của Ban Thường vụ Tỉnh ủy", 10m, "9 điểm", "Ban hành Kế hoạch số 12/KH-UBND ngày 10/01/2018", null, 9m),
            new("2", "Thực hiện Quy chế dân chủ ở cơ sở", 20m, "Đầy đủ", null, "Chưa đầy đủ (thiếu biên bản hội nghị)", 10m),
            new("2.1", "Tiếp công dân định kỳ", 10m, "100%", null, null, 10m),
            new("T1", "Đơn thư vượt cấp", 10m, "1 lần", "Một đơn gửi tỉnh", null, 2m),
        ],
        Results =
        [
            new("Kết quả tự chấm", 93.5m, 100m, "Hoàn thành xuất sắc"),
            new("Kết quả sau thẩm định (tạm tính)", 83.5m, 100m, "Hoàn thành tốt"),
        ],
        Explanation = ["Tổng điểm 83,50/100,00", "Trừ 2,00 điểm: Đơn thư vượt cấp"],
        Date = new DateOnly(2018, 12, 5),
    };

    [Fact]
    public void Should_write_the_self_assessment_as_a_form_signed_by_the_unit_head()
    {
        var docx = DocxWriter.ToBytes(SelfAssessmentDocument.Build(Form()));
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
        var texts = doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        texts.ShouldContain("UBND HUYỆN LỆ THỦY");
        texts.ShouldContain("UBND XÃ SEN THỦY");
        texts.ShouldContain("Quảng Bình, ngày 05 tháng 12 năm 2018");
        texts.ShouldContain("Đánh giá công tác dân vận chính quyền năm 2018");
        texts.ShouldContain("- Kết quả tự chấm: 93,50/100,00 điểm; xếp loại: Hoàn thành xuất sắc.");
        texts.ShouldContain("- Kết quả sau thẩm định (tạm tính): 83,50/100,00 điểm; xếp loại: Hoàn thành tốt.");
        texts.ShouldContain("THỦ TRƯỞNG ĐƠN VỊ");
        DocxCellFit.Overflows(docx).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_print_the_self_assessment_on_one_page_with_libreoffice()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var docx = Path.Combine(dir, "tu-danh-gia-2018-xa-sen-thuy.docx");
        await File.WriteAllBytesAsync(docx, DocxWriter.ToBytes(SelfAssessmentDocument.Build(Form())), TestContext.Current.CancellationToken);

        var (pdf, _) = await ExternalTools.ConvertToPdfAsync(docx, dir);

        (await ExternalTools.PdfPagesAsync(pdf)).ShouldBe(1);
        var text = await ExternalTools.PdfPageTextAsync(pdf, 1);
        text.ShouldContain("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM");
        text.ShouldContain("THỦ TRƯỞNG ĐƠN VỊ");
        var png = await ExternalTools.PagePngAsync(pdf, 1, Path.Combine(dir, "tu-danh-gia-trang-1"));
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
    }

    private static TableBlock WideTable()
    {
        var columns = Enumerable.Range(1, 14).Select(i => new ReportColumn($"Chỉ tiêu {i} (lượt người)", ColumnKind.Integer)).Prepend(new ReportColumn("Đơn vị")).ToList();
        var rows = new[] { "UBND huyện Lệ Thủy", "UBND huyện Quảng Ninh", "Tỉnh Quảng Bình" }
            .Select((name, r) => (IReadOnlyList<object?>)[.. columns.Select((_, i) => i == 0 ? (object)name : 1_234_567 + r)])
            .ToList();
        return new TableBlock(new ReportTable("Số liệu tiếp công dân", columns, rows)) { Caption = "Biểu 1. Số liệu tiếp công dân năm 2018", CenterCells = true };
    }

    [Fact]
    public async Task Should_put_a_table_too_wide_for_portrait_on_a_landscape_page_of_the_appendix()
    {
        var document = SampleDocuments.DepartmentLetter() with { AppendixTitle = "Phụ lục số liệu", Appendix = [new ParagraphBlock("(Số liệu do các đơn vị gửi)"), WideTable()] };
        var docx = DocxWriter.ToBytes(document);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var sections = doc.MainDocumentPart!.Document!.Body!.Descendants<SectionProperties>().ToList();
            sections.Select(s => s.GetFirstChild<PageSize>()!.Orient?.Value).ShouldBe([null, PageOrientationValues.Landscape]);
            sections[0].GetFirstChild<TitlePage>().ShouldNotBeNull();
            sections[1].GetFirstChild<TitlePage>().ShouldBeNull();
        }
        DocxCellFit.Overflows(docx).ShouldBeEmpty();

        var dir = ExternalTools.ArtifactsDirectory;
        var path = Path.Combine(dir, "phu-luc-ngang.docx");
        await File.WriteAllBytesAsync(path, docx, TestContext.Current.CancellationToken);
        var (pdf, _) = await ExternalTools.ConvertToPdfAsync(path, dir);
        (await ExternalTools.PdfPagesAsync(pdf)).ShouldBe(2);
        var appendix = await ExternalTools.PdfPageTextAsync(pdf, 2);
        appendix.ShouldContain("PHỤ LỤC SỐ LIỆU");
        appendix.ShouldContain("1.234.569");
        await ExternalTools.PagePngAsync(pdf, 2, Path.Combine(dir, "phu-luc-ngang-trang-2"));
    }
}
