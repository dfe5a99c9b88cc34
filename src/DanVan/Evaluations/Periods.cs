using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.OrgUnits;
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
    IReadOnlyList<PeriodGroupChoice> Groups);

/// <summary>Opening evaluation periods.</summary>
public static class Periods
{
    /// <summary>Opens a period and creates one assessment per unit of its groups within the scope.</summary>
    /// <exception cref="RefusedInputException">The request is not acceptable; nothing is stored.</exception>
    public static async Task<EvaluationPeriod> OpenAsync(DanVanDbContext db, OpenPeriodRequest request, string user, CancellationToken ct = default)
    {
        var problems = new List<InputProblem>();
        if (request.Year is < 2000 or > 2100) problems.Add(new("year", $"{request.Year} is not a plausible year"));
        if (string.IsNullOrWhiteSpace(request.Name)) problems.Add(new("name", "the period needs a name"));
        if (request.Deadline < request.OpensOn) problems.Add(new("deadline", "the deadline is before the opening date"));
        if (request.Groups.Count == 0) problems.Add(new("groups", "choose at least one group"));
        if (request.Groups.Select(g => g.GroupId).Distinct().Count() != request.Groups.Count) problems.Add(new("groups", "a group is chosen twice"));

        var units = await db.Units.Include(u => u.Groups).ToListAsync(ct);
        var tree = new OrgTree(units);
        if (units.All(u => u.Id != request.ScopeUnitId)) problems.Add(new("scopeUnitId", $"no unit {request.ScopeUnitId}"));

        var groupIds = request.Groups.Select(g => g.GroupId).ToList();
        var groups = await db.Groups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var setIds = request.Groups.Select(g => g.CriteriaSetId).ToList();
        var sets = await db.CriteriaSets.Where(s => setIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        for (var i = 0; i < request.Groups.Count; i++)
        {
            var choice = request.Groups[i];
            if (!groups.TryGetValue(choice.GroupId, out var group)) problems.Add(new($"groups[{i}]", $"no group {choice.GroupId}"));
            if (!sets.TryGetValue(choice.CriteriaSetId, out var stored)) problems.Add(new($"groups[{i}]", $"no criteria set {choice.CriteriaSetId}"));
            else if (group is not null && stored.Parse().AppliesTo is { Count: > 0 } applies && !applies.Contains(group.Code))
                problems.Add(new($"groups[{i}]", $"criteria set '{stored.Name}' applies to {string.Join(", ", applies)}, not to group '{group.Code}'"));
        }

        var clash = await db.Periods
            .Where(p => p.Year == request.Year && p.ScopeUnitId == request.ScopeUnitId && p.Groups.Any(g => groupIds.Contains(g.GroupId)))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (clash is not null) problems.Add(new("groups", $"the period \"{clash}\" of {request.Year} already evaluates one of these groups"));
        if (problems.Count > 0) throw new RefusedInputException(problems);

        var period = new EvaluationPeriod
        {
            Year = request.Year,
            Name = request.Name.Trim(),
            ScopeUnitId = request.ScopeUnitId,
            OpensOn = request.OpensOn,
            Deadline = request.Deadline,
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
        AuditTrail.Record(db, new AuditLine(user, DateTime.UtcNow, "period.open", AuditSubject.Of(period))
        {
            New = $"{period.Name}; {period.Assessments.Count} đơn vị; hạn {period.Deadline:dd/MM/yyyy}",
        });
        await db.SaveChangesAsync(ct);
        return period;
    }
}
