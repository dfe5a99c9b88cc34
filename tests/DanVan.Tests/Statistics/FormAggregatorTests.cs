using DanVan.OrgUnits;
using DanVan.Statistics;

namespace DanVan.Tests.Statistics;

public sealed class FormAggregatorTests
{
    private static readonly FormDefinition Form = FormSamples.Load(FormSamples.SixMonths);

    private static readonly FormUnit[] Units =
    [
        new("province", null, OrgUnitKind.Province, []),
        new("district", "province", OrgUnitKind.District, ["huyen"]),
        new("commune-a", "district", OrgUnitKind.Commune, ["xa-phuong"]),
        new("commune-b", "district", OrgUnitKind.Commune, ["xa-phuong"]),
        new("commune-c", "district", OrgUnitKind.Commune, ["xa-phuong"]),
        new("agency", "province", OrgUnitKind.ProvincialAgency, ["so-nganh"]),
    ];

    private static FormValues Values(decimal received, decimal resolved, decimal households, decimal poor, decimal satisfaction, bool model, decimal budget) => FormValues.Of(
        ("received", new NumberValue(received)), ("resolved", new NumberValue(resolved)),
        ("households", new NumberValue(households)), ("poorHouseholds", new NumberValue(poor)),
        ("satisfaction", new NumberValue(satisfaction)), ("hasDialogueModel", new YesNoValue(model)), ("budget", new NumberValue(budget)));

    private static readonly Dictionary<string, FormValues> Submitted = new()
    {
        ["district"] = Values(10, 10, 0, 0, 90, false, 1.25m),
        ["commune-a"] = Values(30, 27, 1000, 100, 80, true, 0.5m),
        ["commune-b"] = Values(60, 45, 3000, 60, 60, true, 0.25m),
    };

    [Fact]
    public void Should_aggregate_a_district_as_its_own_figures_plus_its_communes_by_each_rule()
    {
        var scope = FormAggregator.Aggregate(Form, Units, Submitted, "district");
        string Cell(string code) => StatisticsFormat.Cell(Form.Find(code)!, scope.Values.GetValueOrDefault(code));

        Cell("received").ShouldBe("100");
        Cell("resolved").ShouldBe("82");
        Cell("resolvedRate").ShouldBe("82%");      // recomputed from the sums, not averaged
        Cell("poorRate").ShouldBe("4%");           // 160 / 4.000 households: ratio of sums
        Cell("satisfaction").ShouldBe("65%");      // weighted by households: (80×1000 + 60×3000) / 4000
        Cell("hasDialogueModel").ShouldBe("2");     // count of yes
        Cell("budget").ShouldBe("2");              // 1,25 + 0,5 + 0,25
    }

    [Fact]
    public void Should_count_expected_and_submitted_units_of_the_groups_that_owe_the_form()
    {
        var district = FormAggregator.Aggregate(Form, Units, Submitted, "district");
        var province = FormAggregator.Aggregate(Form, Units, Submitted, "province");

        district.Completeness.ShouldBe(new Completeness(4, 3));
        district.Completeness.Percent.ShouldBe(75m);
        province.Completeness.ShouldBe(new Completeness(4, 3)); // the agency is not in the groups that fill the form
        FormAggregator.Aggregate(Form, Units, Submitted, "commune-c").Values.ShouldBeEmpty();
    }

    [Fact]
    public void Should_sum_both_parts_of_a_ratio_up_the_hierarchy()
    {
        var form = FormSamples.Load(FormSamples.Appendix001);
        var units = new[] { new FormUnit("d", null, OrgUnitKind.District, []), new FormUnit("x", "d", OrgUnitKind.Commune, []), new FormUnit("y", "d", OrgUnitKind.Commune, []) };
        var values = new Dictionary<string, FormValues>
        {
            ["x"] = FormValues.Of(("ntmScope", new RatioValue(1, 1)), ("ntmCommunes", new NumberValue(1))),
            ["y"] = FormValues.Of(("ntmScope", new RatioValue(0, 1)), ("ntmCommunes", new NumberValue(0))),
        };

        var scope = FormAggregator.Aggregate(form, units, values, "d");

        StatisticsFormat.Row(form, form.Sections[0], scope.Values).ShouldBe(["", "1/2", "1", "100%"]);
    }
}
