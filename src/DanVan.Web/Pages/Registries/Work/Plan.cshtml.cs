using System.Globalization;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>Records or edits a unit's work plan for a year.</summary>
[Permission(RegistryPermissions.WorkRecord)]
public sealed class Plan(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : WorkEditPage(db, current, permissions)
{
    /// <summary>The record's id when editing.</summary>
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }

    /// <summary>Năm.</summary>
    [BindProperty] public int? Year { get; set; }

    /// <summary>Loại.</summary>
    [BindProperty] public string? PlanKind { get; set; }

    /// <summary>Số, ký hiệu.</summary>
    [BindProperty] public string? DocumentNumber { get; set; }

    /// <summary>Ngày ban hành.</summary>
    [BindProperty] public DateOnly? IssuedOn { get; set; }

    /// <summary>Cơ quan ban hành.</summary>
    [BindProperty] public string? IssuedBy { get; set; }

    /// <summary>Hạn.</summary>
    [BindProperty] public DateOnly? DueOn { get; set; }

    /// <summary>Trích yếu.</summary>
    [BindProperty] public string? PlanTitle { get; set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadUnitsAsync();
        if (Id is { } id)
        {
            var p = await Db.WorkPlans.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id);
            if (await DenyAsync(p?.Unit) is { } denied) return denied;
            (UnitId, Version, Year, PlanKind, DocumentNumber, IssuedOn, IssuedBy, DueOn, PlanTitle) =
                (p!.UnitId, p.Version, p.Year, RegistryTerms.Code(p.Kind), p.Number, p.IssuedOn, p.IssuedBy, p.DueOn, p.Title);
        }
        else
        {
            UnitId ??= Units.Count > 0 ? int.Parse(Units[0].Value, CultureInfo.InvariantCulture) : null;
            Year = clock.Today.Year;
        }
        return Page();
    }

    /// <summary>Stores the plan; refusals are shown at their fields.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUnitsAsync();
        var input = new WorkPlanInput { Year = Year, PlanKind = PlanKind, DocumentNumber = DocumentNumber, IssuedOn = IssuedOn, IssuedBy = IssuedBy, DueOn = DueOn, PlanTitle = PlanTitle };
        var actor = await ActorAsync(clock);
        bool ok;
        if (Id is { } id)
        {
            var p = await Db.WorkPlans.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id);
            if (await DenyAsync(p?.Unit) is { } denied) return denied;
            ok = await this.TryRunAsync(() => WorkPlans.UpdateAsync(Db, p!, input, actor, Version), Key);
        }
        else
        {
            if (await ChosenUnitAsync() is not { } unit) return Page();
            if (await DenyAsync(unit) is { } denied) return denied;
            ok = await this.TryRunAsync(() => WorkPlans.RecordAsync(Db, unit, input, actor), Key);
        }
        if (!ok) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.WorkSaved, DocumentNumber ?? PlanKind));
        return RedirectToPage("Index", new { registry = "plans", year = Year });
    }
}
