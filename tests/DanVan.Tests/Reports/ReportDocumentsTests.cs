using DanVan.Refusals;
using DanVan.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace DanVan.Tests.Reports;

/// <summary>The Quảng Bình reference report built from the fixture's data, as DOCX, XLSX and Markdown.</summary>
public sealed class ReportDocumentsTests(QuangBinhDatabase data) : IClassFixture<QuangBinhDatabase>
{
    private static readonly string[] Headings =
    [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Kết quả triển khai thực hiện",
        "2. Kết quả đánh giá, phân loại năm 2017, 2018",
        "2.1. Năm 2017:",
        "2.2. Năm 2018:",
        "3. Kết quả thực hiện theo từng tiêu chí",
        "4. Kết quả tự đánh giá so với kết quả thẩm định",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Hạn chế, khó khăn và nguyên nhân",
        "IV. NHIỆM VỤ, GIẢI PHÁP",
    ];

    private async Task<byte[]> DocxAsync() => DocxWriter.ToBytes(ReportDocuments.Document(await data.ContentAsync()));

    private async Task<byte[]> XlsxAsync() => XlsxWriter.ToBytes(ReportDocuments.Tables(await data.ContentAsync()));

    [Fact]
    public async Task Should_write_a_docx_the_open_xml_validator_accepts()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await DocxAsync()), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();

        errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public async Task Should_write_section_two_point_two_line_for_line_under_one_heading_per_year()
    {
        var texts = Paragraphs(await DocxAsync());

        var y2017 = texts.IndexOf("2.1. Năm 2017:");
        var y2018 = texts.IndexOf("2.2. Năm 2018:");
        y2017.ShouldBeGreaterThan(0);
        texts.Skip(y2017 + 1).Take(ReferenceLines.Year2017.Length).ShouldBe(ReferenceLines.Year2017);
        y2018.ShouldBe(y2017 + 1 + ReferenceLines.Year2017.Length);
        texts.Skip(y2018 + 1).Take(ReferenceLines.Year2018.Length).ShouldBe(ReferenceLines.Year2018);
    }

    [Fact]
    public async Task Should_follow_the_structure_of_the_reference_reports()
    {
        var texts = Paragraphs(await DocxAsync());

        var positions = Headings.Select(h => texts.IndexOf(h)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
        texts.ShouldContain("BÁO CÁO");
        texts.ShouldContain("Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2018");
        texts.ShouldContain(t => t.StartsWith("Thực hiện Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của UBND tỉnh Quảng Bình", StringComparison.Ordinal));
        texts.ShouldContain("Trên đây là báo cáo kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2018 của UBND tỉnh Quảng Bình./.");
        texts.Count(t => t == ReportPhrases.NotWrittenYet).ShouldBe(5);
    }

    [Fact]
    public async Task Should_head_the_document_with_the_scope_unit_and_leave_the_number_for_the_clerk()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await DocxAsync()), false);
        var header = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var cells = header.Descendants<TableCell>().Select(c => c.InnerText).ToList();

        // "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG BÌNH": two lines of one cell.
        cells[0].ShouldBe("ỦY BAN NHÂN DÂNTỈNH QUẢNG BÌNH");
        var lines = header.Descendants<TableCell>().First().Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        lines.ShouldContain("ỦY BAN NHÂN DÂN");
        lines.ShouldContain("TỈNH QUẢNG BÌNH");
        cells[2].ShouldBe("Số:      /BC-UBND");
        cells[3].ShouldStartWith("Quảng Bình, ngày ");
    }

    [Fact]
    public async Task Should_name_a_department_under_its_committee()
    {
        var content = await data.ContentAsync();
        var department = content with
        {
            Scope = new DanVan.OrgUnits.OrgUnit { Id = 999, Code = "S04", Name = "Sở Nội vụ", Kind = DanVan.OrgUnits.OrgUnitKind.ProvincialAgency },
            ScopeParent = content.Scope,
        };
        var document = ReportDocuments.Document(department, charts: false);

        document.Issuer.ShouldBe(new IssuingBody("SỞ NỘI VỤ", "UBND TỈNH QUẢNG BÌNH"));
        document.Number.ShouldBe("     /BC-SNV");
        document.Recipients.ShouldBe(["UBND tỉnh Quảng Bình (b/c)", "Lưu: VT"]);
    }

    [Fact]
    public async Task Should_name_the_strongest_and_weakest_criteria_with_their_share_of_the_maximum()
    {
        var report = (await data.ContentAsync()).Report;
        CriterionAverage C(string id, string name, decimal share) => new(id, name, 10, share * 10, share, 188);
        var averages = new[] { C("1", "Lãnh đạo", 0.9m), C("2", "Dân chủ", 0.7m), C("3", "Cải cách hành chính", 0.925m), C("4", "Tiếp dân", 0.612m), C("5", "Phối hợp", 0.8m) };
        var analysis = new CriteriaAnalysis("Tiêu chí 3367", averages,
            averages.OrderByDescending(a => a.AverageShare).Take(3).ToList(), averages.OrderBy(a => a.AverageShare).Take(3).ToList());

        var lines = AnalysisNarrative.CriteriaLines(report with { Criteria = [analysis] });

        lines.ShouldBe(
        [
            "Theo bộ tiêu chí “Tiêu chí 3367”, bình quân điểm của 188 cơ quan, đơn vị, địa phương tham gia đánh giá cho thấy:",
            "- Các tiêu chí thực hiện tốt nhất: Tiêu chí 3 (Cải cách hành chính) đạt bình quân 92,5% số điểm tối đa; Tiêu chí 1 (Lãnh đạo) đạt bình quân 90% số điểm tối đa; Tiêu chí 5 (Phối hợp) đạt bình quân 80% số điểm tối đa.",
            "- Các tiêu chí còn hạn chế: Tiêu chí 4 (Tiếp dân) đạt bình quân 61,2% số điểm tối đa; Tiêu chí 2 (Dân chủ) đạt bình quân 70% số điểm tối đa.",
        ]);
    }

    [Fact]
    public async Task Should_say_so_when_every_criterion_has_the_same_average()
    {
        var report = (await data.ContentAsync()).Report;
        var lines = AnalysisNarrative.CriteriaLines(report);
        var share = report.Criteria.Single().Criteria[0].AverageShare;

        report.Criteria.Single().Criteria.ShouldAllBe(c => c.AverageShare == share && c.Units == 188);
        lines[0].ShouldEndWith("bình quân điểm của 188 cơ quan, đơn vị, địa phương tham gia đánh giá cho thấy:");
        lines[1].ShouldBe($"- Các tiêu chí đều đạt bình quân {VietnameseFormat.Percent(share * 100)}% số điểm tối đa.");
    }

    [Fact]
    public async Task Should_count_who_scored_themselves_higher_and_name_the_five_largest_gaps()
    {
        var report = (await data.ContentAsync()).Report;
        var lines = AnalysisNarrative.GapLines(report);
        var higher = report.UnitGaps.Where(g => g.Gap > 0).ToList();

        higher.Count.ShouldBe(79);
        lines[0].ShouldStartWith($"- Trong 184 cơ quan, đơn vị đã được thẩm định, có 79 đơn vị tự chấm điểm cao hơn kết quả thẩm định (bình quân cao hơn {VietnameseFormat.Number(higher.Average(g => g.Gap), 2)} điểm), không có đơn vị nào tự chấm thấp hơn và 105 đơn vị");
        lines[1].ShouldBe("- Có 79 đơn vị tự xếp loại cao hơn kết quả thẩm định.");
        var top = higher[0];
        lines[2].ShouldStartWith($"- Các đơn vị có chênh lệch lớn nhất: {top.Unit.Name} (tự chấm {ReportPhrases.Points(top.SelfTotal)} điểm, thẩm định {ReportPhrases.Points(top.FinalTotal)} điểm, chênh lệch {ReportPhrases.Points(top.Gap)} điểm); ");
        lines[2].Split("; ").Length.ShouldBe(5);
        lines[3].ShouldStartWith("- Các tiêu chí bị tự chấm cao hơn nhiều nhất: Tiêu chí ");
    }

    [Fact]
    public async Task Should_put_tables_and_charts_in_an_appendix_after_the_signature()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await DocxAsync()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var elements = body.Elements().ToList();
        var closing = elements.OfType<Table>().First(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        var appendix = elements.OfType<Paragraph>().Single(p => p.InnerText == "PHỤ LỤC SỐ LIỆU");

        elements.IndexOf(appendix).ShouldBeGreaterThan(elements.IndexOf(closing));
        appendix.ParagraphProperties!.PageBreakBefore.ShouldNotBeNull();
        var captions = elements.Skip(elements.IndexOf(appendix)).OfType<Paragraph>().Select(p => p.InnerText).Where(t => t.StartsWith("Bảng ", StringComparison.Ordinal) || t.StartsWith("Biểu đồ ", StringComparison.Ordinal)).ToList();
        captions.ShouldBe(
        [
            "Bảng 1. Tham gia đánh giá năm 2018",
            "Bảng 2. Kết quả phân loại năm 2018",
            "Bảng 3. Đơn vị chưa đánh giá năm 2018",
            "Bảng 4. Điểm bình quân tiêu chí năm 2018",
            "Bảng 5. 20 đơn vị tự chấm cao hơn kết quả thẩm định nhiều nhất năm 2018",
            "Bảng 6. Chênh lệch theo tiêu chí năm 2018",
            "Bảng 7. So sánh kết quả phân loại năm 2017, 2018",
            "Biểu đồ 1. Kết quả phân loại năm 2018 theo khối",
            "Biểu đồ 2. So sánh kết quả phân loại năm 2017, 2018",
        ]);
        doc.MainDocumentPart.ImageParts.Count().ShouldBe(2);
    }

    [Fact]
    public async Task Should_fill_the_tables_from_data()
    {
        var tables = ReportDocuments.Tables(await data.ContentAsync()).ToDictionary(t => t.Name);

        var participation = tables["Tham gia đánh giá"];
        participation.Rows.Select(r => (r[0], r[1], r[2])).ShouldBe(
            [("Cấp xã", 159, 159), ("Cấp huyện", 8, 7), ("Sở, ban, ngành cấp tỉnh", 22, 19), ("Đơn vị sự nghiệp công lập", 4, 4), ("Tổng cộng", 193, 189)]);
        var classes = tables["Kết quả phân loại"];
        classes.Rows.Where(r => (string)r[0]! == "Cấp xã").Select(r => (r[2], r[3])).ShouldBe([(89, (object?)56m), (45, 28.3m), (25, 15.7m), (0, 0m)]);
        var missing = tables["Đơn vị chưa đánh giá"];
        missing.Rows.Select(r => (string)r[2]!).ShouldContain("huyện Quảng Ninh");
        missing.Rows.Single(r => (string)r[2]! == "huyện Minh Hóa")[3].ShouldBe("Đoàn kiểm tra xếp loại: Hoàn thành tốt");
        tables["Điểm bình quân tiêu chí"].Rows.Count.ShouldBe(10);
        tables["Tự chấm và thẩm định"].Rows.Count.ShouldBe(184);
        var years = tables["So sánh qua các năm"];
        years.Columns.Select(c => c.Header).ShouldBe(["Khối", "Xếp loại", "Năm 2017 (số đơn vị)", "Tỷ lệ 2017 (%)", "Năm 2018 (số đơn vị)", "Tỷ lệ 2018 (%)"]);
        years.Rows[0].ShouldBe(["Cấp xã", "Hoàn thành xuất sắc", 70, 44m, 89, 56m]);
        tables["Xếp loại qua các năm"].Rows.Count.ShouldBe(193);
    }

    [Fact]
    public async Task Should_write_a_workbook_of_numbers_the_validator_accepts()
    {
        var bytes = await XlsxAsync();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(doc).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }

        using var stream = new MemoryStream(bytes);
        MiniExcel.GetSheetNames(stream).ShouldBe(
            ["Tham gia đánh giá", "Kết quả phân loại", "Đơn vị chưa đánh giá", "Điểm bình quân tiêu chí", "Tự chấm và thẩm định", "Chênh lệch theo tiêu chí", "So sánh qua các năm", "Xếp loại qua các năm"]);
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Kết quả phân loại", startCell: "A2").Cast<IDictionary<string, object?>>().ToList();
        rows[0]["Khối"].ShouldBe("Cấp xã");
        rows[0]["Số đơn vị"].ShouldBeOfType<double>().ShouldBe(89);
        rows[1]["Tỷ lệ (%)"].ShouldBeOfType<double>().ShouldBe(0.283, 1e-9);
        stream.Position = 0;
        var gaps = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Tự chấm và thẩm định", startCell: "A2").Cast<IDictionary<string, object?>>().ToList();
        gaps.Count.ShouldBe(184);
        gaps.ShouldAllBe(r => r["Điểm tự chấm"] is double && r["Chênh lệch"] is double);
    }

    [Fact]
    public async Task Should_write_markdown_with_the_same_lines_and_tables()
    {
        var markdown = ReportDocuments.Markdown(await data.ContentAsync());
        var lines = markdown.Split('\n').Select(l => l.Trim()).ToList();

        foreach (var line in ReferenceLines.Year2017.Concat(ReferenceLines.Year2018)) lines.ShouldContain(line);
        lines.ShouldContain("#### 2.1. Năm 2017:");
        lines.ShouldContain("## I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO");
        lines.ShouldContain("**TỈNH QUẢNG BÌNH**");
        lines.ShouldContain("| Khối | Số đơn vị | Đã đánh giá | Chưa đánh giá | Tỷ lệ tham gia (%) |");
        lines.ShouldContain("| Cấp xã | 159 | 159 | 0 | 100% |");
        lines.ShouldContain("*Biểu đồ 1. Kết quả phân loại năm 2018 theo khối*");
        markdown.ShouldContain("  + Hoàn thành xuất sắc: 89/159, chiếm 56%\n");
    }

    [Fact]
    public async Task Should_never_read_prose_as_markup()
    {
        var content = await data.ContentAsync();
        content.Draft.Leadership = "Đã chỉ đạo <script>alert('x')</script> *ngay* [link](http://x)\n\n- Một ý & hai ý";
        var markdown = ReportDocuments.Markdown(content);
        var docx = Paragraphs(DocxWriter.ToBytes(ReportDocuments.Document(content, charts: false)));

        markdown.ShouldContain(@"Đã chỉ đạo \<script\>alert('x')\</script\> \*ngay\* \[link\](http://x)");
        markdown.ShouldContain(@"- Một ý \& hai ý");
        docx.ShouldContain("Đã chỉ đạo <script>alert('x')</script> *ngay* [link](http://x)");
        docx.ShouldContain("- Một ý & hai ý");
    }

    [Fact]
    public async Task Should_report_a_district_with_its_communes_only()
    {
        var content = await data.ContentAsync(scopeCode: "457", earlierYears: 0);
        var document = ReportDocuments.Document(content, charts: false);

        document.Issuer.ShouldBe(new IssuingBody("ỦY BAN NHÂN DÂN\nHUYỆN LỆ THỦY"));
        document.Place.ShouldBe("Lệ Thủy");
        var lines = ResultsNarrative.Lines(content.Report, content.Scope.Kind);
        lines[0].ShouldBe("- Cấp xã:");
        lines.Skip(1).Take(4).ShouldAllBe(l => l.EndsWith(": Không", StringComparison.Ordinal) || l.Contains("/28, chiếm ", StringComparison.Ordinal));
        lines[5].ShouldBe("- Cấp huyện: có 01/01 UBND cấp huyện đánh giá. Kết quả phân loại: Hoàn thành xuất sắc: 01 (huyện Lệ Thủy tự nhận).");
        lines.Count.ShouldBe(6);
        content.Report.Sections.Single(s => s.Section.Title == "Cấp xã").Total.ShouldBe(28);
        document.Body.OfType<HeadingBlock>().ShouldContain(h => h.Text == "2. Kết quả đánh giá, phân loại năm 2018");
    }

    [Fact]
    public async Task Should_refuse_a_year_with_nothing_to_report()
    {
        await using var db = data.Db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() =>
            ReportDocuments.LoadAsync(db, new ReportRequest(2030, data.Seed.ProvinceId), TestContext.Current.CancellationToken));
        var refusal = ex.Refusals.Single();
        refusal.Code.ShouldBe("reports.noPeriodCovers");
        RefusalText.Render(refusal, RefusalText.English).ShouldBe("Nothing to report for 2030 in UBND tỉnh Quảng Bình (44): no evaluation period, statistics form or registry entry covers it.");
    }

    [Fact]
    public async Task Should_convert_with_libreoffice_and_keep_a_picture_of_page_one()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var docx = Path.Combine(dir, "bao-cao-tong-hop.docx");
        var xlsx = Path.Combine(dir, "bao-cao-tong-hop-so-lieu.xlsx");
        await File.WriteAllBytesAsync(docx, await DocxAsync(), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(xlsx, await XlsxAsync(), TestContext.Current.CancellationToken);

        var (pdf, _) = await ExternalTools.ConvertToPdfAsync(docx, dir);
        var pages = await ExternalTools.PdfPagesAsync(pdf);
        pages.ShouldBeGreaterThanOrEqualTo(4);
        var page1 = await ExternalTools.PdfPageTextAsync(pdf, 1);
        page1.ShouldContain("UBND TỈNH QUẢNG BÌNH");
        page1.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        page1.ShouldContain("Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2018");
        var all = string.Join("\n", await Task.WhenAll(Enumerable.Range(1, pages).Select(p => ExternalTools.PdfPageTextAsync(pdf, p))));
        all.ShouldContain("70/159, chiếm 44%");
        all.ShouldContain("PHỤ LỤC SỐ LIỆU");
        var png = await ExternalTools.FirstPagePngAsync(pdf, Path.Combine(dir, "bao-cao-tong-hop-trang-1"));
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);

        var (xlsxPdf, _) = await ExternalTools.ConvertToPdfAsync(xlsx, dir);
        (await ExternalTools.PdfPagesAsync(xlsxPdf)).ShouldBeGreaterThanOrEqualTo(2);
        (await ExternalTools.PdfPageTextAsync(xlsxPdf, 1)).ShouldContain("Cấp xã");
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }
}
