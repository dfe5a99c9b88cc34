using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using DanVan.Criteria;
using DanVan.Periods;
using DanVan.Refusals;

namespace DanVan.Statistics;

/// <summary>The result of reading a form file: the form, or the refusals (with JSON paths) that refuse it.</summary>
public sealed record FormReadResult(FormDefinition? Form, IReadOnlyList<Refusal> Refusals)
{
    /// <summary>True when the file was read and passed every check; nothing may be stored otherwise.</summary>
    public bool IsValid => Form is not null && Refusals.Count == 0;
}

/// <summary>Reads and writes form definitions in the format of docs/forms-format.md.</summary>
public static partial class FormDefinitionFile
{
    /// <summary>Options of the format: camelCase, unknown members and misplaced nulls refused, Vietnamese text unescaped.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteRequiredOmitEmptyLists } },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new CamelCaseEnumConverter<PeriodKind>() },
    };

    /// <summary>Reads a form from a file and validates it; refusals carry the file name.</summary>
    public static FormReadResult Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses JSON text (named <paramref name="fileName"/> in refusals) and validates it.</summary>
    public static FormReadResult Parse(string json, string? fileName = null)
    {
        FormDefinition? form;
        try
        {
            form = JsonSerializer.Deserialize<FormDefinition>(json.Normalize(System.Text.NormalizationForm.FormC), Options);
        }
        catch (JsonException ex)
        {
            return new(null, [Describe(ex) with { Where = new Where { File = fileName, Path = ex.Path ?? "$", Row = ex.LineNumber is { } l ? (int)l + 1 : null } }]);
        }
        if (form is null) return new(null, [Refusal.Of("forms.empty", new Where { File = fileName, Path = "$" })]);
        var refusals = FormDefinitionValidator.Validate(form)
            .Select(r => r.At(r.Where with { File = fileName })).ToList();
        return new(form, refusals);
    }

    /// <summary>Writes a form as indented JSON that reads back equal.</summary>
    public static string Serialize(FormDefinition form) => JsonSerializer.Serialize(form, Options);

    private static void WriteRequiredOmitEmptyLists(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            // WhenWritingDefault would drop required zeros ("type": "wholeNumber", "daysAfterPeriodEnd": 0).
            if (property.IsRequired)
                property.ShouldSerialize = static (_, _) => true;
            else if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
        }
    }

    // System.Text.Json words its errors in English with .NET type names; map them to codes with arguments.
    private static Refusal Describe(JsonException ex)
    {
        if (ex is JsonRefusalException { Code: var code } refused && (code.EndsWith("Enum", StringComparison.Ordinal) || code.EndsWith("NotString", StringComparison.Ordinal)))
        {
            var args = refused.Args.ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal);
            return Refusal.Of("forms.unknownValue", Where.Request, ("value", args.GetValueOrDefault("value") ?? ""), ("expected", args.GetValueOrDefault("expected")));
        }
        var message = ex.Message;
        if (NullPattern().Match(message) is { Success: true } isNull)
            return Refusal.Of("forms.nullValue", Where.Request, ("name", isNull.Groups[1].Value));
        if (MissingPattern().Match(message) is { Success: true } missing)
            return Refusal.Of("forms.missingProperty", Where.Request, ("names", missing.Groups[1].Value));
        if (UnknownPattern().Match(message) is { Success: true } unknown)
            return Refusal.Of("forms.unknownProperty", Where.Request, ("name", unknown.Groups[1].Value));
        if (TypePattern().Match(message) is { Success: true } type)
            return Refusal.Of("forms.wrongJsonType", Where.Request, ("expected", type.Groups[1].Value));
        return Refusal.Of("forms.syntax", Where.Request);
    }

    [GeneratedRegex("^The property or field '([^']+)' on type '[^']+' doesn't allow setting null values")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^JSON deserialization for type '[^']+' was missing required properties including: (.*)\\.")]
    private static partial Regex MissingPattern();

    [GeneratedRegex("^The JSON property '([^']+)' could not be mapped to any .NET member")]
    private static partial Regex UnknownPattern();

    [GeneratedRegex("^The JSON value could not be converted to (?:System\\.Nullable`1\\[)?System\\.(\\w+)")]
    private static partial Regex TypePattern();
}
