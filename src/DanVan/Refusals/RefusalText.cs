using System.Globalization;
using System.Resources;
using System.Text;

namespace DanVan.Refusals;

/// <summary>
/// Words refusals in Vietnamese or English from the resource catalogues: each capability folder holds its own
/// <c>RefusalMessages.resx</c> (English) and <c>RefusalMessages.vi.resx</c>, one entry per code, arguments named in
/// braces, e.g. <c>{value} is outside [0, {max}]</c>; entries <c>field.NAME</c> word a field's name in a location.
/// Codes start with the capability's prefix, so catalogues never clash.
/// </summary>
/// <remarks>Numbers and dates in arguments are written in the reader's culture (vi: 0,5 and dd/MM/yyyy).</remarks>
public static class RefusalText
{
    /// <summary>vi-VN, the default of every surface.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>English (invariant wording with en-GB numbers).</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly ResourceManager[] Catalogues = typeof(RefusalText).Assembly.GetManifestResourceNames()
        .Where(n => n.EndsWith(".RefusalMessages.resources", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new ResourceManager(n[..^".resources".Length], typeof(RefusalText).Assembly))
        .ToArray();

    /// <summary>Picks Vietnamese or English from a language tag or an Accept-Language value; Vietnamese when unsure.</summary>
    public static CultureInfo CultureFor(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return Vietnamese;
        foreach (var part in language.Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            if (tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase)) return Vietnamese;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return English;
        }
        return Vietnamese;
    }

    private static readonly HashSet<string> IdentifierArgs = new(["year", "id", "unit", "period", "group", "set"], StringComparer.Ordinal);

    /// <summary>True when the catalogue words <paramref name="code"/> (tests check every code the core emits).</summary>
    public static bool Knows(string code) => Lookup(code, CultureInfo.InvariantCulture) is not null &&
        Lookup(code, Vietnamese) is { } vi && vi != Lookup(code, CultureInfo.InvariantCulture);

    private static string? Lookup(string code, CultureInfo culture) =>
        Catalogues.Select(c => c.GetString(code, culture)).FirstOrDefault(s => s is not null);

    /// <summary>The refusal's sentence in <paramref name="culture"/>; the code itself when the catalogue lacks it.</summary>
    public static string Render(Refusal refusal, CultureInfo culture)
    {
        var template = Lookup(refusal.Code, IsVietnamese(culture) ? Vietnamese : CultureInfo.InvariantCulture) ?? refusal.Code;
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i && refusal.Args.TryGetValue(template[(i + 1)..close], out var value))
            {
                // A field named in the arguments is worded like a location's field (field.NAME), when the catalogue knows it.
                if (template[(i + 1)..close] == "field" && value is string name
                    && Lookup("field." + name, IsVietnamese(culture) ? Vietnamese : CultureInfo.InvariantCulture) is { } word)
                    value = word;
                // Years and ids are names, not quantities: "năm 2024", "đơn vị 9999", never "2.024".
                text.Append(value is int id && IdentifierArgs.Contains(template[(i + 1)..close])
                    ? id.ToString(CultureInfo.InvariantCulture)
                    : Format(value, culture));
                i = close;
            }
            else text.Append(template[i]);
        }
        return text.ToString();
    }

    /// <summary>The sentence prefixed by its location (<c>row 3, column points: …</c>), for CLI lines and logs.</summary>
    public static string RenderWithPlace(Refusal refusal, CultureInfo culture)
    {
        var place = Place(refusal.Where, culture);
        var text = Render(refusal, culture);
        return place.Length == 0 ? text : $"{place}: {text}";
    }

    /// <summary>The location in words: file, sheet, row, column, path, criterion, field.</summary>
    public static string Place(Where where, CultureInfo culture)
    {
        var vi = IsVietnamese(culture);
        var parts = new List<string>(5);
        if (where.File is not null) parts.Add(where.File);
        if (where.Sheet is not null) parts.Add((vi ? "trang tính " : "sheet ") + where.Sheet);
        if (where.Row is { } r) parts.Add((vi ? "dòng " : "row ") + r.ToString(CultureInfo.InvariantCulture));
        if (where.Column is not null) parts.Add((vi ? "cột " : "column ") + where.Column);
        if (where.Path is not null) parts.Add(where.Path);
        if (where.Criterion is not null) parts.Add((vi ? "tiêu chí " : "criterion ") + where.Criterion);
        if (where.Field is not null) parts.Add(Lookup("field." + where.Field, vi ? Vietnamese : CultureInfo.InvariantCulture) ?? where.Field);
        return string.Join(", ", parts);
    }

    private static bool IsVietnamese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "vi";

    private static string Format(object? value, CultureInfo culture) => value switch
    {
        null => "",
        decimal d => d.ToString(IsVietnamese(culture) ? "#,##0.####" : "0.####", culture),
        double d => d.ToString("0.####", culture),
        int or long => ((IFormattable)value).ToString(IsVietnamese(culture) ? "#,##0" : "0", culture),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, culture) ?? "",
    };
}
