using System.Globalization;
using System.Resources;
using DanVan.Statistics;

namespace DanVan.Registries;

/// <summary>
/// Registry figures in words, Vietnamese or English: what a figure counts ("buổi tiếp công dân định kỳ do người đứng đầu
/// chủ trì") and which registry holds it ("sổ tiếp công dân"), from <c>FigureNames.resx</c>. A figure not worded there
/// (a registry added later) reads as its code, so nothing breaks while its wording is missing.
/// </summary>
public static class FigureNames
{
    private static readonly ResourceManager Names = new("DanVan.Registries.FigureNames", typeof(FigureNames).Assembly);

    private static CultureInfo Pick(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "vi" ? CultureInfo.GetCultureInfo("vi") : CultureInfo.InvariantCulture;

    /// <summary>True when both languages word the figure (tests check every catalogued figure).</summary>
    public static bool Knows(string code) =>
        Names.GetString(code, CultureInfo.InvariantCulture) is { } en
        && Names.GetString(code, CultureInfo.GetCultureInfo("vi")) is { } vi && vi != en;

    /// <summary>What the figure counts, e.g. "buổi tiếp công dân định kỳ do người đứng đầu chủ trì"; the code when not worded.</summary>
    public static string Name(string code, CultureInfo culture) => Names.GetString(code, Pick(culture)) ?? code;

    /// <summary>The registry that holds the figure (by the code's first part), e.g. "sổ tiếp công dân".</summary>
    public static string Registry(string code, CultureInfo culture)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var key = "registry." + (dot > 0 ? code[..dot] : code);
        return Names.GetString(key, Pick(culture)) ?? Names.GetString("registry.unknown", Pick(culture)) ?? "registry";
    }

    /// <summary>The figure's value in words: "3 buổi tiếp …", "tỷ lệ giải quyết … 45/50 (90%)", "có/không …".</summary>
    public static string Phrase(string code, IndicatorValue value, CultureInfo culture)
    {
        var vi = culture.TwoLetterISOLanguageName == "vi";
        var name = Name(code, culture);
        return value switch
        {
            NumberValue n => $"{Number(n.Value, culture)} {name}",
            RatioValue r when r.Whole == 0 => $"{name} {Number(r.Part, culture)}/0",
            RatioValue r => $"{name} {Number(r.Part, culture)}/{Number(r.Whole, culture)} ({Number(Math.Round(100 * r.Part / r.Whole, 2, MidpointRounding.AwayFromZero), culture)}%)",
            YesNoValue y => (y.Yes ? (vi ? "có " : "") : (vi ? "không có " : "no ")) + name,
            _ => name,
        };
    }

    /// <summary>A number as the reader writes it: 7.554 and 93,23 in Vietnamese.</summary>
    public static string Number(decimal value, CultureInfo culture) =>
        value.ToString(culture.TwoLetterISOLanguageName == "vi" ? "#,##0.##" : "0.##", culture);
}
