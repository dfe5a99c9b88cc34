namespace DanVan.Reports;

/// <summary>Widths of Times New Roman Bold text, to size the rules Nghị định 30 draws under lines of text.</summary>
internal static class TimesBold
{
    // Advance widths of ASCII 32–126 in 1/1000 em (the Adobe Times-Bold metrics; Liberation Serif matches them).
    private static readonly short[] AsciiWidths =
    [
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
        930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
        611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
        333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
        556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
    ];

    /// <summary>The width in points of one line at the given size; Vietnamese letters count as their base letter.</summary>
    public static double WidthPt(string line, double sizePt)
    {
        var units = 0;
        foreach (var ch in line.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark)
                continue;
            var c = ch is 'Đ' ? 'D' : ch is 'đ' ? 'd' : ch;
            units += c is >= ' ' and <= '~' ? AsciiWidths[c - ' '] : 600;
        }
        return units * sizePt / 1000;
    }
}
