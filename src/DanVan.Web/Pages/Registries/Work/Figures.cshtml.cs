using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Api.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>The work registries' figures of a scope and year, and the report sentences in the reports' wording.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class Figures(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The scope unit.</summary>
    [BindProperty(SupportsGet = true)] public int? Scope { get; set; }

    /// <summary>The year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    /// <summary>Scope units to choose.</summary>
    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    /// <summary>The figures and sentences.</summary>
    public WorkFiguresView? View { get; private set; }

    /// <summary>Shows the figures.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await current.GetAsync();
        if (await WorkAccess.ScopeUnitAsync(db, user, Scope, HttpContext.RequestAborted) is not { } unit) return NotFound();
        Scope = unit.Id;
        Year ??= clock.Today.Year;
        if (Year is < DanVanModels.FirstYear or > 2100) Year = clock.Today.Year;
        Scopes = await UnitOptions.SelectAsync(db, u => user.CanRead(u.Path) && u.Kind is OrgUnitKind.Province or OrgUnitKind.District or OrgUnitKind.ProvincialAgency or OrgUnitKind.Commune);
        View = await WorkAccess.FiguresAsync(db, unit, Year.Value, null, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The Vietnamese name of a figure, from its code.</summary>
    public static string Name(string code) => UiText.ResourceManager.GetString("WorkFigure_" + code.Replace('.', '_'), Vi.Culture) ?? code;
}
