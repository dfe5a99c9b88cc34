using DanVan.Data;

namespace DanVan.Reports;

/// <summary>A unit's self-claimed and final totals in one year.</summary>
public sealed record InflationYear(int Year, decimal SelfTotal, decimal FinalTotal)
{
    /// <summary>Self minus final: positive when the unit over-scored itself.</summary>
    public decimal Gap => SelfTotal - FinalTotal;
}

/// <summary>One unit's self-score against its final result, year after year (its predecessors' years included).</summary>
public sealed record UnitInflation(int UnitId, string Name, string GroupName, IReadOnlyList<InflationYear> Years)
{
    /// <summary>The years the unit over-scored itself by more than <paramref name="threshold"/> points.</summary>
    public int YearsAbove(decimal threshold) => Years.Count(y => y.Gap > threshold);
}

/// <summary>The average self-minus-final gap of one group in one year.</summary>
public sealed record GroupYearGap(int Year, string GroupName, decimal AverageGap, int Units);

/// <summary>Self-score inflation for a period and scope: this year's gaps per unit and criterion, the trend, the units that keep over-scoring.</summary>
public sealed record InflationReport
{
    /// <summary>The period's year.</summary>
    public int Year { get; init; }

    /// <summary>The gap in points above which a year counts as over-scored.</summary>
    public decimal Threshold { get; init; }

    /// <summary>This year's reviewed units, largest gap first (the report's <see cref="ConsolidatedReport.UnitGaps"/>).</summary>
    public required IReadOnlyList<UnitGap> Units { get; init; }

    /// <summary>This year's criteria, largest average gap first (the report's <see cref="ConsolidatedReport.CriterionGaps"/>).</summary>
    public required IReadOnlyList<CriterionGap> Criteria { get; init; }

    /// <summary>The years compared, oldest first (this one and up to two earlier).</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>The average gap of each group in each year.</summary>
    public required IReadOnlyList<GroupYearGap> Trend { get; init; }

    /// <summary>Units over-scored by more than the threshold in at least two of the years compared, most years then largest gap first.</summary>
    public required IReadOnlyList<UnitInflation> Repeat { get; init; }

    /// <summary>The trend as a bar chart: one bar per group in each year.</summary>
    public BarChart Chart(string title, string axis)
    {
        var groups = Trend.Select(t => t.GroupName).Distinct().ToList();
        return new BarChart(title, Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            groups.Select(g => new ChartSeries(g, Years.Select(y => (double)(Trend.FirstOrDefault(t => t.Year == y && t.GroupName == g)?.AverageGap ?? 0)).ToList())).ToList())
        {
            ValueDecimals = 2,
            ValueAxisLabel = axis,
        };
    }
}

/// <summary>
/// Who over-scores themselves and by how much, year after year: the consolidated report's unit and criterion gaps
/// (<see cref="ReportBuilder"/>) for this period and the comparable periods of the two years before, units followed
/// through their predecessors (<see cref="ReportBuilder.Lineage"/>).
/// </summary>
public static class SelfScoreInflation
{
    /// <summary>The default threshold: 5 points.</summary>
    public const decimal DefaultThreshold = 5m;

    /// <summary>Loads the period and its two earlier comparable periods and builds the figures.</summary>
    public static async Task<InflationReport> LoadAsync(DanVanDbContext db, int periodId, int? scopeUnitId = null, decimal threshold = DefaultThreshold, CancellationToken ct = default) =>
        Build(await ReportQuery.LoadAsync(db, periodId, scopeUnitId, earlierYears: 2, ct), threshold);

    /// <summary>Builds the figures from loaded results.</summary>
    public static InflationReport Build(ReportInput input, decimal threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = new ReportOptions();
        var byYear = input.Earlier.Append(input.Current)
            .OrderBy(p => p.Period.Year)
            .Select(p => (p.Period.Year, Report: ReportBuilder.Build(input with { Current = p, Earlier = [] }, options)))
            .ToList();
        var current = byYear[^1].Report;

        var trend = byYear.SelectMany(y => y.Report.UnitGaps.GroupBy(g => g.GroupName)
                .Select(g => new GroupYearGap(y.Year, g.Key, Math.Round(g.Average(x => x.Gap), 2), g.Count())))
            .ToList();

        var tree = new OrgUnits.OrgTree(input.Units);
        var repeat = input.Current.Units
            .Where(u => tree.IsWithin(u.Unit.Id, input.ScopeUnitId))
            .Select(u =>
            {
                var lineage = ReportBuilder.Lineage(u.Unit.Id, input.Successions);
                var years = byYear
                    .SelectMany(y => y.Report.UnitGaps.Where(g => lineage.Contains(g.Unit.UnitId))
                        .Select(g => new InflationYear(y.Year, g.SelfTotal, g.FinalTotal)))
                    .ToList();
                return new UnitInflation(u.Unit.Id, u.Unit.DisplayName, u.Group.Name, years);
            })
            .Where(u => u.YearsAbove(threshold) >= 2)
            .OrderByDescending(u => u.YearsAbove(threshold)).ThenByDescending(u => u.Years.Sum(y => y.Gap)).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();

        return new InflationReport
        {
            Year = input.Current.Period.Year,
            Threshold = threshold,
            Units = current.UnitGaps,
            Criteria = current.CriterionGaps,
            Years = byYear.Select(y => y.Year).Distinct().ToList(),
            Trend = trend,
            Repeat = repeat,
        };
    }
}
