using System.Globalization;
using System.Text;

namespace DanVan;

/// <summary>
/// The one reader of numbers typed or stored by people: the Vietnamese way ("7.554" is 7554, "93,23" is 93.23,
/// "1.234,5") and the international way ("1.5", "1,234.5"). Pages, CSV and XLSX all read numbers with it.
/// </summary>
/// <remarks>
/// Rules: spaces (also non-breaking and thin) are ignored; a leading + or − sign is allowed. With both separators,
/// the one written last is the decimal separator and the other must group thousands in threes. With commas only,
/// one comma is the decimal separator ("10,5"); several must group thousands ("1,234,567"). With dots only, dots
/// grouping exactly three digits after a leading 1–3 digits are thousands ("7.554", "12.500.000"); a single other
/// dot is the decimal point ("1.5", "0.125", "1234.5"). Anything else is not a number.
/// </remarks>
public static class VietnameseNumber
{
    /// <summary>Reads <paramref name="text"/>; false when it is blank or not a number.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\u2009') continue;
            s.Append(c == '\u2212' ? '-' : c);
        }
        var t = s.ToString();
        var sign = "";
        if (t.Length > 0 && t[0] is '-' or '+')
        {
            sign = t[0] == '-' ? "-" : "";
            t = t[1..];
        }
        if (t.Length == 0 || !t.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
            return false;

        var lastDot = t.LastIndexOf('.');
        var lastComma = t.LastIndexOf(',');
        string? plain;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalSep = lastDot > lastComma ? '.' : ',';
            var groupSep = decimalSep == '.' ? ',' : '.';
            var at = t.LastIndexOf(decimalSep);
            var whole = t[..at];
            var fraction = t[(at + 1)..];
            plain = whole.Contains(decimalSep) || fraction.Length == 0 || !fraction.All(char.IsAsciiDigit) || !Grouped(whole, groupSep)
                ? null
                : whole.Replace(groupSep.ToString(), "", StringComparison.Ordinal) + "." + fraction;
        }
        else if (lastComma >= 0)
        {
            plain = t.Count(c => c == ',') == 1 ? Decimal(t, ',') : Grouped(t, ',') ? t.Replace(",", "", StringComparison.Ordinal) : null;
        }
        else if (lastDot >= 0)
        {
            plain = Grouped(t, '.') && t[0] != '0' ? t.Replace(".", "", StringComparison.Ordinal)
                : t.Count(c => c == '.') == 1 ? Decimal(t, '.') : null;
        }
        else plain = t;

        return plain is not null &&
            decimal.TryParse(sign + plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a whole number (within the range of <see cref="int"/>).</summary>
    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        if (!TryParse(text, out var d) || d != decimal.Truncate(d) || d is < int.MinValue or > int.MaxValue) return false;
        value = (int)d;
        return true;
    }

    /// <summary>Writes a number so that <see cref="TryParse"/> reads it back exactly: "2,125", "-7", no thousands separator.</summary>
    public static string Write(decimal value) => value.ToString("0.############################", Vietnamese);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // "1.234.567" or "1,234": 1–3 digits, then groups of exactly three.
    private static bool Grouped(string s, char sep)
    {
        var parts = s.Split(sep);
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.All(p => p.All(char.IsAsciiDigit))
            && parts.Skip(1).All(p => p.Length == 3);
    }

    private static string? Decimal(string s, char sep)
    {
        var at = s.IndexOf(sep);
        var whole = s[..at];
        var fraction = s[(at + 1)..];
        return fraction.Length == 0 ? null : (whole.Length == 0 ? "0" : whole) + "." + fraction;
    }
}
