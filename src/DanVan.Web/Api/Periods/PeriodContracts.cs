using System.ComponentModel;
using DanVan.Evaluations;
using DanVan.Periods;

namespace DanVan.Web.Api.Periods;

/// <summary>How many of the units the caller may read take part, and how many submitted ("09/22 cơ quan tham gia đánh giá").</summary>
/// <param name="Units">Units evaluated in the period (within the caller's scope).</param>
/// <param name="Submitted">Units whose submission stands (submitted, appraised or approved).</param>
/// <param name="Late">Of those, submitted after the deadline.</param>
/// <param name="Approved">Units whose result is approved and published.</param>
public sealed record Participation(int Units, int Submitted, int Late, int Approved);

/// <summary>The reporting period a period evaluates (kỳ báo cáo) and its data window (thời gian chốt số liệu).</summary>
/// <param name="Kind">Year, SixMonths, Quarter, Month or AdHoc.</param>
/// <param name="Number">Number within the year (1 for a year; quarter 1–4, month 1–12, half 1–2).</param>
/// <param name="From">First day of the data window (e.g. 15/12 of the previous year for a year).</param>
/// <param name="To">Last day of the data window (e.g. 14/12 for a year).</param>
public sealed record ReportingView(PeriodKind Kind, int Number, DateOnly From, DateOnly To);

/// <summary>A period in a list.</summary>
/// <param name="Reporting">The reporting period evaluated.</param>
public sealed record PeriodSummary(
    int Id, int Year, string Name, UnitRef ScopeUnit, DateOnly OpensOn, DateOnly Deadline, bool AcceptLate, Participation Participation,
    ReportingView Reporting);

/// <summary>A group of a period with its criteria set version and its participation.</summary>
public sealed record PeriodGroupView(GroupRef Group, CriteriaSetRef CriteriaSet, Participation Participation);

/// <summary>A period with its groups.</summary>
public sealed record PeriodDetails(
    int Id,
    int Year,
    string Name,
    UnitRef ScopeUnit,
    DateOnly OpensOn,
    DateOnly Deadline,
    bool AcceptLate,
    Participation Participation,
    IReadOnlyList<PeriodGroupView> Groups,
    ReportingView Reporting,
    IReadOnlyList<LevelDeadline> LevelDeadlines);

/// <summary>A group to evaluate and the criteria set version to score it by.</summary>
public sealed record PeriodGroupBody(int GroupId, int CriteriaSetId);

/// <summary>What a coordinator sends to open a period; one assessment is created per unit of the groups within the scope unit.</summary>
public sealed record OpenPeriodBody
{
    /// <summary>Year evaluated.</summary>
    [Description("Year evaluated, e.g. 2025.")]
    public int Year { get; init; }

    /// <summary>Name.</summary>
    [Description("Name, e.g. \"Đánh giá công tác dân vận chính quyền năm 2025\".")]
    public string? Name { get; init; }

    /// <summary>The unit whose coordinators run it; the caller must coordinate it.</summary>
    [Description("The unit whose coordinators run the period (the province, or a district); the caller must coordinate it.")]
    public int ScopeUnitId { get; init; }

    /// <summary>First day of entry.</summary>
    public DateOnly OpensOn { get; init; }

    /// <summary>Last day to submit.</summary>
    public DateOnly Deadline { get; init; }

    /// <summary>Accept late submissions (marked late) rather than refuse them.</summary>
    public bool AcceptLate { get; init; } = true;

    /// <summary>Groups and their criteria sets.</summary>
    public IReadOnlyList<PeriodGroupBody>? Groups { get; init; }

    /// <summary>Kind of reporting period; a year unless told.</summary>
    [Description("Kind of reporting period: Year (default), SixMonths, Quarter, Month or AdHoc.")]
    public PeriodKind Kind { get; init; } = PeriodKind.Year;

    /// <summary>Number of the period within the year.</summary>
    [Description("Number within the year: 1 for a year (default); half 1–2, quarter 1–4, month 1–12.")]
    public int Number { get; init; } = 1;

    /// <summary>Ad hoc periods only: first day of the data window.</summary>
    [Description("AdHoc only: first day of the data window; other kinds take the window of Nghị định 09/2019/NĐ-CP (15th to 14th).")]
    public DateOnly? WindowFrom { get; init; }

    /// <summary>Ad hoc periods only: last day of the data window.</summary>
    public DateOnly? WindowTo { get; init; }

    /// <summary>Deadlines per level of unit (e.g. communes first); other levels have <see cref="Deadline"/>.</summary>
    [Description("Deadlines per level of unit, e.g. [{\"level\":\"Commune\",\"deadline\":\"2025-12-05\"}]; other levels have 'deadline'.")]
    public IReadOnlyList<LevelDeadline>? LevelDeadlines { get; init; }

    /// <summary>As the core takes it.</summary>
    public OpenPeriodRequest ToRequest() => new(
        Year, Name ?? "", ScopeUnitId, OpensOn, Deadline, AcceptLate,
        (Groups ?? []).Select(g => new PeriodGroupChoice(g.GroupId, g.CriteriaSetId)).ToList(),
        Kind, Number, WindowFrom, WindowTo, LevelDeadlines);
}

/// <summary>An assessment in a period's list.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="Unit">The unit evaluated.</param>
/// <param name="Group">The group it is ranked in.</param>
/// <param name="Status">Where it stands in the cycle.</param>
/// <param name="IsLate">Submitted after the deadline.</param>
/// <param name="SubmittedAt">When submitted (UTC).</param>
/// <param name="SelfTotal">Self-assessed total, stored at submission.</param>
/// <param name="SelfBand">Self-claimed class code.</param>
/// <param name="FinalTotal">Final total, published on approval.</param>
/// <param name="FinalBand">Final class code, published on approval.</param>
/// <param name="Version">Concurrency version; send it back with changes.</param>
public sealed record AssessmentSummary(
    int Id,
    UnitRef Unit,
    GroupRef Group,
    AssessmentStatus Status,
    bool IsLate,
    DateTime? SubmittedAt,
    decimal? SelfTotal,
    string? SelfBand,
    decimal? FinalTotal,
    string? FinalBand,
    int Version);
