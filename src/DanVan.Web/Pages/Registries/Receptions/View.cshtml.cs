using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Registries.Receptions;

/// <summary>One reception: citizens in full only for the unit itself and registry clerks covering it (the read is logged), masked for everyone else.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class View(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions, PersonalDataProtector protector) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    /// <summary>The reception.</summary>
    public Reception Reception { get; private set; } = null!;

    /// <summary>Its citizens as this reader sees them.</summary>
    public CitizensShown Citizens { get; private set; } = null!;

    /// <summary>Who recorded it, as people read it ("Trần Thị Thu Hà (vanthu)").</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>The user may edit it.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>Shows the reception.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var user = await current.GetAsync();
        var r = await RegistriesAccess.FindReceptionAsync(db, user, id);
        if (r is null) return NotFound();
        switch (RegistriesAccess.Decide(permissions, user, RegistryPermissions.Read, r.Unit!))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Reception = r;
        MayEdit = permissions.May(user, RegistryPermissions.Record, Target.Unit(r.Unit!));
        RecordedBy = (await PeopleNames.LoadAsync(db, [r.RecordedBy])).Who(r.RecordedBy);
        Citizens = await RegistriesAccess.ShowCitizensAsync(db, permissions, user, r, protector, clock.UtcNow, "page");
        return Page();
    }
}
