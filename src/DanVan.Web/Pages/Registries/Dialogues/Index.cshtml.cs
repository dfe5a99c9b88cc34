using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Dialogues;

/// <summary>Dialogues with the people within the user's scope, newest first, with their open follow-up items.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current, Permissions permissions) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Only this unit (and the units below it).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>From this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>To this day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Units the user reads.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>This page's rows.</summary>
    public IReadOnlyList<Dialogue> Rows { get; private set; } = [];

    /// <summary>How many match.</summary>
    public int Total { get; private set; }

    /// <summary>The user records dialogues somewhere.</summary>
    public bool MayRecord { get; private set; }

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync()
    {
        var user = await current.GetAsync();
        MayRecord = permissions.MayAnywhere(user, RegistryPermissions.Record);
        Units = await UnitOptions.SelectAsync(db, u => user.CanRead(u.Path));
        var rows = RegistriesAccess.Dialogues(db, user).AsNoTracking();
        if (Unit is { } unitId && await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync() is { } path)
            rows = rows.Where(r => r.Unit!.Path.StartsWith(path));
        if (From is { } from) rows = rows.Where(r => r.HeldOn >= from);
        if (To is { } to) rows = rows.Where(r => r.HeldOn <= to);
        Total = await rows.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await rows.Include(r => r.Unit).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    /// <summary>The query of another page with the same filters.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
