using DanVan.Refusals;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>One unit's results in a period: the self-claimed result, and the final one when reviewed.</summary>
public sealed record UnitResult(
    int AssessmentId,
    OrgUnit Unit,
    UnitGroup Group,
    CriteriaSet CriteriaSet,
    AssessmentStatus Status,
    bool IsLate,
    ScoreResult Self,
    ScoreResult? Final)
{
    /// <summary>Submitted (or further): the unit took part in the evaluation.</summary>
    public bool Evaluated => Status >= AssessmentStatus.Submitted && Status != AssessmentStatus.Returned;

    /// <summary>Reviewed by the coordinating body (appraised or approved).</summary>
    public bool Reviewed => Final is not null;

    /// <summary>The class to report: final when reviewed, otherwise the self-claimed one ("tự nhận").</summary>
    public ScoreResult Reported => Final ?? Self;

    /// <summary>The final result a reader may see: everyone once approved (published); before that only a reviewer of the unit.</summary>
    /// <param name="reviewer">The reader coordinates or inspects the unit.</param>
    public ScoreResult? FinalFor(bool reviewer) => Status == AssessmentStatus.Approved || reviewer ? Final : null;
}

/// <summary>Results of every unit of a period, with group rules applied.</summary>
public sealed record PeriodResults(EvaluationPeriod Period, IReadOnlyList<UnitGroup> Groups, IReadOnlyList<UnitResult> Units);

/// <summary>The criteria set and entries a simulation scores an assessment by instead of its stored ones; null keeps them.</summary>
/// <param name="assessment">The stored assessment (entries loaded, not tracked).</param>
/// <param name="stored">The criteria set the assessment was scored by.</param>
public delegate RescoredAssessment? Rescore(Assessment assessment, CriteriaSet stored);

/// <summary>What <see cref="Rescore"/> gives: the set to score by and the entries, every layer.</summary>
public sealed record RescoredAssessment(CriteriaSet Set, IReadOnlyList<ScoreEntry> Entries);

/// <summary>Computes period results from stored entries with the scoring engine.</summary>
public static class PeriodResultsQuery
{
    /// <summary>Computes every unit's self and final results; share caps apply to the final results of each group.</summary>
    public static Task<PeriodResults> ComputeAsync(DanVanDbContext db, int periodId, CancellationToken ct = default) =>
        ComputeAsync(db, periodId, rescore: null, ct);

    /// <summary>
    /// Computes the results as <see cref="ComputeAsync(DanVanDbContext, int, CancellationToken)"/>, but with the criteria set and
    /// entries <paramref name="rescore"/> gives for an assessment instead of the stored ones (a simulation; nothing is written).
    /// </summary>
    /// <remarks>A re-scored result is the computed one: the class stored at approval belongs to the stored set.</remarks>
    public static async Task<PeriodResults> ComputeAsync(DanVanDbContext db, int periodId, Rescore? rescore, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.Groups).SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new RefusedException("period.notFound", Where.AtField("period"), ("period", periodId));
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Entries).Include(a => a.Unit)
            .Where(a => a.PeriodId == periodId).ToListAsync(ct);
        var groupIds = period.Groups.Select(g => g.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).OrderBy(g => g.SortOrder).ThenBy(g => g.Name).ToListAsync(ct);
        var setIds = period.Groups.Select(g => g.CriteriaSetId).Distinct().ToList();
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Parse());
        var previous = await PreviousBandsAsync(db, period, ct);

        var results = new List<UnitResult>();
        foreach (var group in groups)
        {
            var inGroup = assessments.Where(a => a.GroupId == group.Id).OrderBy(a => a.Unit!.Code, StringComparer.Ordinal).ToList();
            var computed = inGroup.Select(a =>
            {
                var rescored = rescore?.Invoke(a, sets[a.CriteriaSetId]);
                var set = rescored?.Set ?? sets[a.CriteriaSetId];
                var input = InputOf(a, previous.GetValueOrDefault(a.UnitId)) with { Entries = rescored?.Entries ?? a.ToScoreEntries() };
                var self = ScoringEngine.Compute(set, input with { UpToLayer = ScoreLayer.Self });
                // An inspection team may classify a unit that never submitted; that counts as reviewed too.
                var reviewed = a.Status is AssessmentStatus.Appraised or AssessmentStatus.Approved
                    || a.Entries.Any(e => e.Layer == ScoreLayer.Inspection);
                var final = reviewed ? ScoringEngine.Compute(set, input) : null;
                return (a, set, self, final, rescored: rescored is not null);
            }).ToList();

            // Published results: the group rules across the approved units, as stored at approval (PublishedResults).
            var approved = computed.Where(x => x.a.Status == AssessmentStatus.Approved).ToList();
            var published = approved.Count == 0
                ? new Dictionary<int, ScoreResult>()
                : PublishedResults.Classify(approved[0].set, approved.Select(x => (x.a.Id, x.final!)).ToList());
            // Provisional results (appraised, not yet approved): as if every reviewed unit were approved now.
            var reviewedResults = computed.Where(x => x.final is not null).ToList();
            var provisional = reviewedResults.Count == 0
                ? new Dictionary<int, ScoreResult>()
                : PublishedResults.Classify(reviewedResults[0].set, reviewedResults.Select(x => (x.a.Id, x.final!)).ToList());

            results.AddRange(computed.Select(x => new UnitResult(
                x.a.Id, x.a.Unit!, group, x.set, x.a.Status, x.a.IsLate, x.self,
                x.a.Status == AssessmentStatus.Approved ? (x.rescored ? published[x.a.Id] : AsStored(x.set, x.a, published[x.a.Id])) : provisional.GetValueOrDefault(x.a.Id))));
        }

        return new PeriodResults(period, groups, results);
    }

    /// <summary>The unit's own final result from every layer, before the group rules.</summary>
    public static ScoreResult FinalOf(CriteriaSet set, Assessment a, string? previousBand) => ScoringEngine.Compute(set, InputOf(a, previousBand));

    private static ScoringInput InputOf(Assessment a, string? previousBand) => new()
    {
        Entries = a.ToScoreEntries(),
        Submitted = a.Status >= AssessmentStatus.Submitted && a.Status != AssessmentStatus.Returned,
        Flags = a.FlagSet,
        PreviousBand = previousBand,
    };

    /// <summary>The published class is the stored one: should a recomputation ever differ (e.g. last year's result reopened since), the stored class stands.</summary>
    private static ScoreResult AsStored(CriteriaSet set, Assessment a, ScoreResult computed) =>
        a.FinalBand is { } band && a.FinalTotal is { } total && (band != computed.Band || total != computed.Total)
            ? computed with { Band = band, BandLabel = ScoringEngine.LabelOf(set, band), Total = total }
            : computed;

    /// <summary>The unit's final band of the previous year in the same scope, for "at most N bands above last year" rules.</summary>
    public static Task<string?> PreviousBandAsync(DanVanDbContext db, EvaluationPeriod period, int unitId, CancellationToken ct = default) =>
        PreviousYear(db, period).Where(a => a.UnitId == unitId)
            .OrderByDescending(a => a.ApprovedAt).Select(a => a.FinalBand).FirstOrDefaultAsync(ct);

    /// <summary>The final band each unit got in the previous year's periods of the same scope (for "at most N bands above last year").</summary>
    /// <remarks>A unit evaluated in two periods of that year (two groups) takes its latest approved result.</remarks>
    public static async Task<Dictionary<int, string>> PreviousBandsAsync(DanVanDbContext db, EvaluationPeriod period, CancellationToken ct = default)
    {
        var bands = await PreviousYear(db, period)
            .Select(a => new { a.UnitId, a.FinalBand, a.ApprovedAt })
            .ToListAsync(ct);
        return bands.GroupBy(x => x.UnitId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.ApprovedAt).First().FinalBand!);
    }

    /// <summary>
    /// Final results of the same period of the previous year (same scope, kind and number: cùng kỳ năm trước); a unit in
    /// two of them takes its latest approval.
    /// </summary>
    private static IQueryable<Assessment> PreviousYear(DanVanDbContext db, EvaluationPeriod period) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.Period!.Year == period.Year - 1 && a.Period.Kind == period.Kind && a.Period.Number == period.Number
                && a.Period.ScopeUnitId == period.ScopeUnitId && a.FinalBand != null);
}

/// <summary>A published class moved by a group rule when another unit of the group was approved or reopened.</summary>
/// <param name="Assessment">The assessment whose stored result changed.</param>
/// <param name="OldBand">Band stored before.</param>
/// <param name="NewBand">Band stored now.</param>
public sealed record GroupRuleChange(Assessment Assessment, string? OldBand, string NewBand);

/// <summary>
/// One truth for published results: the group rules (share caps) rank the approved units of a group against each
/// other, and the outcome is stored on every approved assessment whenever one of them is approved or reopened, so the
/// queue, the API, the dashboard and the reports all read the same class.
/// </summary>
public static class PublishedResults
{
    /// <summary>The published result of each approved unit: its own result with the group rules applied across the approved units.</summary>
    public static IReadOnlyDictionary<int, ScoreResult> Classify(CriteriaSet set, IReadOnlyList<(int AssessmentId, ScoreResult Final)> approved)
    {
        if (approved.Count == 0) return new Dictionary<int, ScoreResult>();
        var capped = ScoringEngine.ApplyGroupRules(set, approved.Select(x => x.Final).ToList());
        return approved.Select((x, i) => (x.AssessmentId, capped[i])).ToDictionary(x => x.AssessmentId, x => x.Item2);
    }

    /// <summary>
    /// Recomputes the approved results of a group of a period as they stand in <paramref name="db"/> (unsaved approvals
    /// and reopenings included) and stores each one whose class or total moved; the caller saves once.
    /// </summary>
    public static async Task<IReadOnlyList<GroupRuleChange>> ApplyGroupRulesAsync(
        DanVanDbContext db, EvaluationPeriod period, int groupId, CriteriaSet set, IReadOnlyDictionary<int, string>? previousBands = null, CancellationToken ct = default)
    {
        // Tracked on purpose: identity resolution returns the instances the caller changed, with their unsaved status.
        var inGroup = await db.Assessments.Include(a => a.Entries)
            .Where(a => a.PeriodId == period.Id && a.GroupId == groupId).ToListAsync(ct);
        var approved = inGroup.Where(a => a.Status == AssessmentStatus.Approved).OrderBy(a => a.Id).ToList();
        if (approved.Count == 0) return [];
        var previous = previousBands ?? await PeriodResultsQuery.PreviousBandsAsync(db, period, ct);
        var published = Classify(set, approved.Select(a => (a.Id, PeriodResultsQuery.FinalOf(set, a, previous.GetValueOrDefault(a.UnitId)))).ToList());
        var changes = new List<GroupRuleChange>();
        foreach (var a in approved)
        {
            var result = published[a.Id];
            if (a.FinalBand == result.Band && a.FinalTotal == result.Total) continue;
            var old = a.FinalBand;
            a.Publish(result);
            changes.Add(new(a, old, result.Band));
        }

        return changes;
    }
}
