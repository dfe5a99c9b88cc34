using DanVan.Reports;

namespace DanVan.Tests.Reports;

public sealed class ReportFileNamesTests
{
    [Theory]
    [InlineData("bao-cao-dvcq", 2018, "UBND tỉnh Quảng Bình", "docx", "bao-cao-dvcq-2018-tinh-quang-binh.docx")]
    [InlineData("bao-cao-dvcq", 2018, "UBND huyện Lệ Thủy", ".XLSX", "bao-cao-dvcq-2018-huyen-le-thuy.xlsx")]
    [InlineData("so-lieu-quy-2", 2024, "Sở Nội vụ", "xlsx", "so-lieu-quy-2-2024-so-noi-vu.xlsx")]
    [InlineData("ho-so-danh-gia", 2018, "", "xlsx", "ho-so-danh-gia-2018.xlsx")]
    [InlineData("tu-danh-gia", 2018, "UBND xã Đồng Trạch (huyện Bố Trạch)", "docx", "tu-danh-gia-2018-xa-dong-trach-huyen-bo-trach.docx")]
    public void Should_name_a_file_by_kind_year_and_unit_in_folded_vietnamese(string kind, int year, string unit, string extension, string expected) =>
        ReportFileNames.For(kind, year, unit, extension).ShouldBe(expected);
}
