using DanVan.Web.Statistics;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics;

/// <summary>Every unit's report of a period within the user's scope: status, deadline (with extensions), late, submitted at; filtered by status.</summary>
[Permission(StatisticsPermissions.Monitor)]
public sealed class Reports(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>True when the user may import units' figures here (a coordinator of the period's scope).</summary>
    public bool MayImport { get; private set; }

    /// <summary>Status filters, in the order shown.</summary>
    public static readonly string[] Filters = ["all", "not-started", "draft", "confirmed", "submitted", "returned", "accepted", "late", "overdue"];

    /// <summary>The period.</summary>
    public FormPeriod Period { get; private set; } = null!;

    /// <summary>The filter shown.</summary>
    public string Status { get; private set; } = "all";

    /// <summary>Count per filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The rows matching the filter.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>One unit's report.</summary>
    public sealed record Row(int Id, string UnitCode, string UnitName, FormReportStatus Status, DateOnly Deadline, bool Extended, bool IsLate, bool Overdue, DateTime? SubmittedAt);

    /// <summary>Shows the list.</summary>
    public async Task<IActionResult> OnGetAsync(int id, string? status)
    {
        var scope = await current.GetAsync();
        var period = await StatisticsAccess.FindPeriodAsync(db, scope, id);
        if (period is null) return NotFound();
        Period = period;
        var reports = await StatisticsAccess.ReadableReports(db, scope).AsNoTracking().Where(r => r.PeriodId == id).Include(r => r.Unit).ToListAsync();
        var today = clock.Today;
        var rows = reports.Select(r =>
        {
            r.Period = period;
            return new Row(r.Id, r.Unit!.Code, r.Unit.DisplayName, r.Status, r.Deadline, r.ExtendedDeadline is not null, r.IsLate, !r.Counts && today > r.Deadline, r.SubmittedAt);
        }).OrderBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
        Status = Filters.Contains(status) ? status! : "all";
        Counts = Filters.ToDictionary(f => f, f => rows.Count(r => Matches(f, r)));
        Rows = rows.Where(r => Matches(Status, r)).ToList();
        MayImport = permissions.May(scope, StatisticsPermissions.ImportMany, new Target(period.ScopeUnit!.Path));
        return Page();
    }

    /// <summary>The figures of every unit the user reads in the period, in the layout the import reads back (XLSX or CSV).</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? format)
    {
        var scope = await current.GetAsync();
        var period = await StatisticsAccess.FindPeriodAsync(db, scope, id);
        if (period is null) return NotFound();
        var units = await UnitFigures.OfAsync(StatisticsAccess.ReadableReports(db, scope).Where(r => r.PeriodId == id));
        var (bytes, type, extension) = FormWorkbook.File(period.Form!.Definition(), units, format);
        return File(bytes, type, $"{period.Form.Code}-{period.Year}{extension}");
    }

    /// <summary>Imports many units' figures from one file, all or nothing; a unit the user may not enter for is refused as not found.</summary>
    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? upload)
    {
        var scope = await current.GetAsync();
        var period = await StatisticsAccess.FindPeriodAsync(db, scope, id);
        if (period is null) return NotFound();
        if (!permissions.May(scope, StatisticsPermissions.ImportMany, new Target(period.ScopeUnit!.Path))) return new StatusCodeResult(StatusCodes.Status403Forbidden);
        var saved = 0;
        var done = await this.TryRunAsync(async () =>
        {
            var (table, fileName) = await Uploads.ReadTableAsync(upload, "upload");
            var figures = FormWorkbook.Read(period.Form!.Definition(), table, fileName);
            bool MayWrite(FormReport r) => permissions.May(scope, StatisticsPermissions.ImportMany, StatisticsPermissions.TargetOf(r));
            saved = (await FormWorkbook.ImportAsync(db, period, figures, fileName, MayWrite, scope.UserName, clock.UtcNow, clock.Zone)).Count;
        });
        if (!done) return await OnGetAsync(id, null);
        TempData.Notice(string.Format(System.Globalization.CultureInfo.InvariantCulture, Resources.UiText.StatImported, saved));
        return RedirectToPage(new { id });
    }

    /// <summary>True when a row falls under a filter.</summary>
    public static bool Matches(string filter, Row r) => filter switch
    {
        "not-started" => r.Status == FormReportStatus.NotStarted,
        "draft" => r.Status == FormReportStatus.Draft,
        "confirmed" => r.Status == FormReportStatus.Confirmed,
        "submitted" => r.Status == FormReportStatus.Submitted,
        "returned" => r.Status == FormReportStatus.Returned,
        "accepted" => r.Status == FormReportStatus.Accepted,
        "late" => r.IsLate,
        "overdue" => r.Overdue,
        _ => true,
    };

    /// <summary>The label of a filter.</summary>
    public static string FilterLabel(string filter) => filter switch
    {
        "not-started" => FormLayout.StatusLabel(FormReportStatus.NotStarted),
        "draft" => FormLayout.StatusLabel(FormReportStatus.Draft),
        "confirmed" => FormLayout.StatusLabel(FormReportStatus.Confirmed),
        "submitted" => FormLayout.StatusLabel(FormReportStatus.Submitted),
        "returned" => FormLayout.StatusLabel(FormReportStatus.Returned),
        "accepted" => FormLayout.StatusLabel(FormReportStatus.Accepted),
        "late" => Resources.UiText.LateBadge,
        "overdue" => Resources.UiText.StatOverdue,
        _ => Resources.UiText.StatAll,
    };
}
