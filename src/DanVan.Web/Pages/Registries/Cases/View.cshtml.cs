using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Cases;

/// <summary>A case's status, result and resolution date as posted.</summary>
public sealed class CaseForm
{
    /// <summary>Tên vụ việc.</summary>
    public string? Title { get; set; }

    /// <summary>Status (enum name).</summary>
    public string? Status { get; set; }

    /// <summary>Kết quả.</summary>
    public string? Result { get; set; }

    /// <summary>Ngày giải quyết xong.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>The version the form was built from.</summary>
    public int Version { get; set; }
}

/// <summary>A case: its receptions and petitions the user reads (names masked), and its status, result and resolution date
/// for a registry clerk covering it (guarded by the version).</summary>
[Permission(RegistryPermissions.Read)]
public sealed class View(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions, PersonalDataProtector protector) : RegistryPage
{
    /// <summary>The edit form.</summary>
    [BindProperty]
    public CaseForm Form { get; set; } = new();

    /// <summary>The case.</summary>
    public CitizenCase Case { get; private set; } = null!;

    /// <summary>Its receptions the user reads.</summary>
    public IReadOnlyList<Reception> Receptions { get; private set; } = [];

    /// <summary>Its petitions the user reads.</summary>
    public IReadOnlyList<Petition> Petitions { get; private set; } = [];

    /// <summary>Records in it the user does not read (counted, never shown).</summary>
    public int Outside { get; private set; }

    /// <summary>The user may change its status and result.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>Shows the case.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        Form = new CaseForm { Title = Case.Title, Status = Case.Status.ToString(), Result = Case.Result, ResolvedOn = Case.ResolvedOn, Version = Case.Version };
        return Page();
    }

    /// <summary>Saves status, result and resolution date; a refusal keeps what was typed.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!MayEdit) return new StatusCodeResult(StatusCodes.Status403Forbidden);
        var user = await current.GetAsync();
        var unread = UnreadFields();
        var status = Enum.TryParse<CaseStatus>(Form.Status, ignoreCase: false, out var s) && Enum.IsDefined(s) ? s : CaseStatus.Open;
        if (unread.Count > 0)
        {
            ShowRefusals(unread);
            return Page();
        }
        var ok = await TryAsync(() => DanVan.Registries.Cases.UpdateAsync(db, Case, Form.Title, status, Form.Result, Form.ResolvedOn, Form.Version,
            new RegistryActor(user.UserName, clock.UtcNow, clock.Zone, protector)));
        if (!ok) return Page();
        TempData.Notice(UiText.RegCaseSaved);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var user = await current.GetAsync();
        var c = await RegistriesAccess.FindCaseAsync(db, user, id);
        if (c is null) return NotFound();
        Case = c;
        Receptions = await RegistriesAccess.Receptions(db, user).AsNoTracking().Include(r => r.Unit).Where(r => r.CaseId == id).OrderBy(r => r.ReceivedOn).ToListAsync();
        Petitions = await RegistriesAccess.Petitions(db, user).AsNoTracking().Include(r => r.Unit).Where(r => r.CaseId == id).OrderBy(r => r.ReceivedOn).ToListAsync();
        Outside = await db.Receptions.CountAsync(r => r.CaseId == id) + await db.Petitions.CountAsync(r => r.CaseId == id) - Receptions.Count - Petitions.Count;
        MayEdit = permissions.May(user, RegistryPermissions.Merge, Target.Unit(c.Unit!));
        return null;
    }
}
