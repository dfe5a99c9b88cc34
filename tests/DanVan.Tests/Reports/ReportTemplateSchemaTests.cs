using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Reports;
using DanVan.Reports.Templates;
using NJsonSchema;

namespace DanVan.Tests.Reports;

/// <summary>docs/report-template.schema.json against the C# model and <see cref="ReportTemplateFile"/>.</summary>
public sealed class ReportTemplateSchemaTests
{
    private const string QuangBinh = "quang-binh-000.json";

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    /// <summary>docs/report-template.schema.json.</summary>
    public static string SchemaPath => Path.Combine(Repo.Root, "docs", "report-template.schema.json");

    /// <summary>samples/reports.</summary>
    public static string Folder => Path.Combine(Repo.Root, "samples", "reports");

    public static TheoryData<string> Samples => [.. Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string, Type> Objects => new()
    {
        { "#", typeof(ReportTemplate) },
        { "header", typeof(TemplateHeader) },
        { "signer", typeof(TemplateSigner) },
        { "results", typeof(ReportOptions) },
        { "section", typeof(ReportSection) },
        { "part", typeof(ReportPart) },
        { "phrases", typeof(ResultPhrases) },
        { "include", typeof(TemplateContents) },
    };

    public static TheoryData<string, Type> Enums => new()
    {
        { "reportKind", typeof(ReportKind) },
        { "sectionStyle", typeof(SectionStyle) },
    };

    private static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    private static JsonObject Definition(string name) => name == "#" ? Schema : Schema["definitions"]![name]!.AsObject();

    private static IEnumerable<PropertyInfo> FormatProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null);

    private static string JsonName(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    private static string JsonName(ParameterInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name!);

    // Required: C# `required` members, and (RespectRequiredConstructorParameters) a positional record's parameters without a default.
    private static IEnumerable<string> RequiredNames(Type type) =>
        FormatProperties(type)
            .Where(p => p.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute"))
            .Select(JsonName)
            .Concat(type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => !p.HasDefaultValue).Select(JsonName))
            .Distinct(StringComparer.Ordinal);

    private static bool AllowsNull(JsonNode property) =>
        property["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null")
        || property["oneOf"] is JsonArray choices && choices.Any(c => c!["type"]?.GetValue<string>() == "null");

    // The model's own types reachable from ReportTemplate through its properties (list elements included).
    private static HashSet<Type> ModelTypes()
    {
        var seen = new HashSet<Type> { typeof(ReportTemplate) };
        var pending = new Stack<Type>([typeof(ReportTemplate)]);
        while (pending.TryPop(out var type))
        {
            foreach (var p in FormatProperties(type))
            {
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) t = t.GetGenericArguments()[0];
                if (t.Namespace?.StartsWith("DanVan", StringComparison.Ordinal) == true && seen.Add(t)) pending.Push(t);
            }
        }
        return seen;
    }

    [Fact]
    public void Should_describe_every_record_and_enum_the_template_model_reaches()
    {
        var described = Objects.Select(row => row.Data.Item2).Concat(Enums.Select(row => row.Data.Item2));

        described.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(ModelTypes().Select(t => t.Name).Order(StringComparer.Ordinal));
    }

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
            .ShouldBe(RequiredNames(type).Order(StringComparer.Ordinal), type.Name);
        foreach (var p in FormatProperties(type))
            AllowsNull(properties[JsonName(p)]!).ShouldBe(nullability.Create(p).WriteState == NullabilityState.Nullable, $"{type.Name}.{p.Name}");
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Should_list_each_enum_as_the_camel_case_names_the_reader_reads_and_writes(string definition, Type type)
    {
        var names = Definition(definition)["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var written = Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.Serialize(v, type, ReportTemplateFile.Options).Trim('"')).ToList();

        names.ShouldBe(written);
        foreach (var name in names)
            JsonSerializer.Deserialize($"\"{name}\"", type, ReportTemplateFile.Options).ShouldNotBeNull();
    }

    [Fact]
    public void Should_limit_every_text_to_the_readers_maximum()
    {
        var limits = Schema.ToJsonString().Split("\"maxLength\":", StringSplitOptions.None).Skip(1)
            .Select(rest => int.Parse(rest[..rest.IndexOfAny([',', '}'])], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        limits.ShouldNotBeEmpty();
        limits.ShouldAllBe(max => max == ReportTemplateFile.MaxText);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Should_accept_each_sample_in_the_schema_and_the_reader(string name)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        schema.Validate(Text(name)).ShouldBeEmpty(name);
        ReportTemplateFile.Parse(Text(name), fileName: name).IsValid.ShouldBeTrue(name);
    }

    [Fact]
    public async Task Should_accept_what_the_writer_writes()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var sample = ReportTemplateFile.Parse(Text(QuangBinh)).Template!;

        foreach (var template in new[] { ReportTemplate.Standard, sample })
            schema.Validate(ReportTemplateFile.Serialize(template)).ShouldBeEmpty(template.Name);
    }

    [Theory]
    [InlineData("unknown property", "$.results.sections[1].restNun", "\"huyện\"")]
    [InlineData("PascalCase style", "$.results.sections[0].style", "\"Percentages\"")]
    [InlineData("format version 2", "$.formatVersion", "2")]
    [InlineData("too many criteria", "$.results.topCriteria", "21")]
    [InlineData("section without parts", "$.results.sections[0].parts", "[]")]
    [InlineData("blank recipient", "$.recipients[4]", "\"  \"")]
    [InlineData("null header", "$.header", "null")]
    [InlineData("unknown placeholder", "$.results.phrases.notEvaluated", "\"{unit} chưa đánh giá ({district}).\"")]
    public async Task Should_refuse_in_the_schema_and_the_reader_alike(string why, string path, string value)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var node = JsonNode.Parse(Text(QuangBinh), documentOptions: Lenient)!;
        Set(node, path, JsonNode.Parse(value));
        var json = node.ToJsonString(ReportTemplateFile.Options);

        schema.Validate(json).ShouldNotBeEmpty(why);
        ReportTemplateFile.Parse(json, fileName: QuangBinh).IsValid.ShouldBeFalse(why);
    }

    // "$.a[1].b" → sets node["a"][1]["b"]; an index one past the end appends; a missing object on the way is created.
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
            else if (!last) node = node[steps[i]] ??= new JsonObject();
            else node[steps[i]] = value;
        }
    }
}
