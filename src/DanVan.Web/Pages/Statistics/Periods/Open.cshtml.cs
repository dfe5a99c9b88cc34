using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics.Periods;

/// <summary>A coordinator opens a form's period for a scope unit: every unit under it that owes the form gets its report.</summary>
[Permission(StatisticsPermissions.OpenPeriod)]
public sealed class Open(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The form version.</summary>
    [BindProperty]
    public int? FormId { get; set; }

    /// <summary>Year of the reporting period.</summary>
    [BindProperty]
    public int? Year { get; set; }

    /// <summary>Number within the year.</summary>
    [BindProperty]
    public int Number { get; set; } = 1;

    /// <summary>The scope unit.</summary>
    [BindProperty]
    public int? ScopeUnitId { get; set; }

    /// <summary>First day of entry.</summary>
    [BindProperty]
    public DateOnly? OpensOn { get; set; }

    /// <summary>Late submissions accepted (marked late).</summary>
    [BindProperty]
    public bool AcceptLate { get; set; } = true;

    /// <summary>Name (default: the form's name and the period's label).</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Forms to choose.</summary>
    public IReadOnlyList<SelectListItem> FormOptions { get; private set; } = [];

    /// <summary>Scope units the user may open a period for.</summary>
    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    /// <summary>Shows the form with defaults.</summary>
    public async Task OnGetAsync()
    {
        await LoadAsync();
        Year = clock.Today.Year;
        OpensOn = clock.Today;
        ScopeUnitId = Scopes.Count > 0 ? int.Parse(Scopes[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Opens the period; refusals are shown at their fields and nothing is stored.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var missing = new List<string>();
        if (FormId is null) ModelState.AddModelError(nameof(FormId), string.Format(Vi.Culture, UiText.Required, UiText.StatForm));
        if (Year is null) ModelState.AddModelError(nameof(Year), string.Format(Vi.Culture, UiText.Required, UiText.Year));
        if (ScopeUnitId is null) ModelState.AddModelError(nameof(ScopeUnitId), string.Format(Vi.Culture, UiText.Required, UiText.PeriodScope));
        if (OpensOn is null) ModelState.AddModelError(nameof(OpensOn), string.Format(Vi.Culture, UiText.Required, UiText.OpensOn));
        if (!ModelState.IsValid) return Page();
        // Who may open for which scope is the permission model's answer; a scope the user does not coordinate is "not found" to them.
        if (!Scopes.Any(s => s.Value == ScopeUnitId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(ScopeUnitId), UiText.PeriodScopeNotYours);
            return Page();
        }
        var user = (await current.GetAsync()).UserName;
        FormPeriod? period = null;
        var ok = await this.TryRunAsync(async () => period = await FormPeriods.OpenAsync(db,
            new OpenFormPeriodRequest(FormId!.Value, Year!.Value, Number, ScopeUnitId!.Value, OpensOn!.Value, AcceptLate, Name), user, clock.UtcNow),
            where => where.Field switch
            {
                "formId" => nameof(FormId),
                "year" => nameof(Year),
                "number" or "kind" => nameof(Number),
                "scopeUnitId" => nameof(ScopeUnitId),
                "name" => nameof(Name),
                _ => null,
            });
        if (!ok) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.StatPeriodOpened, period!.Name, period.Reports.Count));
        return RedirectToPage("/Statistics/Reports", new { id = period.Id });
    }

    private async Task LoadAsync()
    {
        var scope = await current.GetAsync();
        FormOptions = (await db.Forms.AsNoTracking().OrderBy(f => f.Code).ThenByDescending(f => f.Version).ToListAsync())
            .Select(f => new SelectListItem($"{f.Name} (v{f.Version})", f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Scopes = await UnitOptions.SelectAsync(db, u => u.Kind is OrgUnitKind.Province or OrgUnitKind.District
            && permissions.May(scope, StatisticsPermissions.OpenPeriod, new(u.Path)));
    }
}
