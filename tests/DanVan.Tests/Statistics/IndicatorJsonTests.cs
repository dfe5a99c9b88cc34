using System.Text.Json;
using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

/// <summary>Indicator values in the API's JSON: typed JSON must fit the indicator; strings are read as people type them.</summary>
public sealed class IndicatorJsonTests
{
    private static readonly FormDefinition Form = FormSamples.Load(FormSamples.Appendix001);

    private static (IndicatorValue? Value, string? Code) Read(string code, string json)
    {
        var (value, refusal) = IndicatorJson.Read(Form.Find(code)!, JsonDocument.Parse(json).RootElement);
        return (value, refusal?.Code);
    }

    [Fact]
    public void Should_take_json_numbers_ratios_and_vietnamese_strings()
    {
        Read("receptions", "342").ShouldBe((new NumberValue(342), null));
        Read("receptions", "\"1.306\"").ShouldBe((new NumberValue(1306), null));
        Read("poorRate", "\"3,43\"").ShouldBe((new NumberValue(3.43m), null));
        Read("ntmScope", """{ "n": 26, "N": 27 }""").ShouldBe((new RatioValue(26, 27), null));
        Read("ntmScope", "\"26/27\"").ShouldBe((new RatioValue(26, 27), null));
        Read("receptions", "null").ShouldBe((null, null));
    }

    [Fact]
    public void Should_refuse_json_of_the_wrong_type_at_the_indicator()
    {
        Read("receptions", "true").Code.ShouldBe("forms.valueWrongType");
        Read("ntmScope", "26").Code.ShouldBe("forms.valueWrongType");
        Read("ntmScope", """{ "n": 26 }""").Code.ShouldBe("forms.valueUnreadable");
        Read("receptions", "\"mười\"").Code.ShouldBe("forms.valueUnreadable");
        IndicatorJson.AtJson(IndicatorJson.Read(Form.Find("receptions")!, JsonDocument.Parse("[1]").RootElement).Refusal!).Where.Key.ShouldBe("$.values.receptions");
    }

    [Fact]
    public void Should_write_what_it_reads_and_print_every_section_with_its_headers()
    {
        IndicatorJson.Write(new NumberValue(342.0000m))!.ToJsonString().ShouldBe("342");
        IndicatorJson.Write(new RatioValue(26, 27))!.ToJsonString().ShouldBe("""{"n":26,"N":27}""");
        var section = Form.Sections[0];
        StatisticsFormat.Headers(Form, section).Count.ShouldBe(StatisticsFormat.Cells(Form, section, new Dictionary<string, IndicatorValue>()).Count);
        var list = new FormSection { Title = "Danh sách", Indicators = ["receptions", "poorRate"] };
        StatisticsFormat.Cells(Form, list, new Dictionary<string, IndicatorValue> { ["receptions"] = new NumberValue(1306), ["poorRate"] = new NumberValue(3.43m) })
            .ShouldBe(["1.306", "3,43%"]);
        StatisticsFormat.Headers(Form, list).ShouldBe(["Số cuộc tiếp dân định kỳ và đột xuất", "Tỷ lệ hộ nghèo"]);
    }
}
