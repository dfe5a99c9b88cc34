using DanVan.Criteria;
using DanVan.OrgUnits;
using DanVan.Periods;

namespace DanVan.Evaluations;

/// <summary>An evaluation round (kỳ đánh giá) opened by a coordinator for a scope: one use of a <see cref="ReportingPeriod"/>.</summary>
public sealed class EvaluationPeriod
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Year evaluated (the reporting period's year).</summary>
    public int Year { get; set; }

    /// <summary>Kind of reporting period; evaluations so far are yearly.</summary>
    public PeriodKind Kind { get; set; } = PeriodKind.Year;

    /// <summary>Number of the period within its year (1 for a year; quarter 1–4, …).</summary>
    public int Number { get; set; } = 1;

    /// <summary>First day of the data window (thời gian chốt số liệu).</summary>
    public DateOnly WindowFrom { get; set; }

    /// <summary>Last day of the data window.</summary>
    public DateOnly WindowTo { get; set; }

    /// <summary>The reporting period it evaluates.</summary>
    public ReportingPeriod Reporting
    {
        get => new(Kind, Year, Number, WindowFrom, WindowTo);
        set => (Kind, Year, Number, WindowFrom, WindowTo) = (value.Kind, value.Year, value.Number, value.From, value.To);
    }

    /// <summary>Name, e.g. "Đánh giá công tác dân vận chính quyền năm 2024".</summary>
    public required string Name { get; set; }

    /// <summary>The unit whose coordinators run it (the province, or a district for its communes).</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The scope unit.</summary>
    public OrgUnit? ScopeUnit { get; set; }

    /// <summary>First day units can enter scores.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>Last day to submit, for units whose level has no deadline of its own (a day in the province's time zone).</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Deadlines per level of unit (e.g. communes first, districts later); a level not listed has <see cref="Deadline"/>.</summary>
    public List<LevelDeadline> LevelDeadlines { get; set; } = [];

    /// <summary>When true a late submission is accepted and marked late; otherwise refused.</summary>
    public bool AcceptLate { get; set; } = true;

    /// <summary>The deadline of a unit of <paramref name="level"/>.</summary>
    public DateOnly DeadlineFor(OrgUnitKind? level) => Deadlines.For(Deadline, LevelDeadlines, level);

    /// <summary>What binds a submission of a unit of <paramref name="level"/>, judged in <paramref name="zone"/>.</summary>
    public DeadlineRule RuleFor(OrgUnitKind? level, TimeZoneInfo zone) => new(DeadlineFor(level), AcceptLate, zone);

    /// <summary>Days after its publication a unit may contest its result (phúc tra); null: the period allows none.</summary>
    public int? ReconsiderationDays { get; set; }

    /// <summary>Groups taking part and the criteria set of each.</summary>
    public List<PeriodGroup> Groups { get; } = [];

    /// <summary>Assessments, one per participating unit.</summary>
    public List<Assessment> Assessments { get; } = [];
}

/// <summary>A group taking part in a period, with the criteria set version it is scored by.</summary>
public sealed class PeriodGroup
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>The group.</summary>
    public int GroupId { get; set; }

    /// <summary>The group.</summary>
    public UnitGroup? Group { get; set; }

    /// <summary>The criteria set version; frozen once used here.</summary>
    public int CriteriaSetId { get; set; }

    /// <summary>The criteria set.</summary>
    public StoredCriteriaSet? CriteriaSet { get; set; }
}
