using System.Text.RegularExpressions;
using DanVan.Refusals;
using DanVan.Tests.Criteria;

namespace DanVan.Tests.Refusals;

/// <summary>Every refusal code written in the source (core, demo, CLI, web) is worded in English and Vietnamese.</summary>
public sealed partial class RefusalCatalogueTests
{
    [GeneratedRegex("""(?:Refusal\.Of|RefusedException|ApiProblems\.Invalid|new Refusal)\(\s*"([a-z]+\.[A-Za-z]+)"[,)]""")]
    private static partial Regex CodeUse();

    [Fact]
    public void Every_code_used_in_src_is_worded_in_both_languages()
    {
        var codes = Directory.EnumerateFiles(Path.Combine(Samples.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CodeUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        codes.ShouldContain("period.groupsTaken");
        codes.ShouldContain("cli.unknownProvider");
        codes.ShouldContain("request.pageSize");
        codes.Where(c => !RefusalText.Knows(c)).ShouldBeEmpty();
    }
}
