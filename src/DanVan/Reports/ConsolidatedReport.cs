using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.OrgUnits;

namespace DanVan.Reports;

/// <summary>A unit as a report names it, with how its class was reached.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Name">Short name for sentences ("huyện Lệ Thủy").</param>
/// <param name="SelfClaimed">True when the class is the unit's own, not appraised ("tự nhận").</param>
public sealed record UnitMention(int UnitId, string Name, bool SelfClaimed = false);

/// <summary>How many units of a section reached one band.</summary>
/// <param name="Code">Band code.</param>
/// <param name="Label">Band label.</param>
/// <param name="Count">Units in the band.</param>
/// <param name="Units">The units, for named lists.</param>
public sealed record BandCount(string Code, string Label, int Count, IReadOnlyList<UnitMention> Units);

/// <summary>Participation of one group: n evaluated of N, and who is missing.</summary>
public sealed record PartResult(ReportPart Part, string GroupName, int Total, int Evaluated, IReadOnlyList<UnitMention> Missing);

/// <summary>Why a unit has no class in the report.</summary>
public enum MissingReason
{
    /// <summary>It did not submit, and the deadline has passed (or the period is in the past): "không đánh giá phân loại".</summary>
    Absent = 0,

    /// <summary>It submitted, and the assessment was returned for completion: not yet classified, never "không đánh giá".</summary>
    Returned = 1,

    /// <summary>It has not submitted yet and its deadline has not passed.</summary>
    NotYetDue = 2,
}

/// <summary>A unit without a class, with its members' participation (a district that scored only its communes) and why.</summary>
public sealed record MissingWithMembers(UnitMention Unit, int MembersEvaluated, int Members, MissingReason Reason = MissingReason.Absent);

/// <summary>Where the period's assessments in the scope stand when the report is built.</summary>
/// <param name="Units">Units expected to assess themselves.</param>
/// <param name="NotSubmitted">Not started or still in draft.</param>
/// <param name="Returned">Returned for completion.</param>
/// <param name="AwaitingAppraisal">Submitted, not appraised yet.</param>
/// <param name="AwaitingApproval">Appraised, not approved yet.</param>
/// <param name="Approved">Approved and published.</param>
/// <param name="DeadlinePassed">The period's last deadline has passed on the day the report is built.</param>
public sealed record ReportProgress(int Units, int NotSubmitted, int Returned, int AwaitingAppraisal, int AwaitingApproval, int Approved, bool DeadlinePassed)
{
    /// <summary>
    /// The figures are final: every unit that submitted is approved, none is returned, and those that never submitted
    /// are past their deadline (the report then names them as not evaluated, as 000 does; before it they are pending).
    /// </summary>
    public bool IsFinal => Units > 0 && Returned == 0 && AwaitingAppraisal == 0 && AwaitingApproval == 0 && (NotSubmitted == 0 || DeadlinePassed);
}

/// <summary>A unit classified by an inspection team without a self-assessment.</summary>
public sealed record InspectedOnly(UnitMention Unit, string BandLabel);

/// <summary>Results of one report section.</summary>
public sealed record SectionResult(
    ReportSection Section,
    SectionStyle Style,
    IReadOnlyList<PartResult> Parts,
    IReadOnlyList<BandCount> Bands,
    IReadOnlyList<MissingWithMembers> MissingWithMembers,
    IReadOnlyList<InspectedOnly> InspectedOnly)
{
    /// <summary>Units of all parts.</summary>
    public int Total => Parts.Sum(p => p.Total);

    /// <summary>Units evaluated in all parts.</summary>
    public int Evaluated => Parts.Sum(p => p.Evaluated);

    /// <summary>Units classified into bands (evaluated, less those only inspected).</summary>
    public int Classified => Bands.Sum(b => b.Count);

    /// <summary>Self-claimed against reviewed class counts.</summary>
    public int SelfClaimedCount => Bands.Sum(b => b.Units.Count(u => u.SelfClaimed));
}

/// <summary>Average points of one criterion over the classified units, as a share of its maximum.</summary>
public sealed record CriterionAverage(string CriterionId, string Name, decimal MaxPoints, decimal AveragePoints, decimal AverageShare, int Units);

/// <summary>The criteria analysis for one criteria set.</summary>
public sealed record CriteriaAnalysis(string CriteriaSetName, IReadOnlyList<CriterionAverage> Criteria, IReadOnlyList<CriterionAverage> Strongest, IReadOnlyList<CriterionAverage> Weakest);

/// <summary>Self-score against final score of one unit.</summary>
public sealed record UnitGap(UnitMention Unit, string GroupName, decimal SelfTotal, decimal FinalTotal, string SelfBand, string FinalBand)
{
    /// <summary>Self minus final: positive when the unit over-scored itself.</summary>
    public decimal Gap => SelfTotal - FinalTotal;
}

/// <summary>Average self-minus-final gap of one criterion over the reviewed units.</summary>
public sealed record CriterionGap(string CriterionId, string Name, decimal AverageGap, int Units);

/// <summary>Band counts of a section in one year, units mapped to their current successors.</summary>
public sealed record YearSection(int Year, string SectionTitle, int Total, int Evaluated, IReadOnlyList<BandCount> Bands);

/// <summary>One current unit's classes over the years, predecessors' results included.</summary>
public sealed record UnitHistory(UnitMention Unit, IReadOnlyDictionary<int, IReadOnlyList<string>> BandsByYear);

/// <summary>The consolidated report of a period for a scope: the figures every output is written from.</summary>
public sealed record ConsolidatedReport
{
    /// <summary>The period's year.</summary>
    public required int Year { get; init; }

    /// <summary>The period's name.</summary>
    public required string PeriodName { get; init; }

    /// <summary>The scope unit's name.</summary>
    public required string ScopeName { get; init; }

    /// <summary>Decisions whose criteria were used.</summary>
    public required IReadOnlyList<DocumentRef> Decisions { get; init; }

    /// <summary>Results by section.</summary>
    public required IReadOnlyList<SectionResult> Sections { get; init; }

    /// <summary>Units with members in the period none of which was evaluated ("districts do not evaluate their communes").</summary>
    public required IReadOnlyList<MissingWithMembers> ParentsNotEvaluatingMembers { get; init; }

    /// <summary>Per criteria set: averages, strongest and weakest criteria.</summary>
    public required IReadOnlyList<CriteriaAnalysis> Criteria { get; init; }

    /// <summary>Reviewed units by how far they over-scored themselves, largest first.</summary>
    public required IReadOnlyList<UnitGap> UnitGaps { get; init; }

    /// <summary>Criteria by average over-scoring, largest first.</summary>
    public required IReadOnlyList<CriterionGap> CriterionGaps { get; init; }

    /// <summary>The same sections in earlier years, oldest first, then this year.</summary>
    public required IReadOnlyList<YearSection> YearComparison { get; init; }

    /// <summary>Current units' classes over the years.</summary>
    public required IReadOnlyList<UnitHistory> UnitHistories { get; init; }

    /// <summary>Where the assessments stand: a report that is not final says so.</summary>
    public ReportProgress Progress { get; init; } = new(0, 0, 0, 0, 0, 0, true);

    /// <summary>The wording the report's sentences use.</summary>
    public ResultPhrases Phrases { get; init; } = new();

    /// <summary>No evaluation results: the figures of a year no evaluation period covers (the report holds the registries and statistics forms).</summary>
    public static ConsolidatedReport None(int year, string scopeName) => new()
    {
        Year = year, PeriodName = "", ScopeName = scopeName, Decisions = [], Sections = [], ParentsNotEvaluatingMembers = [], Criteria = [],
        UnitGaps = [], CriterionGaps = [], YearComparison = [], UnitHistories = [],
    };
}
