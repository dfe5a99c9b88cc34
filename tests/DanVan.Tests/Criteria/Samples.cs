using System.Text.Json.Nodes;
using DanVan.Criteria;

namespace DanVan.Tests.Criteria;

/// <summary>The shipped sample criteria sets and the JSON Schema, found from the repository root.</summary>
public static class Samples
{
    /// <summary>The folder holding DanVan.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>samples/criteria.</summary>
    public static string Folder => Path.Combine(RepoRoot, "samples", "criteria");

    /// <summary>docs/criteria-set.schema.json.</summary>
    public static string SchemaPath => Path.Combine(RepoRoot, "docs", "criteria-set.schema.json");

    /// <summary>File names of every shipped sample.</summary>
    public static IReadOnlyList<string> Names =>
        [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Sample names as theory data.</summary>
    public static TheoryData<string> All => [.. Names];

    /// <summary>The text of a sample.</summary>
    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>A sample read and validated; fails the test when it has errors.</summary>
    public static CriteriaSet Load(string name)
    {
        var result = CriteriaSetFile.Read(Path.Combine(Folder, name));
        result.Refusals.ShouldBeEmpty(string.Join(Environment.NewLine, result.Refusals));
        return result.Set!;
    }

    /// <summary>A sample's JSON changed by <paramref name="edit"/>, then parsed and validated.</summary>
    public static CriteriaSetReadResult Broken(string name, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Text(name))!;
        edit(node);
        return CriteriaSetFile.Parse(node.ToJsonString(CriteriaSetFile.Options), name);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no DanVan.slnx above {AppContext.BaseDirectory}");
    }
}
