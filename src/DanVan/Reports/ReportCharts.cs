using ScottPlot;
using SkiaSharp;

namespace DanVan.Reports;

/// <summary>One series of a bar chart: a value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A bar chart: categories along the bottom, one bar (or one stacked segment) per series in each category.</summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Stack the series in one bar per category instead of placing them side by side.</summary>
    public bool Stacked { get; init; }

    /// <summary>Values are percentages: labels read "28,3%" and the axis runs to 100 when stacked.</summary>
    public bool Percent { get; init; }

    /// <summary>Decimal places of value labels that are not percentages.</summary>
    public int ValueDecimals { get; init; }

    /// <summary>Title of the value axis, e.g. "Số đơn vị".</summary>
    public string? ValueAxisLabel { get; init; }

    /// <summary>Fill colours of the series as "#RRGGBB"; null uses the class palette (best band first).</summary>
    public IReadOnlyList<string>? Colors { get; init; }
}

/// <summary>Bar charts for reports, rendered server-side with ScottPlot (SkiaSharp) to PNG or SVG.</summary>
public static class ReportCharts
{
    private static readonly string[] ClassPalette = ["#1B7837", "#7FBF7B", "#F1A340", "#D73027", "#878787", "#4575B4"];
    private static readonly string[] YearPalette = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C", "#08306B"];
    private static readonly Lazy<(string Registered, string Family)> Font = new(ChooseFont);

    /// <summary>The font the charts use: Liberation Sans, DejaVu Sans, Arial or Noto Sans, whichever is installed with Vietnamese letters first.</summary>
    internal static string FontName => Font.Value.Registered;

    /// <summary>The family name of that font as installed, for the SVG a browser renders.</summary>
    internal static string FontFamily => Font.Value.Family;

    /// <summary>
    /// The class distribution of each group: stacked bars of percentages adding up to 100 per group
    /// (largest remainder, as in the text), or side-by-side bars of counts.
    /// </summary>
    /// <param name="title">Chart title.</param>
    /// <param name="groups">Group names, e.g. "Cấp xã".</param>
    /// <param name="classes">Class names, best first, e.g. "Hoàn thành xuất sắc".</param>
    /// <param name="counts">counts[group][class]: units of that group in that class.</param>
    /// <param name="stacked">Stacked shares (true) or grouped counts (false).</param>
    public static BarChart ClassDistribution(
        string title,
        IReadOnlyList<string> groups,
        IReadOnlyList<string> classes,
        IReadOnlyList<IReadOnlyList<int>> counts,
        bool stacked = true)
    {
        if (counts.Count != groups.Count || counts.Any(row => row.Count != classes.Count))
            throw new ArgumentException("counts needs one row per group and one count per class.", nameof(counts));
        var values = stacked
            ? counts.Select(row => VietnameseFormat.Percentages(row).Select(p => (double)p.Value).ToArray()).ToArray()
            : counts.Select(row => row.Select(c => (double)c).ToArray()).ToArray();
        var series = classes.Select((name, k) => new ChartSeries(name, values.Select(row => row[k]).ToArray())).ToArray();
        return new BarChart(title, groups, series)
        {
            Stacked = stacked,
            Percent = stacked,
            ValueAxisLabel = stacked ? ReportPhrases.Charts.PercentAxis : ReportPhrases.Charts.UnitsAxis,
        };
    }

    /// <summary>The same categories compared across years: one bar per year in each category, older years lighter.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="categories">Category names, e.g. class names.</param>
    /// <param name="years">The years, oldest first.</param>
    /// <param name="values">values[year][category].</param>
    /// <param name="percent">Whether the values are percentages.</param>
    public static BarChart YearComparison(
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<int> years,
        IReadOnlyList<IReadOnlyList<double>> values,
        bool percent = false)
    {
        if (values.Count != years.Count || values.Any(row => row.Count != categories.Count))
            throw new ArgumentException("values needs one row per year and one value per category.", nameof(values));
        var series = years.Select((y, i) => new ChartSeries(ReportPhrases.Charts.YearSeries(y), values[i])).ToArray();
        var colors = years.Count <= 2
            ? new[] { YearPalette[1], YearPalette[4] }.Take(years.Count).ToArray()
            : YearPalette.Skip(Math.Max(0, YearPalette.Length - years.Count)).ToArray();
        return new BarChart(title, categories, series)
        {
            Percent = percent,
            ValueAxisLabel = percent ? ReportPhrases.Charts.PercentAxis : ReportPhrases.Charts.UnitsAxis,
            Colors = colors,
        };
    }

    /// <summary>The chart as PNG bytes.</summary>
    public static byte[] Png(BarChart chart, int width = 1000, int height = 560)
    {
        var plot = Build(chart);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document, for web pages.</summary>
    public static string Svg(BarChart chart, int width = 1000, int height = 560)
    {
        var plot = Build(chart);
        // Liberation Sans has the metrics of Arial and Helvetica, so a browser without it places the glyphs alike.
        return plot.GetSvgXml(width, height).Replace(
            $"font-family=\"{FontFamily}\"",
            $"font-family=\"{FontFamily}, Arial, Helvetica, sans-serif\"",
            StringComparison.Ordinal);
    }

    private static Plot Build(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Series.Any(s => s.Values.Count != chart.Categories.Count))
            throw new ArgumentException("Every series needs one value per category.", nameof(chart));
        var font = FontName;
        var plot = new Plot();
        plot.Font.Set(font);

        var palette = chart.Colors ?? ClassPalette;
        var seriesCount = Math.Max(1, chart.Series.Count);
        var slot = 0.8 / (chart.Stacked ? 1 : seriesCount);
        var bars = new List<Bar>();
        var baseline = new double[chart.Categories.Count];
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = Color.FromHex(palette[s % palette.Count]);
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var value = chart.Series[s].Values[c];
                var position = chart.Stacked ? c : c + ((s - ((seriesCount - 1) / 2.0)) * slot);
                var bar = new Bar
                {
                    Position = position,
                    ValueBase = chart.Stacked ? baseline[c] : 0,
                    Value = chart.Stacked ? baseline[c] + value : value,
                    Size = slot * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                    Label = ValueLabel(chart, value),
                    CenterLabel = chart.Stacked,
                };
                if (chart.Stacked)
                {
                    baseline[c] += value;
                    if (value < (chart.Percent ? 5 : 1)) bar.Label = "";
                }
                bars.Add(bar);
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = VietnameseFormat.Nfc(chart.Series[s].Name), FillColor = color });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontName = font;
        barPlot.ValueLabelStyle.FontSize = 18;
        barPlot.ValueLabelStyle.Bold = chart.Stacked;
        barPlot.ValueLabelStyle.ForeColor = chart.Stacked ? Colors.White : Colors.Black;

        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, chart.Categories.Count).Select(i => (double)i).ToArray(),
            chart.Categories.Select(VietnameseFormat.Nfc).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => VietnameseFormat.Number(v, chart.Percent || chart.ValueDecimals == 0 ? 0 : chart.ValueDecimals) + (chart.Percent ? "%" : ""),
            IntegerTicksOnly = chart.Percent || chart.ValueDecimals == 0,
        };
        var top = chart.Stacked
            ? (chart.Percent ? 100 : baseline.DefaultIfEmpty(0).Max())
            : chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max() * 1.12;
        plot.Axes.SetLimits(-0.6, chart.Categories.Count - 0.4, 0, Math.Max(top, 1));
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        plot.Title(VietnameseFormat.Nfc(chart.Title));
        plot.Axes.Title.Label.FontSize = 22;
        if (!string.IsNullOrWhiteSpace(chart.ValueAxisLabel))
        {
            plot.YLabel(VietnameseFormat.Nfc(chart.ValueAxisLabel));
            plot.Axes.Left.Label.FontSize = 17;
            plot.Axes.Left.Label.Bold = false;
        }
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontName = font;
        plot.Legend.FontSize = 17;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    private static string ValueLabel(BarChart chart, double value) =>
        chart.Percent
            ? VietnameseFormat.Percent((decimal)value) + "%"
            : VietnameseFormat.Number(value, chart.ValueDecimals);

    /// <summary>
    /// Registers with ScottPlot the files of the first installed sans font that has every Vietnamese letter.
    /// </summary>
    /// <remarks>
    /// Looked up by file, not family name: Debian installs Liberation Sans 1.x (no Vietnamese beyond
    /// Latin-1 and Extended-A) beside 2.x under the same family name, and Skia may pick the older one.
    /// </remarks>
    private static (string Registered, string Family) ChooseFont()
    {
        (string Regular, string Bold)[] candidates =
        [
            ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
            ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
            ("arial.ttf", "arialbd.ttf"),
            ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        ];
        var files = FontDirectories()
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.ttf", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive }))
            .ToLookup(Path.GetFileName, StringComparer.OrdinalIgnoreCase);
        foreach (var (regularName, boldName) in candidates)
        {
            var regular = files[regularName].FirstOrDefault(HasVietnamese);
            var bold = files[boldName].FirstOrDefault(HasVietnamese);
            if (regular is null || bold is null) continue;
            using var typeface = SKTypeface.FromFile(regular);
            // A name of our own: under its real family name ScottPlot would still find the system's first match.
            var name = $"DanVan {typeface.FamilyName}";
            Fonts.AddFontFile(name, regular, bold: false, italic: false);
            Fonts.AddFontFile(name, bold, bold: true, italic: false);
            return (name, typeface.FamilyName);
        }
        var detected = Fonts.Detect(VietnameseSample);
        return (detected, detected);
    }

    /// <summary>Letters a Vietnamese chart label can hold, in the blocks an incomplete font lacks.</summary>
    internal const string VietnameseSample = "ĂÂĐÊÔƠƯăâđêôơư ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

    private static bool HasVietnamese(string file)
    {
        using var typeface = SKTypeface.FromFile(file);
        return typeface is not null && typeface.ContainsGlyphs(VietnameseSample);
    }

    private static IEnumerable<string> FontDirectories()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] dirs =
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(home, ".fonts"),
            Path.Combine(home, ".local", "share", "fonts"),
            "/Library/Fonts",
            "/System/Library/Fonts",
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
        return dirs.Where(d => d.Length > 0 && Directory.Exists(d)).Distinct();
    }
}
