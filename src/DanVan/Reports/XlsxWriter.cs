using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Reports;

/// <summary>Writes <see cref="ReportTable"/>s as an XLSX workbook: one sheet per table, numbers stored as numbers.</summary>
/// <remarks>
/// Each sheet: row 1 the title (the table's name and the context, e.g. "UBND tỉnh Quảng Bình, năm 2018"), row 2 the
/// header, bold, frozen with the title, with an autofilter over the data; long text wraps in columns sized to
/// their content; rows 1–2 repeat on every printed page.
/// </remarks>
public static class XlsxWriter
{
    private const string Font = "Times New Roman";
    private const uint PercentFormatId = 164;
    private const uint FirstDecimalFormatId = 165;

    /// <summary>The row of the header; the title is above it.</summary>
    internal const uint HeaderRow = 2;

    /// <summary>Writes the tables to a stream as one workbook; <paramref name="context"/> (scope and year) follows each sheet's title.</summary>
    public static void Write(IReadOnlyList<ReportTable> tables, Stream output, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(output);
        if (tables.Count == 0)
            throw new ArgumentException("A workbook needs at least one table.", nameof(tables));
        foreach (var table in tables)
            table.Validate();

        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        package.PackageProperties.Creator = "DanVan";
        package.PackageProperties.Language = "vi-VN";
        var workbookPart = package.AddWorkbookPart();
        var styles = new StyleBook(tables);
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Stylesheet();
        var strings = new SharedStrings();

        var sheets = new Sheets();
        var definedNames = new DefinedNames();
        var names = SheetNames(tables);
        for (var i = 0; i < tables.Count; i++)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Sheet(tables[i], Title(tables[i], context), styles, strings, selected: i == 0);
            sheets.Append(new Sheet { Name = names[i], SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(worksheetPart) });
            var quoted = $"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'";
            definedNames.Append(new DefinedName($"{quoted}!{FilterRange(tables[i], absolute: true)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            });
            definedNames.Append(new DefinedName($"{quoted}!$1:${HeaderRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)i,
            });
        }

        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0U }),
            sheets,
            definedNames);
    }

    /// <summary>The workbook as XLSX bytes; <paramref name="context"/> (scope and year) follows each sheet's title.</summary>
    public static byte[] ToBytes(IReadOnlyList<ReportTable> tables, string? context = null)
    {
        using var ms = new MemoryStream();
        Write(tables, ms, context);
        return ms.ToArray();
    }

    private static string Title(ReportTable table, string? context) =>
        string.IsNullOrWhiteSpace(context) ? VietnameseFormat.Nfc(table.Name) : $"{VietnameseFormat.Nfc(table.Name)} — {VietnameseFormat.Nfc(context.Trim())}";

    /// <summary>The header row and the data under it: "A2:F12", or "$A$2:$F$12".</summary>
    private static string FilterRange(ReportTable table, bool absolute)
    {
        var last = ColumnLetters(table.Columns.Count - 1);
        var lastRow = HeaderRow + (uint)Math.Max(table.Rows.Count, 1);
        return absolute ? $"$A${HeaderRow}:${last}${lastRow}" : $"A{HeaderRow}:{last}{lastRow}";
    }

    /// <summary>Names Excel accepts: at most 31 characters, none of []:*?/\, unique ignoring case.</summary>
    internal static IReadOnlyList<string> SheetNames(IReadOnlyList<ReportTable> tables)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        for (var i = 0; i < tables.Count; i++)
        {
            var clean = new string(VietnameseFormat.Nfc(tables[i].Name).Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? ' ' : ch).ToArray())
                .Trim().Trim('\'').Trim();
            if (clean.Length == 0) clean = $"Bảng {i + 1}";
            if (clean.Length > 31) clean = clean[..31].TrimEnd();
            var name = clean;
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
            }
            names.Add(name);
        }
        return names;
    }

    private static Worksheet Sheet(ReportTable table, string title, StyleBook styles, SharedStrings strings, bool selected)
    {
        var sheetData = new SheetData();
        sheetData.Append(new Row(TextCell("A1", title, styles.Title, strings)) { RowIndex = 1U, Height = 21D, CustomHeight = true });
        var header = new Row { RowIndex = HeaderRow };
        for (var c = 0; c < table.Columns.Count; c++)
            header.Append(TextCell(Reference(c, HeaderRow), table.Columns[c].Header, StyleBook.Header, strings));
        sheetData.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + HeaderRow + 1);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = table.Rows[r][c];
                var column = table.Columns[c];
                var reference = Reference(c, rowIndex);
                var number = ReportTable.Numeric(cell);
                if (number is { } n)
                {
                    var value = column.Kind == ColumnKind.Percent ? n / 100m : n;
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = styles.NumberStyle(column, n),
                        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
                    });
                }
                else if (cell is string s)
                {
                    row.Append(TextCell(reference, s, StyleBook.Text, strings));
                }
                else
                {
                    row.Append(new Cell { CellReference = reference, StyleIndex = column.Kind == ColumnKind.Text ? StyleBook.Text : styles.NumberStyle(column, 0) });
                }
            }
            sheetData.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            columns.Append(new Column
            {
                Min = (uint)(c + 1),
                Max = (uint)(c + 1),
                Width = ColumnWidth(table, c),
                CustomWidth = true,
            });
        }

        var lastColumn = ColumnLetters(table.Columns.Count - 1);
        var firstData = $"A{HeaderRow + 1}";
        var sheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{lastColumn}{table.Rows.Count + HeaderRow}" },
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = HeaderRow,
                    TopLeftCell = firstData,
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = firstData, SequenceOfReferences = new ListValue<StringValue> { InnerText = firstData } })
            {
                WorkbookViewId = 0U,
                TabSelected = selected,
            }),
            new SheetFormatProperties { DefaultRowHeight = 16.5D },
            columns,
            sheetData,
            new AutoFilter { Reference = FilterRange(table, absolute: false) });
        if (table.Columns.Count > 1)
            sheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" }) { Count = 1U });
        sheet.Append(
            new PageMargins { Left = 0.6D, Right = 0.4D, Top = 0.6D, Bottom = 0.6D, Header = 0.3D, Footer = 0.3D },
            new PageSetup
            {
                PaperSize = 9U,
                Orientation = table.Columns.Count > 6 ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1U,
                FitToHeight = 0U,
            });
        return sheet;
    }

    /// <summary>
    /// A width in characters from the content: the longest cell, up to 50 (longer text wraps), and at least the
    /// header's longest word; a header wraps onto two lines rather than widening a column of figures.
    /// </summary>
    internal static double ColumnWidth(ReportTable table, int c)
    {
        var column = table.Columns[c];
        var header = VietnameseFormat.Nfc(column.Header);
        var headerChars = Math.Max(header.Split(' ').Max(w => w.Length), Math.Min(header.Length, column.Kind == ColumnKind.Text ? 30 : (header.Length + 1) / 2));
        var cellChars = table.Rows.Select(r => ReportTable.Display(r[c], column).Length).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Max(headerChars, Math.Min(cellChars, 50)) + 3, 8, 53);
    }

    private static Cell TextCell(string reference, string text, uint style, SharedStrings strings) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        StyleIndex = style,
        CellValue = new CellValue(strings.Index(VietnameseFormat.Nfc(text)).ToString(CultureInfo.InvariantCulture)),
    };

    private static string Reference(int column, uint row) => $"{ColumnLetters(column)}{row}";

    private static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        return letters;
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public int Index(string text)
        {
            if (_index.TryGetValue(text, out var i)) return i;
            i = _index.Count;
            _index.Add(text, i);
            Table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            return i;
        }
    }

    /// <summary>The cell formats of the workbook: header, text, integer, percent, and one per number of decimals in use (two always, for numbers in text columns).</summary>
    private sealed class StyleBook
    {
        public const uint Header = 1;
        public const uint Text = 2;
        private const uint Integer = 3;
        private const uint Percent = 4;
        private const uint FirstDecimal = 5;
        private readonly int[] _decimals;

        public StyleBook(IEnumerable<ReportTable> tables) =>
            _decimals = tables.SelectMany(t => t.Columns)
                .Where(c => c.Kind == ColumnKind.Decimal)
                .Select(c => c.Decimals)
                .Append(2)
                .Distinct()
                .Order()
                .ToArray();

        /// <summary>The title: bold, larger, no border, after the number formats.</summary>
        public uint Title => FirstDecimal + (uint)_decimals.Length;

        public uint NumberStyle(ReportColumn column, decimal value) => column.Kind switch
        {
            ColumnKind.Integer => Integer,
            ColumnKind.Percent => Percent,
            ColumnKind.Decimal => FirstDecimal + (uint)Array.IndexOf(_decimals, column.Decimals),
            _ => value == decimal.Truncate(value) ? Integer : FirstDecimal + (uint)Array.IndexOf(_decimals, 2),
        };

        public Stylesheet Stylesheet()
        {
            var numberingFormats = new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "0.0%" });
            var decimalFormatIds = new List<uint>();
            for (var i = 0; i < _decimals.Length; i++)
            {
                var id = FirstDecimalFormatId + (uint)i;
                var code = _decimals[i] == 0 ? "#,##0" : "#,##0." + new string('0', _decimals[i]);
                numberingFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
                decimalFormatIds.Add(id);
            }
            numberingFormats.Count = (uint)numberingFormats.ChildElements.Count;

            var thin = new Border(
                new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
                new DiagonalBorder());

            var cellFormats = new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                {
                    NumberFormatId = 0U, FontId = 1U, FillId = 2U, BorderId = 1U, FormatId = 0U,
                    ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
                {
                    NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 1U, FormatId = 0U,
                    ApplyBorder = true, ApplyAlignment = true,
                },
                NumberCell(3U),
                NumberCell(PercentFormatId));
            foreach (var id in decimalFormatIds)
                cellFormats.Append(NumberCell(id));
            cellFormats.Append(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center })
            {
                NumberFormatId = 0U, FontId = 2U, FillId = 0U, BorderId = 0U, FormatId = 0U,
                ApplyFont = true, ApplyAlignment = true,
            });
            cellFormats.Count = (uint)cellFormats.ChildElements.Count;

            return new Stylesheet(
                numberingFormats,
                new Fonts(
                    new DocumentFormat.OpenXml.Spreadsheet.Font(new FontSize { Val = 12D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 1 }),
                    new DocumentFormat.OpenXml.Spreadsheet.Font(new Bold(), new FontSize { Val = 12D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 1 }),
                    new DocumentFormat.OpenXml.Spreadsheet.Font(new Bold(), new FontSize { Val = 14D }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 1 }))
                { Count = 3U },
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
                { Count = 3U },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2U },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
                cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
        }

        private static CellFormat NumberCell(uint numberFormatId) =>
            new(new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = numberFormatId, FontId = 0U, FillId = 0U, BorderId = 1U, FormatId = 0U,
                ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true,
            };
    }
}
