using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>What the work registries' edit pages share: the units the user may record for, the 404/403 answer for a record's unit, refusals at their fields.</summary>
public abstract class WorkEditPage(DanVanDbContext db, CurrentUser current, Permissions permissions) : PageModel
{
    /// <summary>The database.</summary>
    protected DanVanDbContext Db { get; } = db;

    /// <summary>The unit that keeps the record.</summary>
    [BindProperty]
    public int? UnitId { get; set; }

    /// <summary>The version the form was opened at (optimistic concurrency).</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Units the user may record for.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>Loads the units the user may record for.</summary>
    protected async Task LoadUnitsAsync()
    {
        var user = await current.GetAsync();
        Units = await UnitOptions.SelectAsync(Db, u => permissions.May(user, RegistryPermissions.WorkRecord, new(u.Path)));
    }

    /// <summary>Null when the user may record for <paramref name="unit"/>; else 404 (outside what the user reads) or 403.</summary>
    protected async Task<IActionResult?> DenyAsync(OrgUnit? unit) =>
        unit is null ? NotFound() : permissions.Decide(await current.GetAsync(), RegistryPermissions.WorkRecord, Target.Unit(unit)) switch
        {
            AccessOutcome.Allowed => null,
            AccessOutcome.NotFound => NotFound(),
            _ => StatusCode(StatusCodes.Status403Forbidden),
        };

    /// <summary>The chosen unit, when the user may record for it (a unit not offered is shown as a refusal at the field).</summary>
    protected async Task<OrgUnit?> ChosenUnitAsync()
    {
        if (UnitId is not { } id || Units.All(u => u.Value != id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            this.Show([Refusal.Of("request.required", Where.AtField("unitId"), ("field", "unit_code"))], _ => nameof(UnitId));
            return null;
        }
        return await Db.Units.SingleAsync(u => u.Id == id);
    }

    /// <summary>Who acts, now.</summary>
    protected async Task<WorkActor> ActorAsync(DanVan.Periods.ProvinceClock clock) => new((await current.GetAsync()).UserName, clock.UtcNow, clock.Zone);

    /// <summary>A refusal's field ("awards[2].decision") as the form's key ("Awards"); the version's as the summary.</summary>
    public static string? Key(Where where) =>
        where.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f.Split('[', '.')[0][1..] : null;

    /// <summary>The first error at a key, for the view.</summary>
    public string? Err(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
