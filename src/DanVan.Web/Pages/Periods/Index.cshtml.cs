using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Periods;

/// <summary>The periods the coordinator runs (their scope unit is within the coordinator's scope).</summary>
public sealed class Index(DanVanDbContext db, CurrentUser current) : PageModel
{
    /// <summary>The periods, newest first.</summary>
    public IReadOnlyList<Row> Periods { get; private set; } = [];

    /// <summary>One period with its participation.</summary>
    public sealed record Row(int Id, int Year, string Name, string Scope, DateOnly OpensOn, DateOnly Deadline, bool AcceptLate, int Units, int Submitted);

    /// <summary>Lists the periods.</summary>
    public async Task OnGetAsync()
    {
        var scope = await current.GetAsync();
        var rows = await db.Periods.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Id, p.Year, p.Name, p.ScopeUnitId, Scope = p.ScopeUnit!.Name, ScopePath = p.ScopeUnit.Path, p.OpensOn, p.Deadline, p.AcceptLate,
                Units = p.Assessments.Count,
                Submitted = p.Assessments.Count(a => a.Status == AssessmentStatus.Submitted || a.Status == AssessmentStatus.Appraised || a.Status == AssessmentStatus.Approved),
            })
            .ToListAsync();
        Periods = rows.Where(p => DanVan.Accounts.Permissions.Permissions.Builtin.May(scope, EvaluationPermissions.OpenPeriod, new(p.ScopePath)))
            .Select(p => new Row(p.Id, p.Year, p.Name, p.Scope, p.OpensOn, p.Deadline, p.AcceptLate, p.Units, p.Submitted)).ToList();
    }
}
