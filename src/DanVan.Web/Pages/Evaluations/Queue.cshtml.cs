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
    /// <summary>Status filters, in the order shown.</summary>
    public static readonly string[] Filters = ["all", "not-started", "draft", "submitted", "late", "returned", "appraised", "approved"];

    /// <summary>The periods the user can see (some of their units take part).</summary>
    public IReadOnlyList<PeriodOption> Periods { get; private set; } = [];

    /// <summary>The period shown.</summary>
    public PeriodOption? Period { get; private set; }

    /// <summary>The status filter.</summary>
    public string Status { get; private set; } = "all";

    /// <summary>Count per filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The rows matching the filter.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>A period to choose.</summary>
    public sealed record PeriodOption(int Id, int Year, string Name, int ScopeUnitId);

    /// <summary>One assessment in the queue.</summary>
    public sealed record Row(int Id, string UnitCode, string UnitName, string Group, AssessmentStatus Status, bool IsLate, DateTime? SubmittedAt,
        decimal? SelfTotal, string SelfBand, decimal? FinalTotal, string FinalBand, bool CanAppraise, bool CanInspect);

    /// <summary>Shows the queue.</summary>
    public async Task<IActionResult> OnGetAsync(int? periodId, string? status) =>
        await LoadAsync(periodId, status) ? Page() : NotFound();

    /// <summary>The same rows as an XLSX workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? periodId, string? status)
    {
        if (!await LoadAsync(periodId, status) || Period is null) return NotFound();
        var sheet = Rows.Select(r => new Dictionary<string, object?>
        {
            [UiText.Code] = r.UnitCode,
            [UiText.UnitColumn] = r.UnitName,
            [UiText.AdminGroups] = r.Group,
            [UiText.StatusLabel] = Labels.Of(r.Status),
            [UiText.LateBadge] = r.IsLate ? UiText.Yes : "",
            [UiText.SubmittedOn] = Vi.Time(r.SubmittedAt),
            [UiText.SelfScore] = r.SelfTotal,
            [UiText.SelfClass] = r.SelfBand,
            [UiText.FinalScore] = r.FinalTotal,
            [UiText.FinalClass] = r.FinalBand,
        });
        var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: UiText.MenuQueue);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DanVan.Reports.ReportFileNames.For("ho-so-danh-gia", Period.Year, "", "xlsx"));
    }

    private async Task<bool> LoadAsync(int? periodId, string? status)
    {
        var scope = await current.GetAsync();
        var readable = EvaluationAccess.ReadableAssessments(db, scope);
        var periods = await db.Periods.AsNoTracking().Where(p => readable.Any(a => a.PeriodId == p.Id))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new { Option = new PeriodOption(p.Id, p.Year, p.Name, p.ScopeUnitId), ScopePath = p.ScopeUnit!.Path }).ToListAsync();
        Periods = periods.Select(p => p.Option).ToList();
        if (periodId is { } pid && Periods.All(p => p.Id != pid)) return false;
        Period = periodId is { } chosen ? Periods.Single(p => p.Id == chosen) : Periods.Count > 0 ? Periods[0] : null;
        Status = Filters.Contains(status) ? status! : "all";
        if (Period is null) return true;

        var periodScope = periods.Single(p => p.Option.Id == Period.Id).ScopePath;
        var rows = await readable.AsNoTracking().Where(a => a.PeriodId == Period.Id)
            .Join(db.Groups, a => a.GroupId, g => g.Id, (a, g) => new
            {
                a.Id, a.UnitId, a.Unit!.Path, a.Unit.Code, a.Unit.Name, Group = g.Name, GroupOrder = g.SortOrder, a.Status, a.IsLate, a.SubmittedAt,
                a.SelfTotal, a.SelfBand, a.FinalTotal, a.FinalBand, a.CriteriaSetId,
            })
            .ToListAsync();
        var setIds = rows.Select(r => r.CriteriaSetId).Distinct().ToList();
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync()).ToDictionary(s => s.Id, s => s.Parse());
        string Label(int setId, string? band) => band is null ? "" : DanVan.Evaluations.Scoring.ScoringEngine.LabelOf(sets[setId], band);

        Counts = Filters.ToDictionary(f => f, f => rows.Count(r => Matches(f, r.Status, r.IsLate)));
        Rows = rows.Where(r => Matches(Status, r.Status, r.IsLate))
            .OrderBy(r => r.GroupOrder).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r =>
            {
                var may = EvaluationPermissions.ActionsFor(permissions, scope, r.Status, confirmed: false, new(r.Path, periodScope));
                return new Row(r.Id, r.Code, r.Name, r.Group, r.Status, r.IsLate, r.SubmittedAt, r.SelfTotal, Label(r.CriteriaSetId, r.SelfBand),
                    r.FinalTotal, Label(r.CriteriaSetId, r.FinalBand),
                    may.Appraise, may.Inspect);
            })
            .ToList();
        return true;
    }

    /// <summary>True when an assessment falls under a filter ("late" is any submission made after the deadline).</summary>
    public static bool Matches(string filter, AssessmentStatus status, bool late) => filter switch
    {
        "not-started" => status == AssessmentStatus.NotStarted,
        "draft" => status == AssessmentStatus.Draft,
        "submitted" => status == AssessmentStatus.Submitted,
        "late" => late && status != AssessmentStatus.Returned,
        "returned" => status == AssessmentStatus.Returned,
        "appraised" => status == AssessmentStatus.Appraised,
        "approved" => status == AssessmentStatus.Approved,
        _ => true,
    };
}
