using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Receptions;

/// <summary>The reception log within the user's scope: filters (unit, dates, kind, text), pages of 50; citizens' names masked for everyone (least access).</summary>
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

    /// <summary>Only this kind (code).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Text in the summary, place or field (never in citizens' data: a masked reader could probe names).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Units the user reads, for the filter.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<Reception> Rows { get; private set; } = [];

    /// <summary>How many match.</summary>
    public int Total { get; private set; }

    /// <summary>The user records receptions somewhere.</summary>
    public bool MayRecord { get; private set; }

    /// <summary>The unit whose duplicates the link shows: the filtered one, else the highest the user merges in to the suggestions.</summary>
    public int? MergeUnit { get; private set; }

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync()
    {
        var user = await current.GetAsync();
        MayRecord = permissions.MayAnywhere(user, RegistryPermissions.Record);
        Units = await UnitOptions.SelectAsync(db, u => user.CanRead(u.Path));
        if (permissions.MayAnywhere(user, RegistryPermissions.Merge))
        {
            var all = await db.Units.AsNoTracking().OrderBy(u => u.Path.Length).ToListAsync();
            MergeUnit = (Unit is { } chosen ? all.Where(u => u.Id == chosen) : []).Concat(all)
                .FirstOrDefault(u => permissions.May(user, RegistryPermissions.Merge, Target.Unit(u)))?.Id;
        }
        var rows = RegistriesAccess.Receptions(db, user).AsNoTracking();
        if (Unit is { } unitId && await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync() is { } path)
            rows = rows.Where(r => r.Unit!.Path.StartsWith(path));
        if (From is { } from) rows = rows.Where(r => r.ReceivedOn >= from);
        if (To is { } to) rows = rows.Where(r => r.ReceivedOn <= to);
        if (RegistryTerms.TryParse<ReceptionKind>(Kind, out var kind)) rows = rows.Where(r => r.Kind == kind);
        if (Q?.Trim() is { Length: > 0 } q)
        {
            var text = q.ToLower(Vi.Culture);
#pragma warning disable CA1862 // EF translates ToLower().Contains to SQL; the StringComparison overload does not translate.
            rows = rows.Where(r => r.Summary.ToLower().Contains(text) || (r.Place != null && r.Place.ToLower().Contains(text)) || (r.Field != null && r.Field.ToLower().Contains(text)));
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
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
