using System.Text.Json.Nodes;
using DanVan.Statistics;
using DanVan.Tests.Criteria;

namespace DanVan.Tests.Statistics;

/// <summary>The shipped sample forms and the form JSON Schema.</summary>
public static class FormSamples
{
    /// <summary>The 001 appendix (Nga Sơn 2018).</summary>
    public const string Appendix001 = "thanh-hoa-dvcq-phu-luc-2018.json";

    /// <summary>The six-monthly sample.</summary>
    public const string SixMonths = "tiep-dan-6-thang.json";

    /// <summary>samples/forms.</summary>
    public static string Folder => Path.Combine(Samples.RepoRoot, "samples", "forms");

    /// <summary>docs/form-definition.schema.json.</summary>
    public static string SchemaPath => Path.Combine(Samples.RepoRoot, "docs", "form-definition.schema.json");

    /// <summary>Every sample as theory data.</summary>
    public static TheoryData<string> All => [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The text of a sample.</summary>
    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>A sample read and validated; fails the test when refused.</summary>
    public static FormDefinition Load(string name)
    {
        var result = FormDefinitionFile.Read(Path.Combine(Folder, name));
        result.Refusals.ShouldBeEmpty(string.Join(Environment.NewLine, result.Refusals));
        return result.Form!;
    }

    /// <summary>A sample's JSON changed by <paramref name="edit"/>, then parsed and validated.</summary>
    public static FormReadResult Broken(string name, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Text(name))!;
        edit(node);
        return FormDefinitionFile.Parse(node.ToJsonString(FormDefinitionFile.Options), name);
    }
}
