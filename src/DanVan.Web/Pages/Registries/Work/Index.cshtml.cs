using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using DanVan.Web.Registries;
using DanVan.Web.Api.Registries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>The work registries of a scope: models, plans or recommendations, filtered; links to record, import, export and the figures.</summary>
[Permission(RegistryPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>models, plans or recommendations.</summary>
    [BindProperty(SupportsGet = true)] public string Registry { get; set; } = "models";

    /// <summary>The scope unit (default the user's).</summary>
    [BindProperty(SupportsGet = true)] public int? Scope { get; set; }

    /// <summary>The year (models started by it; plans for it; recommendations issued in it).</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    /// <summary>Models: field.</summary>
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    /// <summary>Models: level; plans: kind; recommendations: status.</summary>
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }

    /// <summary>The registry shown.</summary>
    public WorkRegistry Which { get; private set; }

    /// <summary>Scope units to choose.</summary>
    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    /// <summary>The rows.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The user may record somewhere.</summary>
    public bool MayRecord { get; private set; }

    /// <summary>One line of the list: the record, its cells, whether the user may edit it.</summary>
    public sealed record Row(int Id, IReadOnlyList<string> Cells, bool Editable);

    /// <summary>Shows the list.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await current.GetAsync();
        if (!TryWhich()) return NotFound();
        if (await WorkAccess.ScopeUnitAsync(db, user, Scope, HttpContext.RequestAborted) is not { } unit) return NotFound();
        Scope = unit.Id;
        MayRecord = permissions.MayAnywhere(user, RegistryPermissions.WorkRecord);
        Scopes = await UnitOptions.SelectAsync(db, u => user.CanRead(u.Path) && u.Kind is OrgUnitKind.Province or OrgUnitKind.District or OrgUnitKind.ProvincialAgency or OrgUnitKind.Commune);
        bool May(OrgUnit u) => permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(u));
        switch (Which)
        {
            case WorkRegistry.Models:
                var models = WorkAccess.Models(db, user).AsNoTracking().Include(m => m.Unit).Include(m => m.Owners).Include(m => m.Awards).Where(m => m.Unit!.Path.StartsWith(unit.Path));
                if (Year is { } y1) models = models.Where(m => m.YearStarted <= y1);
                if (WorkTerms.TryParse<WorkLevel>(Filter, out var level)) models = models.Where(m => m.Level == level);
                var list = await models.OrderBy(m => m.Unit!.Code).ThenBy(m => m.Id).Take(1000).ToListAsync();
                if (!string.IsNullOrWhiteSpace(Field)) list = [.. list.Where(m => m.Field == WorkFields.Canonical(Field))];
                var rows = new List<Row>();
                foreach (var m in list)
                {
                    var today = await DanVanModels.OwnersTodayAsync(db, m, clock.Today);
                    var owners = string.Join("; ", m.Owners.Select(o => o.DisplayName));
                    var now = today.Select(o => o.Id).Order().SequenceEqual(m.Owners.Select(o => o.Id).Order()) ? "" : string.Join("; ", today.Select(o => o.DisplayName));
                    rows.Add(new Row(m.Id, [owners, m.Name, m.Field, WorkTerms.Label(m.Level), m.YearStarted.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        WorkTerms.Label(m.Status), m.Awards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (m.PresentedNationally ? " ★" : ""), now], May(m.Unit!)));
                }
                Rows = rows;
                break;
            case WorkRegistry.Plans:
                var plans = WorkAccess.Plans(db, user).AsNoTracking().Include(p => p.Unit).Where(p => p.Unit!.Path.StartsWith(unit.Path));
                if (Year is { } y2) plans = plans.Where(p => p.Year == y2);
                if (WorkTerms.TryParse<WorkPlanKind>(Filter, out var kind)) plans = plans.Where(p => p.Kind == kind);
                Rows = [.. (await plans.OrderBy(p => p.Year).ThenBy(p => p.Unit!.Code).ThenBy(p => p.Id).Take(1000).ToListAsync()).Select(p => new Row(p.Id,
                    [p.Unit!.DisplayName, p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), WorkTerms.Label(p.Kind), p.Number ?? "", p.IssuedOn is { } d ? Vi.Date(d) : UiText.WorkNotIssued,
                     p.DueOn is { } due ? Vi.Date(due) : "", p.IssuedOnTime ? UiText.WorkOnTime : p.IssuedOn is null ? "" : UiText.WorkLate], May(p.Unit)))];
                break;
            default:
                var recs = WorkAccess.Recommendations(db, user).AsNoTracking().Include(r => r.Unit).Where(r => r.Unit!.Path.StartsWith(unit.Path));
                if (Year is { } y3) recs = recs.Where(r => r.IssuedOn >= new DateOnly(y3, 1, 1) && r.IssuedOn <= new DateOnly(y3, 12, 31));
                if (WorkTerms.TryParse<RecommendationStatus>(Filter, out var status)) recs = recs.Where(r => r.Status == status);
                Rows = [.. (await recs.OrderBy(r => r.IssuedOn).ThenBy(r => r.Id).Take(1000).ToListAsync()).Select(r => new Row(r.Id,
                    [r.Unit!.DisplayName, $"{r.Issuer} ({WorkTerms.Label(r.IssuerLevel)})", Vi.Date(r.IssuedOn), r.Topic, r.DueOn is { } due ? Vi.Date(due) : "",
                     r.RespondedOn is { } a ? Vi.Date(a) + (r.AnsweredOnTime ? "" : " (" + UiText.WorkLate + ")") : "", WorkTerms.Label(r.Status)], May(r.Unit)))];
                break;
        }
        return Page();
    }

    /// <summary>The list as a file (XLSX, or CSV with ?format=csv) in the import's layout.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var user = await current.GetAsync();
        if (!TryWhich()) return NotFound();
        if (await WorkAccess.ScopeUnitAsync(db, user, Scope, HttpContext.RequestAborted) is not { } unit) return NotFound();
        var (bytes, type, extension) = WorkTables.File(Which, await WorkExport.RowsAsync(db, user, Which, unit, Year, HttpContext.RequestAborted), format);
        return File(bytes, type, $"{RegistryTerms.Code(Which)}-{unit.Code}{extension}");
    }

    /// <summary>The column headers of the registry shown.</summary>
    public IReadOnlyList<string> Headers => Which switch
    {
        WorkRegistry.Models => [UiText.WorkOwners, UiText.WorkModelName, UiText.WorkField, UiText.WorkLevel, UiText.WorkYearStarted, UiText.WorkStatus, UiText.WorkAwards, UiText.WorkOwnersToday],
        WorkRegistry.Plans => [UiText.UnitColumn, UiText.Year, UiText.WorkPlanKind, UiText.WorkDocumentNumber, UiText.WorkIssuedOn, UiText.WorkDueOn, UiText.WorkTimeliness],
        _ => [UiText.WorkAddressedUnit, UiText.WorkIssuer, UiText.WorkRecommendedOn, UiText.WorkTopic, UiText.WorkAnswerDue, UiText.WorkRespondedOn, UiText.WorkResult],
    };

    /// <summary>The edit page of the registry shown.</summary>
    public string EditPage => Which switch { WorkRegistry.Models => "Model", WorkRegistry.Plans => "Plan", _ => "Recommendation" };

    private bool TryWhich()
    {
        if (!RegistryTerms.TryParse<WorkRegistry>(Registry, out var which)) return false;
        Which = which;
        Registry = RegistryTerms.Code(which);
        return true;
    }
}
