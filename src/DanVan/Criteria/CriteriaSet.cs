using System.Text.Json.Serialization;

namespace DanVan.Criteria;

/// <summary>A criteria set (bộ tiêu chí) as issued by a decision; this type is the JSON file format.</summary>
/// <remarks>
/// Documented in docs/criteria-format.md; the JSON Schema is docs/criteria-set.schema.json.
/// Required values are always written, even when they equal their type's default (a band's "min": 0, a level's
/// "points": 0, "type": "points"): the format omits defaults, and a required member left out could not be read back.
/// </remarks>
public sealed record CriteriaSet
{
    /// <summary>Format version of the file; currently 1.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Stable key of the set across versions, e.g. "quang-binh-3140-2022-01".</summary>
    public required string Id { get; init; }

    /// <summary>Version of the set; a changed set that a period already uses becomes a new version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Display name in Vietnamese.</summary>
    public required string Name { get; init; }

    /// <summary>The issuing decision.</summary>
    public required DocumentRef Decision { get; init; }

    /// <summary>Decisions this one replaces (kept for past years).</summary>
    public IReadOnlyList<DocumentRef> Replaces { get; init; } = [];

    /// <summary>Codes of the unit groups (khối) this set applies to.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>Where the content comes from, and what was assumed where the source is silent.</summary>
    public SourceNotes? Source { get; init; }

    /// <summary>Nominal maximum of the scored criteria (e.g. 100); the sum of the top-level maxima.</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>The tree of criteria.</summary>
    public required IReadOnlyList<Criterion> Criteria { get; init; }

    /// <summary>Bonus items (điểm thưởng) on top of the scale.</summary>
    public IReadOnlyList<Criterion> Bonus { get; init; } = [];

    /// <summary>Cap on the sum of bonus points; none when null.</summary>
    public decimal? BonusCap { get; init; }

    /// <summary>Deduction items (điểm trừ).</summary>
    public IReadOnlyList<Criterion> Deductions { get; init; } = [];

    /// <summary>Cap on the sum of deducted points; none when null.</summary>
    public decimal? DeductionCap { get; init; }

    /// <summary>Flags a reviewer can record on an assessment (e.g. a disciplinary violation) for rules to use.</summary>
    public IReadOnlyList<FlagDefinition> Flags { get; init; } = [];

    /// <summary>Bands and override rules.</summary>
    public required Classification Classification { get; init; }

    /// <summary>All criteria of the main tree, bonus and deductions, depth first.</summary>
    public IEnumerable<Criterion> AllCriteria() =>
        Criteria.Concat(Bonus).Concat(Deductions).SelectMany(c => c.SelfAndDescendants());

    /// <summary>Finds a criterion anywhere in the set by id.</summary>
    public Criterion? FindCriterion(string id) => AllCriteria().FirstOrDefault(c => c.Id == id);

    /// <summary>Ids of the criteria the level above scores: those marked so and everything below them.</summary>
    public IReadOnlySet<string> SuperiorScoredIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in AllCriteria().Where(c => c.ScoredBy == ScoredBy.Superior))
            ids.UnionWith(c.SelfAndDescendants().Select(x => x.Id));
        return ids;
    }
}

/// <summary>A legal or administrative document reference ("Quyết định số 3367/QĐ-UBND ngày 26/10/2016").</summary>
public sealed record DocumentRef
{
    /// <summary>Kind of document: Quyết định, Kế hoạch, Công văn, Báo cáo, Hướng dẫn...</summary>
    public string Kind { get; init; } = "Quyết định";

    /// <summary>Number and symbol, e.g. "3367/QĐ-UBND".</summary>
    public required string Number { get; init; }

    /// <summary>Date of issue.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Issuing body, e.g. "UBND tỉnh Quảng Bình".</summary>
    public string? Issuer { get; init; }

    /// <summary>Summary (trích yếu).</summary>
    public string? Title { get; init; }

    /// <summary>Formats as "Quyết định số 3367/QĐ-UBND ngày 26/10/2016".</summary>
    public override string ToString() =>
        Date is { } d ? $"{Kind} số {Number} ngày {d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : $"{Kind} số {Number}";
}

/// <summary>Provenance of a set: source addresses, what the source states, and labelled assumptions.</summary>
public sealed record SourceNotes
{
    /// <summary>Addresses of the public copies used.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>What the source states.</summary>
    public string? Stated { get; init; }

    /// <summary>Assumptions made where the source is silent.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}

/// <summary>Who enters the points of a criterion.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ScoredBy>))]
public enum ScoredBy
{
    /// <summary>The unit scores itself; reviewers may adjust.</summary>
    Unit = 0,

    /// <summary>Only the level above scores it (Bắc Kạn: 10 of 100 points).</summary>
    Superior = 1,
}

/// <summary>One criterion or sub-criterion (tiêu chí / tiêu chí thành phần).</summary>
public sealed record Criterion
{
    /// <summary>Unique id within the set, e.g. "2.1".</summary>
    public required string Id { get; init; }

    /// <summary>Name as the decision writes it.</summary>
    public required string Name { get; init; }

    /// <summary>Maximum points.</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>Guidance for scoring, evidence expected.</summary>
    public string? Guidance { get; init; }

    /// <summary>Who scores it; inherited by children when set on a parent.</summary>
    public ScoredBy ScoredBy { get; init; } = ScoredBy.Unit;

    /// <summary>When true a unit may mark it "không áp dụng"; its maximum then leaves the applicable total.</summary>
    public bool MayNotApply { get; init; }

    /// <summary>How a leaf is scored; null for a parent, whose points are its children's sum.</summary>
    public ScoringMethod? Method { get; init; }

    /// <summary>A registry figure of the unit for the period the criterion is checked against, or takes its value from; a leaf only.</summary>
    public RegistryLink? Registry { get; init; }

    /// <summary>Sub-criteria; their maxima add up to this one's.</summary>
    public IReadOnlyList<Criterion> Children { get; init; } = [];

    /// <summary>True for a criterion without children.</summary>
    [JsonIgnore]
    public bool IsLeaf => Children.Count == 0;

    /// <summary>This criterion and all below it, depth first.</summary>
    public IEnumerable<Criterion> SelfAndDescendants() =>
        Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

/// <summary>
/// A criterion tied to a registry figure (<see cref="DanVan.Registries.RegistryFigures"/>) of the unit over the period's
/// data window: shown beside the criterion, checked against at most one expectation, or taken as the achieved value.
/// </summary>
public sealed record RegistryLink
{
    /// <summary>The figure's code, e.g. <c>receptions.periodic.byHead</c>.</summary>
    public required string Figure { get; init; }

    /// <summary>Count or ratio figure: the figure expected at least (a ratio as a percentage); below it the self-score may reach only max × figure / atLeast.</summary>
    public decimal? AtLeast { get; init; }

    /// <summary>Count or ratio figure: the figure expected at most; above it the self-score may reach only max × atMost / figure (nothing when atMost is 0).</summary>
    public decimal? AtMost { get; init; }

    /// <summary>Yes/no figure: the answer expected; otherwise the self-score may reach nothing.</summary>
    public bool? Expect { get; init; }

    /// <summary>Ratio and count methods: the achieved figure (count) is the registry's, never typed by the unit.</summary>
    public bool TakeValue { get; init; }

    /// <summary>True when an expectation is set (atLeast, atMost or expect).</summary>
    [JsonIgnore]
    public bool HasExpectation => AtLeast is not null || AtMost is not null || Expect is not null;
}

/// <summary>Kinds of scoring method.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ScoringMethodType>))]
public enum ScoringMethodType
{
    /// <summary>Points entered within [0, max] at a fixed step.</summary>
    Points = 0,

    /// <summary>Choice among defined levels, each worth fixed points.</summary>
    Levels = 1,

    /// <summary>Checklist of sub-items, the checked items' points summed.</summary>
    Checklist = 2,

    /// <summary>Achieved figure over target: full points at 100%, proportional below, clamped.</summary>
    Ratio = 3,

    /// <summary>A count of occurrences times points each, capped at the maximum (typical for deductions).</summary>
    Count = 4,
}

/// <summary>How a leaf criterion turns an entry into points.</summary>
public sealed record ScoringMethod
{
    /// <summary>The method.</summary>
    public required ScoringMethodType Type { get; init; }

    /// <summary>Points: the step entries must be a multiple of (default 0.25).</summary>
    public decimal? Step { get; init; }

    /// <summary>Levels: the allowed levels.</summary>
    public IReadOnlyList<Level> Levels { get; init; } = [];

    /// <summary>Checklist: the items.</summary>
    public IReadOnlyList<ChecklistItem> Items { get; init; } = [];

    /// <summary>Ratio: the target when the set fixes it; otherwise entered per unit.</summary>
    public decimal? Target { get; init; }

    /// <summary>Ratio: unit of measure of achieved and target, e.g. "%", "hồ sơ".</summary>
    public string? Unit { get; init; }

    /// <summary>Ratio: when true a lower figure is better (points = max × target / achieved).</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Count: points per occurrence.</summary>
    public decimal? PointsEach { get; init; }

    /// <summary>Decimals computed points are rounded to (default 2).</summary>
    public int? Decimals { get; init; }
}

/// <summary>A level of a levels-scored criterion.</summary>
public sealed record Level
{
    /// <summary>Code entered, e.g. "A".</summary>
    public required string Code { get; init; }

    /// <summary>Label shown.</summary>
    public required string Label { get; init; }

    /// <summary>Points given.</summary>
    public required decimal Points { get; init; }
}

/// <summary>An item of a checklist-scored criterion.</summary>
public sealed record ChecklistItem
{
    /// <summary>Id within the criterion.</summary>
    public required string Id { get; init; }

    /// <summary>Label shown.</summary>
    public required string Label { get; init; }

    /// <summary>Points when checked.</summary>
    public required decimal Points { get; init; }
}

/// <summary>A flag a reviewer can record on an assessment, e.g. "ky-luat" (a disciplinary violation).</summary>
public sealed record FlagDefinition
{
    /// <summary>Code used by rules.</summary>
    public required string Code { get; init; }

    /// <summary>Label shown.</summary>
    public required string Label { get; init; }
}

/// <summary>Classification bands and override rules.</summary>
public sealed record Classification
{
    /// <summary>Bands from highest to lowest.</summary>
    public required IReadOnlyList<Band> Bands { get; init; }

    /// <summary>Label of the status "not eligible for classification", when the decision has one.</summary>
    public string? NotEligibleLabel { get; init; }

    /// <summary>Override rules, applied in order.</summary>
    public IReadOnlyList<ClassificationRule> Rules { get; init; } = [];
}

/// <summary>A band: a label and the minimum total (on the nominal scale) to reach it.</summary>
public sealed record Band
{
    /// <summary>Code, e.g. "HTXS".</summary>
    public required string Code { get; init; }

    /// <summary>Label, e.g. "Hoàn thành xuất sắc".</summary>
    public required string Label { get; init; }

    /// <summary>Minimum total, inclusive.</summary>
    public required decimal Min { get; init; }

    /// <summary>Optional exclusive upper bound ("dưới 90") as the decision writes it; checked against the band above.</summary>
    public decimal? Below { get; init; }
}

/// <summary>Kinds of override rule.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RuleType>))]
public enum RuleType
{
    /// <summary>When at least MinCount of the named (or top-level) criteria score under Share of their maximum.</summary>
    CriterionBelowShare = 0,

    /// <summary>When the assessment carries the flag named by Flag.</summary>
    Flag = 1,

    /// <summary>When the unit did not submit.</summary>
    NotSubmitted = 2,

    /// <summary>At most Steps bands above the previous year's final class.</summary>
    MaxStepsAbovePrevious = 3,

    /// <summary>Across a group, at most Share of the units in Band; the lowest totals beyond it move down one band.</summary>
    BandShareCap = 4,
}

/// <summary>An override rule: a condition and what it does to the class (cap or set).</summary>
public sealed record ClassificationRule
{
    /// <summary>The rule kind.</summary>
    public required RuleType Type { get; init; }

    /// <summary>Wording of the decision, shown when the rule applies.</summary>
    public string? Description { get; init; }

    /// <summary>CriterionBelowShare: the criteria looked at (default: all top-level criteria).</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>CriterionBelowShare: share of maximum (0–1); BandShareCap: share of units (0–1).</summary>
    public decimal? Share { get; init; }

    /// <summary>CriterionBelowShare: how many criteria must be under the share (default 1).</summary>
    public int? MinCount { get; init; }

    /// <summary>Flag: the flag code.</summary>
    public string? Flag { get; init; }

    /// <summary>MaxStepsAbovePrevious: how many bands above the previous year's class.</summary>
    public int? Steps { get; init; }

    /// <summary>BandShareCap: the band whose share is capped.</summary>
    public string? Band { get; init; }

    /// <summary>The class may be at most this band.</summary>
    public string? CapAt { get; init; }

    /// <summary>The class is set to this band, or to "not-eligible".</summary>
    public string? SetTo { get; init; }

    /// <summary>The value of SetTo that means "không đủ điều kiện xếp loại".</summary>
    public const string NotEligible = "not-eligible";
}
