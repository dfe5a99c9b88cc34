using System.ComponentModel.DataAnnotations;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Groups;

/// <summary>Creates or edits a unit group: code, name, order in reports.</summary>
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>True when editing an existing group.</summary>
    public bool Exists { get; private set; }

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>Code, e.g. "cap-xa".</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(64, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [RegularExpression("^[a-z0-9-]+$", ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.GroupCodeInvalid))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Code))]
        public string Code { get; set; } = "";

        /// <summary>Name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(300, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Name))]
        public string Name { get; set; } = "";

        /// <summary>Order in reports.</summary>
        [Range(0, 1000, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.RangeInvalid))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.SortOrder))]
        public int SortOrder { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(int? id)
    {
        Exists = id is not null;
        if (id is { } groupId)
        {
            var g = await db.Groups.AsNoTracking().SingleOrDefaultAsync(x => x.Id == groupId);
            if (g is null) return NotFound();
            Data = new Input { Code = g.Code, Name = g.Name, SortOrder = g.SortOrder };
        }
        return Page();
    }

    /// <summary>Saves the group.</summary>
    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Exists = id is not null;
        UnitGroup? group = null;
        if (id is { } groupId && (group = await db.Groups.SingleOrDefaultAsync(x => x.Id == groupId)) is null) return NotFound();
        var code = Data.Code.Trim();
        if (await db.Groups.AnyAsync(g => g.Code == code && g.Id != (id ?? 0)))
            ModelState.AddModelError("Data.Code", string.Format(Vi.Culture, UiText.GroupCodeTaken, code));
        if (!ModelState.IsValid) return Page();

        var old = group is null ? null : $"{group.Code}; {group.Name}; {group.SortOrder}";
        group ??= db.Groups.Add(new UnitGroup { Code = code, Name = "" }).Entity;
        group.Code = code;
        group.Name = Data.Name.Trim().Normalize();
        group.SortOrder = Data.SortOrder;
        var scope = await current.GetAsync();
        AuditTrail.Record(db, new AuditLine(scope.UserName, clock.UtcNow, old is null ? "group.create" : "group.update", AuditSubject.Of(group))
        {
            Old = old, New = $"{group.Code}; {group.Name}; {group.SortOrder}",
        });
        await db.SaveChangesAsync();
        TempData.Notice(string.Format(Vi.Culture, UiText.GroupSaved, group.Name));
        return RedirectToPage("Index");
    }
}
