using DanVan.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Reports;

/// <summary>The tables of the Quảng Bình reference report's DOCX: no word broken inside a cell, a repeated name shown once, and the pages as LibreOffice draws them.</summary>
public sealed class DocxTablesTests(QuangBinhDatabase data) : IClassFixture<QuangBinhDatabase>
{
    private async Task<byte[]> DocxAsync() => DocxWriter.ToBytes(ReportDocuments.Document(await data.ContentAsync()));

    [Fact]
    public async Task Should_fit_every_word_of_every_table_cell_at_the_document_font_size()
    {
        var overflows = DocxCellFit.Overflows(await DocxAsync());

        overflows.ShouldBeEmpty(string.Join("\n", overflows));
    }

    [Fact]
    public async Task Should_find_the_words_the_old_narrow_columns_broke()
    {
        // Table 4 as it was written before: every column 560 twips wide, between the 490 and 630 of old.
        using var stream = new MemoryStream();
        stream.Write(await DocxAsync());
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var criteria = CriteriaTable(doc);
            foreach (var column in criteria.Descendants<GridColumn>()) column.Width = "560";
            foreach (var width in criteria.Descendants<TableCellWidth>().Where(w => w.Parent!.Parent is TableCell { TableCellProperties.GridSpan: null }))
                width.Width = "560";
        }

        var overflows = DocxCellFit.Overflows(stream.ToArray());

        overflows.ShouldContain(o => o.Contains("\"Tiêu\" (bold 13 pt)", StringComparison.Ordinal));
        overflows.ShouldContain(o => o.Contains("\"10,0\" (13 pt)", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_name_each_criteria_set_once_above_its_criteria()
    {
        var document = SampleDocuments.DepartmentLetter() with
        {
            Body = [new TableBlock(DocxTableLayoutTests.Criteria) { Caption = "Bảng 4. Điểm bình quân tiêu chí năm 2018" }],
        };
        using var doc = WordprocessingDocument.Open(new MemoryStream(DocxWriter.ToBytes(document)), false);
        var rows = CriteriaTable(doc).Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

        rows[0].ShouldBe(["Tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm bình quân", "Tỷ lệ bình quân", "Số đơn vị"]);
        rows[1].ShouldBe(["Bộ tiêu chí: Cấp xã"]);
        rows[2].ShouldBe(["1", "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện công tác dân vận chính quyền", "10,0", "9,25", "92,5%", "159"]);
        rows[4].ShouldBe(["Bộ tiêu chí: Cấp huyện"]);
        rows.Count.ShouldBe(7);
        DocxCellFit.Overflows(DocxWriter.ToBytes(document)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_say_under_the_appendix_title_which_report_it_goes_with()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await DocxAsync()), false);
        var texts = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var title = texts.IndexOf("PHỤ LỤC SỐ LIỆU");

        title.ShouldBeGreaterThan(0);
        texts[title + 1].ShouldStartWith("(Kèm theo Báo cáo số      /BC-UBND ngày ");
        texts[title + 1].ShouldEndWith(" của Ủy ban nhân dân tỉnh Quảng Bình)");
    }

    [Fact]
    public async Task Should_render_page_one_and_the_appendix_with_libreoffice_keeping_pictures_of_both()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var docx = Path.Combine(dir, "bao-cao-bang-vua-trang.docx");
        await File.WriteAllBytesAsync(docx, await DocxAsync(), TestContext.Current.CancellationToken);

        var (pdf, _) = await ExternalTools.ConvertToPdfAsync(docx, dir);
        var pages = await ExternalTools.PdfPagesAsync(pdf);
        var texts = await Task.WhenAll(Enumerable.Range(1, pages).Select(p => ExternalTools.PdfPageTextAsync(pdf, p)));
        var appendix = Array.FindIndex(texts, t => t.Contains("PHỤ LỤC SỐ LIỆU", StringComparison.Ordinal)) + 1;
        var criteria = Array.FindIndex(texts, t => t.Contains(ReportPhrases.Tables.Criteria, StringComparison.Ordinal)) + 1;

        appendix.ShouldBeGreaterThan(1);
        criteria.ShouldBeGreaterThanOrEqualTo(appendix);
        // Headers whole: "Tiêu chí" on one line, never "Ti" over "êu".
        texts[criteria - 1].ShouldContain("Tiêu");
        var page1 = await ExternalTools.PagePngAsync(pdf, 1, Path.Combine(dir, "bao-cao-trang-1"));
        var appendixPng = await ExternalTools.PagePngAsync(pdf, appendix, Path.Combine(dir, "bao-cao-phu-luc"));
        var criteriaPng = await ExternalTools.PagePngAsync(pdf, criteria, Path.Combine(dir, "bao-cao-phu-luc-tieu-chi"));
        new FileInfo(page1).Length.ShouldBeGreaterThan(10_000);
        new FileInfo(appendixPng).Length.ShouldBeGreaterThan(10_000);
        new FileInfo(criteriaPng).Length.ShouldBeGreaterThan(10_000);
    }

    private static Table CriteriaTable(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Single(t => t.PreviousSibling() is Paragraph p && p.InnerText.Contains(ReportPhrases.Tables.Criteria, StringComparison.Ordinal));
}
