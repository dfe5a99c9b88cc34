using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Cases;

/// <summary>Cases (vụ việc) the user reads: formed in their scope or holding one of their records; with how many receptions and petitions each holds.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Only this status (code).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>One case in the list.</summary>
    /// <param name="Case">The case.</param>
    /// <param name="Receptions">Receptions in it.</param>
    /// <param name="Petitions">Petitions in it.</param>
    public sealed record Row(CitizenCase Case, int Receptions, int Petitions);

    /// <summary>This page's rows.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>How many match.</summary>
    public int Total { get; private set; }

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync()
    {
        var user = await current.GetAsync();
        var cases = RegistriesAccess.Cases(db, user).AsNoTracking();
        if (Status is { Length: > 0 } s && Enum.TryParse<CaseStatus>(s, ignoreCase: true, out var status)) cases = cases.Where(c => c.Status == status);
        Total = await cases.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var rows = await cases.Include(c => c.Unit).OrderByDescending(c => c.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c, db.Receptions.Count(r => r.CaseId == c.Id), db.Petitions.Count(p => p.CaseId == c.Id)))
            .ToListAsync();
        Rows = rows;
    }

    /// <summary>The query of another page with the same filter.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["status"] = Status,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
