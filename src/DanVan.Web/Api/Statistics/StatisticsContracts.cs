using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Statistics;

namespace DanVan.Web.Api.Statistics;

/// <summary>A stored form version as lists name it.</summary>
/// <param name="Id">Database id of the version (GET /api/v1/forms/{id}).</param>
/// <param name="Code">Stable code of the form across versions.</param>
/// <param name="Version">Version number.</param>
/// <param name="Name">Name as printed.</param>
/// <param name="PeriodKind">How long each reporting period runs.</param>
/// <param name="Indicators">Number of indicators.</param>
/// <param name="Frozen">True once a period uses the version: it can no longer change (import a new version).</param>
/// <param name="StoredAt">When it was imported (UTC).</param>
public sealed record FormSummary(int Id, string Code, int Version, string Name, PeriodKind PeriodKind, int Indicators, bool Frozen, DateTime StoredAt);

/// <summary>The answer of validating a form file: it is valid (refusals come as problem+json).</summary>
/// <param name="Ok">Always true.</param>
/// <param name="Code">The form's code.</param>
/// <param name="Version">Its version.</param>
/// <param name="Name">Its name.</param>
/// <param name="Indicators">Number of indicators.</param>
/// <param name="Rules">Number of rules.</param>
/// <param name="Sections">Number of sections.</param>
public sealed record FormValidation(bool Ok, string Code, int Version, string Name, int Indicators, int Rules, int Sections);

/// <summary>A form version as a period names it.</summary>
/// <param name="Id">Database id of the version.</param>
/// <param name="Code">The form's code.</param>
/// <param name="Version">The version.</param>
/// <param name="Name">The form's name.</param>
public sealed record FormRef(int Id, string Code, int Version, string Name);

/// <summary>What a coordinator sends to open a form's period for a scope unit.</summary>
public sealed record OpenFormPeriodBody
{
    /// <summary>The stored form version (its id); or give <see cref="FormCode"/>.</summary>
    public int? FormId { get; init; }

    /// <summary>The form's code, when <see cref="FormId"/> is not given (the latest version unless <see cref="FormVersion"/>).</summary>
    public string? FormCode { get; init; }

    /// <summary>With <see cref="FormCode"/>: the version (default the latest).</summary>
    public int? FormVersion { get; init; }

    /// <summary>Year of the reporting period.</summary>
    public int Year { get; init; }

    /// <summary>Number within the year (half, quarter, month); 1 for a year or ad hoc.</summary>
    public int Number { get; init; } = 1;

    /// <summary>The unit whose subtree owes the form.</summary>
    public int ScopeUnitId { get; init; }

    /// <summary>First day of entry.</summary>
    public DateOnly OpensOn { get; init; }

    /// <summary>Accept late submissions, marked late (default), rather than refuse them.</summary>
    public bool AcceptLate { get; init; } = true;

    /// <summary>Name; default the form's name and the period's label.</summary>
    public string? Name { get; init; }

    /// <summary>Ad hoc forms only: first day of the data window.</summary>
    public DateOnly? WindowFrom { get; init; }

    /// <summary>Ad hoc forms only: last day of the data window.</summary>
    public DateOnly? WindowTo { get; init; }
}

/// <summary>A form's period (kỳ báo cáo số liệu).</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Name.</param>
/// <param name="Form">The form version filled.</param>
/// <param name="Kind">Kind of reporting period.</param>
/// <param name="Year">Year.</param>
/// <param name="Number">Number within the year.</param>
/// <param name="WindowFrom">First day of the data window.</param>
/// <param name="WindowTo">Last day of the data window.</param>
/// <param name="Scope">The unit whose subtree owes the form.</param>
/// <param name="OpensOn">First day of entry.</param>
/// <param name="Deadline">Deadline of levels the form sets none for.</param>
/// <param name="LevelDeadlines">Deadline per level (communes first, districts later, the province last).</param>
/// <param name="AcceptLate">Late submissions are accepted and marked late (else refused).</param>
/// <param name="Units">Reports the caller may read.</param>
/// <param name="Submitted">Of those, submitted or accepted.</param>
public sealed record FormPeriodView(
    int Id, string Name, FormRef Form, PeriodKind Kind, int Year, int Number, DateOnly WindowFrom, DateOnly WindowTo,
    UnitRef Scope, DateOnly OpensOn, DateOnly Deadline, IReadOnlyList<LevelDeadlineView> LevelDeadlines, bool AcceptLate, int Units, int Submitted);

/// <summary>The deadline of one level.</summary>
/// <param name="Level">The level.</param>
/// <param name="Deadline">Its last day.</param>
public sealed record LevelDeadlineView(OrgUnitKind Level, DateOnly Deadline);

/// <summary>One unit's report in a period's list.</summary>
/// <param name="Id">Report id (GET /api/v1/form-reports/{id}).</param>
/// <param name="Unit">The unit.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Deadline">The unit's deadline (its extension when given).</param>
/// <param name="Extended">True when a coordinator extended the unit's deadline.</param>
/// <param name="Late">Submitted late; or, not yet submitted, submitting now would be late (overdue).</param>
/// <param name="SubmittedAt">When submitted (UTC).</param>
/// <param name="Version">Concurrency version.</param>
public sealed record FormReportSummary(int Id, UnitRef Unit, FormReportStatus Status, DateOnly Deadline, bool Extended, bool Late, DateTime? SubmittedAt, int Version);

/// <summary>A refusal as data: its code, place, arguments and sentence in the language asked for.</summary>
/// <param name="Code">Stable code, e.g. <c>forms.ruleBroken</c>.</param>
/// <param name="Where">Location key, e.g. <c>criterion:receptionsByChairman</c>.</param>
/// <param name="Indicator">The indicator it points at, when any.</param>
/// <param name="Args">The arguments (rule, expression, description, …).</param>
/// <param name="Message">The sentence.</param>
public sealed record RefusalView(string Code, string Where, string? Indicator, IReadOnlyDictionary<string, object?> Args, string Message);

/// <summary>The form's check of what the unit would submit now (own figures with its units' submitted ones).</summary>
/// <param name="CanSubmit">No error and every warning explained.</param>
/// <param name="Errors">Broken error rules, missing required values: they block submission.</param>
/// <param name="Warnings">Broken warning rules, explained or not.</param>
/// <param name="Unexplained">Warnings still without an explanation: they block submission too.</param>
public sealed record FormCheckView(bool CanSubmit, IReadOnlyList<RefusalView> Errors, IReadOnlyList<RefusalView> Warnings, IReadOnlyList<RefusalView> Unexplained);

/// <summary>
/// One unit's form for one period: status, version, values by indicator code (numbers as JSON numbers, ratios as
/// {"n":26,"N":27}, yes/no as booleans, dates as yyyy-MM-dd, text as strings), computed values (read-only), explanations,
/// the check and what the caller may do.
/// </summary>
/// <param name="Id">Report id.</param>
/// <param name="Period">The period.</param>
/// <param name="Form">The form version.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Version">Concurrency version (also the ETag); send it back as If-Match with every change.</param>
/// <param name="Deadline">The unit's deadline.</param>
/// <param name="ExtendedDeadline">A later deadline a coordinator gave the unit.</param>
/// <param name="IsLate">Submitted late.</param>
/// <param name="ConfirmedAt">When the head confirmed (UTC).</param>
/// <param name="ConfirmedBy">Who confirmed.</param>
/// <param name="SubmittedAt">When submitted (UTC).</param>
/// <param name="AcceptedAt">When accepted (UTC).</param>
/// <param name="AcceptedBy">Who accepted.</param>
/// <param name="ReturnComment">The coordinator's comment when returned.</param>
/// <param name="Values">The unit's own typed values by indicator code.</param>
/// <param name="Computed">Computed indicators (read-only), from the figures the unit would submit.</param>
/// <param name="Consolidated">Every value the unit would submit: its own with its units' submitted ones, as the form aggregates them, computed ones included.</param>
/// <param name="Explanations">Explanations of warning rules by rule code.</param>
/// <param name="Check">The form's check of the consolidated figures.</param>
/// <param name="Actions">What the caller may do now.</param>
public sealed record FormReportView(
    int Id, FormPeriodRef Period, FormRef Form, UnitRef Unit, FormReportStatus Status, int Version, DateOnly Deadline, DateOnly? ExtendedDeadline,
    bool IsLate, DateTime? ConfirmedAt, string? ConfirmedBy, DateTime? SubmittedAt, DateTime? AcceptedAt, string? AcceptedBy, string? ReturnComment,
    IReadOnlyDictionary<string, JsonNode?> Values, IReadOnlyDictionary<string, JsonNode?> Computed, IReadOnlyDictionary<string, JsonNode?> Consolidated,
    IReadOnlyDictionary<string, string> Explanations, FormCheckView Check, FormReportActions Actions);

/// <summary>A form's period as a report names it.</summary>
/// <param name="Id">Period id.</param>
/// <param name="Name">Name.</param>
/// <param name="Year">Year.</param>
/// <param name="Scope">The period's scope unit.</param>
public sealed record FormPeriodRef(int Id, string Name, int Year, UnitRef Scope);

/// <summary>A unit's values to store: the whole form (PUT) or some indicators (PATCH).</summary>
public sealed record FormValuesBody
{
    /// <summary>Values by indicator code: a JSON number, a string typed the Vietnamese way ("1.306", "93,23", "26/27", "có", "30/10/2018"), {"n":26,"N":27}, a boolean, or null to clear.</summary>
    public Dictionary<string, JsonElement>? Values { get; init; }

    /// <summary>Explanations of warning rules by rule code (null or blank clears one).</summary>
    public Dictionary<string, string?>? Explanations { get; init; }

    /// <summary>The version the change is based on, when no If-Match header is sent.</summary>
    public int? Version { get; init; }
}

/// <summary>A step of the cycle that takes nothing but, optionally, the version it is based on.</summary>
public sealed record FormStepBody
{
    /// <summary>The version the step is based on (or If-Match); checked for confirm and submit when given.</summary>
    public int? Version { get; init; }
}

/// <summary>Returning a submission.</summary>
public sealed record FormReturnBody
{
    /// <summary>What the unit must correct (required).</summary>
    public string? Comment { get; init; }
}

/// <summary>Extending one unit's deadline.</summary>
public sealed record FormExtendBody
{
    /// <summary>The new last day.</summary>
    public DateOnly Until { get; init; }

    /// <summary>Why (required).</summary>
    public string? Reason { get; init; }
}

/// <summary>How many units of a scope owe the form, submitted it, and on time (tỷ lệ báo cáo).</summary>
/// <param name="Expected">Units that owe the form.</param>
/// <param name="Submitted">Of those, submitted or accepted.</param>
/// <param name="OnTime">Of those, on time.</param>
/// <param name="Ratio">"submitted/expected", e.g. "1/3".</param>
/// <param name="Percent">Submitted over expected, in percent.</param>
/// <param name="OnTimePercent">On time over expected, in percent.</param>
public sealed record CompletenessView(int Expected, int Submitted, int OnTime, string Ratio, decimal? Percent, decimal? OnTimePercent)
{
    /// <summary>From the core's completeness.</summary>
    public static CompletenessView From(Completeness c) =>
        new(c.Expected, c.Submitted, c.OnTime ?? 0, $"{c.Submitted}/{c.Expected}", Round(c.Percent), Round(c.OnTimePercent));

    private static decimal? Round(decimal? p) => p is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>One indicator of an aggregate table.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="Name">Name.</param>
/// <param name="Unit">Unit of measure.</param>
/// <param name="Value">The scope's value by the indicator's aggregation (JSON as in a report).</param>
/// <param name="Cell">The value as the appendix prints it (vi-VN: "3,43%", "26/27", "1.306").</param>
/// <param name="Previous">The previous period's value for the same scope, when there is one.</param>
/// <param name="PreviousCell">The previous value as printed.</param>
public sealed record IndicatorFigure(string Code, string Name, string? Unit, JsonNode? Value, string Cell, JsonNode? Previous, string? PreviousCell);

/// <summary>One section of the paper form as a row of printed cells (a table's leaf columns, or a list's indicators).</summary>
/// <param name="Title">Section title.</param>
/// <param name="Headers">Leaf column headers (or indicator names).</param>
/// <param name="Cells">The cells, left to right.</param>
public sealed record SectionRow(string Title, IReadOnlyList<string> Headers, IReadOnlyList<string> Cells);

/// <summary>One unit directly under the scope, for drill-down.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Completeness">Its own subtree's completeness.</param>
/// <param name="Cells">Its aggregated values as printed, by indicator code.</param>
public sealed record DrillDownRow(UnitRef Unit, CompletenessView Completeness, IReadOnlyDictionary<string, string> Cells);

/// <summary>Every indicator of a period aggregated for a scope, with completeness, the appendix rows, drill-down and the previous period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Form">The form version.</param>
/// <param name="Scope">The scope aggregated.</param>
/// <param name="Completeness">The scope's completeness.</param>
/// <param name="Indicators">Every indicator's value.</param>
/// <param name="Sections">The appendix rows, one per section.</param>
/// <param name="Units">One row per unit directly under the scope.</param>
/// <param name="PreviousPeriod">The same form's previous period for the same scope unit, when there is one.</param>
public sealed record FigureTable(
    FormPeriodRef Period, FormRef Form, UnitRef Scope, CompletenessView Completeness, IReadOnlyList<IndicatorFigure> Indicators,
    IReadOnlyList<SectionRow> Sections, IReadOnlyList<DrillDownRow> Units, FormPeriodRef? PreviousPeriod);
