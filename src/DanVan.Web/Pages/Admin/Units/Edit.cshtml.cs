using System.ComponentModel.DataAnnotations;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Units;

/// <summary>Creates or edits one unit: code, names, kind, parent, groups, validity.</summary>
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Parent choices.</summary>
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    /// <summary>Groups to choose from.</summary>
    public IReadOnlyList<(int Id, string Name)> AllGroups { get; private set; } = [];

    /// <summary>True when editing an existing unit.</summary>
    public bool Exists { get; private set; }

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>Official code.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(64, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Code))]
        public string Code { get; set; } = "";

        /// <summary>Full name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(300, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Name))]
        public string Name { get; set; } = "";

        /// <summary>Short name for sentences.</summary>
        [StringLength(200, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ShortName))]
        public string? ShortName { get; set; }

        /// <summary>Kind.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.UnitKind))]
        public OrgUnitKind? Kind { get; set; }

        /// <summary>Parent.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ParentUnit))]
        public int? ParentId { get; set; }

        /// <summary>Groups.</summary>
        public List<int> GroupIds { get; set; } = [];

        /// <summary>First day.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ValidFrom))]
        public DateOnly? ValidFrom { get; set; }

        /// <summary>Last day.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ValidTo))]
        public DateOnly? ValidTo { get; set; }
    }

    /// <summary>Shows the form, filled for an existing unit.</summary>
    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().Include(u => u.Groups).SingleOrDefaultAsync(u => u.Id == unitId);
            if (unit is null) return NotFound();
            Data = new Input
            {
                Code = unit.Code, Name = unit.Name, ShortName = unit.ShortName, Kind = unit.Kind, ParentId = unit.ParentId,
                GroupIds = unit.Groups.Select(g => g.Id).ToList(), ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo,
            };
        }
        await LoadChoicesAsync(id);
        return Page();
    }

    /// <summary>Saves the unit, or shows the errors next to the fields.</summary>
    public async Task<IActionResult> OnPostAsync(int? id)
    {
        OrgUnit? unit = null;
        if (id is { } unitId)
        {
            unit = await db.Units.Include(u => u.Groups).SingleOrDefaultAsync(u => u.Id == unitId);
            if (unit is null) return NotFound();
        }

        var code = Data.Code.Trim();
        if (code.Length > 0 && await db.Units.AnyAsync(u => u.Code == code && u.Id != (id ?? 0)))
            ModelState.AddModelError("Data.Code", string.Format(Vi.Culture, UiText.UnitCodeTaken, code));
        if (Data.Kind is { } kind && !Enum.IsDefined(kind)) ModelState.AddModelError("Data.Kind", UiText.UnknownKind);
        if (Data.ValidFrom is { } from && Data.ValidTo is { } to && to < from) ModelState.AddModelError("Data.ValidTo", UiText.ValidToBeforeFrom);
        if (Data.ParentId is { } parentId)
        {
            var tree = new OrgTree(await db.Units.AsNoTracking().ToListAsync());
            if (!tree.All.Any(u => u.Id == parentId)) ModelState.AddModelError("Data.ParentId", UiText.UnknownUnit);
            else if (id is { } self && tree.IsWithin(parentId, self)) ModelState.AddModelError("Data.ParentId", UiText.ParentCycle);
        }
        var groups = await db.Groups.Where(g => Data.GroupIds.Contains(g.Id)).ToListAsync();
        if (groups.Count != Data.GroupIds.Distinct().Count()) ModelState.AddModelError("Data.GroupIds", UiText.UnknownGroup);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(id);
            return Page();
        }

        var old = unit is null ? null : Describe(unit);
        unit ??= db.Units.Add(new OrgUnit { Code = code, Name = "" }).Entity;
        unit.Code = code;
        unit.Name = Data.Name.Trim().Normalize();
        unit.ShortName = string.IsNullOrWhiteSpace(Data.ShortName) ? null : Data.ShortName.Trim().Normalize();
        unit.Kind = Data.Kind!.Value;
        unit.ParentId = Data.ParentId;
        unit.ValidFrom = Data.ValidFrom;
        unit.ValidTo = Data.ValidTo;
        unit.Groups.Clear();
        unit.Groups.AddRange(groups);
        var scope = await current.GetAsync();
        AuditTrail.Record(db, new AuditLine(scope.UserName, clock.UtcNow, old is null ? "unit.create" : "unit.update", AuditSubject.Of(unit))
        {
            Old = old, New = Describe(unit),
        });
        await db.SaveChangesAsync();
        TempData.Notice(string.Format(Vi.Culture, UiText.UnitSaved, unit.Name));
        return RedirectToPage("Index");
    }

    private static string Describe(OrgUnit u) =>
        $"{u.Code}; {u.Name}; {u.Kind}; parent {u.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; {string.Join(",", u.Groups.Select(g => g.Code))}; {u.ValidFrom:yyyy-MM-dd}–{u.ValidTo:yyyy-MM-dd}";

    private async Task LoadChoicesAsync(int? id)
    {
        Exists = id is not null;
        var tree = new OrgTree(await db.Units.AsNoTracking().ToListAsync());
        var excluded = id is { } self ? tree.SelfAndDescendants(self).Select(u => u.Id).ToHashSet() : [];
        Parents = await UnitOptions.SelectAsync(db, u => !excluded.Contains(u.Id));
        AllGroups = (await db.Groups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync())
            .Select(g => (g.Id, g.Name)).ToList();
    }
}
