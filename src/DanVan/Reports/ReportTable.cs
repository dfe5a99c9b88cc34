namespace DanVan.Reports;

/// <summary>What a column holds, which decides its alignment in DOCX and its number format in XLSX.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Integer and Decimal name kinds of column, as a spreadsheet user says them.")]
public enum ColumnKind
{
    /// <summary>Text, left-aligned.</summary>
    Text = 0,

    /// <summary>Whole numbers (int or long), right-aligned, "7.554".</summary>
    Integer = 1,

    /// <summary>Numbers with <see cref="ReportColumn.Decimals"/> places, right-aligned, "93,23".</summary>
    Decimal = 2,

    /// <summary>Percentages in 0–100 (28.3 means 28,3%), shown at one decimal with ",0" dropped.</summary>
    Percent = 3,
}

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
public sealed record ReportColumn(string Header, ColumnKind Kind = ColumnKind.Text)
{
    /// <summary>Decimal places of a <see cref="ColumnKind.Decimal"/> column.</summary>
    public int Decimals { get; init; } = 2;
}

/// <summary>A named table of typed columns: one sheet of an XLSX file, or a table in a DOCX body.</summary>
/// <remarks>
/// Cells are <see cref="string"/> in text columns, <see cref="int"/> or <see cref="long"/> in integer
/// columns, and <see cref="decimal"/>, <see cref="double"/> or an integer in decimal and percent columns;
/// <see langword="null"/> is an empty cell.
/// </remarks>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Throws when a row has the wrong number of cells or a cell does not fit its column.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (Columns.Count == 0)
            throw new ArgumentException($"Table '{Name}' has no columns.");
        foreach (var column in Columns)
        {
            if (column.Decimals is < 0 or > 10)
                throw new ArgumentException($"Table '{Name}', column '{column.Header}': {column.Decimals} decimals is not within 0–10.");
        }
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            if (row.Count != Columns.Count)
                throw new ArgumentException($"Table '{Name}', row {r + 1}: {row.Count} cells for {Columns.Count} columns.");
            for (var c = 0; c < row.Count; c++)
            {
                var ok = row[c] switch
                {
                    null => true,
                    string => Columns[c].Kind == ColumnKind.Text,
                    int or long => true,
                    decimal or double or float => Columns[c].Kind is ColumnKind.Decimal or ColumnKind.Percent,
                    _ => false,
                };
                if (!ok)
                    throw new ArgumentException(
                        $"Table '{Name}', row {r + 1}, column '{Columns[c].Header}': a {row[c]!.GetType().Name} does not fit a {Columns[c].Kind} column.");
            }
        }
    }

    /// <summary>A cell as a number, or null when it is empty or text.</summary>
    internal static decimal? Numeric(object? cell) => cell switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        float f => (decimal)f,
        _ => null,
    };

    /// <summary>A cell as vi-VN text for its column: "7.554", "93,23", "28,3%".</summary>
    public static string Display(object? cell, ReportColumn column)
    {
        if (cell is null) return "";
        if (cell is string s) return VietnameseFormat.Nfc(s);
        var n = Numeric(cell)!.Value;
        return column.Kind switch
        {
            ColumnKind.Percent => VietnameseFormat.Percent(n) + "%",
            ColumnKind.Decimal => VietnameseFormat.Number(n, column.Decimals),
            ColumnKind.Integer => VietnameseFormat.Number((long)n),
            _ => VietnameseFormat.Number(n, n == decimal.Truncate(n) ? 0 : 2),
        };
    }
}
