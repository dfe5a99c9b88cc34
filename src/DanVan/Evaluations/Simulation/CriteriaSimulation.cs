using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations.Simulation;

/// <summary>What to simulate: a past period's entries re-scored under a draft criteria set.</summary>
/// <param name="PeriodId">The period whose entries are re-scored.</param>
/// <param name="Draft">The draft set (a file read with <see cref="CriteriaSetFile"/>, or a stored set).</param>
public sealed record SimulationRequest(int PeriodId, CriteriaSet Draft)
{
    /// <summary>Only the units within this unit; the period's scope when null.</summary>
    public int? ScopeUnitId { get; init; }

    /// <summary>The mapping table (old id → new id); ids it does not name are matched by id. Null: by id only.</summary>
    public IReadOnlyList<CriterionLink>? Mapping { get; init; }

    /// <summary>The mapping table's file name, for locating its problems.</summary>
    public string? MappingFile { get; init; }
}

/// <summary>How many units of a group are in a class, and their share of the group's classified units (0–100).</summary>
public sealed record BandShare(string Code, string Label, int Count, decimal Percent);

/// <summary>One group's class distribution before (as published or claimed) and after (under the draft).</summary>
public sealed record GroupShift(string GroupCode, string GroupName, string OldSetName, int Classified, IReadOnlyList<BandShare> Before, IReadOnlyList<BandShare> After);

/// <summary>A criterion's points before and after for one unit: a draft criterion against the old criteria mapped to it, or an old criterion dropped.</summary>
public sealed record CriterionMove(string Id, string Name, decimal Before, decimal After)
{
    /// <summary>After − before.</summary>
    public decimal Change => After - Before;
}

/// <summary>A unit whose class changes under the draft, and why.</summary>
/// <param name="Direction">1 up, −1 down, 0 when the classes cannot be ranked against each other.</param>
/// <param name="Moves">The criteria that moved the most (at most three).</param>
/// <param name="Explanation">The scoring engine's explanation of the result under the draft.</param>
public sealed record ClassChange(
    string UnitCode, string UnitName, string GroupName, string BandBefore, string BandAfter,
    decimal TotalBefore, decimal TotalAfter, int Direction, IReadOnlyList<CriterionMove> Moves, IReadOnlyList<string> Explanation);

/// <summary>The outcome of a simulation; nothing of it is stored.</summary>
public sealed record SimulationResult
{
    /// <summary>The period's name.</summary>
    public required string PeriodName { get; init; }

    /// <summary>The period's year.</summary>
    public int Year { get; init; }

    /// <summary>The scope's name.</summary>
    public required string ScopeName { get; init; }

    /// <summary>The draft's name and decision.</summary>
    public required string DraftName { get; init; }

    /// <summary>The draft's decision number.</summary>
    public required string DraftDecision { get; init; }

    /// <summary>Units re-scored (classified before).</summary>
    public int Units { get; init; }

    /// <summary>Per group the draft applies to: the distribution before and after.</summary>
    public required IReadOnlyList<GroupShift> Groups { get; init; }

    /// <summary>Groups of the period the draft does not apply to (not simulated).</summary>
    public IReadOnlyList<string> GroupsNotCovered { get; init; } = [];

    /// <summary>The units that change class, by group then unit code.</summary>
    public required IReadOnlyList<ClassChange> Changes { get; init; }

    /// <summary>Old criteria whose data the draft drops.</summary>
    public required IReadOnlyList<UnmappedCriterion> Dropped { get; init; }

    /// <summary>Draft criteria that get no data (every unit scores 0 on them).</summary>
    public required IReadOnlyList<UnmappedCriterion> NoData { get; init; }

    /// <summary>How each draft criterion gets its data.</summary>
    public required IReadOnlyList<CarriedCriterion> Carried { get; init; }
}

/// <summary>
/// Re-scores a past period's entries under a draft criteria set with the scoring engine, read-only: the entries are
/// carried to the draft's criteria in memory and <see cref="PeriodResultsQuery"/> computes the results as it does for
/// the live set (group rules included). Nothing is written, so no audit line.
/// </summary>
public static class CriteriaSimulation
{
    /// <summary>Runs the simulation; throws <see cref="RefusedException"/> for an invalid draft, a wrong mapping, or no group to simulate.</summary>
    public static async Task<SimulationResult> RunAsync(DanVanDbContext db, SimulationRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var draft = request.Draft;
        var invalid = CriteriaSetValidator.Validate(draft);
        if (invalid.Count > 0) throw new RefusedException(invalid);

        var period = await db.Periods.AsNoTracking().Include(p => p.Groups).SingleOrDefaultAsync(p => p.Id == request.PeriodId, ct)
            ?? throw new RefusedException("period.notFound", Where.AtField("period"), ("period", request.PeriodId));
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var tree = new OrgTree(units);
        var scopeId = request.ScopeUnitId ?? period.ScopeUnitId;
        if (units.All(u => u.Id != scopeId))
            throw new RefusedException("simulation.noScope", Where.AtField("scope"), ("scope", scopeId));

        var groupIds = period.Groups.Select(g => g.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToListAsync(ct);
        var covered = groups.Where(g => draft.AppliesTo.Count == 0 || draft.AppliesTo.Contains(g.Code)).Select(g => g.Id).ToHashSet();
        if (covered.Count == 0)
            throw new RefusedException("simulation.noGroup", Where.AtPath("$.appliesTo"),
                ("draft", draft.Name), ("groups", groups.Select(g => g.Code).ToList()));

        var setIds = period.Groups.Where(g => covered.Contains(g.GroupId)).Select(g => g.CriteriaSetId).Distinct().ToList();
        var oldSets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(ct)).Select(s => s.Parse()).ToList();
        if (request.Mapping is { } mapping)
        {
            var problems = CriteriaMapping.Check(mapping, oldSets, draft, request.MappingFile);
            if (problems.Count > 0) throw new RefusedException(problems);
        }

        var bridges = new Dictionary<string, CriteriaBridge>(StringComparer.Ordinal);
        CriteriaBridge BridgeFor(CriteriaSet old)
        {
            var key = old.Id + "@" + old.Version;
            if (!bridges.TryGetValue(key, out var bridge)) bridges[key] = bridge = new CriteriaBridge(old, draft, request.Mapping);
            return bridge;
        }
        foreach (var old in oldSets) BridgeFor(old);

        var before = await PeriodResultsQuery.ComputeAsync(db, period.Id, ct);
        var after = await PeriodResultsQuery.ComputeAsync(db, period.Id,
            (a, stored) => covered.Contains(a.GroupId) ? new RescoredAssessment(draft, BridgeFor(stored).Convert(a.ToScoreEntries())) : null, ct);
        var afterById = after.Units.ToDictionary(u => u.AssessmentId);

        // Classified: submitted, or classified by an inspection team (as the report counts them).
        var included = before.Units
            .Where(u => covered.Contains(u.Group.Id) && tree.IsWithin(u.Unit.Id, scopeId) && (u.Evaluated || u.Final is not null))
            .ToList();

        var shifts = before.Groups.Where(g => covered.Contains(g.Id)).Select(g =>
        {
            var members = included.Where(u => u.Group.Id == g.Id).ToList();
            var oldSet = members.FirstOrDefault()?.CriteriaSet ?? oldSets[0];
            return new GroupShift(g.Code, g.Name, oldSet.Name, members.Count,
                Shares(oldSet, members.Select(u => u.Reported).ToList()),
                Shares(draft, members.Select(u => afterById[u.AssessmentId].Reported).ToList()));
        }).Where(s => s.Classified > 0).ToList();

        var changes = included
            .Select(u => (before: u, after: afterById[u.AssessmentId]))
            .Where(x => x.before.Reported.BandLabel != x.after.Reported.BandLabel)
            .Select(x => Change(x.before, x.after.Reported, BridgeFor(x.before.CriteriaSet)))
            .ToList();

        return new SimulationResult
        {
            PeriodName = period.Name,
            Year = period.Year,
            ScopeName = tree[scopeId].Name,
            DraftName = draft.Name,
            DraftDecision = draft.Decision.Number,
            Units = included.Count,
            Groups = shifts,
            GroupsNotCovered = groups.Where(g => !covered.Contains(g.Id)).OrderBy(g => g.SortOrder).Select(g => g.Name).ToList(),
            Changes = changes,
            Dropped = bridges.Values.SelectMany(b => b.Dropped).ToList(),
            NoData = bridges.Values.SelectMany(b => b.NoData).DistinctBy(c => c.Id).ToList(),
            Carried = bridges.Values.SelectMany(b => b.Carried).DistinctBy(c => (c.NewId, string.Join(',', c.From))).ToList(),
        };
    }

    /// <summary>A stored criteria set to use as the draft: any stored version the period does not use.</summary>
    public static async Task<CriteriaSet> StoredDraftAsync(DanVanDbContext db, int periodId, int storedId, CancellationToken ct = default)
    {
        var used = await db.PeriodGroups.AsNoTracking().AnyAsync(g => g.PeriodId == periodId && g.CriteriaSetId == storedId, ct);
        var stored = used ? null : await db.CriteriaSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == storedId, ct);
        return stored?.Parse() ?? throw new RefusedException("simulation.noDraft", Where.AtField("criteria"), ("id", storedId));
    }

    /// <summary>The stored sets a simulation of the period may use as its draft: those the period does not use, latest first.</summary>
    public static async Task<IReadOnlyList<StoredCriteriaSet>> StoredDraftsAsync(DanVanDbContext db, int periodId, CancellationToken ct = default)
    {
        var used = await db.PeriodGroups.AsNoTracking().Where(g => g.PeriodId == periodId).Select(g => g.CriteriaSetId).ToListAsync(ct);
        return await db.CriteriaSets.AsNoTracking().Where(s => !used.Contains(s.Id))
            .OrderByDescending(s => s.ImportedAt).ThenByDescending(s => s.Id).ToListAsync(ct);
    }

    private static List<BandShare> Shares(CriteriaSet set, IReadOnlyList<ScoreResult> results)
    {
        var bands = set.Classification.Bands.Select(b => (b.Code, b.Label)).ToList();
        if (results.Any(r => r.Band == ClassificationRule.NotEligible))
            bands.Add((ClassificationRule.NotEligible, ScoringEngine.LabelOf(set, ClassificationRule.NotEligible)));
        return bands.Select(b =>
        {
            var count = results.Count(r => r.Band == b.Code);
            return new BandShare(b.Code, b.Label, count, results.Count == 0 ? 0 : Math.Round(count * 100m / results.Count, 1, MidpointRounding.AwayFromZero));
        }).ToList();
    }

    private static ClassChange Change(UnitResult before, ScoreResult after, CriteriaBridge bridge)
    {
        var old = before.Reported;
        var draft = bridge.Draft;
        var moves = draft.Criteria.Concat(draft.Bonus).Concat(draft.Deductions)
            .Select(c => new CriterionMove(c.Id, c.Name,
                bridge.SourcesWithin(c).Sum(s => old.Criteria.TryGetValue(s.Id, out var score) ? score.Points : 0),
                after.Criteria.TryGetValue(c.Id, out var now) ? now.Points : 0))
            .Concat(bridge.Dropped.Select(d => new CriterionMove(d.Id, d.Name, old.Criteria.TryGetValue(d.Id, out var score) ? score.Points : 0, 0)))
            .Where(m => m.Change != 0)
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(3)
            .ToList();
        var from = Rank(before.CriteriaSet, old.Band);
        var to = Rank(draft, after.Band);
        var comparable = before.CriteriaSet.Classification.Bands.Count == draft.Classification.Bands.Count;
        return new ClassChange(before.Unit.Code, before.Unit.Name, before.Group.Name, old.BandLabel, after.BandLabel,
            old.Total, after.Total, comparable ? Math.Sign(from - to) : 0, moves, after.Explanation);
    }

    private static int Rank(CriteriaSet set, string band)
    {
        var bands = set.Classification.Bands;
        for (var i = 0; i < bands.Count; i++)
            if (bands[i].Code == band) return i;
        return bands.Count;
    }
}
