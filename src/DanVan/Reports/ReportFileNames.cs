using System.Text;

namespace DanVan.Reports;

/// <summary>Names of downloaded files: what the file is, the year and the unit, in folded Vietnamese, no internal id.</summary>
public static class ReportFileNames
{
    /// <summary>The consolidated report: "bao-cao-dvcq-2018-tinh-quang-binh.docx".</summary>
    public static string For(ReportContent content, string extension)
    {
        ArgumentNullException.ThrowIfNull(content);
        return For("bao-cao-dvcq", content.Report.Year, content.Scope.Name, extension);
    }

    /// <summary>A file of a kind for a year and a unit: ("so-lieu-thong-ke", 2024, "UBND huyện Lệ Thủy", "xlsx") → "so-lieu-thong-ke-2024-huyen-le-thuy.xlsx".</summary>
    public static string For(string kind, int year, string unitName, string extension)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var unit = Slug(WithoutCommittee(unitName));
        return $"{Slug(kind)}-{year}{(unit.Length == 0 ? "" : "-" + unit)}.{extension.TrimStart('.').ToLowerInvariant()}";
    }

    /// <summary>What follows each sheet's title in the workbook: "UBND tỉnh Quảng Bình, năm 2018".</summary>
    public static string Context(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return $"{content.Scope.Name}, năm {content.Report.Year}";
    }

    /// <summary>Folded, lower case, letters and digits joined by single hyphens: "Tỉnh Quảng Bình (44)" → "tinh-quang-binh-44".</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var ch in VietnameseFormat.Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>"UBND tỉnh Quảng Bình" → "tỉnh Quảng Bình": the people's committee is understood.</summary>
    private static string WithoutCommittee(string name)
    {
        var trimmed = name.Trim();
        foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân " })
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return trimmed[prefix.Length..];
        }
        return trimmed;
    }
}
