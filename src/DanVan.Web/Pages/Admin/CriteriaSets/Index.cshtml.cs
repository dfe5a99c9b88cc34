using DanVan.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Admin.CriteriaSets;

/// <summary>Stored criteria set versions: active or not, used by a period (frozen) or not.</summary>
public sealed class Index(DanVanDbContext db) : PageModel
{
    /// <summary>The versions, newest first within a key.</summary>
    public IReadOnlyList<Row> Sets { get; private set; } = [];

    /// <summary>One version.</summary>
    public sealed record Row(int Id, string Key, int Version, string Name, string DecisionNumber, DateOnly? DecisionDate, DateTime ImportedAt, bool IsActive, bool Frozen);

    /// <summary>Lists the versions.</summary>
    public async Task OnGetAsync() =>
        Sets = await db.CriteriaSets.AsNoTracking().OrderBy(s => s.Key).ThenByDescending(s => s.Version)
            .Select(s => new Row(s.Id, s.Key, s.Version, s.Name, s.DecisionNumber, s.DecisionDate, s.ImportedAt, s.IsActive,
                db.PeriodGroups.Any(g => g.CriteriaSetId == s.Id)))
            .ToListAsync();
}
