using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using DanVan.Refusals;

namespace DanVan.Criteria;

/// <summary>The result of reading a criteria file: the set, or the refusals (codes <c>criteria.*</c>, each at the file and a JSON path).</summary>
public sealed record CriteriaSetReadResult(CriteriaSet? Set, IReadOnlyList<Refusal> Refusals)
{
    /// <summary>True when the file was read and passed every check.</summary>
    public bool IsValid => Set is not null && Refusals.Count == 0;

    /// <summary>A file that does not exist.</summary>
    public static CriteriaSetReadResult Missing(string fileName) =>
        new(null, [new Refusal("file.missing", new Where { File = fileName })]);
}

/// <summary>Reads and writes criteria sets in the documented JSON format.</summary>
public static class CriteriaSetFile
{
    /// <summary>Options of the format: camelCase, unknown members and misplaced nulls refused, Vietnamese text unescaped.</summary>
    /// <remarks>Defaults and empty lists are left out when writing, except required members, so an exported file holds only what was set and reads back.</remarks>
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
        // A file, never inlined in HTML: write ' < > + & as they are, not \u0027 and the like.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a set from a file and validates it.</summary>
    public static CriteriaSetReadResult Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), Path.GetFileName(path)) : CriteriaSetReadResult.Missing(Path.GetFileName(path));

    /// <summary>Parses JSON text (named <paramref name="fileName"/> in refusals) and validates it.</summary>
    public static CriteriaSetReadResult Parse(string json, string fileName)
    {
        CriteriaSet? set;
        try
        {
            set = JsonSerializer.Deserialize<CriteriaSet>(json.Normalize(System.Text.NormalizationForm.FormC), Options);
        }
        catch (JsonException ex)
        {
            var (code, args) = Describe(ex);
            var where = new Where { File = fileName, Path = ex.Path ?? "$", Row = ex.LineNumber is { } l ? (int)l + 1 : null };
            return new(null, [Refusal.Of(code, where, args)]);
        }

        if (set is null)
            return new(null, [new Refusal("criteria.noSet", new Where { File = fileName, Path = "$" })]);

        var refusals = CriteriaSetValidator.Validate(set).Select(r => r.At(r.Where with { File = fileName })).ToList();
        return new(set, refusals);
    }

    /// <summary>Writes a set as indented JSON.</summary>
    public static string Serialize(CriteriaSet set) => JsonSerializer.Serialize(set, Options);

    private static void WriteRequiredOmitEmptyLists(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            // WhenWritingDefault would drop "type": "points", "min": 0 and a level's "points": 0, all required on reading.
            if (property.IsRequired)
                property.ShouldSerialize = static (_, _) => true;
            else if (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
        }
    }

    private static (string Code, (string, object?)[] Args) Describe(JsonException ex)
    {
        if (ex is JsonRefusalException refused) return (refused.Code, refused.Args);
        // System.Text.Json words its reasons in English and names .NET types; keep only what they mean, as a code.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (Regex.Match(message, "^The property or field '([^']+)' on type '[^']+' doesn't allow setting null values") is { Success: true } isNull)
            return ("criteria.json.null", [("property", isNull.Groups[1].Value)]);
        if (Regex.Match(message, "^JSON deserialization for type '[^']+' was missing required properties including: (.*)\\.$") is { Success: true } missing)
            return ("criteria.json.missingProperties", [("properties", missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal))]);
        if (Regex.Match(message, "^The JSON property '([^']+)' could not be mapped to any .NET member") is { Success: true } unknown)
            return ("criteria.json.unknownProperty", [("property", unknown.Groups[1].Value)]);
        if (Regex.Match(message, "^The JSON value could not be converted to (?:System\\.Nullable`1\\[)?System\\.(\\w+)") is { Success: true } type)
            return (type.Groups[1].Value switch
            {
                "Decimal" => "criteria.json.expectedNumber",
                "Int32" => "criteria.json.expectedWholeNumber",
                "Boolean" => "criteria.json.expectedBoolean",
                "String" => "criteria.json.expectedString",
                "DateOnly" => "criteria.json.expectedDate",
                _ => "criteria.json.expectedOther",
            }, []);
        return ("criteria.json.syntax", []);
    }
}

/// <summary>A JSON reading failure the format's own converters explain, as a refusal code and its arguments.</summary>
internal sealed class JsonRefusalException(string code, params (string, object?)[] args) : JsonException(code)
{
    /// <summary>The refusal code.</summary>
    public string Code { get; } = code;

    /// <summary>The code's arguments.</summary>
    public (string, object?)[] Args { get; } = args;
}
