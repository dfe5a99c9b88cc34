namespace DanVan.Periods;

/// <summary>
/// Now and today for the province: a <see cref="TimeProvider"/> (frozen in tests) and the province's time zone
/// (setting <c>Province:TimeZone</c>, Asia/Ho_Chi_Minh by default), in which calendar days and deadlines are judged.
/// </summary>
public sealed class ProvinceClock(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The default zone id: Vietnam (UTC+7, no daylight saving).</summary>
    public const string DefaultZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>The system clock in Vietnam's time zone.</summary>
    public static ProvinceClock System { get; } = new(TimeProvider.System, FindZone(null));

    /// <summary>The province's time zone.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The source of the current time.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>Now, UTC.</summary>
    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in the province.</summary>
    public DateOnly Today => Deadlines.DayIn(Zone, UtcNow);

    /// <summary>The local time in the province of a UTC moment.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A deadline rule judged in this province's time zone.</summary>
    public DeadlineRule Rule(DateOnly deadline, bool acceptLate) => new(deadline, acceptLate, Zone);

    /// <summary>The zone of an IANA or Windows id; Vietnam's (UTC+7) when the id is empty or the system lacks time zone data.</summary>
    /// <exception cref="TimeZoneNotFoundException">A non-empty id the system does not know (a configuration mistake, shown at start).</exception>
    public static TimeZoneInfo FindZone(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id) && id != DefaultZoneId) return TimeZoneInfo.FindSystemTimeZoneById(id);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }
}
