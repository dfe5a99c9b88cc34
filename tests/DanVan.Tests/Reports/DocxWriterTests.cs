using System.Text;
using DanVan.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Reports;

public sealed class DocxWriterTests
{
    private static readonly Lazy<byte[]> Report = new(() => DocxWriter.ToBytes(SampleDocuments.QuangBinhReport()));

    [Fact]
    public void Should_write_a_package_the_open_xml_validator_accepts()
    {
        foreach (var bytes in new[] { Report.Value, DocxWriter.ToBytes(SampleDocuments.DepartmentLetter()) })
        {
            using var doc = Open(bytes);
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }
    }

    [Fact]
    public void Should_set_up_an_a4_page_with_the_margins_of_nghi_dinh_30()
    {
        using var doc = Open(Report.Value);
        var section = doc.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        Mm(size.Width!.Value).ShouldBe(210, 0.5);
        Mm(size.Height!.Value).ShouldBe(297, 0.5);
        var margin = section.GetFirstChild<PageMargin>()!;
        Mm(margin.Top!.Value).ShouldBeInRange(20, 25);
        Mm(margin.Bottom!.Value).ShouldBeInRange(20, 25);
        Mm(margin.Left!.Value).ShouldBeInRange(30, 35);
        Mm(margin.Right!.Value).ShouldBeInRange(15, 20);
    }

    [Fact]
    public void Should_number_pages_at_the_top_centre_from_page_two()
    {
        using var doc = Open(Report.Value);
        var main = doc.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();

        section.GetFirstChild<TitlePage>().ShouldNotBeNull();
        var headers = section.Elements<HeaderReference>().ToDictionary(h => h.Type!.Value, h => (HeaderPart)main.GetPartById(h.Id!));
        var pageHeader = headers[HeaderFooterValues.Default].Header!;
        pageHeader.Descendants<SimpleField>().Single().Instruction!.Value!.Trim().ShouldBe("PAGE");
        var style = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Header");
        style.StyleParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        headers[HeaderFooterValues.First].Header!.Descendants<SimpleField>().ShouldBeEmpty();
        headers[HeaderFooterValues.First].Header!.InnerText.ShouldBeEmpty();
    }

    [Fact]
    public void Should_write_everything_in_times_new_roman_with_a_14_point_body()
    {
        using var doc = Open(Report.Value);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
        defaults.RunFonts.HighAnsi!.Value.ShouldBe("Times New Roman");
        defaults.FontSize!.Val!.Value.ShouldBe("28");
        var otherFonts = doc.MainDocumentPart.RootElement!.Descendants<RunFonts>()
            .Concat(styles.Descendants<RunFonts>())
            .SelectMany(f => new[] { f.Ascii?.Value, f.HighAnsi?.Value })
            .Where(name => name is not null && name != "Times New Roman");
        otherFonts.ShouldBeEmpty();
    }

    [Fact]
    public void Should_place_the_issuer_top_left_and_the_motto_top_right()
    {
        using var doc = Open(Report.Value);
        var header = doc.MainDocumentPart!.Document!.Body!.Elements().First().ShouldBeOfType<Table>();
        header.GetFirstChild<TableProperties>()!.TableBorders!.Elements<BorderType>()
            .ShouldAllBe(b => b.Val! == BorderValues.None);
        var rows = header.Elements<TableRow>().ToList();
        var issuer = Lines(rows[0].Elements<TableCell>().First());
        var motto = Lines(rows[0].Elements<TableCell>().Last());

        issuer.Select(l => l.Text).ShouldBe(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"]);
        issuer.ShouldAllBe(l => l.Bold && l.HalfPoints == 26);
        motto.Select(l => l.Text).ShouldBe(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
        motto.ShouldAllBe(l => l.Bold);
        motto[0].HalfPoints.ShouldBeInRange(24, 26);
        motto[1].HalfPoints.ShouldBeInRange(26, 28);
        RuleCount(rows[0].Elements<TableCell>().First()).ShouldBe(1);
        RuleCount(rows[0].Elements<TableCell>().Last()).ShouldBe(1);

        Lines(rows[1].Elements<TableCell>().First()).Single().Text.ShouldBe("Số: 123/BC-UBND");
        var placeDate = Lines(rows[1].Elements<TableCell>().Last()).Single();
        placeDate.Text.ShouldBe("Quảng Bình, ngày 09 tháng 5 năm 2019");
        placeDate.Italic.ShouldBeTrue();
    }

    [Fact]
    public void Should_write_a_parent_body_in_regular_type_above_the_bold_issuer()
    {
        using var doc = Open(DocxWriter.ToBytes(SampleDocuments.DepartmentLetter()));
        var rows = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().ToList();
        var issuer = Lines(rows[0].Elements<TableCell>().First());

        issuer.Select(l => (l.Text, l.Bold)).ShouldBe([("UBND TỈNH QUẢNG BÌNH", false), ("SỞ NỘI VỤ", true)]);
        Lines(rows[1].Elements<TableCell>().First()).Single().Text.ShouldBe("Số:    /BC-SNV");
        Lines(rows[1].Elements<TableCell>().Last()).Single().Text.ShouldStartWith("Quảng Bình, ngày ");
    }

    [Fact]
    public void Should_centre_the_type_and_summary_in_bold_with_a_rule_under_them()
    {
        using var doc = Open(Report.Value);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var type = paragraphs.First(p => p.InnerText == "BÁO CÁO");
        var index = paragraphs.IndexOf(type);

        IsBold(type).ShouldBeTrue();
        type.ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        var summary = paragraphs.Skip(index + 1).Take(3).ToList();
        string.Join("\n", summary.Select(p => p.InnerText)).ShouldBe(SampleDocuments.Summary);
        summary.ShouldAllBe(p => IsBold(p));
        paragraphs[index + 4].ParagraphProperties!.ParagraphBorders!.TopBorder.ShouldNotBeNull();
    }

    [Fact]
    public void Should_write_the_results_of_section_2_2_line_for_line()
    {
        using var doc = Open(Report.Value);
        var texts = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        texts.ShouldContain("+ Hoàn thành xuất sắc: 70/159, chiếm 44%");
        texts.ShouldContain("+ Hoàn thành tốt: 62/159, chiếm 39%");
        texts.ShouldContain("+ Hoàn thành: 27/159, chiếm 17%");
        texts.ShouldContain("+ Hoàn thành tốt: 45/159, chiếm 28,3%");
        texts.ShouldContain("+ Hoàn thành: 25/159, chiếm 15,7%");
        texts.ShouldContain("+ Không hoàn thành: Không");
        texts.ShouldContain(t => t.StartsWith("- Cấp huyện: có 04/08 UBND cấp huyện đánh giá.", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_style_headings_and_justify_the_body_with_a_first_line_indent()
    {
        using var doc = Open(Report.Value);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document!.Body!.Elements<Paragraph>().ToList();
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);

        paragraphs.Single(p => p.InnerText == "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO").ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Heading1");
        paragraphs.Single(p => p.InnerText == "1. Ưu điểm").ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Heading2");
        paragraphs.Single(p => p.InnerText == "2.1. Năm 2017:").ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Heading3");
        styles["Heading1"].StyleRunProperties!.Bold.ShouldNotBeNull();
        var body = styles["BodyText"].StyleParagraphProperties!;
        body.Justification!.Val!.Value.ShouldBe(JustificationValues.Both);
        Mm(int.Parse(body.Indentation!.FirstLine!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInRange(10, 12.7);
    }

    [Fact]
    public void Should_right_align_numbers_in_tables_and_repeat_the_header_row()
    {
        using var doc = Open(Report.Value);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Xếp loại", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();

        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(SampleDocuments.CommuneTable().Columns.Select(c => c.Header));
        var cells = rows[2].Elements<TableCell>().ToList();
        cells.Select(c => c.InnerText).ShouldBe(["2", "Hoàn thành tốt", "62", "39%", "45", "28,3%"]);
        Alignment(cells[1]).ShouldBe(JustificationValues.Left);
        Alignment(cells[3]).ShouldBe(JustificationValues.Right);
        Alignment(cells[5]).ShouldBe(JustificationValues.Right);
        rows[^1].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(["", "Tổng số", "159", "100%", "159", "100%"]);
    }

    [Fact]
    public void Should_embed_the_chart_as_a_png_picture()
    {
        using var doc = Open(Report.Value);
        var image = doc.MainDocumentPart!.ImageParts.Single();

        image.ContentType.ShouldBe("image/png");
        doc.MainDocumentPart.Document!.Body!.Descendants<Drawing>().Count().ShouldBe(1);
    }

    [Fact]
    public void Should_list_the_recipients_bottom_left_and_the_signer_bottom_right()
    {
        using var doc = Open(Report.Value);
        var closing = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        var left = Lines(closing.Descendants<TableCell>().First());
        var right = Lines(closing.Descendants<TableCell>().Last());

        left[0].ShouldBe(new Line("Nơi nhận:", Bold: true, Italic: true, HalfPoints: 24));
        left.Skip(1).Select(l => l.Text).ShouldBe(["- Ban Dân vận Tỉnh ủy;", "- Ban Cán sự Đảng UBND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, NC."]);
        left.Skip(1).ShouldAllBe(l => l.HalfPoints == 22 && !l.Bold);
        right.Select(l => l.Text).ShouldBe(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]);
        right.ShouldAllBe(l => l.Bold);

        using var letter = Open(DocxWriter.ToBytes(SampleDocuments.DepartmentLetter()));
        Lines(letter.MainDocumentPart!.Document!.Body!.Elements<Table>().Last().Descendants<TableCell>().First())
            .Skip(1).Select(l => l.Text).ShouldBe(["- UBND tỉnh (b/c);", "- Lưu: VT."]);
    }

    [Fact]
    public void Should_store_text_in_nfc_even_when_given_decomposed_text()
    {
        var decomposed = SampleDocuments.DepartmentLetter() with
        {
            Summary = "Tình hình tham gia đánh giá".Normalize(NormalizationForm.FormD),
            Signer = new Signer("GIÁM ĐỐC", "Trần Thị B".Normalize(NormalizationForm.FormD)),
        };
        using var doc = Open(DocxWriter.ToBytes(decomposed));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;

        text.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        text.ShouldContain("Tình hình tham gia đánh giá");
        text.ShouldContain("Trần Thị B");
    }

    [Fact]
    public async Task Should_open_in_libreoffice_as_a_pdf_of_two_pages_or_more_numbered_from_page_two()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var docx = Path.Combine(dir, "bao-cao-quang-binh.docx");
        await File.WriteAllBytesAsync(docx, Report.Value, TestContext.Current.CancellationToken);

        var (pdf, elapsed) = await ExternalTools.ConvertToPdfAsync(docx, dir);
        TestContext.Current.TestOutputHelper?.WriteLine($"LibreOffice DOCX → PDF: {elapsed.TotalSeconds:0.0} s");

        var pages = await ExternalTools.PdfPagesAsync(pdf);
        pages.ShouldBeGreaterThanOrEqualTo(2);
        var page1 = await ExternalTools.PdfPageTextAsync(pdf, 1);
        var page2 = await ExternalTools.PdfPageTextAsync(pdf, 2);
        FirstLine(page1).ShouldContain("ỦY BAN NHÂN DÂN");
        FirstLine(page1).ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        page1.ShouldContain("Độc lập - Tự do - Hạnh phúc");
        page1.ShouldContain("Quảng Bình, ngày 09 tháng 5 năm 2019");
        FirstLine(page2).ShouldBe("2");
        var png = await ExternalTools.FirstPagePngAsync(pdf, Path.Combine(dir, "bao-cao-quang-binh-trang-1"));
        File.Exists(png).ShouldBeTrue();
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static double Mm(double twips) => twips * 25.4 / 1440;

    private static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);

    private static JustificationValues Alignment(TableCell cell) =>
        cell.Descendants<ParagraphProperties>().Single().Justification!.Val!.Value;

    private static bool IsBold(Paragraph p) =>
        p.Descendants<Run>().All(r => r.RunProperties?.Bold is not null);

    private static int RuleCount(TableCell cell) =>
        cell.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphBorders?.TopBorder is not null);

    /// <summary>The text paragraphs of a cell with their formatting (rules and spacers left out).</summary>
    private static List<Line> Lines(TableCell cell) =>
        cell.Elements<Paragraph>()
            .Where(p => p.InnerText.Length > 0)
            .Select(p =>
            {
                var run = p.Descendants<RunProperties>().FirstOrDefault();
                var size = run?.FontSize?.Val?.Value;
                return new Line(
                    p.InnerText,
                    run?.Bold is not null,
                    run?.Italic is not null,
                    size is null ? 28 : int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
            })
            .ToList();

    private sealed record Line(string Text, bool Bold, bool Italic, int HalfPoints);
}
