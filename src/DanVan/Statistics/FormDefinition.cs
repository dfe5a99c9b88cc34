using System.Text.Json.Serialization;
using DanVan.Criteria;
using DanVan.OrgUnits;
using DanVan.Periods;

namespace DanVan.Statistics;

/// <summary>
/// A statistics form (biểu mẫu thống kê) as data: the indicators a unit reports for one period, the rules between
/// them and the paper layout. Read from the format documented in docs/forms-format.md.
/// </summary>
public sealed record FormDefinition
{
    /// <summary>Version of the file format; 1.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Stable code of the form, e.g. "thanh-hoa-dvcq-phu-luc".</summary>
    public required string Code { get; init; }

    /// <summary>Name as printed on the paper form.</summary>
    public required string Name { get; init; }

    /// <summary>Version of this form (1, 2, …); a period uses one version.</summary>
    public required int Version { get; init; }

    /// <summary>The document requiring the form (số, ngày, cơ quan).</summary>
    public required DocumentRef Document { get; init; }

    /// <summary>How long each reporting period of the form runs.</summary>
    public required PeriodKind PeriodKind { get; init; }

    /// <summary>Codes of the unit groups (khối) that fill the form; empty: every unit.</summary>
    public IReadOnlyList<string> UnitGroups { get; init; } = [];

    /// <summary>Deadline per level: communes first, districts later, the province last.</summary>
    public IReadOnlyList<FormDeadline> Deadlines { get; init; } = [];

    /// <summary>Every indicator of the form, typed or computed.</summary>
    public required IReadOnlyList<Indicator> Indicators { get; init; }

    /// <summary>Validation rules between indicators.</summary>
    public IReadOnlyList<FormRule> Rules { get; init; } = [];

    /// <summary>Sections laid out as on paper.</summary>
    public required IReadOnlyList<FormSection> Sections { get; init; }

    /// <summary>Where the form comes from.</summary>
    public SourceNotes? Sources { get; init; }

    /// <summary>The indicator with <paramref name="code"/>, or null.</summary>
    public Indicator? Find(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    /// <summary>The deadline of a unit of <paramref name="level"/> for <paramref name="period"/>; null when the form sets none for it.</summary>
    public DateOnly? DeadlineFor(ReportingPeriod period, OrgUnitKind level) =>
        Deadlines.FirstOrDefault(d => d.Level == level) is { } d ? period.To.AddDays(d.DaysAfterPeriodEnd) : null;
}

/// <summary>When units of one level must have submitted: a number of days after the period's data window ends.</summary>
public sealed record FormDeadline
{
    /// <summary>The level (commune, district, province…).</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<OrgUnitKind>))]
    public required OrgUnitKind Level { get; init; }

    /// <summary>Days after the last day of the data window (0: that day).</summary>
    public required int DaysAfterPeriodEnd { get; init; }
}

/// <summary>One indicator (chỉ tiêu): a figure of the form.</summary>
public sealed record Indicator
{
    /// <summary>Code, unique in the form; the name formulas and rules use (letters, digits, underscore).</summary>
    public required string Code { get; init; }

    /// <summary>Name as printed.</summary>
    public required string Name { get; init; }

    /// <summary>Unit of measure (đơn vị tính): lượt, người, %, tỷ đồng…</summary>
    public string? Unit { get; init; }

    /// <summary>Kind of value.</summary>
    public required IndicatorType Type { get; init; }

    /// <summary>True when a unit must give it before submitting.</summary>
    public bool Required { get; init; }

    /// <summary>How it aggregates up the hierarchy; absent for a computed indicator, which is recomputed at every scope.</summary>
    public Aggregation? Aggregation { get; init; }

    /// <summary>For <see cref="Statistics.Aggregation.RatioOfSums"/>: the indicator summed above the line.</summary>
    public string? Numerator { get; init; }

    /// <summary>For <see cref="Statistics.Aggregation.RatioOfSums"/>: the indicator summed below the line.</summary>
    public string? Denominator { get; init; }

    /// <summary>For <see cref="Statistics.Aggregation.Average"/>: the indicator weighting each unit (none: plain mean).</summary>
    public string? Weight { get; init; }

    /// <summary>A formula over other indicators (NCalc syntax); the indicator is then computed, never typed.</summary>
    public string? Formula { get; init; }

    /// <summary>For <see cref="IndicatorType.Choice"/>: the allowed answers.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Decimals shown (rounded half away from zero, trailing zeros dropped); default 1 for percentages, 2 for decimals.</summary>
    public int? Decimals { get; init; }

    /// <summary>A registry figure (<c>receptions.visits</c>, see <c>RegistryFigures</c>) that fills the indicator: the unit's own
    /// records over the period, taken when the unit saves and submits, never typed.</summary>
    public string? Registry { get; init; }

    /// <summary>True when the indicator is computed from <see cref="Formula"/>.</summary>
    [JsonIgnore]
    public bool IsComputed => Formula is not null;

    /// <summary>True when the indicator takes its value from a registry.</summary>
    [JsonIgnore]
    public bool IsFromRegistry => Registry is not null;

    /// <summary>True when a person types the value (neither computed nor from a registry).</summary>
    [JsonIgnore]
    public bool IsTyped => !IsComputed && !IsFromRegistry;
}

/// <summary>Kind of value of an indicator.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<IndicatorType>))]
public enum IndicatorType
{
    /// <summary>Whole number ≥ 0 (số lượt, số người).</summary>
    WholeNumber = 0,

    /// <summary>Decimal number (tỷ đồng).</summary>
#pragma warning disable CA1720 // "decimal" is the format's word for it
    Decimal = 1,
#pragma warning restore CA1720

    /// <summary>Percentage within 0–100.</summary>
    Percentage = 2,

    /// <summary>Ratio n/N of two whole numbers, n ≤ N (26/27).</summary>
    Ratio = 3,

    /// <summary>Yes or no.</summary>
    YesNo = 4,

    /// <summary>Free text.</summary>
    Text = 5,

    /// <summary>A date.</summary>
    Date = 6,

    /// <summary>One of the listed choices.</summary>
    Choice = 7,
}

/// <summary>How an indicator's values of several units make the value of their scope.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Aggregation>))]
public enum Aggregation
{
    /// <summary>Sum (of both parts, for a ratio n/N).</summary>
    Sum = 0,

    /// <summary>Sum of the numerator over sum of the denominator (×100 for a percentage).</summary>
    RatioOfSums = 1,

    /// <summary>Mean, weighted by <see cref="Indicator.Weight"/> when given.</summary>
    Average = 2,

    /// <summary>Smallest value.</summary>
    Min = 3,

    /// <summary>Largest value.</summary>
    Max = 4,

    /// <summary>Number of units answering yes.</summary>
    CountYes = 5,

    /// <summary>The scope unit's own value (a date or text the scope itself states).</summary>
    Latest = 6,

    /// <summary>Not aggregated: shown per unit only.</summary>
    None = 7,
}

/// <summary>A rule between indicators, e.g. <c>resolved &lt;= received</c>.</summary>
public sealed record FormRule
{
    /// <summary>Code, unique among the rules.</summary>
    public required string Code { get; init; }

    /// <summary>A condition over indicator codes (NCalc syntax) that must hold.</summary>
    public required string Expression { get; init; }

    /// <summary>Error (blocks submission) or warning (needs an explanation).</summary>
    public required RuleSeverity Severity { get; init; }

    /// <summary>The indicator the refusal points at; default the first one the expression names.</summary>
    public string? At { get; init; }

    /// <summary>What the rule says, as the form's document words it (shown with the refusal).</summary>
    public string? Description { get; init; }
}

/// <summary>Severity of a rule.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RuleSeverity>))]
public enum RuleSeverity
{
    /// <summary>Blocks submission.</summary>
    Error = 0,

    /// <summary>Needs an explanation before submission.</summary>
    Warning = 1,
}

/// <summary>A section of the paper form: a list of indicators, or a table with (grouped) column headers and one row per unit.</summary>
public sealed record FormSection
{
    /// <summary>Title as printed.</summary>
    public required string Title { get; init; }

    /// <summary>Header of a table's first column, which names the unit (e.g. "Stt").</summary>
    public string? RowHeader { get; init; }

    /// <summary>Indicators listed one per line (a list section).</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    /// <summary>Table columns, left to right; a column with columns is a group header over them (a table section).</summary>
    public IReadOnlyList<FormColumn> Columns { get; init; } = [];
}

/// <summary>A table column: a leaf showing one indicator, or a group header spanning its columns.</summary>
public sealed record FormColumn
{
    /// <summary>Header text.</summary>
    public required string Header { get; init; }

    /// <summary>The indicator shown in a leaf column.</summary>
    public string? Indicator { get; init; }

    /// <summary>Columns under a group header.</summary>
    public IReadOnlyList<FormColumn> Columns { get; init; } = [];

    /// <summary>Whole numbers in this column are written with at least this many digits ("02"), as the paper form does.</summary>
    public int? MinDigits { get; init; }

    /// <summary>The leaf columns under this one, left to right (itself when a leaf).</summary>
    public IEnumerable<FormColumn> Leaves() => Columns.Count == 0 ? [this] : Columns.SelectMany(c => c.Leaves());
}
