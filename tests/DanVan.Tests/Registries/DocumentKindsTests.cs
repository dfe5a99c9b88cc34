using DanVan.Registries;
using DanVan.Reports;

namespace DanVan.Tests.Registries;

/// <summary>The kind of a document read from its number and symbol, as the reports cite what a unit issued.</summary>
public sealed class DocumentKindsTests
{
    [Theory]
    [InlineData("31/KH-UBND", "Kế hoạch")]
    [InlineData("16-KH/BDVHU-UBND", "Kế hoạch")] // the Party's order: number-kind/issuer
    [InlineData("14-KH/BDV&UBND", "Kế hoạch")]
    [InlineData("436/QĐ-UBND", "Quyết định")]
    [InlineData("436/QÐ-UBND", "Quyết định")] // Đ typed as the Icelandic Eth (U+00D0), as Word documents often carry it
    [InlineData("1527/BC-SNV", "Báo cáo")]
    [InlineData("02/CTr-UBND", "Chương trình")]
    [InlineData("503/UBND", "Công văn")] // a Công văn carries its issuer only
    [InlineData("486/UBND-VX", "Công văn")]
    [InlineData("826/SNV-XDCQ", "Công văn")]
    [InlineData("12", "Công văn")]
    public void Should_read_the_kind_from_the_symbol(string number, string kind) => DocumentKinds.FromNumber(number).ShouldBe(kind);

    [Fact]
    public void Should_read_nothing_from_a_blank_number() => DocumentKinds.FromNumber("  ").ShouldBeNull();

    [Theory]
    [InlineData("việc báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND", "Kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND")]
    [InlineData("Báo cáo kết quả triển khai công tác dân vận", "Kết quả triển khai công tác dân vận")]
    [InlineData("việc triển khai Kết luận số 114-KL/TW", "Triển khai Kết luận số 114-KL/TW")]
    public void Should_make_a_request_title_the_reports_summary(string title, string summary) => ReportDocuments.SummaryOf(title).ShouldBe(summary);
}
