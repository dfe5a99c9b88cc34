using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Reports;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Reports;

/// <summary>The consolidated report of a year for a scope: on screen, and as DOCX, XLSX and Markdown downloads.</summary>
/// <remarks>Only coordinators and viewers whose scope covers the report's scope (and administrators) may build it.</remarks>
[Permission(ReportPermissions.Read)]
public sealed class Index(DanVanDbContext db, CurrentUser current, DanVan.Periods.ProvinceClock clock) : PageModel
{
    /// <summary>Earlier years the form offers to compare with.</summary>
    public static readonly int[] CompareChoices = [0, 1, 2, 3];

    /// <summary>Notice kept across the redirect after a save.</summary>
    public const string NoticeKey = "ReportNotice";

    /// <summary>The scope unit id; the first readable scope when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Scope { get; set; }

    /// <summary>The year; the latest with a period when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Earlier years to compare with.</summary>
    [BindProperty(SupportsGet = true)]
    public int Years { get; set; } = 1;

    /// <summary>First day covered, when not the period's (a two-year review starts the first year's 1 January).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day covered, in the chosen year (a review up to October); default 31 December when a first day is given.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Kind of report: periodic, thematic or adHoc; empty for the template's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The kinds of report offered, by code.</summary>
    public static readonly string[] KindChoices = ["periodic", "thematic", "adHoc"];

    /// <summary>Why the span or kind asked for cannot be reported, worded in Vietnamese.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>True when a report was asked for and there is nothing to report (no evaluation period, statistics form or registry entry).</summary>
    public bool Nothing { get; private set; }

    /// <summary>The scopes the user may choose.</summary>
    public IReadOnlyList<ScopeChoice> Scopes { get; private set; } = [];

    /// <summary>The years a report may be built for, latest first: those with an evaluation period or a statistics form covering the scope, or receptions and petitions logged in it.</summary>
    public IReadOnlyList<int> AvailableYears { get; private set; } = [];

    /// <summary>The chosen scope.</summary>
    public ScopeChoice? Chosen { get; private set; }

    /// <summary>The report as a document (without pictures), when the year has a period.</summary>
    public OfficialDocument? Document { get; private set; }

    /// <summary>The charts: their keys for the chart handler and their captions.</summary>
    public IReadOnlyList<ChartLink> Charts { get; private set; } = [];

    /// <summary>The draft shown: who saved it, or which year it was carried from.</summary>
    public DraftState? Draft { get; private set; }

    /// <summary>True when the user may edit the report's text.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>True while not every unit is approved: the report is a draft, and downloads ask first.</summary>
    public bool IsDraft { get; private set; }

    /// <summary>The template the report is written with.</summary>
    public string TemplateName { get; private set; } = "";

    /// <summary>A scope the user may report on.</summary>
    public sealed record ScopeChoice(int Id, string Code, string Name);

    /// <summary>A chart on the page.</summary>
    public sealed record ChartLink(string Key, string Caption);

    /// <summary>Where the report's text comes from.</summary>
    public sealed record DraftState(int? CarriedFromYear, DateTime? UpdatedAt, string? UpdatedBy);

    /// <summary>Shows the form and, when a period covers the choice, the report.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var access = await ChooseAsync(ct);
        if (access is not null) return access;
        if (Year is not { } year || !AvailableYears.Contains(year)) return Page();

        if (await TryLoadAsync(year, ct) is not { } content) return Page();
        Document = ReportDocuments.Document(content, charts: false);
        Charts = ReportDocuments.Charts(content).Select(c => new ChartLink(c.Key, c.Caption)).ToList();
        IsDraft = content.HasEvaluation && !content.Report.Progress.IsFinal;
        TemplateName = content.Template.Version == 0 ? content.Template.Template.Name : $"{content.Template.Template.Name} (v{content.Template.Version})";
        Draft = new DraftState(content.Draft.CarriedFromYear, content.Draft.Id == 0 ? null : content.Draft.UpdatedAt,
            content.Draft.Id == 0 ? null : (await PeopleNames.LoadAsync(db, [content.Draft.UpdatedBy], ct)).Who(content.Draft.UpdatedBy));
        return Page();
    }

    /// <summary>The report as DOCX.</summary>
    public Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        DownloadAsync(c => DocxWriter.ToBytes(ReportDocuments.Document(c)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", ct);

    /// <summary>The report's tables as XLSX.</summary>
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        DownloadAsync(c => XlsxWriter.ToBytes(ReportDocuments.Tables(c)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ct);

    /// <summary>The report as Markdown.</summary>
    public Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        DownloadAsync(c => System.Text.Encoding.UTF8.GetBytes(ReportDocuments.Markdown(c)), "text/markdown; charset=utf-8", "md", ct);

    /// <summary>One chart as SVG, drawn on the server (no script, no CDN).</summary>
    public async Task<IActionResult> OnGetChartAsync(string key, CancellationToken ct)
    {
        var access = await ChooseAsync(ct);
        if (access is not null) return access;
        if (Year is not { } year || !AvailableYears.Contains(year) || await TryLoadAsync(year, ct) is not { } content) return NotFound();
        var chart = ReportDocuments.Charts(content).FirstOrDefault(c => c.Key == key);
        if (chart is null) return NotFound();
        return Content(ReportCharts.Svg(chart.Chart, 1000, 560), "image/svg+xml; charset=utf-8");
    }

    private async Task<IActionResult> DownloadAsync(Func<ReportContent, byte[]> write, string contentType, string extension, CancellationToken ct)
    {
        var access = await ChooseAsync(ct);
        if (access is not null) return access;
        if (Year is not { } year || !AvailableYears.Contains(year) || await TryLoadAsync(year, ct) is not { } content) return NotFound();
        return File(write(content), contentType, $"bao-cao-dan-van-{year}-{FileCode(Chosen!.Code)}.{extension}");
    }

    /// <summary>The report of the choice; null when the span or kind is refused (<see cref="Errors"/>) or there is nothing to report (<see cref="Nothing"/>).</summary>
    private async Task<ReportContent?> TryLoadAsync(int year, CancellationToken ct)
    {
        try
        {
            var (span, kind) = ReportSpans.ReadFor(year, From, To, Kind);
            var request = ReportRequest.For(year, Chosen!.Id, span, kind, Math.Clamp(Years, 0, CompareChoices[^1]), clock.Today);
            return await ReportDocuments.LoadAsync(db, request, ct);
        }
        catch (DanVan.Refusals.RefusedException ex) when (ex.Refusals.Any(r => r.Code == "reports.noPeriodCovers"))
        {
            Nothing = true;
            return null;
        }
        catch (DanVan.Refusals.RefusedException ex)
        {
            Errors = ex.Refusals.Select(r => DanVan.Refusals.RefusalText.Render(r, DanVan.Refusals.RefusalText.Vietnamese)).ToList();
            return null;
        }
    }

    /// <summary>Resolves scope and year within what the user may read; a refusal when the user may not.</summary>
    private async Task<IActionResult?> ChooseAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        Scopes = ReportAccess.Scopes(user, units).Select(u => new ScopeChoice(u.Id, u.Code, u.Name)).ToList();
        var scopeId = Scope ?? (Scopes.Count > 0 ? Scopes[0].Id : null);
        if (scopeId is not { } id || units.FirstOrDefault(u => u.Id == id) is not { } unit || !ReportAccess.CanRead(user, unit))
            return StatusCode(StatusCodes.Status403Forbidden);

        Chosen = new ScopeChoice(unit.Id, unit.Code, unit.Name);
        Scope = id;
        CanEdit = ReportAccess.CanEdit(user, unit);
        var tree = new OrgTree(units);
        var periods = await db.Periods.AsNoTracking().Select(p => new { p.Year, p.ScopeUnitId })
            .Concat(db.FormPeriods.AsNoTracking().Select(p => new { p.Year, p.ScopeUnitId })).ToListAsync(ct);
        // Logbooks kept without any period still make a report (receptions and petitions of the scope and below).
        var path = unit.Path;
        // So do the work registries, and a call for this unit's report (a district's four-year report on a decision).
        var logged = await db.Receptions.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(path)).Select(r => r.ReceivedOn.Year)
            .Concat(db.Petitions.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(path)).Select(r => r.ReceivedOn.Year))
            .Concat(db.WorkPlans.AsNoTracking().Where(p => p.Unit!.Path.StartsWith(path)).Select(p => p.Year))
            .Concat(db.FrontRecommendations.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(path)).Select(r => r.IssuedOn.Year))
            .Concat(db.ReportSubmissions.AsNoTracking().Where(r => r.UnitId == id).Select(r => r.Call!.Year))
            .Distinct().ToListAsync(ct);
        var evaluated = periods.Where(p => tree.IsWithin(id, p.ScopeUnitId)).Select(p => p.Year).ToList();
        AvailableYears = evaluated.Concat(logged).Distinct().OrderDescending().ToList();
        if (Year is null && evaluated.Count > 0) Year = evaluated.Max();
        if (Year is null && AvailableYears.Count > 0) Year = AvailableYears[0];
        return null;
    }

    private static string FileCode(string code) =>
        new(code.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '-').ToArray());
}
