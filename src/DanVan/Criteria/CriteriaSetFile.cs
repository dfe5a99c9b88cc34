using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace DanVan.Criteria;

/// <summary>A located problem in a criteria file: the file, the JSON path and the reason.</summary>
public sealed record CriteriaSetError(string File, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>The result of reading a criteria file: the set, or the errors that refuse it.</summary>
public sealed record CriteriaSetReadResult(CriteriaSet? Set, IReadOnlyList<CriteriaSetError> Errors)
{
    /// <summary>True when the file was read and passed every check.</summary>
    public bool IsValid => Set is not null && Errors.Count == 0;
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
    public static CriteriaSetReadResult Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses JSON text (named <paramref name="fileName"/> in errors) and validates it.</summary>
    public static CriteriaSetReadResult Parse(string json, string fileName)
    {
        CriteriaSet? set;
        try
        {
            set = JsonSerializer.Deserialize<CriteriaSet>(json.Normalize(System.Text.NormalizationForm.FormC), Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path ?? "$";
            var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
            return new(null, [new(fileName, where + line, Describe(ex))]);
        }

        if (set is null)
            return new(null, [new(fileName, "$", "the file holds no criteria set")]);

        var errors = CriteriaSetValidator.Validate(set).Select(e => new CriteriaSetError(fileName, e.Path, e.Message)).ToList();
        return new(set, errors);
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

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages carry the path and line again and name .NET types; keep the reason in the format's words.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (Regex.Match(message, "^The property or field '([^']+)' on type '[^']+' doesn't allow setting null values") is { Success: true } isNull)
            return $"'{isNull.Groups[1].Value}' must not be null";
        if (Regex.Match(message, "^JSON deserialization for type '[^']+' was missing required properties including: (.*)\\.$") is { Success: true } missing)
            return $"missing required properties: {missing.Groups[1].Value}";
        if (Regex.Match(message, "^The JSON property '([^']+)' could not be mapped to any .NET member") is { Success: true } unknown)
            return $"unknown property '{unknown.Groups[1].Value}'";
        if (Regex.Match(message, "^The JSON value could not be converted to (?:System\\.Nullable`1\\[)?System\\.(\\w+)") is { Success: true } type)
            return $"expected {Expected(type.Groups[1].Value)}";
        return message;
    }

    private static string Expected(string type) => type switch
    {
        "Decimal" => "a number",
        "Int32" => "a whole number",
        "Boolean" => "true or false",
        "String" => "a string",
        "DateOnly" => "a date written yyyy-MM-dd",
        _ => $"a value of type {type}",
    };
}
