using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

/// <summary>Nga Sơn's 2018 figures (reference 001, PHỤ LỤC SỐ LIỆU) entered through the core give the appendix back.</summary>
public sealed class NgaSonAppendixTests
{
    private static readonly FormValues NgaSon2018 = FormValues.Of(
        ("poorRate", new NumberValue(3.43m)),
        ("ntmScope", new RatioValue(26, 27)),
        ("ntmCommunes", new NumberValue(15)),
        ("proceduresCut", new NumberValue(77)),
        ("proceduresCutRate", new NumberValue(38.5m)),
        ("satisfactionUnits", new RatioValue(20, 28)),
        ("civilServantsCut", new NumberValue(5)),
        ("publicEmployeesCut", new NumberValue(9)),
        ("receptions", new NumberValue(342)),
        ("receptionVisitors", new NumberValue(390)),
        ("receptionsByChairman", new NumberValue(17)),
        ("dialogues", new NumberValue(2)),
        ("dialogueParticipants", new NumberValue(2)),
        ("dialoguesByChairman", new NumberValue(1)),
        ("petitionsEscalated", new NumberValue(0)),
        ("petitionsResolved", new NumberValue(10)),
        ("petitionsResolvedRate", new NumberValue(100)));

    private static IReadOnlyList<IReadOnlyList<string>> Rows()
    {
        var form = FormSamples.Load(FormSamples.Appendix001);
        var check = FormEntry.Check(form, NgaSon2018);
        check.SubmissionRefusals.ShouldBeEmpty(string.Join("; ", check.SubmissionRefusals));
        return [.. form.Sections.Select(s => StatisticsFormat.Row(form, s, check.Values))];
    }

    [Fact]
    public void Should_produce_the_appendix_rows_with_the_same_figures_and_format()
    {
        var rows = Rows();

        rows[0].ShouldBe(["3,43%", "26/27", "15", "57,7%"]);
        rows[1].ShouldBe(["77", "38,5%", "", "", "", "20/28"]);
        rows[2].ShouldBe(["5", "9", "", "", "", "", ""]);
        rows[3].ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);
    }

    [Fact]
    public void Should_round_the_computed_new_rural_rate_where_the_source_truncates()
    {
        // 15/26 = 57,692…%: the source prints 57,6% (truncated); DanVan rounds half away from zero, as every percentage it shows.
        Rows()[0][3].ShouldBe("57,7%");
    }

    [Fact]
    public void Should_give_the_same_rows_when_nga_son_is_aggregated_as_its_own_scope()
    {
        var form = FormSamples.Load(FormSamples.Appendix001);
        var units = new[] { new FormUnit("nga-son", null, DanVan.OrgUnits.OrgUnitKind.District, []) };
        var scope = FormAggregator.Aggregate(form, units, new Dictionary<string, FormValues> { ["nga-son"] = NgaSon2018 }, "nga-son");

        StatisticsFormat.Row(form, form.Sections[3], scope.Values).ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);
        StatisticsFormat.Row(form, form.Sections[0], scope.Values).Skip(1).ShouldBe(["26/27", "15", "57,7%"]);
        scope.Completeness.ShouldBe(new Completeness(1, 1));
    }

    [Fact]
    public void Should_print_the_appendix_in_the_docx_with_the_paper_forms_grouped_headers()
    {
        var form = FormSamples.Load(FormSamples.Appendix001);
        var check = FormEntry.Check(form, NgaSon2018);
        var figures = new DanVan.Reports.StatisticsFigures(form,
            new FigureRow(1, "huyện Nga Sơn", "/1/", new Completeness(1, 1, 1), check.Values), "Huyện Nga Sơn");
        var tables = DanVan.Reports.StatisticsAppendix.Tables(figures).ToList();

        tables.Count.ShouldBe(4);
        tables[0].HeaderRows.Select(r => r.Select(c => (c.Text, c.ColSpan, c.RowSpan))).ShouldBe([
            [("Stt", 1, 2), ("Tỷ lệ hộ nghèo năm 2018 (%)", 1, 2), ("Xây dựng nông thôn mới năm 2018 (tính đến ngày 30/10/2018)", 3, 1)],
            [("Số xã/tổng số xã, thị trấn", 1, 1), ("Số xã đạt nông thôn mới", 1, 1), ("Tỷ lệ", 1, 1)]]);
        tables[0].Table.Rows.Single().ShouldBe(["Huyện Nga Sơn", "3,43%", "26/27", "15", "57,7%"]);
        tables[3].Table.Rows.Single().ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);

        // Written into a document that opens cleanly: column spans and vertical merges where the paper form has them.
        var document = new DanVan.Reports.OfficialDocument
        {
            Issuer = new("ỦY BAN NHÂN DÂN HUYỆN NGA SƠN"),
            Number = "…/BC-UBND",
            Place = "Nga Sơn",
            DocumentType = "BÁO CÁO",
            Summary = "Đánh giá “Năm dân vận chính quyền” 2018",
            Signer = new("CHỦ TỊCH", "…"),
            AppendixTitle = "PHỤ LỤC SỐ LIỆU",
            Appendix = tables,
        };
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(DanVan.Reports.DocxWriter.ToBytes(document)), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(docx).ToList();
        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var grid = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .First(t => t.InnerText.Contains("Xây dựng nông thôn mới", StringComparison.Ordinal));
        var rows = grid.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        rows[0].Descendants<DocumentFormat.OpenXml.Wordprocessing.GridSpan>().Single().Val!.Value.ShouldBe(3);
        rows[1].Descendants<DocumentFormat.OpenXml.Wordprocessing.VerticalMerge>().Count().ShouldBe(2); // under "Stt" and the poverty rate
        rows[2].Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ShouldBe(["Huyện Nga Sơn", "3,43%", "26/27", "15", "57,7%"]);
    }
}
