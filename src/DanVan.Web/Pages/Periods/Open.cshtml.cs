using DanVan.Refusals;
using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
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

namespace DanVan.Web.Pages.Periods;

/// <summary>
/// A coordinator opens a period: year, scope, participating groups with the criteria set of each, opening day,
/// deadline, and whether late submissions are accepted (marked late) or refused. Every unit of those groups within
/// the scope gets an assessment.
/// </summary>
public sealed class Open(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Scope units the user coordinates (a province or a district).</summary>
    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    /// <summary>Groups, each with the active criteria sets that may apply to it.</summary>
    public IReadOnlyList<GroupOption> GroupOptions { get; private set; } = [];

    /// <summary>A group and its set choices.</summary>
    public sealed record GroupOption(int Id, string Code, string Name, int Members, IReadOnlyList<SelectListItem> Sets);

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>Year evaluated.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Range(2000, 2100, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.RangeInvalid))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Year))]
        public int? Year { get; set; }

        /// <summary>Kind of reporting period evaluated (year, six months, quarter, month).</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.PeriodKindLabel))]
        public PeriodKind Kind { get; set; } = PeriodKind.Year;

        /// <summary>Number of the period within the year (1 for a year).</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.PeriodNumberLabel))]
        public int Number { get; set; } = 1;

        /// <summary>Name.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(300, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.MaxLength))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.PeriodName))]
        public string? Name { get; set; }

        /// <summary>The scope unit (province or district).</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.PeriodScope))]
        public int? ScopeUnitId { get; set; }

        /// <summary>First day of entry.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.OpensOn))]
        public DateOnly? OpensOn { get; set; }

        /// <summary>Last day to submit.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.Deadline))]
        public DateOnly? Deadline { get; set; }

        /// <summary>Late submissions accepted (marked late) or refused.</summary>
        public bool AcceptLate { get; set; } = true;

        /// <summary>One line per group.</summary>
        public List<GroupChoice> Groups { get; set; } = [];
    }

    /// <summary>Whether a group takes part, and its criteria set.</summary>
    public sealed class GroupChoice
    {
        /// <summary>The group.</summary>
        public int GroupId { get; set; }

        /// <summary>Takes part.</summary>
        public bool Selected { get; set; }

        /// <summary>The criteria set version.</summary>
        public int? CriteriaSetId { get; set; }
    }

    /// <summary>Shows the form with sensible defaults.</summary>
    public async Task OnGetAsync()
    {
        var today = clock.Today;
        Data = new Input
        {
            Year = today.Year,
            Name = string.Format(Vi.Culture, UiText.PeriodDefaultName, today.Year),
            OpensOn = today,
            Deadline = today.AddDays(30),
        };
        await LoadChoicesAsync();
        // The highest unit the user coordinates (tree order puts it first): the province for a provincial coordinator.
        Data.ScopeUnitId = Scopes.Count > 0 ? int.Parse(Scopes[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Opens the period, or shows the errors next to the fields; nothing is stored on error.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        var scope = await current.GetAsync();
        if (Data.ScopeUnitId is { } scopeId && !Scopes.Any(s => s.Value == scopeId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ModelState.AddModelError("Data.ScopeUnitId", UiText.PeriodScopeNotYours);
        if (Data.OpensOn is { } opens && Data.Deadline is { } deadline && deadline < opens)
            ModelState.AddModelError("Data.Deadline", UiText.DeadlineBeforeOpening);

        var chosen = new List<(int Index, GroupChoice Choice)>();
        for (var i = 0; i < Data.Groups.Count; i++)
        {
            var g = Data.Groups[i];
            if (!g.Selected) continue;
            var option = GroupOptions.FirstOrDefault(o => o.Id == g.GroupId);
            if (option is null) ModelState.AddModelError($"Data.Groups[{i}].Selected", UiText.UnknownGroup);
            else if (g.CriteriaSetId is not { } setId) ModelState.AddModelError($"Data.Groups[{i}].CriteriaSetId", UiText.PeriodGroupNeedsSet);
            else if (!option.Sets.Any(s => s.Value == setId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                ModelState.AddModelError($"Data.Groups[{i}].CriteriaSetId", string.Format(Vi.Culture, UiText.PeriodSetNotForGroup, option.Name));
            chosen.Add((i, g));
        }
        if (chosen.Count == 0) ModelState.AddModelError("Data.Groups", UiText.PeriodNeedsGroup);

        if (ModelState.IsValid)
        {
            var groupIds = chosen.Select(c => c.Choice.GroupId).ToList();
            var clash = await db.Periods.Where(p => p.Year == Data.Year && p.Kind == Data.Kind && p.Number == Data.Number
                    && p.ScopeUnitId == Data.ScopeUnitId && p.Groups.Any(g => groupIds.Contains(g.GroupId)))
                .Select(p => p.Name).FirstOrDefaultAsync();
            if (clash is not null) ModelState.AddModelError("Data.Groups", string.Format(Vi.Culture, UiText.PeriodClash, clash, Data.Year));
        }
        if (!ModelState.IsValid) return Page();

        var request = new OpenPeriodRequest(Data.Year!.Value, Data.Name!.Trim().Normalize(), Data.ScopeUnitId!.Value, Data.OpensOn!.Value, Data.Deadline!.Value,
            Data.AcceptLate, chosen.Select(c => new PeriodGroupChoice(c.Choice.GroupId, c.Choice.CriteriaSetId!.Value)).ToList(),
            Data.Kind is PeriodKind.AdHoc ? PeriodKind.Year : Data.Kind, Data.Number);
        try
        {
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, request, scope.UserName, clock.UtcNow);
            TempData.Notice(string.Format(Vi.Culture, UiText.PeriodOpened, period.Name, period.Assessments.Count));
            return RedirectToPage("/Dashboard/Index", new { periodId = period.Id });
        }
        catch (RefusedException ex)
        {
            this.Show(ex.Refusals, where => where.Key switch
            {
                "year" => "Data.Year",
                "name" => "Data.Name",
                "deadline" => "Data.Deadline",
                "number" or "kind" => "Data.Number",
                "scopeUnitId" => "Data.ScopeUnitId",
                _ => "Data.Groups",
            });
            return Page();
        }
    }

    private async Task LoadChoicesAsync()
    {
        var scope = await current.GetAsync();
        var permissions = DanVan.Accounts.Permissions.Permissions.Builtin;
        Scopes = await UnitOptions.SelectAsync(db, u => u.Kind is OrgUnitKind.Province or OrgUnitKind.District && permissions.May(scope, EvaluationPermissions.OpenPeriod, new(u.Path)));
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Key).ThenByDescending(s => s.Version).ToListAsync())
            .Select(s => (s.Id, Label: $"{s.Name} (v{s.Version})", s.Parse().AppliesTo)).ToList();
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Code, g.Name, Members = g.Units.Count }).ToListAsync();
        GroupOptions = groups.Select(g => new GroupOption(g.Id, g.Code, g.Name, g.Members,
            sets.Where(s => s.AppliesTo.Count == 0 || s.AppliesTo.Contains(g.Code))
                .Select(s => new SelectListItem(s.Label, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList())).ToList();

        // One line per group, keeping what was posted.
        var posted = Data.Groups.ToDictionary(g => g.GroupId);
        Data.Groups = GroupOptions.Select(o => posted.GetValueOrDefault(o.Id) ?? new GroupChoice
        {
            GroupId = o.Id,
            CriteriaSetId = o.Sets.Count == 1 ? int.Parse(o.Sets[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
        }).ToList();
    }
}
