using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Refusals;

namespace DanVan.Tests.Criteria;

public sealed class CriteriaSetValidationTests
{
    private const string QuangBinh = "quang-binh-3140-2022-01.json";
    private const string QuangNam = "quang-nam-1094-2024.json";

    private static JsonArray Bands(JsonNode set) => set["classification"]!["bands"]!.AsArray();

    private static JsonArray Rules(JsonNode set) => set["classification"]!["rules"]!.AsArray();

    private static void ShouldBeRefusedAt(CriteriaSetReadResult result, string path, string reason)
    {
        result.IsValid.ShouldBeFalse();
        result.Refusals.ShouldContain(e => e.Where.Path == path && RefusalText.Render(e, RefusalText.English).Contains(reason, StringComparison.OrdinalIgnoreCase),
            $"expected an error at {path} ({reason}); got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Refusals)}");
    }

    [Fact]
    public void Should_refuse_an_unknown_scoring_method_naming_its_path_and_the_known_ones()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![1]!["method"]!["type"] = "stars");

        result.Set.ShouldBeNull();
        var error = result.Refusals.ShouldHaveSingleItem();
        error.File.ShouldBe(QuangBinh);
        error.Path.ShouldStartWith("$.criteria[1].method.type");
        error.Code.ShouldBe("criteria.json.unknownEnum");
        error.Message.ShouldBe("Unknown scoring method type 'stars'; expected one of: points, levels, checklist, ratio, count.");
        DanVan.Refusals.RefusalText.Render(error, DanVan.Refusals.RefusalText.Vietnamese)
            .ShouldBe("Giá trị 'stars' không hợp lệ; chỉ nhận: points, levels, checklist, ratio, count.");
    }

    [Theory]
    [InlineData("\"Points\"")]
    [InlineData("0")]
    [InlineData("\"3\"")]
    [InlineData("\"levels, checklist\"")]
    public void Should_refuse_a_scoring_method_not_written_as_its_camel_case_name(string written)
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![1]!["method"]!["type"] = JsonNode.Parse(written));

        result.Refusals.ShouldHaveSingleItem().Path.ShouldStartWith("$.criteria[1].method.type");
    }

    [Fact]
    public void Should_refuse_an_unknown_rule_type()
    {
        var result = Samples.Broken(QuangNam, s => Rules(s)[0]!["type"] = "alwaysExcellent");

        result.Refusals.ShouldHaveSingleItem().Path.ShouldStartWith("$.classification.rules[0].type");
        result.Refusals[0].Message.ShouldContain("expected one of: criterionBelowShare, flag, notSubmitted, maxStepsAbovePrevious, bandShareCap");
    }

    [Fact]
    public void Should_refuse_children_whose_maxima_do_not_add_up_to_the_parent()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![0]!["children"]![1]!["maxPoints"] = 9);

        ShouldBeRefusedAt(result, "$.criteria[0].children", "the children's maxima add up to 14, not the parent's 15");
    }

    [Fact]
    public void Should_refuse_top_level_maxima_that_do_not_add_up_to_the_set()
    {
        var result = Samples.Broken(QuangBinh, s => s["maxPoints"] = 90);

        ShouldBeRefusedAt(result, "$.maxPoints", "the criteria's maxima add up to 100, not 90");
    }

    [Fact]
    public void Should_refuse_overlapping_bands()
    {
        var result = Samples.Broken(QuangBinh, s => Bands(s)[1]!["below"] = 95);

        ShouldBeRefusedAt(result, "$.classification.bands[1].below", "band overlaps 'HTXS'");
    }

    [Fact]
    public void Should_refuse_bands_not_sorted_from_highest_to_lowest()
    {
        var result = Samples.Broken(QuangBinh, s =>
        {
            var bands = Bands(s);
            var first = bands[0]!;
            bands.RemoveAt(0);
            bands.Insert(1, first);
        });

        ShouldBeRefusedAt(result, "$.classification.bands[1].min", "bands must be sorted from highest to lowest");
    }

    [Fact]
    public void Should_refuse_bands_that_leave_a_gap()
    {
        var result = Samples.Broken(QuangBinh, s => Bands(s)[2]!["below"] = 65);

        ShouldBeRefusedAt(result, "$.classification.bands[2].below", "gap between 65 and 70 ('HTT')");
    }

    [Fact]
    public void Should_refuse_a_lowest_band_that_does_not_start_at_zero()
    {
        var result = Samples.Broken(QuangBinh, s => Bands(s)[3]!["min"] = 10);

        ShouldBeRefusedAt(result, "$.classification.bands[3].min", "the lowest band must start at 0");
    }

    [Fact]
    public void Should_refuse_duplicate_criterion_ids_across_the_tree_and_bonus()
    {
        var result = Samples.Broken(QuangNam, s =>
        {
            s["criteria"]![0]!["children"]![1]!["id"] = "1.1";
            s["bonus"]![0]!["id"] = "2";
        });

        ShouldBeRefusedAt(result, "$.criteria[0].children[1].id", "duplicate id '1.1' (first at $.criteria[0].children[0])");
        ShouldBeRefusedAt(result, "$.bonus[0].id", "duplicate id '2' (first at $.criteria[1])");
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    public void Should_refuse_a_maximum_that_is_not_positive(int max)
    {
        var result = Samples.Broken(QuangNam, s => s["deductions"]![0]!["maxPoints"] = max);

        ShouldBeRefusedAt(result, "$.deductions[0].maxPoints", $"maxPoints must be greater than 0 (found {max})");
    }

    [Fact]
    public void Should_refuse_a_rule_naming_a_criterion_that_does_not_exist()
    {
        var result = Samples.Broken(QuangBinh, s => Rules(s)[0]!["criteria"] = new JsonArray("1", "99"));

        ShouldBeRefusedAt(result, "$.classification.rules[0].criteria[1]", "no criterion '99' in this set");
    }

    [Theory]
    [InlineData("capAt")]
    [InlineData("setTo")]
    public void Should_refuse_a_rule_naming_a_missing_band(string action)
    {
        var result = Samples.Broken(QuangBinh, s =>
        {
            var rule = Rules(s)[0]!.AsObject();
            rule.Remove("capAt");
            rule[action] = "XUAT-SAC";
        });

        ShouldBeRefusedAt(result, $"$.classification.rules[0].{action}", "no band 'XUAT-SAC'");
    }

    [Fact]
    public void Should_refuse_a_share_cap_on_a_missing_band()
    {
        var result = Samples.Broken(QuangNam, s => Rules(s)[3]!["band"] = "TOT");

        ShouldBeRefusedAt(result, "$.classification.rules[3].band", "no band 'TOT'");
    }

    [Fact]
    public void Should_refuse_a_flag_rule_naming_an_undeclared_flag()
    {
        var result = Samples.Broken(QuangNam, s => Rules(s)[2]!["flag"] = "vi-pham");

        ShouldBeRefusedAt(result, "$.classification.rules[2].flag", "no flag 'vi-pham' in $.flags");
    }

    [Fact]
    public void Should_refuse_setting_not_eligible_without_its_label()
    {
        var result = Samples.Broken("bac-kan-1878-2017.json", s => s["classification"]!.AsObject().Remove("notEligibleLabel"));

        ShouldBeRefusedAt(result, "$.classification.rules[0].setTo", "needs classification.notEligibleLabel");
    }

    [Fact]
    public void Should_refuse_a_rule_with_both_or_neither_action()
    {
        var both = Samples.Broken(QuangBinh, s => Rules(s)[0]!["setTo"] = "KHT");
        var neither = Samples.Broken(QuangBinh, s => Rules(s)[0]!.AsObject().Remove("capAt"));

        ShouldBeRefusedAt(both, "$.classification.rules[0]", "give exactly one of capAt or setTo");
        ShouldBeRefusedAt(neither, "$.classification.rules[0]", "give exactly one of capAt or setTo");
    }

    [Fact]
    public void Should_refuse_an_action_on_a_rule_that_moves_the_class_by_itself()
    {
        var result = Samples.Broken("tay-ninh-1563-2022.json", s => Rules(s)[1]!["capAt"] = "HTT");

        ShouldBeRefusedAt(result, "$.classification.rules[1]", "a maxStepsAbovePrevious rule moves the class by itself");
    }

    [Fact]
    public void Should_refuse_a_min_count_larger_than_the_criteria_looked_at()
    {
        var result = Samples.Broken("quang-binh-3140-2022-02.json", s => Rules(s)[0]!["minCount"] = 7);

        ShouldBeRefusedAt(result, "$.classification.rules[0].minCount", "minCount 7 is more than the 6 criteria looked at");
    }

    [Fact]
    public void Should_refuse_a_field_of_another_method()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![1]!["method"]!["target"] = 100);

        ShouldBeRefusedAt(result, "$.criteria[1].method.target", "'target' belongs to the ratio method, not points");
    }

    [Fact]
    public void Should_refuse_a_field_of_another_rule_type()
    {
        var result = Samples.Broken(QuangNam, s =>
        {
            Rules(s)[2]!["steps"] = 1;
            Rules(s)[0]!["minCount"] = 0;
        });

        ShouldBeRefusedAt(result, "$.classification.rules[2].steps", "'steps' belongs to maxStepsAbovePrevious rules, not flag");
        ShouldBeRefusedAt(result, "$.classification.rules[0].minCount", "'minCount' belongs to criterionBelowShare rules, not notSubmitted");
    }

    [Fact]
    public void Should_refuse_a_step_that_does_not_divide_the_maximum()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![1]!["method"]!["step"] = 2);

        ShouldBeRefusedAt(result, "$.criteria[1].method.step", "step must be greater than 0 and divide the maximum 15");
    }

    [Fact]
    public void Should_refuse_checklist_items_that_do_not_add_up_to_the_maximum()
    {
        var result = Samples.Broken(QuangNam, s => s["criteria"]![0]!["children"]![1]!["method"]!["items"]![0]!["points"] = 1);

        ShouldBeRefusedAt(result, "$.criteria[0].children[1].method.items", "the items add up to 5, not the criterion's maximum 6");
    }

    [Fact]
    public void Should_refuse_a_level_worth_more_than_the_maximum()
    {
        var result = Samples.Broken(QuangNam, s => s["criteria"]![9]!["method"]!["levels"]![0]!["points"] = 12);

        ShouldBeRefusedAt(result, "$.criteria[9].method.levels[0].points", "level points must be within [0, 10] (found 12)");
    }

    [Fact]
    public void Should_refuse_a_leaf_without_a_method_and_a_parent_with_one()
    {
        var result = Samples.Broken(QuangBinh, s =>
        {
            s["criteria"]![1]!.AsObject().Remove("method");
            s["criteria"]![0]!["method"] = new JsonObject { ["type"] = "points" };
        });

        ShouldBeRefusedAt(result, "$.criteria[1].method", "a criterion without children needs a scoring method");
        ShouldBeRefusedAt(result, "$.criteria[0].method", "a criterion with children is scored by them");
    }

    [Fact]
    public void Should_refuse_an_unknown_property_naming_its_path()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![2]!["weight"] = 2);

        var error = result.Refusals.ShouldHaveSingleItem();
        error.Path.ShouldStartWith("$.criteria[2]");
        error.Code.ShouldBe("criteria.json.unknownProperty");
        error.Message.ShouldBe("Unknown property 'weight'.");
    }

    [Fact]
    public void Should_refuse_null_where_the_format_needs_a_value()
    {
        var property = Samples.Broken(QuangBinh, s => s["decision"]!["number"] = null);
        var element = Samples.Broken(QuangBinh, s => s["criteria"]!.AsArray().Add(null));

        property.Refusals.ShouldHaveSingleItem().Path.ShouldStartWith("$.decision.number");
        property.Refusals[0].Message.ShouldBe("'number' must not be null.");
        ShouldBeRefusedAt(element, "$.criteria[6]", "null is not allowed here");
    }

    [Fact]
    public void Should_refuse_a_missing_required_property()
    {
        var result = Samples.Broken(QuangBinh, s => s["criteria"]![1]!.AsObject().Remove("maxPoints"));

        var error = result.Refusals.ShouldHaveSingleItem();
        error.Path.ShouldStartWith("$.criteria[1]");
        error.Message.ShouldContain("Missing required properties: maxPoints");
    }

    [Fact]
    public void Should_refuse_a_date_not_written_as_an_iso_date()
    {
        var result = Samples.Broken(QuangBinh, s => s["decision"]!["date"] = "15/11/2022");

        var error = result.Refusals.ShouldHaveSingleItem();
        error.Path.ShouldStartWith("$.decision.date");
        error.Code.ShouldBe("criteria.json.expectedDate");
    }

    [Fact]
    public void Should_report_the_line_of_malformed_json()
    {
        var lines = Samples.Text(QuangBinh).Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("\"maxPoints\": 100", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("100,", "100", StringComparison.Ordinal);

        var result = CriteriaSetFile.Parse(string.Join('\n', lines), QuangBinh);

        result.Set.ShouldBeNull();
        var error = result.Refusals.ShouldHaveSingleItem();
        error.Where.Row.ShouldBe(at + 2);
        error.File.ShouldBe(QuangBinh);
        DanVan.Refusals.RefusalText.Place(error.Where, DanVan.Refusals.RefusalText.Vietnamese).ShouldStartWith($"{QuangBinh}, dòng {at + 2}, $");
    }

    [Fact]
    public void Should_refuse_a_file_holding_null()
    {
        CriteriaSetFile.Parse("null", "x.json").Refusals.ShouldHaveSingleItem().Code.ShouldBe("criteria.noSet");
    }
}
