using System.IO.Compression;
using System.Text;
using DanVan.Refusals;
using MiniExcelLibs;

namespace DanVan.Tests;

public sealed class TableFileTests
{
    private static TableData Csv(string text, TableLimits? limits = null) =>
        TableFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", limits);

    [Theory]
    [InlineData("7.554", 7554)]
    [InlineData("93,23", 93.23)]
    [InlineData("7,5", 7.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("0.125", 0.125)]
    [InlineData(" 7,25 ", 7.25)]
    [InlineData("-1", -1)]
    [InlineData("-2,5", -2.5)]
    [InlineData("+3", 3)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12.500.000", 12500000)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1\u202F234", 1234)]
    [InlineData("\u22122,5", -2.5)]
    [InlineData("100", 100)]
    [InlineData("1234.5", 1234.5)]
    public void Should_read_numbers_the_Vietnamese_way_and_the_international_way(string text, double expected)
    {
        VietnameseNumber.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3,4,5")]
    [InlineData("7.5đ")]
    [InlineData("1,23,4")]
    [InlineData("1.23.4")]
    [InlineData("1e5")]
    [InlineData("5,")]
    [InlineData("--2")]
    [InlineData("1,234,5.6")]
    public void Should_refuse_what_is_not_a_number(string text) => VietnameseNumber.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(2.125)]
    [InlineData(-7)]
    [InlineData(7554)]
    [InlineData(0.0001)]
    public void Writes_numbers_that_read_back_exactly(double value) =>
        VietnameseNumber.TryParse(VietnameseNumber.Write((decimal)value), out var read).ShouldBeTrue();

    [Theory]
    [InlineData("x", true)]
    [InlineData("Có", true)]
    [InlineData("không", false)]
    [InlineData("", false)]
    public void Should_read_yes_and_no(string text, bool expected)
    {
        TableFile.TryParseFlag(text, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Fact]
    public void Refuses_a_CSV_row_with_more_values_than_columns_at_its_row_and_column()
    {
        // Regression: an unquoted 10,5 in a comma-separated file was read as 10 with "5" in the next column.
        var ex = Should.Throw<RefusedException>(() => Csv("a,b,c\n1,2,3\nB03,10,5,\n"));

        var refusal = ex.Refusals.ShouldHaveSingleItem();
        refusal.Code.ShouldBe("file.fieldCount");
        refusal.Where.ShouldBe(Where.AtCell("t.csv", 3, "D"));
        RefusalText.Render(refusal, RefusalText.Vietnamese).ShouldStartWith("Dòng có 4 giá trị nhưng dòng tiêu đề chỉ có 3 cột");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("-7", "-7")]
    [InlineData("Sở Nội vụ", "Sở Nội vụ")]
    public void Neutralises_formula_text_but_keeps_negative_numbers(string cell, string written) =>
        TableFile.SafeCell(cell).ShouldBe(written);

    [Fact]
    public void A_CSV_written_with_formula_text_reads_back_as_it_was()
    {
        // Regression: CSV exports wrote =, +, -, @ cells raw, so a spreadsheet ran them as formulas.
        using var stream = new MemoryStream();
        TableFile.WriteCsv(stream, ["name", "total"], [["=1+1", "-2.5"], ["@cmd", "7"]]);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        text.ShouldContain("'=1+1");
        text.ShouldContain("'@cmd");
        text.ShouldContain(",-2.5");

        var read = TableFile.ReadCsv(new MemoryStream(stream.ToArray()), "back.csv");
        read.Records.Select(r => (r["name"], r["total"])).ShouldBe([("=1+1", "-2.5"), ("@cmd", "7")]);
    }

    [Fact]
    public void Refuses_a_file_with_more_rows_than_the_limit()
    {
        var text = "a,b\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"{i},x\n"));
        Csv(text, new TableLimits(MaxRows: 11)).Records.Count.ShouldBe(11);

        var ex = Should.Throw<RefusedException>(() => Csv(text, new TableLimits(MaxRows: 10)));
        ex.Code.ShouldBe("file.tooManyRows");
        RefusalText.Render(ex.Refusals[0], RefusalText.Vietnamese).ShouldBe("Tệp có hơn 10 dòng; hãy chia thành các tệp nhỏ hơn.");
    }

    [Fact]
    public void Refuses_an_XLSX_with_more_rows_than_the_limit_without_reading_it_all()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(1, 50).Select(i => new Dictionary<string, object?> { ["code"] = $"U{i}", ["name"] = "x" }));
        stream.Position = 0;

        var ex = Should.Throw<RefusedException>(() => TableFile.ReadXlsx(stream, "big.xlsx", new TableLimits(MaxRows: 20)));
        ex.Code.ShouldBe("file.tooManyRows");
    }

    [Fact]
    public void Refuses_an_XLSX_whose_parts_inflate_beyond_the_limit_before_reading_it()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["code"] = "U1", ["name"] = new string('x', 200_000) } });
        stream.Position = 0;

        var ex = Should.Throw<RefusedException>(() => TableFile.ReadXlsx(stream, "bomb.xlsx", new TableLimits(MaxInflatedBytes: 100_000)));
        ex.Code.ShouldBe("file.tooLarge");
        ex.Refusals[0].Where.File.ShouldBe("bomb.xlsx");
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_workbook()
    {
        var ex = Should.Throw<RefusedException>(() => TableFile.ReadXlsx(new MemoryStream(Encoding.UTF8.GetBytes("code,name\n")), "fake.xlsx"));
        ex.Code.ShouldBe("file.unreadableXlsx");
    }

    [Fact]
    public void Locates_a_missing_column_at_the_header_row_of_the_sheet()
    {
        // Regression: header problems said "row 1" even when blank rows put the header on row 3.
        using var stream = new MemoryStream();
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = null, ["B"] = null },
            new() { ["A"] = null, ["B"] = null },
            new() { ["A"] = "code", ["B"] = "ten" },
            new() { ["A"] = "P", ["B"] = "Tỉnh" },
        };
        stream.SaveAs(rows, printHeader: false);
        stream.Position = 0;
        var table = TableFile.ReadXlsx(stream, "units.xlsx");
        table.HeaderRow.ShouldBe(3);

        var ex = Should.Throw<RefusedException>(() => TableFile.RequireColumns(table, "units.xlsx", ["code", "name"], ["code", "name"]));
        ex.Refusals[0].Where.Row.ShouldBe(3);
        ex.Refusals[0].Where.Sheet.ShouldBe("Sheet1");
    }

    [Fact]
    public void Lists_at_most_the_limit_of_problems_and_counts_the_rest()
    {
        var refusals = Enumerable.Range(1, 250).Select(i => new Refusal("units.codeRequired", Where.AtCell("u.csv", i + 1, "code"))).ToList();

        var capped = TableLimits.Default.Cap(refusals, "u.csv");

        capped.Count.ShouldBe(201);
        capped[^1].Code.ShouldBe("file.moreProblems");
        RefusalText.Render(capped[^1], RefusalText.Vietnamese).ShouldBe("…và 50 lỗi khác không liệt kê.");
    }

    [Theory]
    [InlineData("Files", "file.")]
    [InlineData("OrgUnits", "units.")]
    [InlineData("Evaluations", "scores.")]
    [InlineData("Criteria", "criteria.")]
    public void Every_code_of_a_file_refusal_is_worded_in_both_languages(string folder, string prefix)
    {
        var root = DanVan.Tests.Criteria.Samples.RepoRoot;
        var codes = System.Xml.Linq.XDocument.Load(Path.Combine(root, "src", "DanVan", folder, "RefusalMessages.resx"))
            .Descendants("data").Select(d => (string)d.Attribute("name")!).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        codes.ShouldNotBeEmpty();
        foreach (var code in codes) RefusalText.Knows(code).ShouldBeTrue(code);
    }
}
