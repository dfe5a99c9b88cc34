using System.Globalization;
using System.Text;

namespace DanVan.Reports;

/// <summary>One part of a whole as a percentage: the rounded value and its vi-VN text without the % sign.</summary>
public readonly record struct Percentage(decimal Value, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>Numbers, percentages, counts, dates and text in the form Vietnamese official documents use.</summary>
public static class VietnameseFormat
{
    private static readonly CultureInfo ViCulture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Text opening a sentence: its first letter in capitals ("huyện Nga Sơn báo cáo" → "Huyện Nga Sơn báo cáo").</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], ViCulture) + text[1..];

    /// <summary>
    /// A name or title inside a sentence: an ordinary capitalised first word in lower case ("Sở, ban, ngành cấp tỉnh" → "sở, ban,
    /// ngành cấp tỉnh", "Báo cáo kết quả" → "báo cáo kết quả"); an acronym stays ("UBND cấp xã").
    /// </summary>
    public static string InSentence(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLower(text[0], ViCulture) + text[1..] : text;

    private static readonly NumberFormatInfo ViNumbers = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    });

    /// <summary>The vi-VN number format (group ".", decimal ","), read-only and independent of the machine's ICU data.</summary>
    public static NumberFormatInfo NumberFormat => ViNumbers;

    /// <summary>An integer with "." between thousands: 7554 → "7.554".</summary>
    public static string Number(long value) => value.ToString("#,##0", ViNumbers);

    /// <summary>A number rounded half away from zero to exactly <paramref name="decimals"/> places: (93.234m, 2) → "93,23".</summary>
    public static string Number(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var pattern = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
        return rounded.ToString(pattern, ViNumbers);
    }

    /// <summary>A number rounded to exactly <paramref name="decimals"/> places, as <see cref="Number(decimal, int)"/>.</summary>
    public static string Number(double value, int decimals) => Number((decimal)value, decimals);

    /// <summary>A percentage at one decimal with a trailing ",0" dropped: 28.3 → "28,3", 44.0 → "44" (no % sign).</summary>
    public static string Percent(decimal percent)
    {
        var rounded = Math.Round(percent, 1, MidpointRounding.AwayFromZero);
        return rounded == decimal.Truncate(rounded) ? Number(rounded, 0) : Number(rounded, 1);
    }

    /// <summary>
    /// The shares of one whole at one decimal, adding up to exactly 100 by largest-remainder rounding
    /// (70, 62, 27 of 159 → "44", "39", "17").
    /// </summary>
    /// <remarks>
    /// Ties in the remainder go to the earlier part. A zero total gives 0 for every part, since there is
    /// no whole to share.
    /// </remarks>
    public static IReadOnlyList<Percentage> Percentages(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long total = 0;
        foreach (var c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(counts));
            total += c;
        }
        var tenths = new long[counts.Count];
        if (total > 0)
        {
            // Work in integer tenths of a percent so that no decimal rounding creeps in.
            var remainders = new long[counts.Count];
            long assigned = 0;
            for (var i = 0; i < counts.Count; i++)
            {
                tenths[i] = Math.DivRem(counts[i] * 1000L, total, out remainders[i]);
                assigned += tenths[i];
            }
            var order = Enumerable.Range(0, counts.Count)
                .OrderByDescending(i => remainders[i])
                .ThenBy(i => i)
                .ToArray();
            for (var k = 0; k < 1000 - assigned; k++)
                tenths[order[k]]++;
        }
        return tenths.Select(t => new Percentage(t / 10m, Percent(t / 10m))).ToArray();
    }

    /// <summary>A count as written in report sentences: two digits below ten ("03"), otherwise <see cref="Number(long)"/>.</summary>
    public static string Count2(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count < 10 ? count.ToString("00", CultureInfo.InvariantCulture) : Number(count);
    }

    /// <summary>A part of a whole as "n/N" with two-digit counts below ten: "09/22", "04/08", "70/159".</summary>
    public static string Ratio(int part, int whole) => $"{Count2(part)}/{Count2(whole)}";

    /// <summary>A date as dd/MM/yyyy: "05/02/2019".</summary>
    public static string Date(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date with the leading zeros of Nghị định 30 (days 1–9, months 1–2): "05/4/2019", "11/02/2019".</summary>
    public static string DateNd30(DateOnly date) => $"{Day(date)}/{Month(date)}/{date.Year}";

    /// <summary>The place-and-date line of Nghị định 30: "Quảng Bình, ngày 05 tháng 02 năm 2019"; blanks to fill by hand when the date is unknown.</summary>
    public static string PlaceDate(string place, DateOnly? date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        return date is { } d
            ? $"{Nfc(place.Trim())}, ngày {Day(d)} tháng {Month(d)} năm {d.Year}"
            : $"{Nfc(place.Trim())}, ngày      tháng      năm      ";
    }

    /// <summary>A reference to a document: "Quyết định số 3367/QĐ-UBND ngày 26/10/2016".</summary>
    public static string DocumentReference(string kind, string number, DateOnly date) =>
        $"{Nfc(kind.Trim())} số {Nfc(number.Trim())} ngày {DateNd30(date)}";

    /// <summary>Items joined with ", " and a final " và ": "A, B và C".</summary>
    public static string JoinList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " và " + list[^1],
        };
    }

    /// <summary>Text in Unicode normalisation form C, as DanVan stores and compares it.</summary>
    public static string Nfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Text folded for search: lower case, diacritics removed, đ → d, runs of white space made one space, trimmed.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(ch switch
            {
                'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return sb.ToString();
    }

    /// <summary>Whether two texts are equal once folded: "Quảng Bình" equals "quang binh".</summary>
    public static bool FoldEquals(string? a, string? b) =>
        a is null || b is null ? a is null && b is null : string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> contains <paramref name="search"/> once both are folded: "Đồng Hới" contains "dong hoi".</summary>
    public static bool FoldContains(string text, string search) =>
        Fold(text).Contains(Fold(search), StringComparison.Ordinal);

    /// <summary>An equality comparer on folded text, for dictionaries and de-duplication keyed by names.</summary>
    public static IEqualityComparer<string> FoldComparer { get; } = new FoldedComparer();

    private static string Day(DateOnly d) => d.Day < 10 ? $"0{d.Day}" : d.Day.ToString(CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.Month < 3 ? $"0{d.Month}" : d.Month.ToString(CultureInfo.InvariantCulture);

    private sealed class FoldedComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => FoldEquals(x, y);

        public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Fold(obj));
    }
}
