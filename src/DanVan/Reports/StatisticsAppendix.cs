using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports;

/// <summary>A statistics form's figures for the report's scope, printed in the appendix as the paper form lays them out.</summary>
/// <param name="Form">The form.</param>
/// <param name="Figures">The scope's aggregated figures and completeness.</param>
/// <param name="RowLabel">The name in the first column of each table row ("Huyện Nga Sơn").</param>
/// <param name="Year">The year of the form's period; null for the report's.</param>
public sealed record StatisticsFigures(FormDefinition Form, FigureRow Figures, string RowLabel, int? Year = null);

/// <summary>The appendix tables of statistics forms ("PHỤ LỤC SỐ LIỆU" of reference 001): one table per section, grouped headers kept.</summary>
public static class StatisticsAppendix
{
    /// <summary>The forms whose period of the same kind, year and number covers the scope (its own or an enclosing scope's), with the scope's figures.</summary>
    public static async Task<IReadOnlyList<StatisticsFigures>> LoadAsync(DanVanDbContext db, OrgUnit scope, Periods.PeriodKind kind, int year, int number, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var periods = await db.FormPeriods.Include(p => p.Form).Include(p => p.ScopeUnit).AsNoTracking()
            .Where(p => p.Kind == kind && p.Year == year && p.Number == number).ToListAsync(ct);
        var covering = periods.Where(p => UnitPaths.IsWithin(scope.Path, p.ScopeUnit!.Path))
            .GroupBy(p => p.Form!.Code).Select(g => g.OrderByDescending(p => p.ScopeUnit!.Path.Length).First())
            .OrderBy(p => p.Form!.Code, StringComparer.Ordinal);
        var list = new List<StatisticsFigures>();
        foreach (var period in covering)
            list.Add(new(period.Form!.Definition(), await FormFigures.AggregateAsync(db, period, scope, null, ct), RowLabel(scope), year));
        return list;
    }

    /// <summary>One table per section: a table section as its grouped columns with the scope's row; a list section as indicator, unit and figure.</summary>
    public static IEnumerable<TableBlock> Tables(StatisticsFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var form = figures.Form;
        var values = figures.Figures.Values;
        foreach (var section in form.Sections)
        {
            if (section.Columns.Count > 0)
            {
                var leaves = section.Columns.SelectMany(c => c.Leaves()).ToList();
                var depth = section.Columns.Max(Depth);
                // As on paper: the unit's name in a first column only when the section has a row header ("Stt"); the
                // group headers carry the section's title.
                var labelled = section.RowHeader is not null;
                var columns = new List<ReportColumn>();
                var header = new List<List<HeaderCell>>();
                for (var i = 0; i < depth; i++) header.Add([]);
                if (labelled)
                {
                    columns.Add(new ReportColumn(section.RowHeader!));
                    header[0].Add(new HeaderCell(section.RowHeader!, 1, depth));
                }
                columns.AddRange(leaves.Select(l => new ReportColumn(l.Header)));
                foreach (var c in section.Columns) Place(c, 0, depth, header);
                List<IReadOnlyList<HeaderCell>> rows = [.. header];
                object?[] cells = labelled ? [figures.RowLabel, .. StatisticsFormat.Row(form, section, values)] : [.. StatisticsFormat.Row(form, section, values)];
                yield return new TableBlock(new ReportTable(section.Title, columns, [cells])) { HeaderRows = rows, CenterCells = true };
            }
            else
            {
                var columns = new ReportColumn[] { new("Chỉ tiêu"), new("Đơn vị tính"), new(figures.RowLabel) };
                var rows = section.Indicators.Select(code => form.Find(code)).OfType<Indicator>()
                    .Select(x => (IReadOnlyList<object?>)[x.Name, x.Unit ?? "", StatisticsFormat.Cell(x, values.GetValueOrDefault(x.Code))]).ToList();
                yield return new TableBlock(new ReportTable(section.Title, columns, rows))
                {
                    HeaderRows = [[new HeaderCell(section.Title, 3)], [.. columns.Select(c => new HeaderCell(c.Header))]],
                };
            }
        }
    }

    private static int Depth(FormColumn c) => c.Columns.Count == 0 ? 1 : 1 + c.Columns.Max(Depth);

    private static void Place(FormColumn c, int level, int depth, List<List<HeaderCell>> header)
    {
        var leaves = c.Leaves().Count();
        header[level].Add(new HeaderCell(c.Header, leaves, c.Columns.Count == 0 ? depth - level : 1));
        foreach (var child in c.Columns) Place(child, level + 1, depth, header);
    }

    /// <summary>The locality as the paper form's row names it: "Huyện Nga Sơn" for "UBND huyện Nga Sơn" (its short name when it has one).</summary>
    private static string RowLabel(OrgUnit scope)
    {
        var name = scope.ShortName ?? scope.Name;
        foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân " })
            if (scope.ShortName is null && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length) name = name[prefix.Length..];
        return VietnameseFormat.Capital(name);
    }
}
