using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Demo;

namespace DanVan.Tests.Criteria;

public sealed class CriteriaSetFileTests
{
    public static TheoryData<string> DemoSets => [DemoCriteria.AgenciesKey, DemoCriteria.LocalKey];

    private static CriteriaSet Demo(string key) => key == DemoCriteria.AgenciesKey ? DemoCriteria.Agencies() : DemoCriteria.LocalGovernments();

    [Theory]
    [MemberData(nameof(DemoSets))]
    public void Should_read_back_what_it_writes_including_required_values_equal_to_their_default(string key)
    {
        var json = CriteriaSetFile.Serialize(Demo(key));
        var node = JsonNode.Parse(json)!;
        node["classification"]!["bands"]![3]!["min"]!.GetValue<decimal>().ShouldBe(0);
        json.ShouldContain("\"type\": \"Points\"");

        var read = CriteriaSetFile.Parse(json, $"{key}.json");
        read.Refusals.ShouldBeEmpty();
        CriteriaSetFile.Serialize(read.Set!).ShouldBe(json);
        new DanVan.Criteria.StoredCriteriaSet { Key = key, Name = "x", DecisionNumber = "x", Json = json, ContentHash = "" }.Parse().Id.ShouldBe(key);
    }

    [Theory]
    [InlineData("decision", "$.decision")]
    [InlineData("criteria", "$.criteria")]
    [InlineData("classification", "$.classification")]
    public void Should_locate_a_null_instead_of_failing(string member, string path)
    {
        var node = JsonNode.Parse(CriteriaSetFile.Serialize(DemoCriteria.Agencies()))!;
        node[member] = null;
        var read = CriteriaSetFile.Parse(node.ToJsonString(), "set.json");
        read.IsValid.ShouldBeFalse();
        read.Refusals.ShouldHaveSingleItem().Path.ShouldStartWith(path);
    }

    [Fact]
    public void Should_locate_a_null_inside_an_array()
    {
        var node = JsonNode.Parse(CriteriaSetFile.Serialize(DemoCriteria.Agencies()))!;
        node["criteria"]![0]!["children"]![0]!["method"]!["levels"]!.AsArray().Add(null);
        node["classification"]!["bands"]!.AsArray().Insert(0, null);
        var read = CriteriaSetFile.Parse(node.ToJsonString(), "set.json");
        read.Refusals.Select(e => (e.Code, e.Where.Key)).ShouldBe(
        [
            ("criteria.nullElement", "file:set.json/$.classification.bands[0]"),
            ("criteria.nullElement", "file:set.json/$.criteria[0].children[0].method.levels[3]"),
        ], ignoreOrder: true);
    }
}
