using System.Text.RegularExpressions;
using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using NJsonSchema;

namespace DanVan.Tests.Criteria;

public sealed partial class FormatDocumentationTests
{
    private static readonly string Documentation = File.ReadAllText(Path.Combine(Samples.RepoRoot, "docs", "criteria-format.md"));

    [GeneratedRegex("## A complete example.*?```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static string Example => ExampleBlock().Match(Documentation).Groups["json"].Value;

    private static readonly ScoreEntry[] CommuneEntries =
    [
        new() { CriterionId = "1.1", Level = "dung-han" },
        new() { CriterionId = "1.2", Checked = ["quan-triet", "trien-khai"] },
        new() { CriterionId = "2", Points = 24.5m },
        new() { CriterionId = "3.1", Achieved = 95 },
        new() { CriterionId = "3.2", Achieved = 12, Target = 10 },
        new() { CriterionId = "4", NotApplicable = true },
        new() { CriterionId = "th-1", Count = 2 },
        new() { CriterionId = "tru-1", Count = 1 },
        new() { CriterionId = "th-2", Points = 2, Layer = ScoreLayer.Appraisal },
    ];

    [Fact]
    public async Task Should_document_a_complete_example_that_reads_and_passes_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Samples.SchemaPath);

        Example.ShouldNotBeEmpty();
        CriteriaSetFile.Parse(Example, "criteria-format.md").Refusals.ShouldBeEmpty();
        schema.Validate(Example).ShouldBeEmpty();
    }

    [Fact]
    public void Should_compute_the_documented_example_as_the_documentation_says()
    {
        var set = CriteriaSetFile.Parse(Example, "criteria-format.md").Set!;

        var final = ScoringEngine.Compute(set, new() { Entries = CommuneEntries });
        var claimed = ScoringEngine.Compute(set, new() { Entries = CommuneEntries, UpToLayer = ScoreLayer.Self });
        var afterHt = ScoringEngine.Compute(set, new() { Entries = CommuneEntries, PreviousBand = "HT" });

        final.Criteria["3.2"].Points.ShouldBe(12.5m);
        final.BaseTotal.ShouldBe(76);
        final.ScaledBase.ShouldBe(89.41m);
        final.Bonus.ShouldBe(4);
        final.Deduction.ShouldBe(1);
        final.Total.ShouldBe(92.41m);
        final.Band.ShouldBe("HTXS");
        claimed.Total.ShouldBe(90.41m);
        afterHt.Band.ShouldBe("HTT");
        Documentation.ShouldContain("total 92.41");
        Documentation.ShouldContain("= 90.41");
    }

    [Fact]
    public void Should_document_every_group_code_the_samples_use()
    {
        var codes = Samples.Names.Select(Samples.Load).SelectMany(s => s.AppliesTo).Distinct();

        foreach (var code in codes)
            Documentation.ShouldContain($"| `{code}` |");
    }

    [Fact]
    public void Should_document_every_refusal_of_a_criteria_file_in_both_languages()
    {
        var catalogue = System.Xml.Linq.XDocument.Load(Path.Combine(Samples.RepoRoot, "src", "DanVan", "Criteria", "RefusalMessages.resx"));
        var codes = catalogue.Descendants("data").Select(d => (string)d.Attribute("name")!)
            .Where(c => c is not ("criteria.notFound" or "criteria.versionNotFound")).ToList();

        codes.Count.ShouldBeGreaterThan(50);
        foreach (var code in codes)
        {
            Documentation.ShouldContain($"| `{code}` |");
            DanVan.Refusals.RefusalText.Knows(code).ShouldBeTrue(code);
        }
    }
}
