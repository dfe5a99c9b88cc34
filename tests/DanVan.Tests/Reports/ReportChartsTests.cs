using System.Buffers.Binary;
using DanVan.Reports;

namespace DanVan.Tests.Reports;

public sealed class ReportChartsTests
{
    private const string VietnameseLetters = "ĂÂĐÊÔƠƯăâđêôơư ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

    private static BarChart Distribution(bool stacked) =>
        ReportCharts.ClassDistribution(
            "Kết quả phân loại năm 2018",
            ["Cấp xã", "Cấp huyện", "Sở, ban, ngành"],
            SampleDocuments.Classes,
            [SampleDocuments.Communes2018, [4, 2, 0, 0], [16, 7, 0, 0]],
            stacked);

    [Fact]
    public void Should_draw_with_a_font_that_has_every_vietnamese_letter()
    {
        foreach (var bold in new[] { false, true })
        {
            var typeface = ScottPlot.Fonts.GetTypeface(ReportCharts.FontName, bold, italic: false);

            typeface.ContainsGlyphs(VietnameseLetters).ShouldBeTrue($"{typeface.FamilyName}, bold: {bold}");
            typeface.IsBold.ShouldBe(bold);
        }
    }

    [Fact]
    public void Should_stack_shares_that_add_up_to_one_hundred_per_group()
    {
        var chart = Distribution(stacked: true);

        chart.Stacked.ShouldBeTrue();
        chart.Percent.ShouldBeTrue();
        chart.Series.Select(s => s.Name).ShouldBe(SampleDocuments.Classes);
        for (var g = 0; g < chart.Categories.Count; g++)
            chart.Series.Sum(s => (decimal)s.Values[g]).ShouldBe(100m);
        chart.Series[1].Values[0].ShouldBe(28.3, 1e-9);
    }

    [Fact]
    public void Should_place_counts_side_by_side_when_not_stacked()
    {
        var chart = Distribution(stacked: false);

        chart.Stacked.ShouldBeFalse();
        chart.Series[0].Values.ShouldBe([89.0, 4.0, 16.0]);
    }

    [Fact]
    public void Should_compare_years_with_one_series_per_year()
    {
        var chart = SampleDocuments.CommuneChart();

        chart.Series.Select(s => s.Name).ShouldBe(["Năm 2017", "Năm 2018"]);
        chart.Categories.ShouldBe(SampleDocuments.Classes);
        chart.Colors!.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_render_png_images_of_the_size_asked()
    {
        var dir = ExternalTools.ArtifactsDirectory;
        var charts = new Dictionary<string, BarChart>
        {
            ["bieu-do-phan-loai-xep-chong.png"] = Distribution(stacked: true),
            ["bieu-do-phan-loai-canh-nhau.png"] = Distribution(stacked: false),
            ["bieu-do-so-sanh-nam.png"] = SampleDocuments.CommuneChart(),
        };
        foreach (var (file, chart) in charts)
        {
            var png = ReportCharts.Png(chart, 900, 500);
            await File.WriteAllBytesAsync(Path.Combine(dir, file), png, TestContext.Current.CancellationToken);

            png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).ShouldBe(900);
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).ShouldBe(500);
            png.Length.ShouldBeGreaterThan(10_000);
        }
    }

    [Fact]
    public async Task Should_render_svg_with_the_vietnamese_text()
    {
        var svg = ReportCharts.Svg(Distribution(stacked: true), 900, 500);
        await File.WriteAllTextAsync(Path.Combine(ExternalTools.ArtifactsDirectory, "bieu-do-phan-loai-xep-chong.svg"), svg, TestContext.Current.CancellationToken);

        svg.ShouldContain("<svg");
        svg.ShouldContain("Kết quả phân loại năm 2018");
        svg.ShouldContain("Hoàn thành xuất sắc");
        svg.ShouldContain("28,3%");
        svg.ShouldContain($"font-family=\"{ReportCharts.FontFamily}, Arial, Helvetica, sans-serif\"");
        svg.ShouldNotContain($"font-family=\"{ReportCharts.FontName}\"");
    }

    [Fact]
    public void Should_refuse_a_series_of_the_wrong_length()
    {
        var chart = new BarChart("x", ["a", "b"], [new ChartSeries("s", [1.0])]);

        Should.Throw<ArgumentException>(() => ReportCharts.Png(chart));
    }
}
