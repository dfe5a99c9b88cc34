using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Petitions;

/// <summary>The petitions within the user's scope: filters (unit, dates, kind, text, overdue), pages of 50; names masked; overdue in red with words.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Only this unit (and the units below it).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>Received from this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Received to this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Only this kind of matter (code).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Text in the summary or field.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Only the overdue ones.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Units the user reads.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>This page's rows.</summary>
    public IReadOnlyList<Petition> Rows { get; private set; } = [];

    /// <summary>How many match.</summary>
    public int Total { get; private set; }

    /// <summary>The user records petitions somewhere.</summary>
    public bool MayRecord { get; private set; }

    /// <summary>Today in the province (overdue).</summary>
    public DateOnly Today => clock.Today;

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync()
    {
        var user = await current.GetAsync();
        MayRecord = permissions.MayAnywhere(user, RegistryPermissions.Record);
        Units = await UnitOptions.SelectAsync(db, u => user.CanRead(u.Path));
        var rows = RegistriesAccess.Petitions(db, user).AsNoTracking();
        if (Unit is { } unitId && await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync() is { } path)
            rows = rows.Where(r => r.Unit!.Path.StartsWith(path));
        if (From is { } from) rows = rows.Where(r => r.ReceivedOn >= from);
        if (To is { } to) rows = rows.Where(r => r.ReceivedOn <= to);
        if (RegistryTerms.TryParse<MatterKind>(Kind, out var kind)) rows = rows.Where(r => r.MatterKind == kind);
        if (Overdue)
        {
            var today = Today;
            rows = rows.Where(p => p.Handling == PetitionHandling.Accepted && p.ResolvedOn == null && p.DueOn < today);
        }
        if (Q?.Trim() is { Length: > 0 } q)
        {
            var text = q.ToLower(Vi.Culture);
#pragma warning disable CA1862 // EF translates ToLower().Contains to SQL; the StringComparison overload does not translate.
            rows = rows.Where(r => r.Summary.ToLower().Contains(text) || (r.Field != null && r.Field.ToLower().Contains(text)));
#pragma warning restore CA1862
        }
        Total = await rows.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await rows.Include(r => r.Unit).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    /// <summary>The query of another page with the same filters.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["kind"] = Kind,
        ["q"] = Q,
        ["overdue"] = Overdue ? "true" : null,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
