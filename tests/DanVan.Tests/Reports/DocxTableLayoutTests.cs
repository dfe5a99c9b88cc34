using DanVan.Reports;

namespace DanVan.Tests.Reports;

/// <summary>Column widths from content: every word whole, the long text column taking the rest.</summary>
public sealed class DocxTableLayoutTests
{
    private const int PortraitWidth = 11906 - 1701 - 851;
    private const int LandscapeWidth = 16838 - 1701 - 851;

    internal static readonly ReportTable Criteria = new(
        "Điểm bình quân tiêu chí",
        [
            new ReportColumn("Bộ tiêu chí"),
            new ReportColumn("Tiêu chí"),
            new ReportColumn("Tên tiêu chí"),
            new ReportColumn("Điểm tối đa", ColumnKind.Decimal) { Decimals = 1 },
            new ReportColumn("Điểm bình quân", ColumnKind.Decimal),
            new ReportColumn("Tỷ lệ bình quân", ColumnKind.Percent),
            new ReportColumn("Số đơn vị", ColumnKind.Integer),
        ],
        [
            ["Cấp xã", "1", "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện công tác dân vận chính quyền", 10m, 9.25m, 92.5m, 159],
            ["Cấp xã", "2.1", "Thực hiện Quy chế dân chủ ở cơ sở", 20m, 17.5m, 87.5m, 159],
            ["Cấp huyện", "1", "Công tác lãnh đạo, chỉ đạo", 10m, 9.75m, 97.5m, 8],
            ["Cấp huyện", "2", "Cải cách hành chính", 15m, 13m, 86.7m, 8],
        ]);

    [Fact]
    public void Should_give_every_column_its_widest_word_and_the_name_column_the_rest()
    {
        var plan = DocxTableLayout.Plan(new TableBlock(Criteria), PortraitWidth, LandscapeWidth);

        plan.Landscape.ShouldBeFalse();
        plan.HalfPoints.ShouldBe(26);
        plan.GroupColumn.ShouldBe(0);
        plan.Columns.ShouldBe([1, 2, 3, 4, 5, 6]);
        plan.Widths.Sum().ShouldBe(PortraitWidth);
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var column = Criteria.Columns[plan.Columns[i]];
            var words = Criteria.Rows.Select(r => ReportTable.Display(r[plan.Columns[i]], column))
                .Select(t => TimesMetrics.LongestWordPt(t, 13, bold: false))
                .Append(TimesMetrics.LongestWordPt(column.Header, 13, bold: true));
            plan.Widths[i].ShouldBeGreaterThanOrEqualTo((int)Math.Ceiling(words.Max() * 20) + DocxTableLayout.Padding, column.Header);
        }
        plan.Widths[1].ShouldBe(plan.Widths.Max());
        plan.Widths[1].ShouldBeGreaterThan(PortraitWidth / 3);
    }

    [Fact]
    public void Should_not_group_a_column_whose_values_change_from_row_to_row()
    {
        var units = Criteria with { Rows = [.. Criteria.Rows.Select((r, i) => (IReadOnlyList<object?>)[$"Đơn vị {i}", .. r.Skip(1)])] };

        DocxTableLayout.GroupColumn(units).ShouldBeNull();
        DocxTableLayout.GroupColumn(Criteria).ShouldBe(0);
    }

    [Fact]
    public void Should_put_a_table_too_wide_for_the_portrait_page_on_a_landscape_page_or_in_smaller_type()
    {
        var columns = Enumerable.Range(1, 10).Select(i => new ReportColumn($"Chỉ tiêu {i} (người)", ColumnKind.Integer)).Prepend(new ReportColumn("Đơn vị")).ToList();
        var row = (IReadOnlyList<object?>)[.. columns.Select((_, i) => i == 0 ? (object)"Tỉnh Quảng Bình" : 1_234_567)];
        var plan = DocxTableLayout.Plan(new TableBlock(new ReportTable("Số liệu", columns, [row])), PortraitWidth, LandscapeWidth);

        plan.Landscape.ShouldBeTrue();
        plan.Widths.Sum().ShouldBe(LandscapeWidth);
        var number = TimesMetrics.WidthPt("1.234.567", plan.HalfPoints / 2.0, bold: false);
        plan.Widths.Skip(1).ShouldAllBe(w => w >= (number * 20) + DocxTableLayout.Padding);
    }

    [Theory]
    [InlineData("Tiêu chí Điểm bình quân", true)]
    [InlineData("Tỷ lệ hộ nghèo (%) Ưu tiên ứng dụng Người được hỗ trợ", false)]
    [InlineData("10,0 93,23 28,3% 1.016 — “Dân vận khéo”", false)]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH Đường Hưng", true)]
    public void Should_measure_text_as_wide_as_liberation_serif_draws_it(string text, bool bold)
    {
        var real = DocxCellFit.WidthPt(text, 13, bold);

        TimesMetrics.WidthPt(text, 13, bold).ShouldBe(real, real * 0.005);
    }

    [Theory]
    [InlineData("UBND TỈNH QUẢNG BÌNH", "UBND tỉnh Quảng Bình")]
    [InlineData("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH", "Ủy ban nhân dân tỉnh Quảng Bình")]
    [InlineData("UBND THÀNH PHỐ ĐỒNG HỚI", "UBND thành phố Đồng Hới")]
    [InlineData("UBND TP ĐỒNG HỚI", "UBND TP Đồng Hới")]
    [InlineData("SỞ NỘI VỤ", "Sở Nội vụ")]
    [InlineData("BAN DÂN VẬN TỈNH ỦY", "Ban Dân vận Tỉnh ủy")]
    [InlineData("UBND xã Sen Thủy", "UBND xã Sen Thủy")]
    public void Should_write_the_issuer_as_it_reads_inside_a_sentence(string header, string sentence) =>
        IssuerName.InSentence(header).ShouldBe(sentence);

    [Fact]
    public void Should_fill_the_appendix_reference_from_the_number_date_and_issuer()
    {
        DocxWriter.AttachedTo(SampleDocuments.QuangBinhReport())
            .ShouldBe("(Kèm theo Báo cáo số 123/BC-UBND ngày 09/5/2019 của Ủy ban nhân dân tỉnh Quảng Bình)");
    }
}
