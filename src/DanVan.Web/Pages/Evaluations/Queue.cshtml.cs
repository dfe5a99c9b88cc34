using DanVan.Web.Evaluations;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// The submissions of a period within the user's scope, by status (not started, draft, submitted, late, returned,
/// appraised, approved), with the actions the user may take; also as an XLSX export of the same rows.
/// </summary>
public sealed class Queue(DanVanDbContext db, CurrentUser current, DanVan.Accounts.Permissions.Permissions permissions) : PageModel
{
    /// <summary>The periods the user can see (some of their units take part).</summary>
    public IReadOnlyList<PeriodOption> Periods { get; private set; } = [];

    /// <summary>The period shown.</summary>
    public PeriodOption? Period { get; private set; }

    /// <summary>The groups of the period, for the group filter.</summary>
    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];

    /// <summary>The filter, the counts, the page of rows and the areas to choose from.</summary>
    public QueueResult Result { get; private set; } = AssessmentQueue.Select([], new QueueFilter());

    /// <summary>The filter as applied.</summary>
    public QueueFilter Filter => Result.Filter;

    /// <summary>The status filter.</summary>
    public string Status => Filter.Status;

    /// <summary>Count per status filter.</summary>
    public IReadOnlyDictionary<string, int> Counts => Result.Counts;

    /// <summary>The rows of the page shown.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>A period to choose.</summary>
    public sealed record PeriodOption(int Id, int Year, string Name, int ScopeUnitId);

    /// <summary>One assessment in the queue.</summary>
    public sealed record Row(int Id, string UnitCode, string UnitName, string Group, AssessmentStatus Status, bool IsLate, DateTime? SubmittedAt,
        decimal? SelfTotal, string SelfBand, decimal? FinalTotal, string FinalBand, bool CanAppraise, bool CanInspect, bool CanCouncil = false);

    /// <summary>Shows the queue.</summary>
    public async Task<IActionResult> OnGetAsync(int? periodId, string? status, int? group, int? area, string? q, string? sort, string? dir, int? p) =>
        await LoadAsync(periodId, Ask(status, group, area, q, sort, dir, p)) ? Page() : NotFound();

    /// <summary>Every row matching the filter (not only the page shown) as an XLSX workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? periodId, string? status, int? group, int? area, string? q, string? sort, string? dir)
    {
        if (!await LoadAsync(periodId, Ask(status, group, area, q, sort, dir, 1)) || Period is null) return NotFound();
        var labels = await BandLabelsAsync(Result.All);
        var sheet = Result.All.Select(r => new Dictionary<string, object?>
        {
            [UiText.Code] = r.UnitCode,
            [UiText.UnitColumn] = r.UnitName,
            [UiText.AdminGroups] = r.Group,
            [UiText.StatusLabel] = Labels.Of(r.Status),
            [UiText.LateBadge] = r.IsLate ? UiText.Yes : "",
            [UiText.SubmittedOn] = Vi.Time(r.SubmittedAt),
            [UiText.SelfScore] = r.SelfTotal,
            [UiText.SelfClass] = labels(r.CriteriaSetId, r.SelfBand),
            [UiText.FinalScore] = r.FinalTotal,
            [UiText.FinalClass] = labels(r.CriteriaSetId, r.FinalBand),
        });
        var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: UiText.MenuQueue);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DanVan.Reports.ReportFileNames.For("ho-so-danh-gia", Period.Year, "", "xlsx"));
    }

    /// <summary>The query string of this queue with some values changed (null removes one); for links that keep the other filters.</summary>
    public Dictionary<string, string?> RouteWith(string? status = null, string? sort = null, string? dir = null, int? page = null)
    {
        static string? S(int? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            ["periodId"] = S(Period?.Id),
            ["status"] = status ?? Filter.Status,
            ["group"] = S(Filter.GroupId),
            ["area"] = S(Filter.AreaId),
            ["q"] = Filter.Search,
            ["sort"] = sort ?? Filter.Sort,
            ["dir"] = dir ?? (Filter.Descending ? "desc" : null),
            ["p"] = S(page),
        };
    }

    /// <summary>The link of a sortable column: ascending first, descending when it is already the ascending sort.</summary>
    public Dictionary<string, string?> SortRoute(string key) =>
        RouteWith(sort: key, dir: Filter.Sort == key && !Filter.Descending ? "desc" : "asc");

    /// <summary>The aria-sort value of a column.</summary>
    public string? AriaSort(string key) => Filter.Sort != key ? null : Filter.Descending ? "descending" : "ascending";

    private static QueueFilter Ask(string? status, int? group, int? area, string? q, string? sort, string? dir, int? page) =>
        new QueueFilter(status ?? "all", group, area, q, sort ?? "group", string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase), page ?? 1)
            .Normalised();

    private async Task<bool> LoadAsync(int? periodId, QueueFilter filter)
    {
        var scope = await current.GetAsync();
        var readable = EvaluationAccess.ReadableAssessments(db, scope);
        var periods = await db.Periods.AsNoTracking().Where(p => readable.Any(a => a.PeriodId == p.Id))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new { Option = new PeriodOption(p.Id, p.Year, p.Name, p.ScopeUnitId), ScopePath = p.ScopeUnit!.Path }).ToListAsync();
        Periods = periods.Select(p => p.Option).ToList();
        if (periodId is { } pid && Periods.All(p => p.Id != pid)) return false;
        Period = periodId is { } chosen ? Periods.Single(p => p.Id == chosen) : Periods.Count > 0 ? Periods[0] : null;
        if (Period is null)
        {
            Result = AssessmentQueue.Select([], filter);
            return true;
        }

        var periodScope = periods.Single(p => p.Option.Id == Period.Id).ScopePath;
        // One narrow row per assessment; filtering, search (diacritics folded) and paging are the core's, in memory.
        var items = await readable.AsNoTracking().Where(a => a.PeriodId == Period.Id)
            .Join(db.Groups, a => a.GroupId, g => g.Id, (a, g) => new QueueItem(
                a.Id, a.Unit!.Code, a.Unit.Name, a.Unit.Path, a.Unit.ParentId, a.Unit.Parent!.Name,
                g.Id, g.Name, g.SortOrder, a.Status, a.IsLate, a.SubmittedAt,
                a.SelfTotal, a.SelfBand, a.FinalTotal, a.FinalBand, a.CriteriaSetId))
            .ToListAsync();
        Result = AssessmentQueue.Select(items, filter);
        Groups = items.GroupBy(i => (i.GroupId, i.Group, i.GroupOrder)).OrderBy(g => g.Key.GroupOrder)
            .Select(g => (g.Key.GroupId, g.Key.Group)).ToList();
        var labels = await BandLabelsAsync(Result.Rows);
        // A council period: its members and the coordinators who appraise reach the council's page from the queue.
        var member = await db.CouncilMembers.AnyAsync(m => m.PeriodId == Period.Id && m.UserName == scope.UserName);
        var council = member || await db.Councils.AnyAsync(c => c.PeriodId == Period.Id);
        Rows = Result.Rows.Select(r =>
            {
                var may = EvaluationPermissions.ActionsFor(permissions, scope, r.Status, confirmed: false, new(r.UnitPath, periodScope));
                return new Row(r.Id, r.UnitCode, r.UnitName, r.Group, r.Status, r.IsLate, r.SubmittedAt,
                    r.SelfTotal, labels(r.CriteriaSetId, r.SelfBand), r.FinalTotal, labels(r.CriteriaSetId, r.FinalBand),
                    may.Appraise, may.Inspect, council && (member || may.Appraise) && r.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised);
            })
            .ToList();
        return true;
    }

    private async Task<Func<int, string?, string>> BandLabelsAsync(IReadOnlyList<QueueItem> rows)
    {
        var setIds = rows.Select(r => r.CriteriaSetId).Distinct().ToList();
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync()).ToDictionary(s => s.Id, s => s.Parse());
        return (setId, band) => band is null ? "" : DanVan.Evaluations.Scoring.ScoringEngine.LabelOf(sets[setId], band);
    }
}
