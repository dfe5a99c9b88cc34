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

namespace DanVan.Web.Pages.Registries.Dialogues;

/// <summary>Records a dialogue with the people or edits one (follow-up items with owner, deadline and status); a refusal keeps what was typed.</summary>
// Gated by reading, so a record out of scope answers 404 to every role; recording is decided per record below (403).
[Permission(RegistryPermissions.Read)]
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions, PersonalDataProtector protector) : RegistryPage
{
    /// <summary>The form as typed.</summary>
    [BindProperty]
    public DialogueForm Form { get; set; } = new();

    /// <summary>The dialogue edited; null for a new one.</summary>
    public Dialogue? Existing { get; private set; }

    /// <summary>Units the user may record for (new dialogues).</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(int? id, int? unit)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (Existing is { } d) Form = DialogueForm.Of(d);
        else
        {
            Form.UnitId = unit is { } u && Units.Any(x => x.Value == Id(u)) ? u : Units.Count > 0 ? int.Parse(Units[0].Value, Vi.Culture) : null;
            Form.HeldOn = clock.Today;
        }
        if (Form.FollowUps.Count == 0) Form.FollowUps.Add(new FollowUpRow());
        return Page();
    }

    /// <summary>Saves; blank follow-up rows are left out; nothing is stored while anything is refused.</summary>
    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var unit = await UnitAsync();
        if (unit is null) return Page();
        var user = await current.GetAsync();
        var actor = new RegistryActor(user.UserName, clock.UtcNow, clock.Zone, protector);
        // Blank rows go first, so the positions the core names are the rows shown again.
        var unread = UnreadFields();
        Form.FollowUps.RemoveAll(f => f.IsBlank);
        var input = Form.ToInput();
        if (unread.Count > 0)
        {
            ShowRefusals(unread.Concat(DanVan.Registries.Dialogues.Check(input, unit, actor.Today)));
            return Page();
        }
        Dialogue? saved = Existing;
        var ok = await TryAsync(async () =>
        {
            if (Existing is { } d) await DanVan.Registries.Dialogues.UpdateAsync(db, d, input, actor, Form.Version);
            else saved = await DanVan.Registries.Dialogues.RecordAsync(db, unit, input, actor);
        });
        if (!ok) return Page();
        TempData.Notice(Existing is null ? UiText.RegDialogueRecorded : UiText.RegDialogueSaved);
        return RedirectToPage("View", new { id = saved!.Id });
    }

    /// <summary>Adds an empty follow-up row; nothing is stored.</summary>
    public async Task<IActionResult> OnPostAddFollowUpAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        UnreadFields();
        Form.FollowUps.Add(new FollowUpRow());
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int? id)
    {
        var user = await current.GetAsync();
        if (id is { } did)
        {
            Existing = await RegistriesAccess.FindDialogueAsync(db, user, did);
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

    private async Task<OrgUnit?> UnitAsync()
    {
        if (Existing is not null) return Existing.Unit;
        if (Form.UnitId is { } u && Units.Any(x => x.Value == Id(u))) return await db.Units.SingleAsync(x => x.Id == u);
        ModelState.AddModelError("Form.UnitId", Form.UnitId is null ? string.Format(Vi.Culture, UiText.Required, UiText.UnitColumn) : UiText.RegUnitNotYours);
        return null;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
