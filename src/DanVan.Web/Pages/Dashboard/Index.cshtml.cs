using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Evaluations;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Dashboard;

/// <summary>
/// Participation in a period within the user's scope, computed at every request: per group n/N submitted, late,
/// missing, returned; self-claimed versus appraised class counts; the units that have not started.
/// </summary>
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The periods the user can see.</summary>
    public IReadOnlyList<PeriodOption> Periods { get; private set; } = [];

    /// <summary>The period shown.</summary>
    public PeriodOption? Period { get; private set; }

    /// <summary>One line per group, then the whole.</summary>
    public IReadOnlyList<GroupLine> Groups { get; private set; } = [];

    /// <summary>The whole scope.</summary>
    public GroupLine? Total { get; private set; }

    /// <summary>Units that have not started, by group, with their assessment.</summary>
    public IReadOnlyList<(string Group, string Unit, string Code, int AssessmentId)> NotStarted { get; private set; } = [];

    /// <summary>The grid's columns: every class of the groups' criteria sets, highest first (sets of one period share their labels).</summary>
    public IReadOnlyList<(string Code, string Label)> BandColumns { get; private set; } = [];

    /// <summary>When computed (UTC).</summary>
    public DateTime ComputedAt { get; private set; }

    /// <summary>True when the deadline has passed.</summary>
    public bool PastDeadline { get; private set; }

    /// <summary>A period to choose.</summary>
    public sealed record PeriodOption(int Id, int Year, string Name, DateOnly Deadline);

    /// <summary>Participation and classes of one group.</summary>
    public sealed record GroupLine(int Id, string Code, string Name, int Units, int Submitted, int Late, int Missing, int Returned, int NotStarted, IReadOnlyList<BandCount> Bands)
    {
        /// <summary>Units with an appraised (or, for a viewer, published) class.</summary>
        public int Classified => Bands.Sum(b => b.Appraised);

        /// <summary>The count of a band, or null when the group's set has no such band.</summary>
        public BandCount? Band(string code) => Bands.FirstOrDefault(b => b.Code == code);
    }

    /// <summary>How many units claimed a band, and how many were appraised in it.</summary>
    public sealed record BandCount(string Code, string Label, int SelfClaimed, int Appraised);

    /// <summary>Shows the dashboard.</summary>
    public async Task<IActionResult> OnGetAsync(int? periodId)
    {
        var scope = await current.GetAsync();
        var readable = EvaluationAccess.ReadableAssessments(db, scope);
        Periods = await db.Periods.AsNoTracking().Where(p => readable.Any(a => a.PeriodId == p.Id))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PeriodOption(p.Id, p.Year, p.Name, p.Deadline)).ToListAsync();
        if (periodId is { } pid && Periods.All(p => p.Id != pid)) return NotFound();
        Period = periodId is { } chosen ? Periods.Single(p => p.Id == chosen) : Periods.Count > 0 ? Periods[0] : null;
        ComputedAt = clock.UtcNow;
        if (Period is null) return Page();
        PastDeadline = clock.Today > Period.Deadline;

        var results = await PeriodResultsQuery.ComputeAsync(db, Period.Id);
        var mine = results.Units.Where(u => scope.CanRead(u.Unit.Path)).ToList();
        // Appraised classes are not published: a viewer sees a unit's final class once approved, as the API shows it.
        var scopePath = await db.Periods.AsNoTracking().Where(p => p.Id == Period.Id).Select(p => p.ScopeUnit!.Path).SingleAsync();
        var finals = mine.ToDictionary(u => u.AssessmentId,
            u => u.FinalFor(EvaluationAccess.May(scope, EvaluationPermissions.SeeUnpublished, new(u.Unit.Path, scopePath))));
        Groups = results.Groups
            .Select(g => Line(g.Id, g.Code, g.Name, mine.Where(u => u.Group.Id == g.Id).ToList(), finals))
            .Where(l => l.Units > 0)
            .ToList();
        Total = Line(0, "", "", mine, finals);
        BandColumns = Groups.SelectMany(g => g.Bands.Select((b, i) => (b.Code, b.Label, i)))
            .GroupBy(b => b.Code).OrderBy(b => b.Min(x => x.i)).Select(b => (b.Key, b.First().Label)).ToList();
        NotStarted = mine.Where(u => u.Status == AssessmentStatus.NotStarted)
            .Select(u => (u.Group.Name, u.Unit.Name, u.Unit.Code, u.AssessmentId)).ToList();
        return Page();
    }

    private static GroupLine Line(int id, string code, string name, IReadOnlyList<UnitResult> units, IReadOnlyDictionary<int, ScoreResult?> finals)
    {
        var bands = units.Select(u => u.CriteriaSet).DistinctBy(s => s.Id + "/" + s.Version).FirstOrDefault()?.Classification.Bands ?? [];
        return new GroupLine(id, code, name,
            units.Count,
            units.Count(u => u.Evaluated),
            units.Count(u => u.Evaluated && u.IsLate),
            units.Count(u => u.Status is AssessmentStatus.NotStarted or AssessmentStatus.Draft),
            units.Count(u => u.Status == AssessmentStatus.Returned),
            units.Count(u => u.Status == AssessmentStatus.NotStarted),
            code.Length == 0 ? [] : bands.Select(b => new BandCount(b.Code, b.Label,
                units.Count(u => u.Evaluated && u.Self.Band == b.Code),
                units.Count(u => finals[u.AssessmentId]?.Band == b.Code))).ToList());
    }
}
