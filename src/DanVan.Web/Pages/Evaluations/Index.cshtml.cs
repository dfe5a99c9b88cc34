using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The assessments of the user's own unit(s), newest period first.</summary>
[Permission(EvaluationPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current) : PageModel
{
    /// <summary>The assessments.</summary>
    public IReadOnlyList<Row> Assessments { get; private set; } = [];

    /// <summary>One assessment.</summary>
    public sealed record Row(int Id, string Period, int Year, string Unit, AssessmentStatus Status, bool IsLate, DateOnly Deadline, decimal? SelfTotal, bool Returned);

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync()
    {
        var scope = await current.GetAsync();
        // The unit's own list: the units where the user holds a unit role (unit user, unit head).
        var units = scope.Roles.Where(r => r.ScopeUnitId is not null && r.Role is Role.UnitUser or Role.UnitHead).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        Assessments = await db.Assessments.AsNoTracking().Where(a => units.Contains(a.UnitId))
            .OrderByDescending(a => a.Period!.Year).ThenBy(a => a.Unit!.Name)
            .Select(a => new Row(a.Id, a.Period!.Name, a.Period.Year, a.Unit!.Name, a.Status, a.IsLate, a.Period.Deadline, a.SelfTotal, a.Status == AssessmentStatus.Returned))
            .ToListAsync();
    }
}
