using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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
    /// <summary>Options of the format: camelCase, unknown members refused, Vietnamese text unescaped.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // "decision": null or "criteria": null is refused at its path instead of failing later in the validator.
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
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

    private static string Describe(JsonException ex)
    {
        // System.Text.Json messages carry the path and line again; keep the reason only.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("could not be converted to DanVan.Criteria.ScoringMethodType", StringComparison.Ordinal))
            return "unknown scoring method; expected one of: points, levels, checklist, ratio, count";
        if (message.Contains("could not be converted to DanVan.Criteria.RuleType", StringComparison.Ordinal))
            return "unknown rule type; expected one of: criterionBelowShare, flag, notSubmitted, maxStepsAbovePrevious, bandShareCap";
        return message;
    }
}
