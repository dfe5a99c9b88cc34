namespace DanVan.Reports;

/// <summary>How a table is laid out in the DOCX: its column widths, its font size, its orientation and its group column.</summary>
/// <param name="Columns">The table's columns shown as columns, in order (the group column is not one of them).</param>
/// <param name="Widths">The width in twips of each shown column.</param>
/// <param name="HalfPoints">The font size of the table's text in half-points (26 is 13 pt).</param>
/// <param name="Landscape">True when the table needs a landscape page.</param>
/// <param name="GroupColumn">The column shown once per run of equal values, as a row across the table; null for none.</param>
internal sealed record DocxTablePlan(IReadOnlyList<int> Columns, int[] Widths, int HalfPoints, bool Landscape, int? GroupColumn);

/// <summary>Column widths from the content, so that no number and no word breaks inside a cell.</summary>
/// <remarks>
/// A column is at least as wide as its widest word (bold in the header) plus the cell margins; the rest of the
/// line goes to the columns whose text would otherwise wrap, in proportion to how much they lack (the automatic
/// table layout of CSS); when everything fits, the headers of figure columns get room for one line, and what is
/// left goes to the text columns. When the widest words do not
/// fit at 13 pt, the table tries 12 and 11 pt on the portrait page, then a landscape page at 13, 12, 11, 10, 9
/// and 8 pt (a statistics form of twenty columns); only beyond that are the columns squeezed and words broken.
/// Widths come from Times New Roman's metrics (<see cref="TimesMetrics"/>), so the server needs no font.
/// </remarks>
internal static class DocxTableLayout
{
    /// <summary>The left and the right cell margin, in twips.</summary>
    public const int CellMargin = 85;

    /// <summary>Room left in every cell for the borders and for rounding in the word processor, in twips.</summary>
    public const int Slack = 40;

    private static readonly (bool Landscape, int HalfPoints)[] Tries =
        [(false, 26), (false, 24), (false, 22), (true, 26), (true, 24), (true, 22), (true, 20), (true, 18), (true, 16)];

    /// <summary>The layout of a table on a page whose text is the given widths (portrait, landscape) in twips.</summary>
    public static DocxTablePlan Plan(TableBlock block, int portraitWidth, int landscapeWidth)
    {
        var table = block.Table;
        var group = block.HeaderRows.Count == 0 && !block.CenterCells ? GroupColumn(table) : null;
        var shown = Enumerable.Range(0, table.Columns.Count).Where(c => c != group).ToList();
        foreach (var (landscape, halfPoints) in Tries)
        {
            var width = landscape ? landscapeWidth : portraitWidth;
            var (min, desired, oneLine) = Needs(block, shown, halfPoints / 2.0);
            if (min.Sum() > width) continue;
            var text = shown.Select(c => table.Columns[c].Kind == ColumnKind.Text).ToArray();
            // Room to spare goes first to the headers of figure columns, so that "Số đơn vị" stands on one line.
            var roomy = desired.Select((d, i) => text[i] ? d : oneLine[i]).ToArray();
            var widths = roomy.Sum() <= width ? Distribute(roomy, roomy, text, width)
                : desired.Sum() <= width ? Distribute(desired, roomy, text, width)
                : Distribute(min, desired, text, width);
            return new DocxTablePlan(shown, widths, halfPoints, landscape, group);
        }
        var (smallest, _, _) = Needs(block, shown, Tries[^1].HalfPoints / 2.0);
        var scale = (double)landscapeWidth / smallest.Sum();
        var scaled = smallest.Select(w => (int)(w * scale)).ToArray();
        scaled[^1] += landscapeWidth - scaled.Sum();
        return new DocxTablePlan(shown, scaled, Tries[^1].HalfPoints, true, group);
    }

    /// <summary>
    /// The first column when it is text that comes in runs of equal values (a criteria set's name, a group's title):
    /// shown once above its rows instead of on every row. Null when the table has fewer than three columns or the
    /// values mostly change from row to row.
    /// </summary>
    public static int? GroupColumn(ReportTable table)
    {
        if (table.Columns.Count < 3 || table.Rows.Count < 2 || table.Columns[0].Kind != ColumnKind.Text) return null;
        if (table.Rows.Any(r => r[0] is not string s || string.IsNullOrWhiteSpace(s))) return null;
        var runs = 1 + table.Rows.Zip(table.Rows.Skip(1)).Count(p => !string.Equals((string)p.First[0]!, (string)p.Second[0]!, StringComparison.Ordinal));
        return runs * 2 <= table.Rows.Count ? 0 : null;
    }

    /// <summary>The header cells with the grid column each starts at and how many it spans.</summary>
    public static IEnumerable<(int Column, int Span, string Text)> HeaderCells(TableBlock block, IReadOnlyList<int> shown)
    {
        if (block.HeaderRows.Count == 0)
        {
            for (var i = 0; i < shown.Count; i++) yield return (i, 1, block.Table.Columns[shown[i]].Header);
            yield break;
        }
        var columns = shown.Count;
        var below = new (int RowsLeft, int Span)[columns];
        foreach (var cells in block.HeaderRows)
        {
            var queue = new Queue<HeaderCell>(cells);
            for (var col = 0; col < columns;)
            {
                if (below[col].RowsLeft > 0)
                {
                    below[col].RowsLeft--;
                    col += below[col].Span;
                    continue;
                }
                if (!queue.TryDequeue(out var cell)) break;
                var span = Math.Min(cell.ColSpan, columns - col);
                yield return (col, span, cell.Text);
                if (cell.RowSpan > 1) below[col] = (cell.RowSpan - 1, span);
                col += span;
            }
        }
    }

    /// <summary>The width in twips a text needs around it in a cell: margins and slack.</summary>
    public static int Padding => (2 * CellMargin) + Slack;

    private static (int[] Min, int[] Desired, int[] OneLine) Needs(TableBlock block, IReadOnlyList<int> shown, double sizePt)
    {
        var table = block.Table;
        var min = new int[shown.Count];
        var desired = new int[shown.Count];
        var oneLine = new int[shown.Count];
        for (var i = 0; i < shown.Count; i++)
        {
            var column = table.Columns[shown[i]];
            foreach (var row in table.Rows)
            {
                var text = ReportTable.Display(row[shown[i]], column);
                min[i] = Math.Max(min[i], Twips(TimesMetrics.LongestWordPt(text, sizePt, bold: false)));
                desired[i] = Math.Max(desired[i], Twips(TimesMetrics.WidthPt(text, sizePt, bold: false)));
            }
        }
        foreach (var (start, span, text) in HeaderCells(block, shown))
        {
            var word = Twips(TimesMetrics.LongestWordPt(VietnameseFormat.Nfc(text), sizePt, bold: true));
            // A header may take two lines; beyond that it makes its column taller than its figures need.
            var full = Twips(TimesMetrics.WidthPt(VietnameseFormat.Nfc(text), sizePt, bold: true));
            var twoLines = Twips(TimesMetrics.WidthPt(VietnameseFormat.Nfc(text), sizePt, bold: true) * 0.55);
            for (var c = start; c < start + span; c++)
            {
                oneLine[c] = Math.Max(oneLine[c], (full + span - 1) / span);
                min[c] = Math.Max(min[c], (word + span - 1) / span);
                desired[c] = Math.Max(desired[c], (Math.Max(word, twoLines) + span - 1) / span);
            }
        }
        for (var i = 0; i < shown.Count; i++)
        {
            min[i] += Padding;
            desired[i] = Math.Max(desired[i] + Padding, min[i]);
            oneLine[i] = Math.Max(oneLine[i] + Padding, desired[i]);
        }
        return (min, desired, oneLine);
    }

    private static int Twips(double points) => (int)Math.Ceiling(points * 20);

    /// <summary>Shares out the width: each column its minimum, then what is left towards what each would like.</summary>
    private static int[] Distribute(int[] min, int[] desired, bool[] text, int width)
    {
        var sumMin = min.Sum();
        var sumDesired = (long)desired.Sum();
        double[] result;
        if (sumDesired <= width)
        {
            var weights = text.Any(t => t) ? desired.Select((d, i) => text[i] ? (double)d : 0).ToArray() : desired.Select(d => (double)d).ToArray();
            var total = weights.Sum();
            result = desired.Select((d, i) => d + ((width - sumDesired) * weights[i] / total)).ToArray();
        }
        else
        {
            var share = (double)(width - sumMin) / (sumDesired - sumMin);
            result = min.Select((m, i) => m + ((desired[i] - m) * share)).ToArray();
        }
        var widths = result.Select(w => (int)Math.Floor(w)).ToArray();
        var widest = Array.IndexOf(widths, widths.Max());
        widths[widest] += width - widths.Sum();
        return widths;
    }
}
