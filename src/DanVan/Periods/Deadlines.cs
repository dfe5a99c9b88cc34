using DanVan.OrgUnits;

namespace DanVan.Periods;

/// <summary>A submission deadline for one level of unit (e.g. communes by 05/12, districts by 10/12, the province last).</summary>
/// <param name="Level">The kind of unit it binds.</param>
/// <param name="Deadline">Last day, in the province's time zone.</param>
public sealed record LevelDeadline(OrgUnitKind Level, DateOnly Deadline);

/// <summary>What binds one submission: its last day, whether a late one is accepted, and the province's time zone.</summary>
/// <param name="Deadline">Last day to submit, a calendar day in <paramref name="Zone"/>.</param>
/// <param name="AcceptLate">A late submission is accepted and marked late; otherwise it is refused.</param>
/// <param name="Zone">The province's time zone, in which the deadline's day is judged.</param>
public sealed record DeadlineRule(DateOnly Deadline, bool AcceptLate, TimeZoneInfo Zone);

/// <summary>How a submission stands against its deadline.</summary>
/// <param name="Late">Made after the deadline (or a revision of a late submission).</param>
/// <param name="Refused">Late, and the period refuses late submissions.</param>
public sealed record DeadlineVerdict(bool Late, bool Refused);

/// <summary>The one place that decides lateness (nộp muộn) and whether a late submission is refused.</summary>
public static class Deadlines
{
    /// <summary>The deadline of a unit's level: its own when the period sets one for that level, otherwise the general one.</summary>
    public static DateOnly For(DateOnly general, IEnumerable<LevelDeadline> levels, OrgUnitKind? level) =>
        level is { } k && levels.FirstOrDefault(d => d.Level == k) is { } own ? own.Deadline : general;

    /// <summary>
    /// Judges a submission made at <paramref name="atUtc"/>: late when its calendar day in the province's time zone is
    /// after the deadline (01:00 in Hà Nội on the day after is late, though it is still the deadline day in UTC).
    /// </summary>
    /// <param name="atUtc">When it is submitted (UTC).</param>
    /// <param name="rule">The deadline, whether late is accepted, and the time zone.</param>
    /// <param name="earlierLate">
    /// For a revision after a return, the lateness of the submission it replaces; null for a first submission.
    /// A revision keeps that lateness and is never refused: a coordinator often returns a submission after the
    /// deadline, and the unit's revision must neither become late nor be refused for it.
    /// </param>
    public static DeadlineVerdict Judge(DateTime atUtc, DeadlineRule rule, bool? earlierLate = null)
    {
        if (earlierLate is { } kept) return new(kept, Refused: false);
        var late = DayIn(rule.Zone, atUtc) > rule.Deadline;
        return new(late, late && !rule.AcceptLate);
    }

    /// <summary>The calendar day of a UTC moment in a time zone.</summary>
    public static DateOnly DayIn(TimeZoneInfo zone, DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
