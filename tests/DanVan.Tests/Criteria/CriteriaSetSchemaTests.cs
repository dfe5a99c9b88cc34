using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Criteria;
using NJsonSchema;

namespace DanVan.Tests.Criteria;

public sealed class CriteriaSetSchemaTests
{
    private const string QuangNam = "quang-nam-1094-2024.json";

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Samples.SchemaPath))!.AsObject();

    public static TheoryData<string, Type> Objects => new()
    {
        { "#", typeof(CriteriaSet) },
        { "documentRef", typeof(DocumentRef) },
        { "sourceNotes", typeof(SourceNotes) },
        { "criterion", typeof(Criterion) },
        { "scoringMethod", typeof(ScoringMethod) },
        { "registryLink", typeof(RegistryLink) },
        { "level", typeof(Level) },
        { "checklistItem", typeof(ChecklistItem) },
        { "flagDefinition", typeof(FlagDefinition) },
        { "classification", typeof(Classification) },
        { "band", typeof(Band) },
        { "rule", typeof(ClassificationRule) },
    };

    public static TheoryData<string, Type> Enums => new()
    {
        { "scoredBy", typeof(ScoredBy) },
        { "scoringMethodType", typeof(ScoringMethodType) },
        { "ruleType", typeof(RuleType) },
    };

    private static JsonObject Definition(string name) =>
        name == "#" ? Schema : Schema["definitions"]![name]!.AsObject();

    private static IEnumerable<PropertyInfo> FormatProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null);

    private static string JsonName(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    private static bool AllowsNull(JsonNode property) =>
        property["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null")
        || property["oneOf"] is JsonArray choices && choices.Any(c => c!["type"]?.GetValue<string>() == "null");

    [Theory]
    [MemberData(nameof(Objects))]
    public void Should_describe_each_record_with_the_same_properties_as_the_csharp_model(string definition, Type type)
    {
        var schema = Definition(definition);
        var properties = schema["properties"]!.AsObject();
        var nullability = new NullabilityInfoContext();

        schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        properties.Select(p => p.Key).Order(StringComparer.Ordinal)
            .ShouldBe(FormatProperties(type).Select(JsonName).Order(StringComparer.Ordinal), type.Name);
        (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(FormatProperties(type).Where(p => p.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute")).Select(JsonName).Order(StringComparer.Ordinal), type.Name);
        foreach (var p in FormatProperties(type))
            AllowsNull(properties[JsonName(p)]!).ShouldBe(nullability.Create(p).WriteState == NullabilityState.Nullable, $"{type.Name}.{p.Name}");
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Should_list_each_enum_as_the_camel_case_names_the_converter_reads_and_writes(string definition, Type type)
    {
        var names = Definition(definition)["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var written = Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.Serialize(v, type, CriteriaSetFile.Options).Trim('"')).ToList();

        names.ShouldBe(written);
        foreach (var name in names)
            JsonSerializer.Deserialize($"\"{name}\"", type, CriteriaSetFile.Options).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("unknown property", "$.criteria[0].weight", "2")]
    [InlineData("PascalCase method", "$.criteria[1].method.type", "\"Ratio\"")]
    [InlineData("numeric method", "$.criteria[1].method.type", "3")]
    [InlineData("unknown rule type", "$.classification.rules[0].type", "\"always\"")]
    [InlineData("negative maximum", "$.criteria[4].maxPoints", "-5")]
    [InlineData("null number", "$.decision.number", "null")]
    [InlineData("null in a list", "$.criteria[10]", "null")]
    [InlineData("date as written in Vietnamese", "$.decision.date", "\"07/5/2024\"")]
    [InlineData("reserved band code", "$.classification.bands[3].code", "\"not-eligible\"")]
    [InlineData("format version 2", "$.formatVersion", "2")]
    public async Task Should_refuse_in_the_schema_and_the_reader_alike(string why, string path, string value)
    {
        var schema = await JsonSchema.FromFileAsync(Samples.SchemaPath);
        var node = JsonNode.Parse(Samples.Text(QuangNam))!;
        Set(node, path, JsonNode.Parse(value));
        var json = node.ToJsonString(CriteriaSetFile.Options);

        schema.Validate(json).ShouldNotBeEmpty(why);
        CriteriaSetFile.Parse(json, QuangNam).IsValid.ShouldBeFalse(why);
    }

    // "$.a[1].b" → sets node["a"][1]["b"]; an index one past the end appends.
    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        for (var i = 0; i < steps.Length; i++)
        {
            var last = i == steps.Length - 1;
            if (steps[i].StartsWith('['))
            {
                var array = node.AsArray();
                var index = int.Parse(steps[i].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture);
                if (!last) node = array[index]!;
                else if (index == array.Count) array.Add(value);
                else array[index] = value;
            }
            else if (!last) node = node[steps[i]]!;
            else node[steps[i]] = value;
        }
    }
}
