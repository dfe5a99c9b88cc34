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
}

/// <summary>Results of every unit of a period, with group rules applied.</summary>
public sealed record PeriodResults(EvaluationPeriod Period, IReadOnlyList<UnitGroup> Groups, IReadOnlyList<UnitResult> Units);

/// <summary>Computes period results from stored entries with the scoring engine.</summary>
public static class PeriodResultsQuery
{
    /// <summary>Computes every unit's self and final results; share caps apply to the final results of each group.</summary>
    public static async Task<PeriodResults> ComputeAsync(DanVanDbContext db, int periodId, CancellationToken ct = default)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.Groups).SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new RefusedInputException("period", $"no period {periodId}");
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
                var set = sets[a.CriteriaSetId];
                var input = new ScoringInput
                {
                    Entries = a.ToScoreEntries(),
                    Submitted = a.Status >= AssessmentStatus.Submitted && a.Status != AssessmentStatus.Returned,
                    Flags = a.FlagSet,
                    PreviousBand = previous.GetValueOrDefault(a.UnitId),
                };
                var self = ScoringEngine.Compute(set, input with { UpToLayer = ScoreLayer.Self });
                // An inspection team may classify a unit that never submitted; that counts as reviewed too.
                var reviewed = a.Status is AssessmentStatus.Appraised or AssessmentStatus.Approved
                    || a.Entries.Any(e => e.Layer == ScoreLayer.Inspection);
                var final = reviewed ? ScoringEngine.Compute(set, input) : null;
                return (a, set, self, final);
            }).ToList();

            // Share caps rank the reviewed units of a group against each other.
            var reviewedResults = computed.Where(x => x.final is not null).ToList();
            var capped = reviewedResults.Count == 0
                ? []
                : ScoringEngine.ApplyGroupRules(reviewedResults[0].set, reviewedResults.Select(x => x.final!).ToList());
            var cappedById = reviewedResults.Select((x, i) => (x.a.Id, capped[i])).ToDictionary(x => x.Id, x => x.Item2);

            results.AddRange(computed.Select(x => new UnitResult(
                x.a.Id, x.a.Unit!, group, x.set, x.a.Status, x.a.IsLate, x.self, cappedById.GetValueOrDefault(x.a.Id))));
        }

        return new PeriodResults(period, groups, results);
    }

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

    /// <summary>Final results of the previous year's periods of the same scope; a unit in two of them takes its latest approval.</summary>
    private static IQueryable<Assessment> PreviousYear(DanVanDbContext db, EvaluationPeriod period) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.Period!.Year == period.Year - 1 && a.Period.ScopeUnitId == period.ScopeUnitId && a.FinalBand != null);
}
