using System.ComponentModel;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Evaluations;

namespace DanVan.Web.Api.Evaluations;

/// <summary>One unit's assessment: the criteria tree with entries per layer, totals, status and version.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="Period">The period.</param>
/// <param name="Unit">The unit evaluated.</param>
/// <param name="Group">The group it is ranked in.</param>
/// <param name="CriteriaSet">The criteria set version it is scored by.</param>
/// <param name="Status">Where it stands in the cycle.</param>
/// <param name="Version">Concurrency version (also the ETag); send it back with every change.</param>
/// <param name="IsLate">Submitted after the deadline.</param>
/// <param name="ConfirmedAt">When the unit head confirmed (UTC).</param>
/// <param name="ConfirmedBy">Who confirmed.</param>
/// <param name="SubmittedAt">When submitted (UTC).</param>
/// <param name="ReturnComment">The coordinator's comment when returned for revision.</param>
/// <param name="ApprovedAt">When approved (UTC).</param>
/// <param name="Flags">Flags recorded by reviewers (e.g. a disciplinary violation).</param>
/// <param name="Self">The self-assessed result (entries of the unit only).</param>
/// <param name="Final">The result with appraisal and inspection; shown to reviewers, and to everyone once approved.</param>
/// <param name="Criteria">The main criteria tree.</param>
/// <param name="Bonus">Bonus items.</param>
/// <param name="Deductions">Deduction items.</param>
/// <param name="Actions">What the caller may do now.</param>
/// <param name="Contradictions">Where the unit's self-score claims more than a registry figure supports (criteria checked against the registries).</param>
public sealed record AssessmentDetails(
    int Id,
    PeriodRef Period,
    UnitRef Unit,
    GroupRef Group,
    CriteriaSetRef CriteriaSet,
    AssessmentStatus Status,
    int Version,
    bool IsLate,
    DateTime? ConfirmedAt,
    string? ConfirmedBy,
    DateTime? SubmittedAt,
    string? ReturnComment,
    DateTime? ApprovedAt,
    IReadOnlyList<string> Flags,
    ResultView Self,
    ResultView? Final,
    IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<CriterionView> Bonus,
    IReadOnlyList<CriterionView> Deductions,
    AssessmentActions Actions,
    IReadOnlyList<ContradictionView> Contradictions);

/// <summary>A contradiction of the unit's self-score with a registry figure: a code, the criterion, the arguments and the sentence.</summary>
/// <param name="Code">Stable code, <c>contradiction.belowAtLeast</c> and the like.</param>
/// <param name="Criterion">The criterion.</param>
/// <param name="Message">The sentence in the language asked for (Accept-Language; Vietnamese by default).</param>
/// <param name="Args">The arguments: figure, points, max, supported, found, expected (or entered).</param>
public sealed record ContradictionView(string Code, string Criterion, string Message, IReadOnlyDictionary<string, object?> Args);

/// <summary>The registry figure a criterion names, for the unit over the period's data window.</summary>
/// <param name="Figure">The figure's code, e.g. <c>receptions.periodic.byHead</c>.</param>
/// <param name="Shape">count, ratio or yesNo.</param>
/// <param name="Value">A count, a rate as a percentage (null for 0/0), or 1/0 for yes/no.</param>
/// <param name="Part">Ratio: the part (n of n/N).</param>
/// <param name="Whole">Ratio: the whole (N of n/N).</param>
/// <param name="Text">The figure in words ("3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì").</param>
/// <param name="AtLeast">The expectation "at least", when set.</param>
/// <param name="AtMost">The expectation "at most", when set.</param>
/// <param name="Expect">The yes/no answer expected, when set.</param>
/// <param name="TakeValue">The unit's value is the registry's (not typed).</param>
/// <param name="SupportedPoints">The most the self-score may claim by the figure (for a deduction: the least); null when nothing is checked.</param>
/// <param name="TakenValue">The count or achieved figure the registry gives a criterion that takes its value.</param>
public sealed record RegistryFigureView(
    string Figure,
    string Shape,
    decimal? Value,
    decimal? Part,
    decimal? Whole,
    string Text,
    decimal? AtLeast,
    decimal? AtMost,
    bool? Expect,
    bool TakeValue,
    decimal? SupportedPoints,
    decimal? TakenValue);

/// <summary>A computed result: totals and class, with the reasons the class moved.</summary>
/// <param name="Total">Final total of this result.</param>
/// <param name="BaseTotal">Sum of the main criteria.</param>
/// <param name="ApplicableMax">Maximum of the criteria that apply to the unit.</param>
/// <param name="MaxPoints">Nominal maximum of the set.</param>
/// <param name="Bonus">Bonus after its cap.</param>
/// <param name="Deduction">Deduction after its cap.</param>
/// <param name="Band">Class code, or "not-eligible".</param>
/// <param name="BandLabel">Class label, e.g. "Hoàn thành tốt".</param>
/// <param name="Explanation">One line per step: total, class, each rule applied.</param>
public sealed record ResultView(
    decimal Total,
    decimal BaseTotal,
    decimal ApplicableMax,
    decimal MaxPoints,
    decimal Bonus,
    decimal Deduction,
    string Band,
    string BandLabel,
    IReadOnlyList<string> Explanation)
{
    /// <summary>From the engine's result.</summary>
    public static ResultView From(ScoreResult r) =>
        new(r.Total, r.BaseTotal, r.ApplicableMax, r.MaxPoints, r.Bonus, r.Deduction, r.Band, r.BandLabel, r.Explanation);
}

/// <summary>A criterion of the tree with how it is scored, its entries per layer and its points.</summary>
/// <param name="Id">Criterion id within the set; the key of PUT .../entries/{criterionId}.</param>
/// <param name="Name">Name as the decision writes it.</param>
/// <param name="MaxPoints">Maximum points.</param>
/// <param name="Guidance">Guidance and evidence expected.</param>
/// <param name="ScoredBy">Who scores it: the unit, or only the level above.</param>
/// <param name="MayNotApply">The unit may mark it not applicable.</param>
/// <param name="Method">How a leaf is scored; null for a parent.</param>
/// <param name="SelfEntry">The unit's entry.</param>
/// <param name="AppraisalEntry">The coordinating body's adjustment.</param>
/// <param name="InspectionEntry">The inspection team's finding.</param>
/// <param name="SelfPoints">Points by the unit's entries.</param>
/// <param name="FinalPoints">Points with every layer; null when the final result is not shown to the caller.</param>
/// <param name="EvidenceCount">Evidence items attached to this criterion.</param>
/// <param name="Children">Sub-criteria.</param>
/// <param name="Registry">The registry figure it names, when it names one.</param>
public sealed record CriterionView(
    string Id,
    string Name,
    decimal MaxPoints,
    string? Guidance,
    ScoredBy ScoredBy,
    bool MayNotApply,
    MethodView? Method,
    EntryView? SelfEntry,
    EntryView? AppraisalEntry,
    EntryView? InspectionEntry,
    decimal SelfPoints,
    decimal? FinalPoints,
    int EvidenceCount,
    IReadOnlyList<CriterionView> Children,
    RegistryFigureView? Registry);

/// <summary>How a leaf criterion is scored, i.e. which fields an entry needs.</summary>
/// <param name="Type">Points: <c>points</c>; Levels: <c>level</c>; Checklist: <c>checked</c>; Ratio: <c>achieved</c> (and <c>target</c> when the set fixes none); Count: <c>count</c>.</param>
/// <param name="Step">Points: entries are multiples of it.</param>
/// <param name="Levels">Levels: the allowed levels.</param>
/// <param name="Items">Checklist: the items.</param>
/// <param name="Target">Ratio: the fixed target.</param>
/// <param name="Unit">Ratio: unit of measure.</param>
/// <param name="LowerIsBetter">Ratio: a lower figure is better.</param>
/// <param name="PointsEach">Count: points per occurrence.</param>
public sealed record MethodView(
    ScoringMethodType Type,
    decimal? Step,
    IReadOnlyList<ChoiceView> Levels,
    IReadOnlyList<ChoiceView> Items,
    decimal? Target,
    string? Unit,
    bool LowerIsBetter,
    decimal? PointsEach);

/// <summary>A level or a checklist item: the code to send, its label and its points.</summary>
public sealed record ChoiceView(string Code, string Label, decimal Points);

/// <summary>A stored entry.</summary>
public sealed record EntryView(
    decimal? Points,
    string? Level,
    IReadOnlyList<string>? Checked,
    decimal? Achieved,
    decimal? Target,
    int? Count,
    bool NotApplicable,
    string? Note,
    string? EnteredBy,
    DateTime EnteredAt,
    [property: Description("The stamp of this value and note; send it back as 'basedOn' to change this criterion whatever else changed in the sheet.")]
    string Stamp)
{
    /// <summary>From the entity.</summary>
    public static EntryView From(AssessmentEntry e)
    {
        var v = e.Value;
        return new(v.Points, v.Level, v.Checked, v.Achieved, v.Target, v.Count, v.NotApplicable, e.Note, e.EnteredBy, e.EnteredAt, EntryConflicts.Stamp(e));
    }
}

/// <summary>A value for one criterion in one layer; give the field the criterion's method needs.</summary>
public sealed record EntryBody
{
    /// <summary>The layer.</summary>
    [Description("Self (unit users), Appraisal (coordinators) or Inspection (inspectors). Default Self.")]
    public ScoreLayer Layer { get; init; } = ScoreLayer.Self;

    /// <summary>Points method.</summary>
    public decimal? Points { get; init; }

    /// <summary>Levels method: the level code.</summary>
    public string? Level { get; init; }

    /// <summary>Checklist method: ids of the checked items.</summary>
    public IReadOnlyList<string>? Checked { get; init; }

    /// <summary>Ratio method: achieved figure.</summary>
    public decimal? Achieved { get; init; }

    /// <summary>Ratio method: target, when the set does not fix it.</summary>
    public decimal? Target { get; init; }

    /// <summary>Count method.</summary>
    public int? Count { get; init; }

    /// <summary>The criterion does not apply to the unit (only where the set allows it).</summary>
    public bool NotApplicable { get; init; }

    /// <summary>The unit's explanation; for Appraisal and Inspection the reason, which is mandatory.</summary>
    [Description("The unit's explanation; for Appraisal and Inspection the reason for the adjustment, which is mandatory.")]
    public string? Note { get; init; }

    /// <summary>The version read; or send If-Match.</summary>
    [Description("The assessment version the change is based on; alternatively the If-Match header.")]
    public int? Version { get; init; }

    /// <summary>The stamp of the entry the change starts from; with it, only a change of this criterion meanwhile refuses it.</summary>
    [Description("The 'stamp' of this criterion's entry in this layer as read ('0' when it had none). With it the change is checked "
        + "against this criterion only: someone else's change of it meanwhile gives 409 entry.changedByOther, changes elsewhere in the sheet do not; "
        + "the version (If-Match) is then not needed.")]
    public string? BasedOn { get; init; }

    /// <summary>As the core takes it: the one conversion of this JSON shape into the core's <see cref="CriterionValue"/>.</summary>
    public EntryInput ToInput(string criterionId) => new()
    {
        CriterionId = criterionId,
        Layer = Layer,
        Value = new CriterionValue
        {
            Points = Points, Level = Level, Checked = Checked, Achieved = Achieved, Target = Target, Count = Count, NotApplicable = NotApplicable,
        },
        Note = Note,
    };
}

/// <summary>A state change that needs only the version (confirm, submit, appraised, approve).</summary>
public sealed record VersionBody
{
    /// <summary>The version read; or send If-Match.</summary>
    [Description("The assessment version the change is based on; alternatively the If-Match header.")]
    public int? Version { get; init; }
}

/// <summary>Returning a submission for revision.</summary>
public sealed record ReturnBody
{
    /// <summary>The version read; or send If-Match.</summary>
    [Description("The assessment version the change is based on; alternatively the If-Match header.")]
    public int? Version { get; init; }

    /// <summary>What the unit must revise; mandatory.</summary>
    [Description("What the unit must revise; mandatory.")]
    public string? Comment { get; init; }
}

/// <summary>Reopening an approved result.</summary>
public sealed record ReopenBody
{
    /// <summary>The version read; or send If-Match.</summary>
    [Description("The assessment version the change is based on; alternatively the If-Match header.")]
    public int? Version { get; init; }

    /// <summary>Why; mandatory, kept in the audit trail.</summary>
    [Description("Why the result is reopened; mandatory, kept in the audit trail.")]
    public string? Reason { get; init; }
}

/// <summary>Setting the reviewers' flags of an assessment.</summary>
public sealed record FlagsBody
{
    /// <summary>The version read; or send If-Match.</summary>
    [Description("The assessment version the change is based on; alternatively the If-Match header.")]
    public int? Version { get; init; }

    /// <summary>Flag codes defined by the criteria set; the whole set after the change.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>Why; mandatory.</summary>
    public string? Reason { get; init; }
}

/// <summary>One line of the audit trail.</summary>
public sealed record AuditLine(long Id, DateTime At, string User, string Action, string? CriterionId, string? OldValue, string? NewValue, string? Reason);
