using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Petitions;

/// <summary>
/// Records a petition or edits one (handling, acceptance, resolution): petitioners as repeating rows; the due date comes from
/// the time-limit table when accepted. A refusal keeps what was typed at its field; the version guards an edit.
/// </summary>
// Gated by reading, so a record out of scope answers 404 to every role; recording is decided per record below (403).
[Permission(RegistryPermissions.Read)]
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions, PersonalDataProtector protector, TimeLimitTable limits) : RegistryPage
{
    /// <summary>The form as typed.</summary>
    [BindProperty]
    public PetitionForm Form { get; set; } = new();

    /// <summary>The petition edited; null for a new one.</summary>
    public Petition? Existing { get; private set; }

    /// <summary>Units whose registry the user may write (new petitions).</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The time limits by kind (shown beside the acceptance date).</summary>
    public TimeLimitTable Limits => limits;

    /// <summary>Shows the form: empty with today's date, or the stored petition (a read of its personal data, logged).</summary>
    public async Task<IActionResult> OnGetAsync(int? id, int? unit)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (Existing is { } r)
        {
            var shown = await RegistriesAccess.ShowCitizensAsync(db, permissions, await current.GetAsync(), r, protector, clock.UtcNow, "page");
            Form = PetitionForm.Of(r, shown.Citizens);
        }
        else
        {
            Form.UnitId = unit is { } u && Units.Any(x => x.Value == Id(u)) ? u : Units.Count > 0 ? int.Parse(Units[0].Value, Vi.Culture) : null;
            Form.ReceivedOn = clock.Today;
        }
        if (Form.Petitioners.Count == 0) Form.Petitioners.Add(new CitizenRow());
        return Page();
    }

    /// <summary>Saves: the core checks everything; nothing is stored while anything is refused, and the typed values stay.</summary>
    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var unit = await UnitAsync();
        if (unit is null) return Page();
        var user = await current.GetAsync();
        var actor = new RegistryActor(user.UserName, clock.UtcNow, clock.Zone, protector);
        var input = Form.ToInput();
        var unread = UnreadFields();
        if (unread.Count > 0)
        {
            ShowRefusals(unread.Concat(PetitionLog.Check(input, unit, actor.Today)));
            return Page();
        }
        Petition? saved = Existing;
        var ok = await TryAsync(async () =>
        {
            if (Existing is { } r) await PetitionLog.UpdateAsync(db, r, input, actor, limits, Form.Version);
            else saved = await PetitionLog.RecordAsync(db, unit, input, actor, limits);
        });
        if (!ok) return Page();
        TempData.Notice(Existing is null ? UiText.RegPetitionRecorded : UiText.RegPetitionSaved);
        return RedirectToPage("View", new { id = saved!.Id });
    }

    /// <summary>Adds an empty petitioner row; nothing is stored and everything typed stays.</summary>
    public async Task<IActionResult> OnPostAddPetitionerAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        UnreadFields();
        Form.Petitioners.Add(new CitizenRow());
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int? id)
    {
        var user = await current.GetAsync();
        if (id is { } rid)
        {
            Existing = await RegistriesAccess.FindPetitionAsync(db, user, rid);
            if (Existing is null) return NotFound();
            switch (RegistriesAccess.Decide(permissions, user, RegistryPermissions.Record, Existing.Unit!))
            {
                case AccessOutcome.NotFound: return NotFound();
                case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
            }
        }
        else
        {
            if (!permissions.MayAnywhere(user, RegistryPermissions.Record)) return new StatusCodeResult(StatusCodes.Status403Forbidden);
            Units = await UnitOptions.SelectAsync(db, u => permissions.May(user, RegistryPermissions.Record, new Target(u.Path)));
        }
        return null;
    }

    /// <summary>The unit written to: the petition's own, or the one chosen among those the user may write.</summary>
    private async Task<OrgUnit?> UnitAsync()
    {
        if (Existing is not null) return Existing.Unit;
        if (Form.UnitId is { } u && Units.Any(x => x.Value == Id(u))) return await db.Units.SingleAsync(x => x.Id == u);
        ModelState.AddModelError("Form.UnitId", Form.UnitId is null ? string.Format(Vi.Culture, UiText.Required, UiText.UnitColumn) : UiText.RegUnitNotYours);
        if (Form.Petitioners.Count == 0) Form.Petitioners.Add(new CitizenRow());
        return null;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
