using System.Globalization;

namespace DanVan.Web.Infrastructure;

/// <summary>Vietnamese presentation: numbers (7.554; 93,23), dates (dd/MM/yyyy) in Vietnam's time zone, and tolerant number input.</summary>
public static class Vi
{
    /// <summary>The vi-VN culture.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>A number as "93,23" (at most two decimals, no trailing zeros).</summary>
    public static string Num(decimal value) => value.ToString("#,##0.##", Culture);

    /// <summary>A number or an empty string.</summary>
    public static string Num(decimal? value) => value is { } v ? Num(v) : "";

    /// <summary>A number for an input box: "2,5", no thousands separator (re-read by <see cref="TryParse"/>).</summary>
    public static string Input(decimal? value) => value is { } v ? v.ToString("0.####", Culture) : "";

    /// <summary>A count in report sentences: two digits below ten ("09").</summary>
    public static string Count(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>A date as dd/MM/yyyy.</summary>
    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment as dd/MM/yyyy HH:mm in Vietnam's time.</summary>
    public static string Time(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC moment or an empty string.</summary>
    public static string Time(DateTime? utc) => utc is { } t ? Time(t) : "";

    /// <summary>Vietnam's local time of a UTC moment.</summary>
    public static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Reads a number typed the Vietnamese way ("2,5", "1.234", "1.234,5") or the international way ("2.5").</summary>
    /// <remarks>The core's one number reader, <see cref="VietnameseNumber"/>, shared with CSV and XLSX imports.</remarks>
    public static bool TryParse(string? text, out decimal value) => VietnameseNumber.TryParse(text, out value);

    /// <summary>Reads a whole number.</summary>
    public static bool TryParseInt(string? text, out int value) => VietnameseNumber.TryParseInt(text, out value);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }
}
