using DanVan.Web.Statistics;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DanVan.Web.Pages.Statistics;

/// <summary>
/// The figures of a period for a scope: every indicator aggregated by its rule, completeness (expected, submitted, on
/// time), one row per unit under the scope with a drill-down link, the previous period beside, and the same table as XLSX.
/// </summary>
[Permission(StatisticsPermissions.Monitor)]
public sealed class Figures(DanVanDbContext db, CurrentUser current, Permissions permissions) : PageModel
{
    /// <summary>The period.</summary>
    public FormPeriod Period { get; private set; } = null!;

    /// <summary>Its form.</summary>
    public FormDefinition Form { get; private set; } = null!;

    /// <summary>The scope shown.</summary>
    public OrgUnit Scope { get; private set; } = null!;

    /// <summary>The scope's row, then its units'.</summary>
    public IReadOnlyList<FigureRow> Rows { get; private set; } = [];

    /// <summary>The scope's row in the previous period, when there is one.</summary>
    public FigureRow? Previous { get; private set; }

    /// <summary>The previous period.</summary>
    public FormPeriod? PreviousPeriod { get; private set; }

    /// <summary>The indicators shown, in the form's order (those not aggregated are left out).</summary>
    public IReadOnlyList<Indicator> Columns { get; private set; } = [];

    /// <summary>Shows the table.</summary>
    public async Task<IActionResult> OnGetAsync(int id, int? scope) => await LoadAsync(id, scope) ?? Page();

    /// <summary>The same table as an XLSX workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, int? scope)
    {
        if (await LoadAsync(id, scope) is { } refused) return refused;
        var sheet = new List<Dictionary<string, object?>>();
        void Add(FigureRow row, string name)
        {
            var line = new Dictionary<string, object?>
            {
                [UiText.UnitColumn] = name,
                [UiText.StatSubmittedCount] = $"{row.Completeness.Submitted}/{row.Completeness.Expected}",
                [UiText.StatSubmittedPercent] = Percent(row.Completeness.Percent),
                [UiText.StatOnTime] = $"{row.Completeness.OnTime}/{row.Completeness.Expected}",
            };
            foreach (var x in Columns) line[FormLayout.LabelOf(x)] = StatisticsFormat.Cell(x, row.Values.GetValueOrDefault(x.Code));
            sheet.Add(line);
        }
        for (var i = 0; i < Rows.Count; i++) Add(Rows[i], Rows[i].UnitName);
        if (Previous is not null) Add(Previous, $"{Scope.DisplayName} — {UiText.StatPreviousPeriod}");
        var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: UiText.StatFigures);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DanVan.Reports.ReportFileNames.For(FileKind(Period), Period.Year, Scope.Name, "xlsx"));
    }

    /// <summary>"so-lieu" for a year's figures, "so-lieu-quy-2" for a quarter's, "so-lieu-thang-11" for a month's.</summary>
    private static string FileKind(FormPeriod period) => period.Kind switch
    {
        PeriodKind.SixMonths => $"so-lieu-6-thang-{period.Number}",
        PeriodKind.Quarter => $"so-lieu-quy-{period.Number}",
        PeriodKind.Month => $"so-lieu-thang-{period.Number}",
        _ => "so-lieu",
    };

    /// <summary>A completeness share as "96,3%" (empty when nothing is expected).</summary>
    public static string Percent(decimal? value) => value is { } v ? StatisticsFormat.Number(v, 1) + "%" : "";

    private async Task<IActionResult?> LoadAsync(int id, int? scopeId)
    {
        var user = await current.GetAsync();
        var period = await StatisticsAccess.FindPeriodAsync(db, user, id);
        if (period is null) return NotFound();
        var scope = scopeId is { } sid ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == sid) : period.ScopeUnit;
        // A scope outside the period or outside what the user reads is "not found"; one read but not followed is forbidden.
        if (scope is null || !scope.Path.StartsWith(period.ScopeUnit!.Path, StringComparison.Ordinal)) return NotFound();
        switch (permissions.Decide(user, StatisticsPermissions.Monitor, Target.Unit(scope)))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Period = period;
        Scope = scope;
        Form = period.Form!.Definition();
        Columns = Form.Indicators.Where(x => x.IsComputed || x.Aggregation != Aggregation.None).ToList();
        Rows = await FormFigures.DrillDownAsync(db, period, scope);
        PreviousPeriod = await FormFigures.PreviousAsync(db, period);
        if (PreviousPeriod is not null) Previous = await FormFigures.AggregateAsync(db, PreviousPeriod, scope);
        return null;
    }
}
