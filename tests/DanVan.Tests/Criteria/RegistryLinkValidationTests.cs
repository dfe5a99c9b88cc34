using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Refusals;
using DanVan.Registries;

namespace DanVan.Tests.Criteria;

/// <summary>A criterion naming a registry figure: the reader refuses what cannot be checked, each at its JSON path.</summary>
public sealed class RegistryLinkValidationTests
{
    private const string QuangBinh = "quang-binh-3140-2022-01.json";

    private static CriteriaSetReadResult With(string criterionPath, string registry) =>
        Samples.Broken(QuangBinh, s =>
        {
            var node = s;
            foreach (var step in criterionPath.Split('/')) node = int.TryParse(step, out var i) ? node[i]! : node[step]!;
            node["registry"] = JsonNode.Parse(registry);
        });

    [Fact]
    public void Should_read_a_criterion_checked_against_a_figure_and_one_taking_its_value()
    {
        var result = Samples.Broken(QuangBinh, s =>
        {
            s["criteria"]![0]!["children"]![0]!["registry"] = JsonNode.Parse("""{ "figure": "receptions.periodic.byHead" }""");
            s["criteria"]![3]!["children"]![0]!["registry"] = JsonNode.Parse("""{ "figure": "petitions.resolutionRate", "atLeast": 90 }""");
            s["criteria"]![3]!["children"]![1]!["registry"] = JsonNode.Parse("""{ "figure": "dialogues.held", "takeValue": true }""");
        });

        result.Refusals.ShouldBeEmpty();
        var set = result.Set!;
        set.FindCriterion("4.1")!.Registry.ShouldBe(new RegistryLink { Figure = "petitions.resolutionRate", AtLeast = 90 });
        set.FindCriterion("4.2")!.Registry!.TakeValue.ShouldBeTrue();
        CriteriaSetFile.Parse(CriteriaSetFile.Serialize(set), QuangBinh).Set!.FindCriterion("4.2")!.Registry.ShouldBe(set.FindCriterion("4.2")!.Registry);
    }

    [Fact]
    public void Should_refuse_an_unknown_figure_with_its_path_in_both_languages()
    {
        var result = With("criteria/3/children/0", """{ "figure": "receptions.periodicByHead", "atLeast": 12 }""");

        var refusal = result.Refusals.ShouldHaveSingleItem();
        refusal.Code.ShouldBe("criteria.unknownFigure");
        refusal.Where.Path.ShouldBe("$.criteria[3].children[0].registry.figure");
        refusal.Where.File.ShouldBe(QuangBinh);
        RefusalText.Render(refusal, RefusalText.Vietnamese).ShouldBe("Không có sổ nào cho số liệu 'receptions.periodicByHead'.");
        RefusalText.Render(refusal, RefusalText.English).ShouldBe("No registry gives the figure 'receptions.periodicByHead'.");
    }

    [Theory]
    [InlineData("criteria/3", """{ "figure": "receptions.visits" }""", "$.criteria[3].registry", "criteria.registryOnParent")]
    [InlineData("criteria/3/children/0", """{ "figure": "receptions.visits", "atLeast": 12, "atMost": 20 }""", "$.criteria[3].children[0].registry", "criteria.registryOneExpectation")]
    [InlineData("criteria/3/children/0", """{ "figure": "receptions.visits", "atLeast": 0 }""", "$.criteria[3].children[0].registry.atLeast", "criteria.registryBoundOutOfRange")]
    [InlineData("criteria/3/children/0", """{ "figure": "petitions.resolutionRate", "atLeast": 120 }""", "$.criteria[3].children[0].registry.atLeast", "criteria.registryBoundOutOfRange")]
    [InlineData("criteria/3/children/0", """{ "figure": "receptions.visits", "expect": true }""", "$.criteria[3].children[0].registry.expect", "criteria.registryExpectationShape")]
    [InlineData("criteria/3/children/0", """{ "figure": "receptions.visits", "takeValue": true, "atLeast": 3 }""", "$.criteria[3].children[0].registry", "criteria.registryTakeValueAndExpectation")]
    [InlineData("criteria/1", """{ "figure": "receptions.visits", "takeValue": true }""", "$.criteria[1].registry.takeValue", "criteria.registryTakeValueMethod")]
    public void Should_refuse_a_link_that_cannot_be_checked(string at, string registry, string path, string code)
    {
        var result = With(at, registry);

        result.Refusals.ShouldContain(r => r.Code == code && r.Where.Path == path, string.Join("; ", result.Refusals));
        RefusalText.Knows(code).ShouldBeTrue();
    }

    [Fact]
    public void Should_word_every_catalogued_figure_in_both_languages()
    {
        foreach (var code in RegistryFigures.Catalogue.Keys)
            FigureNames.Knows(code).ShouldBeTrue(code);
    }
}
