namespace DanVan.Reports;

/// <summary>Widths of Times New Roman text, regular and bold, to size table columns and rules without a font on the server.</summary>
/// <remarks>
/// Advance widths in 1/1000 em read from Liberation Serif 2 (metric-compatible with Times New Roman). A Vietnamese
/// letter is as wide as its base letter except the horned ơ and ư, which are wider; other characters count as 600.
/// </remarks>
internal static class TimesMetrics
{
    private static readonly short[] Regular =
    [
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
        921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
        556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
        333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
        500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
    ];

    private static readonly short[] Bold =
    [
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
        930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
        611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
        333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
        556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
    ];

    /// <summary>The width in points of text on one line at the given size.</summary>
    public static double WidthPt(string text, double sizePt, bool bold)
    {
        var table = bold ? Bold : Regular;
        var units = 0;
        foreach (var letter in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            var parts = letter.ToString().Normalize(System.Text.NormalizationForm.FormD);
            var ch = parts[0];
            if (parts.Contains('\u031B', StringComparison.Ordinal))
            {
                // The horn widens ơ, ư and Ư (Ơ keeps the width of O).
                units += (ch, bold) switch
                {
                    ('o', false) => 529, ('o', true) => 554,
                    ('u', false) => 542, ('u', true) => 600,
                    ('U', false) => 776, ('U', true) => 796,
                    _ => table[ch - ' '],
                };
                continue;
            }
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark)
                continue;
            var c = ch switch { 'Đ' => 'D', 'đ' => 'd', _ => ch };
            units += c switch
            {
                >= ' ' and <= '~' => table[c - ' '],
                '\u00A0' => 250,
                '–' => 500,
                '—' => 1000,
                '“' or '”' => bold ? 500 : 444,
                '‘' or '’' => 333,
                '…' => 1000,
                _ => 600,
            };
        }
        return units * sizePt / 1000;
    }

    /// <summary>The words of a cell that a line break cannot split (split at spaces only).</summary>
    public static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The width in points of the widest word of the text.</summary>
    public static double LongestWordPt(string text, double sizePt, bool bold) =>
        Words(text).Select(w => WidthPt(w, sizePt, bold)).DefaultIfEmpty(0).Max();
}
