using DanVan.Data;
using DanVan.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan report build on the demo province, and its refusals.</summary>
public abstract class ReportCommandTests(TestDatabase database) : CliTestBase(database)
{
    [Fact]
    public async Task Should_build_the_provincial_report_as_docx_xlsx_and_markdown()
    {
        await RunOkAsync("demo");
        await using (var db = Db.NewContext())
        {
            var province = await db.Units.SingleAsync(u => u.Code == "44", TestContext.Current.CancellationToken);
            var draft = new DraftInput(province.Id, 2023, null, new Dictionary<DraftBlock, string> { [DraftBlock.Leadership] = "Văn bản chỉ đạo năm 2023." },
                null, "PHÓ CHỦ TỊCH", "Nguyễn Văn A", null, 0);
            await ReportDrafts.SaveAsync(db, draft, "test", DateTime.UtcNow, TestContext.Current.CancellationToken);
        }

        // The demo's call for the districts' 2023 reports, as the province's board shows it.
        var calls = await RunOkAsync("report", "calls", "--scope", "44", "--year", "2023");
        calls.Out.ShouldStartWith("Báo cáo kết quả công tác dân vận chính quyền năm 2023 — deadline 20/01/2024: ");
        calls.Out.ShouldContain(" 1 late, ");
        calls.Out.ShouldMatch(@"(?m)^  450 +UBND thành phố Đồng Hới +NotSent");
        (await RunOkAsync("report", "calls", "--scope", "44", "--year", "2022")).Out.ShouldContain("has no call for reports of 2022");

        var docx = Db.PathOf("bao-cao-2024.docx");
        var run = await RunOkAsync("report", "build", "--period", "2024", "--scope", "44", "--format", "docx", "--out", docx);
        run.Out.ShouldStartWith($"Wrote the report of Tỉnh Quảng Bình (demo) (44) for 2023, 2024 to {docx} (DOCX, ");
        run.Out.ShouldContain("Text: carried from the 2023 draft");
        using (var doc = WordprocessingDocument.Open(docx, false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var texts = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            texts.ShouldContain("2. Kết quả đánh giá, phân loại năm 2023, 2024");
            texts.ShouldContain("2.2. Năm 2024:");
            texts.ShouldContain("Văn bản chỉ đạo năm 2023.");
            texts.ShouldContain(t => t.StartsWith("- Sở, ban, ngành cấp tỉnh:", StringComparison.Ordinal));
            // The statistics appendix of the same year, in the paper form's layout, with how many units it counts.
            texts.ShouldContain("(Kèm theo báo cáo năm 2024: Phụ lục số liệu kèm theo báo cáo đánh giá “Năm dân vận chính quyền”)");
            texts.ShouldContain(t => t.StartsWith("Số liệu tổng hợp từ ", StringComparison.Ordinal) && t.EndsWith("/167 đơn vị đã gửi báo cáo.", StringComparison.Ordinal));
            var appendix = doc.MainDocumentPart.Document.Body.Descendants<Table>().First(t => t.InnerText.Contains("Tỷ lệ hộ nghèo (%)", StringComparison.Ordinal));
            appendix.Elements<TableRow>().Last().Elements<TableCell>().First().InnerText.ShouldBe("Tỉnh Quảng Bình");
        }

        var xlsx = Db.PathOf("so-lieu.xlsx");
        run = await RunOkAsync("report", "build", "--period", "2024", "--scope", "44", "--out", xlsx, "--years", "0");
        run.Out.ShouldContain("for 2024 to");
        run.Out.ShouldContain("(XLSX, ");
        using (var book = SpreadsheetDocument.Open(xlsx, false))
        {
            new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(book).ShouldBeEmpty();
            book.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value)
                .ShouldContain("Tham gia đánh giá");
        }

        var md = Db.PathOf("bao-cao.md");
        await RunOkAsync("report", "build", "--period", "2024", "--scope", "44", "--format", "md", "--out", md);
        var markdown = await File.ReadAllTextAsync(md, TestContext.Current.CancellationToken);
        markdown.ShouldContain("# BÁO CÁO");
        markdown.ShouldContain("#### 2.2. Năm 2024:");
        markdown.ShouldContain("| Khối | Số đơn vị | Đã đánh giá | Chưa đánh giá | Tỷ lệ tham gia (%) |");

        var district = Db.PathOf("huyen.docx");
        run = await RunOkAsync("report", "build", "--period", "2024", "--scope", "450", "--out", district);
        run.Out.ShouldContain("Text: none written yet");
    }

    [Fact]
    public async Task Should_write_section_two_point_two_of_000_with_the_template_imported_through_the_cli()
    {
        await using (var db = Db.NewContext()) await QuangBinhReference.SeedAsync(db);
        var sample = Path.Combine(Repo.Root, "samples", "reports", "quang-binh-000.json");

        var run = await RunOkAsync("report", "template", "import", sample, "--scope", "44");
        run.Out.ShouldContain("Stored template v1 of UBND tỉnh Quảng Bình (44)");
        var md = Db.PathOf("bao-cao-2018.md");
        run = await RunOkAsync("report", "build", "--period", "2018", "--scope", "44", "--out", md);
        run.Out.ShouldContain("Template: v1 Báo cáo kết quả đánh giá công tác dân vận chính quyền — tỉnh Quảng Bình.");
        // Three districts only self-claimed their class and three agencies never submitted: the report says it is a draft.
        run.Out.ShouldContain("Draft: DỰ THẢO");

        var lines = (await File.ReadAllLinesAsync(md, TestContext.Current.CancellationToken)).Select(l => l.Trim()).ToList();
        var y2017 = lines.IndexOf("#### 2.1. Năm 2017:");
        var y2018 = lines.IndexOf("#### 2.2. Năm 2018:");
        lines.Skip(y2017 + 2).Where(l => l.Length > 0).Take(ReferenceLines.Year2017.Length).ShouldBe(ReferenceLines.Year2017);
        lines.Skip(y2018 + 2).Where(l => l.Length > 0).Take(ReferenceLines.Year2018.Length).ShouldBe(ReferenceLines.Year2018);
        lines.ShouldContain("- Lưu: VT, NC.");

        var exported = Db.PathOf("mau.json");
        await RunOkAsync("report", "template", "export", "--scope", "450", "--out", exported);
        (await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken)).ShouldContain("\"groupCode\": \"cap-huyen\"");

        var bad = Write("bad.json", (await File.ReadAllTextAsync(sample, TestContext.Current.CancellationToken)).Replace("\"cap-xa\"", "\"cap-thon\"", StringComparison.Ordinal));
        run = await RunAsync("report", "template", "import", bad, "--scope", "44", "--lang", "vi");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[reports.templateUnknownGroup]");
        run.Err.ShouldContain("$.results.sections[0].parts[0].groupCode");
        run.Err.ShouldContain("Không có nhóm đơn vị cap-thon");
    }

    [Fact]
    public async Task Should_exit_with_1_for_an_unknown_scope_or_a_year_without_a_period()
    {
        var run = await RunAsync("report", "build", "--period", "2024", "--scope", "ZZ", "--out", Db.PathOf("a.docx"));
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[cli.unknownUnit]");
        run.Err.ShouldContain("'ZZ'");

        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        run = await RunAsync("report", "build", "--period", "2030", "--scope", "P", "--out", Db.PathOf("a.docx"));
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[cli.noPeriodYet]");
        run.Err.ShouldContain("2030");
        File.Exists(Db.PathOf("a.docx")).ShouldBeFalse();
    }
}

[Collection<SqliteCli>]
public sealed class SqliteReportCommandTests(SqliteDatabase database) : ReportCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresReportCommandTests(PostgresDatabase database) : ReportCommandTests(database);

/// <summary>Mistakes on the report command line exit with 2.</summary>
public sealed class ReportUsageTests
{
    [Theory]
    [InlineData("report", "build", "--scope", "44", "--out", "a.docx")]
    [InlineData("report", "build", "--period", "2024", "--out", "a.docx")]
    [InlineData("report", "build", "--period", "2024", "--scope", "44")]
    [InlineData("report", "build", "--period", "2024", "--scope", "44", "--out", "a.pdf")]
    [InlineData("report", "build", "--period", "2024", "--scope", "44", "--out", "a.docx", "--format", "pdf")]
    [InlineData("report", "build", "--period", "2024", "--scope", "44", "--out", "a.docx", "--years", "-1")]
    public async Task Should_exit_with_2_on_a_usage_error(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync(["--data", Path.Combine(Path.GetTempPath(), "danvan-never-created"), .. args], output, error,
            TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Usage, $"{string.Join(' ', args)}\n{output}\n{error}");
        error.ToString().ShouldContain("danvan report build --help' for usage.");
    }
}
