using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>A group to evaluate in a period and the criteria set version to use.</summary>
public sealed record PeriodGroupChoice(int GroupId, int CriteriaSetId);

/// <summary>What a coordinator gives to open a period.</summary>
public sealed record OpenPeriodRequest(
    int Year,
    string Name,
    int ScopeUnitId,
    DateOnly OpensOn,
    DateOnly Deadline,
    bool AcceptLate,
    IReadOnlyList<PeriodGroupChoice> Groups,
    PeriodKind Kind = PeriodKind.Year,
    int Number = 1,
    DateOnly? WindowFrom = null,
    DateOnly? WindowTo = null,
    IReadOnlyList<LevelDeadline>? LevelDeadlines = null)
{
    /// <summary>The reporting period evaluated: the standard window of kind, year and number; ad hoc takes the dates given.</summary>
    /// <exception cref="RefusedException">The kind, number or dates do not make a period.</exception>
    public ReportingPeriod Reporting() => Kind == PeriodKind.AdHoc
        ? ReportingPeriod.AdHoc(WindowFrom ?? throw new RefusedException("period.adHocNeedsDates", Where.AtField("windowFrom")),
            WindowTo ?? throw new RefusedException("period.adHocNeedsDates", Where.AtField("windowTo")), Number) with { Year = Year }
        : ReportingPeriod.Of(Kind, Year, Number);
}

/// <summary>Opening evaluation periods.</summary>
public static class Periods
{
    /// <summary>Opens a period and creates one assessment per unit of its groups within the scope.</summary>
    /// <exception cref="RefusedException">The request is not acceptable; nothing is stored.</exception>
    public static Task<EvaluationPeriod> OpenAsync(DanVanDbContext db, OpenPeriodRequest request, string user, CancellationToken ct = default) =>
        OpenAsync(db, request, user, TimeProvider.System.GetUtcNow().UtcDateTime, ct);

    /// <summary>Opens a period at <paramref name="at"/> (UTC, the audit line's time).</summary>
    /// <exception cref="RefusedException">The request is not acceptable; nothing is stored.</exception>
    public static async Task<EvaluationPeriod> OpenAsync(DanVanDbContext db, OpenPeriodRequest request, string user, DateTime at, CancellationToken ct = default)
    {
        var problems = new List<Refusal>();
        if (request.Year is < 2000 or > 2100) problems.Add(Refusal.Of("period.year", Where.AtField("year"), ("year", request.Year)));
        ReportingPeriod reporting = default;
        try
        {
            reporting = request.Reporting();
        }
        catch (RefusedException ex)
        {
            problems.AddRange(ex.Refusals.Where(r => r.Code != "period.year"));
        }
        var levels = request.LevelDeadlines ?? [];
        if (levels.Select(d => d.Level).Distinct().Count() != levels.Count) problems.Add(Refusal.Of("period.levelDeadlineTwice", Where.AtField("levelDeadlines")));
        if (levels.Any(d => d.Deadline < request.OpensOn)) problems.Add(Refusal.Of("period.levelDeadlineBeforeOpening", Where.AtField("levelDeadlines")));
        if (string.IsNullOrWhiteSpace(request.Name)) problems.Add(Refusal.Of("period.nameRequired", Where.AtField("name")));
        if (request.Deadline < request.OpensOn) problems.Add(Refusal.Of("period.deadlineBeforeOpening", Where.AtField("deadline")));
        if (request.Groups.Count == 0) problems.Add(Refusal.Of("period.noGroups", Where.AtField("groups")));
        if (request.Groups.Select(g => g.GroupId).Distinct().Count() != request.Groups.Count) problems.Add(Refusal.Of("period.groupTwice", Where.AtField("groups")));

        // Only the scope's subtree, read without tracking: a country's 50,000 units tracked beside their new assessments
        // made the save check every one of them.
        var scopePath = await db.Units.AsNoTracking().Where(u => u.Id == request.ScopeUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (scopePath is null) problems.Add(Refusal.Of("period.unknownUnit", Where.AtField("scopeUnitId"), ("unit", request.ScopeUnitId)));
        var tree = new OrgTree(scopePath is null ? [] : await db.Units.AsNoTracking().Include(u => u.Groups).Where(u => u.Path.StartsWith(scopePath)).ToListAsync(ct));

        var groupIds = request.Groups.Select(g => g.GroupId).ToList();
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var setIds = request.Groups.Select(g => g.CriteriaSetId).ToList();
        var sets = await db.CriteriaSets.Where(s => setIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        for (var i = 0; i < request.Groups.Count; i++)
        {
            var choice = request.Groups[i];
            if (!groups.TryGetValue(choice.GroupId, out var group)) problems.Add(Refusal.Of("period.unknownGroup", Where.AtField($"groups[{i}]"), ("group", choice.GroupId)));
            if (!sets.TryGetValue(choice.CriteriaSetId, out var stored)) problems.Add(Refusal.Of("period.unknownCriteriaSet", Where.AtField($"groups[{i}]"), ("set", choice.CriteriaSetId)));
            else if (group is not null && stored.Parse().AppliesTo is { Count: > 0 } applies && !applies.Contains(group.Code))
                problems.Add(Refusal.Of("period.setNotForGroup", Where.AtField($"groups[{i}]"), ("set", stored.Name), ("appliesTo", string.Join(", ", applies)), ("group", group.Code)));
        }

        var clash = await db.Periods
            .Where(p => p.Year == request.Year && p.Kind == request.Kind && p.Number == request.Number && p.ScopeUnitId == request.ScopeUnitId && p.Groups.Any(g => groupIds.Contains(g.GroupId)))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (clash is not null) problems.Add(Refusal.Of("period.groupsTaken", Where.AtField("groups"), ("period", clash), ("year", request.Year)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var period = new EvaluationPeriod
        {
            Reporting = reporting,
            Name = request.Name.Trim(),
            ScopeUnitId = request.ScopeUnitId,
            OpensOn = request.OpensOn,
            Deadline = request.Deadline,
            LevelDeadlines = levels.OrderBy(d => d.Level).ToList(),
            AcceptLate = request.AcceptLate,
        };
        period.Groups.AddRange(request.Groups.Select(g => new PeriodGroup { GroupId = g.GroupId, CriteriaSetId = g.CriteriaSetId }));

        var assigned = new HashSet<int>();
        foreach (var choice in request.Groups)
        {
            var members = tree.SelfAndDescendants(request.ScopeUnitId)
                .Where(u => u.Groups.Any(g => g.Id == choice.GroupId) && u.IsValidOn(request.OpensOn))
                .OrderBy(u => u.Code, StringComparer.Ordinal);
            foreach (var unit in members.Where(u => assigned.Add(u.Id)))
                period.Assessments.Add(new Assessment { UnitId = unit.Id, GroupId = choice.GroupId, CriteriaSetId = choice.CriteriaSetId });
        }

        db.Periods.Add(period);
        AuditTrail.Record(db, new AuditLine(user, at, "period.open", AuditSubject.Of(period))
        {
            New = $"{period.Name}; {period.Assessments.Count} đơn vị; hạn {period.Deadline:dd/MM/yyyy}",
        });
        await db.SaveChangesAsync(ct);
        return period;
    }
}
