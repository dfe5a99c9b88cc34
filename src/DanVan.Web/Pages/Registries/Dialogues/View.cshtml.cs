using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Registries.Dialogues;

/// <summary>One dialogue with its follow-up items (overdue ones said in words).</summary>
[Permission(RegistryPermissions.Read)]
public sealed class View(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The dialogue.</summary>
    public Dialogue Dialogue { get; private set; } = null!;

    /// <summary>Who recorded it, as people read it ("Trần Thị Thu Hà (vanthu)").</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>The user may edit it.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>Today in the province.</summary>
    public DateOnly Today => clock.Today;

    /// <summary>Shows the dialogue.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var user = await current.GetAsync();
        var d = await RegistriesAccess.FindDialogueAsync(db, user, id);
        if (d is null) return NotFound();
        switch (RegistriesAccess.Decide(permissions, user, RegistryPermissions.Read, d.Unit!))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Dialogue = d;
        MayEdit = permissions.May(user, RegistryPermissions.Record, Target.Unit(d.Unit!));
        RecordedBy = (await PeopleNames.LoadAsync(db, [d.RecordedBy])).Who(d.RecordedBy);
        return Page();
    }
}
