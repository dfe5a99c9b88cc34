using DanVan.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;

namespace DanVan.Tests.Reports;

public sealed class XlsxWriterTests
{
    private static readonly ReportTable Participation = new(
        "Tham gia đánh giá",
        [
            new ReportColumn("Khối"),
            new ReportColumn("Số đơn vị tham gia", ColumnKind.Integer),
            new ReportColumn("Tổng số đơn vị", ColumnKind.Integer),
            new ReportColumn("Điểm bình quân", ColumnKind.Decimal) { Decimals = 2 },
            new ReportColumn("Tỷ lệ tham gia", ColumnKind.Percent),
        ],
        [
            ["Sở, ban, ngành cấp tỉnh", 19, 22, 93.234m, 86.4m],
            ["Cấp huyện", 7, 8, 88.5, 87.5m],
            ["Cấp xã", 159, 159, null, 100m],
            ["Mô hình “Dân vận khéo”", 1016L, 1016, 7554.25m, 100m],
        ]);

    private static byte[] Workbook() => XlsxWriter.ToBytes([Participation, SampleDocuments.CommuneTable()]);

    [Fact]
    public void Should_write_a_package_the_open_xml_validator_accepts()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();

        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void Should_write_one_sheet_per_table()
    {
        using var stream = new MemoryStream(Workbook());

        MiniExcel.GetSheetNames(stream).ShouldBe(["Tham gia đánh giá", "Cấp xã 2017-2018"]);
    }

    [Fact]
    public void Should_store_numbers_as_numbers_and_text_as_text()
    {
        using var stream = new MemoryStream(Workbook());
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Tham gia đánh giá", startCell: "A2")
            .Cast<IDictionary<string, object?>>()
            .ToList();

        rows.Count.ShouldBe(4);
        rows[0]["Khối"].ShouldBe("Sở, ban, ngành cấp tỉnh");
        rows[0]["Số đơn vị tham gia"].ShouldBeOfType<double>().ShouldBe(19);
        rows[0]["Điểm bình quân"].ShouldBeOfType<double>().ShouldBe(93.234, 1e-9);
        rows[0]["Tỷ lệ tham gia"].ShouldBeOfType<double>().ShouldBe(0.864, 1e-9);
        rows[2]["Điểm bình quân"].ShouldBeNull();
        rows[3]["Khối"].ShouldBe("Mô hình “Dân vận khéo”");
        rows[3]["Số đơn vị tham gia"].ShouldBeOfType<double>().ShouldBe(1016);
    }

    [Fact]
    public void Should_give_number_formats_by_column_kind()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var custom = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var row = SheetRows(doc, 0)[2].Elements<Cell>().ToList();

        string Format(Cell cell)
        {
            var id = formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value;
            return id == 3 ? "#,##0" : custom[id]!;
        }

        Format(row[1]).ShouldBe("#,##0");
        Format(row[3]).ShouldBe("#,##0.00");
        Format(row[4]).ShouldBe("0.0%");
        row[1].DataType.ShouldBeNull();
        row[1].CellValue!.Text.ShouldBe("19");
    }

    [Fact]
    public void Should_freeze_and_embolden_the_title_and_header_rows()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var fonts = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.Fonts!.Elements<Font>().ToList();
        var formats = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();

        foreach (var part in doc.WorkbookPart.WorksheetParts)
        {
            var pane = part.Worksheet!.Descendants<Pane>().Single();
            pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
            pane.VerticalSplit!.Value.ShouldBe(2);
            pane.TopLeftCell!.Value.ShouldBe("A3");
            var header = part.Worksheet.Descendants<Row>().ElementAt(1);
            header.RowIndex!.Value.ShouldBe(2U);
            header.Elements<Cell>().ShouldAllBe(c => fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold != null);
        }
    }

    [Fact]
    public void Should_size_columns_to_their_content()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Workbook()), false);
        var columns = doc.WorkbookPart!.WorksheetParts.First().Worksheet!.Descendants<Column>().ToList();

        columns.Count.ShouldBe(5);
        columns.ShouldAllBe(c => c.Width! >= 8 && c.Width! <= 53);
        columns[0].Width!.Value.ShouldBeGreaterThan(columns[2].Width!.Value);
    }

    [Fact]
    public void Should_title_each_sheet_filter_its_header_and_wrap_long_text()
    {
        var criteria = new ReportTable("Điểm bình quân tiêu chí",
            [new ReportColumn("Tiêu chí"), new ReportColumn("Tên tiêu chí"), new ReportColumn("Điểm bình quân", ColumnKind.Decimal)],
            [
                ["1", "Tổ chức triển khai Chương trình hành động số 24-CTr/TU ngày 27/8/2013 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 43/KH-UBND", 9.1m],
                ["2", "Thực hiện Quy chế dân chủ ở cơ sở", 9.25m],
            ]);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(XlsxWriter.ToBytes([criteria], "UBND tỉnh Quảng Bình, năm 2018")), false);
        var strings = doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var formats = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        var sheet = doc.WorkbookPart.WorksheetParts.Single().Worksheet!;
        var rows = sheet.Descendants<Row>().ToList();
        string Text(Cell c) => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];

        var title = rows[0].Elements<Cell>().Single();
        Text(title).ShouldBe("Điểm bình quân tiêu chí — UBND tỉnh Quảng Bình, năm 2018");
        fonts[(int)formats[(int)title.StyleIndex!.Value].FontId!.Value].FontSize!.Val!.Value.ShouldBe(14);
        sheet.Descendants<MergeCell>().Single().Reference!.Value.ShouldBe("A1:C1");
        rows[1].Elements<Cell>().Select(Text).ShouldBe(["Tiêu chí", "Tên tiêu chí", "Điểm bình quân"]);
        sheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe("A2:C4");
        doc.WorkbookPart.Workbook!.DefinedNames!.Elements<DefinedName>().Select(n => (n.Name!.Value, n.Text))
            .ShouldBe([("_xlnm._FilterDatabase", "'Điểm bình quân tiêu chí'!$A$2:$C$4"), ("_xlnm.Print_Titles", "'Điểm bình quân tiêu chí'!$1:$2")]);
        var longText = rows[2].Elements<Cell>().ElementAt(1);
        formats[(int)longText.StyleIndex!.Value].Alignment!.WrapText!.Value.ShouldBeTrue();
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        widths[1].ShouldBe(53);
        widths[0].ShouldBeLessThan(15);
        widths[2].ShouldBeLessThan(15);
        rows[2].Elements<Cell>().ElementAt(2).CellValue!.Text.ShouldBe("9.1");
    }

    [Fact]
    public void Should_make_sheet_names_excel_accepts()
    {
        var tables = new[] { "Kết quả: năm 2018 / cấp xã [tổng hợp]", "Kết quả: năm 2018 / cấp xã [tổng hợp]", "   " }
            .Select(n => Participation with { Name = n.Trim().Length == 0 ? "x" : n })
            .ToList();
        var names = XlsxWriter.SheetNames(tables);

        names.ShouldAllBe(n => n.Length <= 31 && !n.Any(ch => "[]:*?/\\".Contains(ch)));
        names.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(3);
        names[1].ShouldEndWith("(2)");
    }

    [Fact]
    public void Should_refuse_a_cell_that_does_not_fit_its_column()
    {
        var wrong = Participation with { Rows = [["Cấp xã", "nhiều", 159, null, 100m]] };

        Should.Throw<ArgumentException>(() => XlsxWriter.ToBytes([wrong])).Message.ShouldContain("Số đơn vị tham gia");
    }

    [Fact]
    public async Task Should_open_in_libreoffice()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var xlsx = Path.Combine(dir, "tong-hop.xlsx");
        await File.WriteAllBytesAsync(xlsx, Workbook(), TestContext.Current.CancellationToken);

        var (pdf, elapsed) = await ExternalTools.ConvertToPdfAsync(xlsx, dir);
        TestContext.Current.TestOutputHelper?.WriteLine($"LibreOffice XLSX → PDF: {elapsed.TotalSeconds:0.0} s");

        (await ExternalTools.PdfPagesAsync(pdf)).ShouldBeGreaterThanOrEqualTo(2);
        var text = await ExternalTools.PdfPageTextAsync(pdf, 1);
        text.ShouldContain("Sở, ban, ngành cấp tỉnh");
        // Separators follow the reader's locale (a Vietnamese Excel shows 7.554,25); the values are what matter.
        text.ShouldMatch(@"86[.,]4%");
        text.ShouldMatch(@"1[.,]016");
        text.ShouldMatch(@"7[.,]554[.,]25");
    }

    private static List<Row> SheetRows(SpreadsheetDocument doc, int sheet)
    {
        var id = doc.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ElementAt(sheet).Id!.Value!;
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(id)).Worksheet!.Descendants<Row>().ToList();
    }
}
