using System.Text.Json.Nodes;
using DanVan.Refusals;
using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

public sealed class FormDefinitionFileTests
{
    [Theory]
    [MemberData(nameof(FormSamples.All), MemberType = typeof(FormSamples))]
    public void Should_read_each_sample_and_write_it_back_unchanged(string name)
    {
        var form = FormSamples.Load(name);
        var again = FormDefinitionFile.Parse(FormDefinitionFile.Serialize(form), name);

        again.IsValid.ShouldBeTrue(string.Join(Environment.NewLine, again.Refusals));
        FormDefinitionFile.Serialize(again.Form!).ShouldBe(FormDefinitionFile.Serialize(form));
        JsonNode.DeepEquals(JsonNode.Parse(FormDefinitionFile.Serialize(form)), JsonNode.Parse(FormSamples.Text(name))).ShouldBeTrue(name);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        // why, expected code, expected path
        { "unknown type", "forms.unknownValue", "$.indicators[0].type" },
        { "unknown aggregation", "forms.unknownValue", "$.indicators[0].aggregation" },
        { "rule naming an unknown indicator", "forms.unknownIndicator", "$.rules[0].expression" },
        { "formula naming an unknown indicator", "forms.unknownIndicator", "$.indicators[2].formula" },
        { "cycle between computed indicators", "forms.cycle", "$.indicators[2].formula" },
        { "ratio without a denominator", "forms.ratioWithoutDenominator", "$.indicators[5].denominator" },
        { "duplicate indicator code", "forms.duplicateCode", "$.indicators[1].code" },
        { "duplicate rule code", "forms.duplicateCode", "$.rules[1].code" },
        { "aggregation on a computed indicator", "forms.computedAggregation", "$.indicators[2].aggregation" },
        { "no aggregation on a typed indicator", "forms.aggregationMissing", "$.indicators[0].aggregation" },
        { "count of yes on a number", "forms.aggregationType", "$.indicators[0].aggregation" },
        { "layout naming an unknown indicator", "forms.unknownIndicator", "$.sections[1].columns[1].indicator" },
        { "unknown property", "forms.unknownProperty", "$.indicators[0]" },
        { "formula that does not parse", "forms.formulaSyntax", "$.indicators[2].formula" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Should_refuse_a_bad_form_file_at_the_json_path_with_a_worded_code(string why, string code, string path)
    {
        var result = FormSamples.Broken(FormSamples.SixMonths, node => Break(why, node));

        result.IsValid.ShouldBeFalse(why);
        result.Refusals.ShouldContain(r => r.Code == code && r.Where.Path!.StartsWith(path, StringComparison.Ordinal),
            $"{why}: {string.Join("; ", result.Refusals.Select(r => $"{r.Code} at {r.Where.Path}"))}");
        result.Refusals.ShouldAllBe(r => r.Where.File == FormSamples.SixMonths);
        RefusalText.Render(result.Refusals[0], RefusalText.Vietnamese).ShouldNotBe(result.Refusals[0].Code);
    }

    private static void Break(string why, JsonNode node)
    {
        var indicators = node["indicators"]!.AsArray();
        switch (why)
        {
            case "unknown type": indicators[0]!["type"] = "money"; break;
            case "unknown aggregation": indicators[0]!["aggregation"] = "median"; break;
            case "rule naming an unknown indicator": node["rules"]![0]!["expression"] = "resolved <= recieved"; break;
            case "formula naming an unknown indicator": indicators[2]!["formula"] = "100 * solved / received"; break;
            case "cycle between computed indicators":
                indicators[2]!["formula"] = "100 * resolved / doubled";
                indicators.Add(new JsonObject { ["code"] = "doubled", ["name"] = "x", ["type"] = "decimal", ["formula"] = "resolvedRate * 2" });
                break;
            case "ratio without a denominator": indicators[5]!.AsObject().Remove("denominator"); break;
            case "duplicate indicator code": indicators[1]!["code"] = "received"; break;
            case "duplicate rule code": node["rules"]![1]!["code"] = "resolvedWithinReceived"; break;
            case "aggregation on a computed indicator": indicators[2]!["aggregation"] = "sum"; break;
            case "no aggregation on a typed indicator": indicators[0]!.AsObject().Remove("aggregation"); break;
            case "count of yes on a number": indicators[0]!["aggregation"] = "countYes"; break;
            case "layout naming an unknown indicator": node["sections"]![1]!["columns"]![1]!["indicator"] = "budgett"; break;
            case "unknown property": indicators[0]!["weigth"] = "households"; break;
            case "formula that does not parse": indicators[2]!["formula"] = "100 * (resolved / received"; break;
            default: throw new ArgumentException(why);
        }
    }

    [Fact]
    public void Should_word_every_forms_code_the_core_emits_in_both_languages()
    {
        var source = string.Concat(Directory.GetFiles(Path.Combine(DanVan.Tests.Criteria.Samples.RepoRoot, "src", "DanVan", "Statistics"), "*.cs").Select(File.ReadAllText));
        var codes = System.Text.RegularExpressions.Regex.Matches(source, "\"(forms\\.[A-Za-z]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        codes.Count.ShouldBeGreaterThan(30);
        codes.Where(c => !RefusalText.Knows(c)).ShouldBeEmpty();
    }

    [Fact]
    public void Should_give_each_level_its_deadline_after_the_data_window()
    {
        var form = FormSamples.Load(FormSamples.Appendix001);
        var period = DanVan.Periods.ReportingPeriod.Annual(2018);

        form.DeadlineFor(period, DanVan.OrgUnits.OrgUnitKind.District).ShouldBe(new DateOnly(2018, 12, 19));
        form.DeadlineFor(period, DanVan.OrgUnits.OrgUnitKind.ProvincialAgency).ShouldBeNull();
    }
}

public sealed class FormsFormatDocumentationTests
{
    [Fact]
    public void Should_show_a_complete_example_that_reads_without_refusal()
    {
        var doc = File.ReadAllText(Path.Combine(DanVan.Tests.Criteria.Samples.RepoRoot, "docs", "forms-format.md"));
        var start = doc.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var result = FormDefinitionFile.Parse(json, "forms-format.md");

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Refusals));
        result.Form!.Rules.ShouldContain(r => r.Severity == RuleSeverity.Warning);
        result.Form.Indicators.ShouldContain(i => i.IsComputed);
        result.Form.Indicators.ShouldContain(i => i.Aggregation == Aggregation.RatioOfSums);
    }
}
