using System.Text;
using DanVan.Reports;

namespace DanVan.Tests.Reports;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(7554L, "7.554")]
    [InlineData(1016L, "1.016")]
    [InlineData(622L, "622")]
    [InlineData(0L, "0")]
    [InlineData(-1234567L, "-1.234.567")]
    public void Should_group_thousands_with_dots(long value, string expected) =>
        VietnameseFormat.Number(value).ShouldBe(expected);

    [Theory]
    [InlineData("93.234", 2, "93,23")]
    [InlineData("93.235", 2, "93,24")]
    [InlineData("7554.5", 1, "7.554,5")]
    [InlineData("7554.5", 0, "7.555")]
    [InlineData("85", 2, "85,00")]
    [InlineData("-0.5", 1, "-0,5")]
    public void Should_write_decimals_with_a_comma_at_the_places_asked(string value, int decimals, string expected) =>
        VietnameseFormat.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals).ShouldBe(expected);

    [Fact]
    public void Should_reproduce_the_2017_commune_percentages_of_the_Quang_Binh_report()
    {
        var shares = VietnameseFormat.Percentages([70, 62, 27]);

        shares.Select(s => s.Text).ShouldBe(["44", "39", "17"]);
        shares.Select(s => s.Value).ShouldBe([44.0m, 39.0m, 17.0m]);
        shares.Sum(s => s.Value).ShouldBe(100m);
    }

    [Fact]
    public void Should_reproduce_the_2018_commune_percentages_of_the_Quang_Binh_report()
    {
        var shares = VietnameseFormat.Percentages([89, 45, 25]);

        shares.Select(s => s.Text).ShouldBe(["56", "28,3", "15,7"]);
        shares.Select(s => s.Value).ShouldBe([56.0m, 28.3m, 15.7m]);
        shares.Sum(s => s.Value).ShouldBe(100m);
    }

    [Fact]
    public void Should_give_zero_to_every_part_of_an_empty_whole()
    {
        var shares = VietnameseFormat.Percentages([0, 0, 0]);

        shares.Select(s => s.Text).ShouldBe(["0", "0", "0"]);
        shares.Sum(s => s.Value).ShouldBe(0m);
        VietnameseFormat.Percentages([]).ShouldBeEmpty();
    }

    [Fact]
    public void Should_give_a_single_part_the_whole_hundred()
    {
        VietnameseFormat.Percentages([159]).Single().ShouldBe(new Percentage(100m, "100"));
        VietnameseFormat.Percentages([0, 22, 0]).Select(s => s.Text).ShouldBe(["0", "100", "0"]);
    }

    [Fact]
    public void Should_give_the_remaining_tenth_to_the_earlier_part_on_a_tie()
    {
        VietnameseFormat.Percentages([1, 1, 1]).Select(s => s.Text).ShouldBe(["33,4", "33,3", "33,3"]);
        VietnameseFormat.Percentages([1, 1, 1, 1, 1, 1]).Select(s => s.Text).ShouldBe(["16,7", "16,7", "16,7", "16,7", "16,6", "16,6"]);
    }

    [Fact]
    public void Should_always_add_up_to_exactly_one_hundred()
    {
        var random = new Random(20191105);
        for (var i = 0; i < 500; i++)
        {
            var counts = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(0, 400)).ToArray();
            if (counts.Sum() == 0) continue;
            var shares = VietnameseFormat.Percentages(counts);
            shares.Sum(s => s.Value).ShouldBe(100m, string.Join(",", counts));
            for (var k = 0; k < counts.Length; k++)
                Math.Abs(shares[k].Value - (counts[k] * 100m / counts.Sum())).ShouldBeLessThan(0.1m);
        }
    }

    [Fact]
    public void Should_refuse_a_negative_count() =>
        Should.Throw<ArgumentOutOfRangeException>(() => VietnameseFormat.Percentages([3, -1]));

    [Theory]
    [InlineData("44.0", "44")]
    [InlineData("28.3", "28,3")]
    [InlineData("15.74", "15,7")]
    [InlineData("15.75", "15,8")]
    [InlineData("100", "100")]
    public void Should_drop_a_trailing_comma_zero_from_a_percentage(string value, string expected) =>
        VietnameseFormat.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Theory]
    [InlineData(0, "00")]
    [InlineData(3, "03")]
    [InlineData(9, "09")]
    [InlineData(10, "10")]
    [InlineData(159, "159")]
    [InlineData(1016, "1.016")]
    public void Should_write_counts_below_ten_with_two_digits(int count, string expected) =>
        VietnameseFormat.Count2(count).ShouldBe(expected);

    [Theory]
    [InlineData(9, 22, "09/22")]
    [InlineData(4, 8, "04/08")]
    [InlineData(70, 159, "70/159")]
    [InlineData(19, 22, "19/22")]
    public void Should_write_a_ratio_as_in_the_reports(int part, int whole, string expected) =>
        VietnameseFormat.Ratio(part, whole).ShouldBe(expected);

    [Fact]
    public void Should_write_dates_as_day_month_year() =>
        VietnameseFormat.Date(new DateOnly(2019, 2, 5)).ShouldBe("05/02/2019");

    [Theory]
    [InlineData(2019, 2, 5, "Quảng Bình, ngày 05 tháng 02 năm 2019")]
    [InlineData(2019, 1, 9, "Quảng Bình, ngày 09 tháng 01 năm 2019")]
    [InlineData(2019, 3, 10, "Quảng Bình, ngày 10 tháng 3 năm 2019")]
    [InlineData(2019, 9, 1, "Quảng Bình, ngày 01 tháng 9 năm 2019")]
    [InlineData(2016, 10, 26, "Quảng Bình, ngày 26 tháng 10 năm 2016")]
    [InlineData(2024, 12, 31, "Quảng Bình, ngày 31 tháng 12 năm 2024")]
    public void Should_pad_days_below_ten_and_months_below_three_in_the_place_date_line(int year, int month, int day, string expected) =>
        VietnameseFormat.PlaceDate("Quảng Bình", new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void Should_leave_the_date_blank_when_it_is_not_known() =>
        VietnameseFormat.PlaceDate("Quảng Bình", null).ShouldStartWith("Quảng Bình, ngày ");

    [Fact]
    public void Should_write_document_references_as_the_reports_do()
    {
        VietnameseFormat.DocumentReference("Quyết định", "3367/QĐ-UBND", new DateOnly(2016, 10, 26))
            .ShouldBe("Quyết định số 3367/QĐ-UBND ngày 26/10/2016");
        VietnameseFormat.DocumentReference("Kế hoạch", "46-KH/BCSĐUBND-BDVTU", new DateOnly(2019, 4, 5))
            .ShouldBe("Kế hoạch số 46-KH/BCSĐUBND-BDVTU ngày 05/4/2019");
        VietnameseFormat.DateNd30(new DateOnly(2019, 2, 11)).ShouldBe("11/02/2019");
    }

    [Fact]
    public void Should_join_a_list_with_va()
    {
        VietnameseFormat.JoinList(["TP Đồng Hới", "huyện Quảng Trạch", "huyện Tuyên Hóa"])
            .ShouldBe("TP Đồng Hới, huyện Quảng Trạch và huyện Tuyên Hóa");
        VietnameseFormat.JoinList(["huyện Tuyên Hóa", "huyện Bố Trạch"]).ShouldBe("huyện Tuyên Hóa và huyện Bố Trạch");
        VietnameseFormat.JoinList(["huyện Lệ Thủy"]).ShouldBe("huyện Lệ Thủy");
        VietnameseFormat.JoinList([]).ShouldBe("");
        VietnameseFormat.JoinList(["A", " ", "B"]).ShouldBe("A và B");
    }

    [Fact]
    public void Should_normalise_decomposed_text_to_nfc()
    {
        var decomposed = "Quảng Bình".Normalize(NormalizationForm.FormD);
        decomposed.ShouldNotBe("Quảng Bình");

        VietnameseFormat.Nfc(decomposed).ShouldBe("Quảng Bình");
    }

    [Theory]
    [InlineData("Quảng Bình", "quang binh")]
    [InlineData("ĐỒNG HỚI", "dong hoi")]
    [InlineData("  Sở  Nội\tvụ ", "so noi vu")]
    [InlineData("Hoàn thành xuất sắc", "hoan thanh xuat sac")]
    [InlineData("Ðồng", "dong")]
    public void Should_fold_diacritics_case_and_spaces_for_search(string text, string expected) =>
        VietnameseFormat.Fold(text).ShouldBe(expected);

    [Fact]
    public void Should_compare_and_search_ignoring_diacritics()
    {
        VietnameseFormat.FoldEquals("Nguyễn Văn Đức", "nguyen van duc").ShouldBeTrue();
        VietnameseFormat.FoldEquals("Nguyễn Văn Đức".Normalize(NormalizationForm.FormD), "NGUYỄN VĂN ĐỨC").ShouldBeTrue();
        VietnameseFormat.FoldEquals("Lệ Thủy", "Lệ Thuỷ").ShouldBeTrue();
        VietnameseFormat.FoldEquals("Minh Hóa", "Minh Hải").ShouldBeFalse();
        VietnameseFormat.FoldEquals(null, null).ShouldBeTrue();
        VietnameseFormat.FoldEquals("a", null).ShouldBeFalse();
        VietnameseFormat.FoldContains("UBND thành phố Đồng Hới", "dong hoi").ShouldBeTrue();

        var byName = new Dictionary<string, int>(VietnameseFormat.FoldComparer) { ["Quảng Trạch"] = 1 };
        byName.ContainsKey("quang trach").ShouldBeTrue();
    }
}
