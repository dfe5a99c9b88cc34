using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

public sealed class StatisticsFormatTests
{
    private static Indicator Of(IndicatorType type, int? decimals = null) => new() { Code = "x", Name = "x", Type = type, Aggregation = Aggregation.Sum, Decimals = decimals };

    [Theory]
    [InlineData(IndicatorType.WholeNumber, null, 1306, null, "1.306")]
    [InlineData(IndicatorType.WholeNumber, null, 2, 2, "02")]
    [InlineData(IndicatorType.WholeNumber, null, 0, null, "0")]
    [InlineData(IndicatorType.WholeNumber, null, 7554, 2, "7.554")]
    [InlineData(IndicatorType.Decimal, null, 93.234, null, "93,23")]
    [InlineData(IndicatorType.Decimal, null, 1.5, null, "1,5")]
    [InlineData(IndicatorType.Percentage, null, 44.03, null, "44%")]
    [InlineData(IndicatorType.Percentage, null, 28.30, null, "28,3%")]
    [InlineData(IndicatorType.Percentage, null, 57.6923, null, "57,7%")]
    [InlineData(IndicatorType.Percentage, 2, 3.43, null, "3,43%")]
    [InlineData(IndicatorType.Percentage, null, 100, null, "100%")]
    public void Should_write_numbers_the_vietnamese_way(IndicatorType type, int? decimals, double value, int? minDigits, string expected) =>
        StatisticsFormat.Cell(Of(type, decimals), new NumberValue((decimal)value), minDigits).ShouldBe(expected);

    [Fact]
    public void Should_write_ratios_yes_no_dates_and_missing_values()
    {
        StatisticsFormat.Cell(Of(IndicatorType.Ratio), new RatioValue(26, 27)).ShouldBe("26/27");
        StatisticsFormat.Cell(Of(IndicatorType.YesNo), new YesNoValue(true)).ShouldBe("Có");
        StatisticsFormat.Cell(Of(IndicatorType.Date), new DateValue(new DateOnly(2018, 10, 30))).ShouldBe("30/10/2018");
        StatisticsFormat.Cell(Of(IndicatorType.WholeNumber), null).ShouldBe("");
    }
}
