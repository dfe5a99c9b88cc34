using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DanVan.Criteria;
using DanVan.Refusals;

namespace DanVan.Reports.Templates;

/// <summary>The result of reading a template file: the template, or the refusals (with JSON paths) that refuse it.</summary>
public sealed record TemplateReadResult(ReportTemplate? Template, IReadOnlyList<Refusal> Refusals)
{
    /// <summary>True when the file was read and passed every check.</summary>
    public bool IsValid => Template is not null && Refusals.Count == 0;
}

/// <summary>Reads and writes report templates in the format of docs/report-template-format.md.</summary>
public static partial class ReportTemplateFile
{
    /// <summary>Longest accepted text of one field (a phrase, a title, a recipient), in characters.</summary>
    public const int MaxText = 500;

    /// <summary>Options of the format: camelCase, unknown members refused, Vietnamese text unescaped.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new CamelCaseEnumConverter<SectionStyle>(), new CamelCaseEnumConverter<ReportKind>() },
    };

    /// <summary>Parses JSON text (named <paramref name="fileName"/> in refusals) and checks it against the scope's group codes.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="groupCodes">The groups the template may name; null skips that check.</param>
    /// <param name="fileName">The file's name for refusals.</param>
    public static TemplateReadResult Parse(string json, IReadOnlyCollection<string>? groupCodes = null, string? fileName = null)
    {
        ReportTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<ReportTemplate>(json.Normalize(System.Text.NormalizationForm.FormC), Options);
        }
        catch (JsonException ex)
        {
            return new(null, [Describe(ex).At(new Where { File = fileName, Path = ex.Path ?? "$", Row = ex.LineNumber is { } l ? (int)l + 1 : null })]);
        }
        if (template is null) return new(null, [Refusal.Of("reports.templateEmpty", new Where { File = fileName, Path = "$" })]);
        var refusals = Check(template, groupCodes).Select(r => r.At(r.Where with { File = fileName })).ToList();
        return new(template, refusals);
    }

    /// <summary>Writes a template as indented JSON that reads back equal.</summary>
    public static string Serialize(ReportTemplate template) => JsonSerializer.Serialize(template, Options);

    /// <summary>Every problem of a template, located by JSON path; <paramref name="groupCodes"/> null skips the group check.</summary>
    public static IReadOnlyList<Refusal> Check(ReportTemplate template, IReadOnlyCollection<string>? groupCodes = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<Refusal>();
        void Text(string? value, string path, bool required = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) problems.Add(Refusal.Of("reports.templateRequired", Where.AtPath(path)));
            else if (value is { Length: > MaxText }) problems.Add(Refusal.Of("reports.templateTooLong", Where.AtPath(path), ("max", MaxText)));
        }

        if (template.FormatVersion != 1) problems.Add(Refusal.Of("reports.templateFormatVersion", Where.AtPath("$.formatVersion"), ("version", template.FormatVersion)));
        Text(template.Name, "$.name", required: true);
        Text(template.Summary, "$.summary");
        Text(template.Header.GoverningBody, "$.header.governingBody");
        Text(template.Header.Issuer, "$.header.issuer");
        Text(template.Header.Symbol, "$.header.symbol");
        Text(template.Header.Place, "$.header.place");
        Text(template.Signer.Position, "$.signer.position");
        Text(template.Signer.Name, "$.signer.name");
        for (var i = 0; i < template.Signer.Authority.Count; i++) Text(template.Signer.Authority[i], $"$.signer.authority[{i}]", required: true);
        for (var i = 0; i < template.Recipients.Count; i++) Text(template.Recipients[i], $"$.recipients[{i}]", required: true);

        var results = template.Results;
        if (results.NamedListThreshold is < 0 or > 1000)
            problems.Add(Refusal.Of("reports.templateRange", Where.AtPath("$.results.namedListThreshold"), ("min", 0), ("max", 1000)));
        if (results.TopCriteria is < 0 or > 20)
            problems.Add(Refusal.Of("reports.templateRange", Where.AtPath("$.results.topCriteria"), ("min", 0), ("max", 20)));
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var s = 0; s < results.Sections.Count; s++)
        {
            var section = results.Sections[s];
            var at = $"$.results.sections[{s}]";
            Text(section.Title, at + ".title", required: true);
            foreach (var (name, value) in new[] { ("countNoun", section.CountNoun), ("restNoun", section.RestNoun), ("ownLevel", section.OwnLevel), ("memberLevel", section.MemberLevel) })
                Text(value, $"{at}.{name}", required: true);
            if (section.Parts.Count == 0) problems.Add(Refusal.Of("reports.templateNoParts", Where.AtPath(at + ".parts")));
            for (var p = 0; p < section.Parts.Count; p++)
            {
                var part = section.Parts[p];
                var partAt = $"{at}.parts[{p}]";
                Text(part.Noun, partAt + ".noun", required: true);
                if (string.IsNullOrWhiteSpace(part.GroupCode))
                    problems.Add(Refusal.Of("reports.templateRequired", Where.AtPath(partAt + ".groupCode")));
                else if (used.TryGetValue(part.GroupCode, out var first))
                    problems.Add(Refusal.Of("reports.templateGroupTwice", Where.AtPath(partAt + ".groupCode"), ("group", part.GroupCode), ("first", first)));
                else if (groupCodes is not null && !groupCodes.Contains(part.GroupCode))
                    problems.Add(Refusal.Of("reports.templateUnknownGroup", Where.AtPath(partAt + ".groupCode"), ("group", part.GroupCode), ("known", string.Join(", ", groupCodes.Order(StringComparer.Ordinal)))));
                if (!string.IsNullOrWhiteSpace(part.GroupCode)) used.TryAdd(part.GroupCode, partAt);
            }
        }
        foreach (var (name, text) in results.Phrases.All())
        {
            var at = $"$.results.phrases.{name}";
            Text(text, at, required: true);
            foreach (Match m in Placeholder().Matches(text ?? ""))
            {
                if (!ResultPhrases.Placeholders.Contains(m.Groups[1].Value))
                    problems.Add(Refusal.Of("reports.templatePlaceholder", Where.AtPath(at), ("name", "{" + m.Groups[1].Value + "}"), ("known", "{unit}, {ownLevel}, {memberLevel}, {count}")));
            }
        }
        return problems;
    }

    // System.Text.Json words its errors in English with .NET type names; map them to codes with arguments.
    private static Refusal Describe(JsonException ex)
    {
        if (ex is JsonRefusalException { Code: var code } refused && (code.EndsWith("Enum", StringComparison.Ordinal) || code.EndsWith("NotString", StringComparison.Ordinal)))
        {
            var args = refused.Args.ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal);
            return Refusal.Of("reports.templateUnknownValue", Where.Request, ("value", args.GetValueOrDefault("value") ?? ""), ("expected", args.GetValueOrDefault("expected")));
        }
        var message = ex.Message;
        if (MissingPattern().Match(message) is { Success: true } missing)
            return Refusal.Of("reports.templateMissingProperty", Where.Request, ("names", missing.Groups[1].Value));
        if (UnknownPattern().Match(message) is { Success: true } unknown)
            return Refusal.Of("reports.templateUnknownProperty", Where.Request, ("name", unknown.Groups[1].Value));
        if (NullPattern().IsMatch(message) || TypePattern().IsMatch(message))
            return Refusal.Of("reports.templateWrongType", Where.Request);
        return Refusal.Of("reports.templateSyntax", Where.Request);
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^The property or field '([^']+)' on type '[^']+' doesn't allow setting null values|^The constructor parameter '([^']+)' on type '[^']+' doesn't allow null values")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^JSON deserialization for type '[^']+' was missing required properties including: (.*)\\.")]
    private static partial Regex MissingPattern();

    [GeneratedRegex("^The JSON property '([^']+)' could not be mapped to any .NET member")]
    private static partial Regex UnknownPattern();

    [GeneratedRegex("^The JSON value could not be converted to")]
    private static partial Regex TypePattern();
}
