using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries;

/// <summary>A province's registry settings as posted.</summary>
public sealed class SettingsForm
{
    /// <summary>From this day on.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>Đoàn đông người from this many people.</summary>
    public int? DelegationThreshold { get; set; }

    /// <summary>Years personal data is kept.</summary>
    public int? RetentionYears { get; set; }
}

/// <summary>
/// A province's registry settings from a date (the delegation threshold, the retention of personal data), their history,
/// and the anonymisation of records older than the retention, after an explicit confirmation.
/// </summary>
[Permission(RegistryPermissions.Manage)]
public sealed class Settings(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : RegistryPage
{
    /// <summary>The unit whose settings are shown.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>The new setting.</summary>
    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    /// <summary>The anonymisation is confirmed.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>Provinces (and districts) whose settings the user manages.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The unit shown.</summary>
    public OrgUnit Scope { get; private set; } = null!;

    /// <summary>Its settings, latest first.</summary>
    public IReadOnlyList<RegistrySetting> History { get; private set; } = [];

    /// <summary>The setting in force today (its own or inherited, or the defaults).</summary>
    public RegistrySetting InForce { get; private set; } = null!;

    /// <summary>Records are anonymised when received before this day.</summary>
    public DateOnly Cutoff { get; private set; }

    /// <summary>Records in the scope received before the cutoff and not yet anonymised.</summary>
    public int Due { get; private set; }

    /// <summary>Shows the settings.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Form = new SettingsForm { EffectiveFrom = clock.Today, DelegationThreshold = InForce.DelegationThreshold, RetentionYears = InForce.RetentionYears };
        return Page();
    }

    /// <summary>Saves a setting from a day on (audited); a refusal keeps what was typed.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var unread = UnreadFields();
        if (Form.EffectiveFrom is null) unread.Add(DanVan.Refusals.Refusal.Of("request.required", DanVan.Refusals.Where.AtField("effectiveFrom"), ("field", "effectiveFrom")));
        if (Form.DelegationThreshold is null) unread.Add(DanVan.Refusals.Refusal.Of("request.required", DanVan.Refusals.Where.AtField("delegationThreshold"), ("field", "delegationThreshold")));
        if (Form.RetentionYears is null) unread.Add(DanVan.Refusals.Refusal.Of("request.required", DanVan.Refusals.Where.AtField("retentionYears"), ("field", "retentionYears")));
        if (unread.Count > 0)
        {
            ShowRefusals(unread);
            return Page();
        }
        var user = await current.GetAsync();
        var ok = await TryAsync(() => RegistrySettings.SetAsync(db, Scope, Form.EffectiveFrom!.Value, Form.DelegationThreshold!.Value, Form.RetentionYears!.Value, user.UserName, clock.UtcNow));
        if (!ok) return Page();
        TempData.Notice(UiText.RegSettingsSaved);
        return RedirectToPage(new { unit = Scope.Id });
    }

    /// <summary>Erases the personal data of the records older than the retention (counts stay), once confirmed; audited per record.</summary>
    public async Task<IActionResult> OnPostAnonymiseAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Form = new SettingsForm { EffectiveFrom = clock.Today, DelegationThreshold = InForce.DelegationThreshold, RetentionYears = InForce.RetentionYears };
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), UiText.RegAnonymiseConfirmRequired);
            return Page();
        }
        var user = await current.GetAsync();
        var count = await PersonalDataAccess.AnonymiseAsync(db, Scope.Path, Cutoff, user.UserName, clock.UtcNow);
        TempData.Notice(string.Format(Vi.Culture, UiText.RegAnonymised_Done, count));
        return RedirectToPage(new { unit = Scope.Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var user = await current.GetAsync();
        Units = await UnitOptions.SelectAsync(db, u => u.Kind is OrgUnitKind.Province or OrgUnitKind.District && permissions.May(user, RegistryPermissions.Manage, new Target(u.Path)));
        var unitId = Unit ?? (Units.Count > 0 ? int.Parse(Units[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        if (unitId is null) return NotFound();
        var scope = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId);
        if (scope is null) return NotFound();
        switch (RegistriesAccess.Decide(permissions, user, RegistryPermissions.Manage, scope))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Scope = scope;
        Unit = scope.Id;
        History = await db.RegistrySettings.AsNoTracking().Where(s => s.UnitId == scope.Id).OrderByDescending(s => s.EffectiveFrom).ToListAsync();
        InForce = await RegistrySettings.ForAsync(db, scope, clock.Today);
        Cutoff = clock.Today.AddYears(-InForce.RetentionYears);
        var cutoff = Cutoff;
        var path = scope.Path;
        Due = await db.Receptions.CountAsync(r => r.Unit!.Path.StartsWith(path) && r.ReceivedOn < cutoff && r.AnonymisedAt == null)
            + await db.Petitions.CountAsync(r => r.Unit!.Path.StartsWith(path) && r.ReceivedOn < cutoff && r.AnonymisedAt == null);
        return null;
    }
}
