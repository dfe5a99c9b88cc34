namespace DanVan.Tests;

public sealed class TableFileTests
{
    [Theory]
    [InlineData("7.5", 7.5)]
    [InlineData("7,5", 7.5)]
    [InlineData(" 7,25 ", 7.25)]
    [InlineData("-1", -1)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("100", 100)]
    public void Should_read_numbers_written_either_way(string text, double expected)
    {
        TableFile.TryParseNumber(text, out var value).ShouldBeTrue();
        value.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3,4,5")]
    [InlineData("7.5đ")]
    public void Should_refuse_what_is_not_a_number(string text) => TableFile.TryParseNumber(text, out _).ShouldBeFalse();

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
}
