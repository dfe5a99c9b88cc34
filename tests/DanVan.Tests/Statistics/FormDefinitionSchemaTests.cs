using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Criteria;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Statistics;
using NJsonSchema;

namespace DanVan.Tests.Statistics;

public sealed class FormDefinitionSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(FormSamples.SchemaPath))!.AsObject();

    public static TheoryData<string, Type> Objects => new()
    {
        { "#", typeof(FormDefinition) },
        { "documentRef", typeof(DocumentRef) },
        { "sourceNotes", typeof(SourceNotes) },
        { "deadline", typeof(FormDeadline) },
        { "indicator", typeof(Indicator) },
        { "rule", typeof(FormRule) },
        { "section", typeof(FormSection) },
        { "column", typeof(FormColumn) },
    };

    public static TheoryData<string, Type> Enums => new()
    {
        { "periodKind", typeof(PeriodKind) },
        { "level", typeof(OrgUnitKind) },
        { "indicatorType", typeof(IndicatorType) },
        { "aggregation", typeof(Aggregation) },
        { "severity", typeof(RuleSeverity) },
    };

    private static JsonObject Definition(string name) => name == "#" ? Schema : Schema["definitions"]![name]!.AsObject();

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
    public void Should_list_each_enum_as_the_camel_case_names_the_reader_accepts(string definition, Type type)
    {
        var names = Definition(definition)["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var converter = (JsonConverter)Activator.CreateInstance(typeof(CamelCaseEnumConverter<>).MakeGenericType(type))!;
        var options = new JsonSerializerOptions(FormDefinitionFile.Options) { Converters = { converter } };
        var written = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, options).Trim('"')).ToList();

        names.ShouldBe(written);
    }

    [Theory]
    [MemberData(nameof(FormSamples.All), MemberType = typeof(FormSamples))]
    public async Task Should_accept_each_sample_in_the_schema(string name)
    {
        var schema = await JsonSchema.FromFileAsync(FormSamples.SchemaPath);

        schema.Validate(FormSamples.Text(name)).ShouldBeEmpty(name);
    }

    [Theory]
    [InlineData("unknown property", "$.indicators[0].weigth", "\"households\"")]
    [InlineData("unknown type", "$.indicators[0].type", "\"money\"")]
    [InlineData("unknown aggregation", "$.indicators[0].aggregation", "\"median\"")]
    [InlineData("unknown severity", "$.rules[0].severity", "\"fatal\"")]
    [InlineData("unknown period kind", "$.periodKind", "\"week\"")]
    [InlineData("format version 2", "$.formatVersion", "2")]
    [InlineData("negative deadline", "$.deadlines[0].daysAfterPeriodEnd", "-1")]
    [InlineData("bad indicator code", "$.indicators[0].code", "\"số đơn\"")]
    public async Task Should_refuse_in_the_schema_and_the_reader_alike(string why, string path, string value)
    {
        var schema = await JsonSchema.FromFileAsync(FormSamples.SchemaPath);
        var node = JsonNode.Parse(FormSamples.Text(FormSamples.SixMonths))!;
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var parent = steps[..^1].Aggregate(node, (n, s) => s.StartsWith('[') ? n[int.Parse(s.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]! : n[s]!);
        parent[steps[^1]] = JsonNode.Parse(value);
        var json = node.ToJsonString(FormDefinitionFile.Options);

        schema.Validate(json).ShouldNotBeEmpty(why);
        FormDefinitionFile.Parse(json).IsValid.ShouldBeFalse(why);
    }
}
