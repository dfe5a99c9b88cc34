using System.Globalization;
using DanVan.Data;
using DanVan.Refusals;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Statistics;

/// <summary>One unit's figures as a file holds them: its code and name, its values and explanations.</summary>
public sealed record UnitFigures(string UnitCode, string UnitName, FormValues Values)
{
    /// <summary>A report's figures (its unit and values loaded).</summary>
    public static UnitFigures Of(FormReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Unit!.Code, r.Unit.Name, r.ToFormValues());
    }

    /// <summary>The figures of the reports of a query (already filtered by period, scope and reader), in the unit tree's order.</summary>
    public static async Task<IReadOnlyList<UnitFigures>> OfAsync(IQueryable<FormReport> reports, CancellationToken ct = default) =>
        [.. (await reports.AsNoTracking().Include(r => r.Unit).Include(r => r.Values).ToListAsync(ct))
            .OrderBy(r => r.Unit!.Path, StringComparer.Ordinal).Select(Of)];
}

/// <summary>
/// A form's figures as a table file (XLSX or CSV), one row per unit and indicator, so one layout serves a unit's own
/// form filled offline and a coordinator's file of many units: columns <see cref="Columns"/>; an explanation of a
/// warning rule is a row whose indicator is <c>rule:CODE</c>. The XLSX is protected: only the value cells are open.
/// </summary>
public static class FormWorkbook
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns = ["unit_code", "unit_name", "indicator", "name", "measure", "value"];

    /// <summary>Column names as people write them in a Vietnamese sheet, folded: "Mã đơn vị", "Mã chỉ tiêu", "Giá trị"….</summary>
    private static readonly Dictionary<string, string> VietnameseColumns = new(StringComparer.Ordinal)
    {
        ["ma_don_vi"] = "unit_code", ["ma_dvhc"] = "unit_code", ["ten_don_vi"] = "unit_name",
        ["ma_chi_tieu"] = "indicator", ["ten_chi_tieu"] = "name", ["chi_tieu"] = "name",
        ["don_vi_tinh"] = "measure", ["dvt"] = "measure",
        ["gia_tri"] = "value", ["so_lieu"] = "value",
    };

    /// <summary>Prefix of an explanation row's indicator cell.</summary>
    public const string RulePrefix = "rule:";

    /// <summary>The rows: for each unit, every indicator in the form's order (computed ones with their value, for reading only), then its warning rules.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(FormDefinition form, IEnumerable<UnitFigures> units)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var unit in units)
        {
            var values = unit.Values.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            FormEntry.Compute(form, values);
            foreach (var x in form.Indicators)
                yield return [unit.UnitCode, unit.UnitName, x.Code, x.IsComputed ? x.Name + " (tự tính)" : x.Name, x.Unit, IndicatorText.Write(values.GetValueOrDefault(x.Code))];
            foreach (var rule in form.Rules.Where(r => r.Severity == RuleSeverity.Warning))
                yield return [unit.UnitCode, unit.UnitName, RulePrefix + rule.Code, "Giải trình: " + (rule.Description ?? rule.Expression), null, unit.Values.Explanations?.GetValueOrDefault(rule.Code)];
        }
    }

    /// <summary>The XLSX media type.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The figures as a download: XLSX unless <paramref name="format"/> is "csv"; its bytes, media type and file extension.</summary>
    public static (byte[] Bytes, string ContentType, string Extension) File(FormDefinition form, IEnumerable<UnitFigures> units, string? format)
    {
        using var ms = new MemoryStream();
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            WriteCsv(form, units, ms);
            return (ms.ToArray(), "text/csv; charset=utf-8", ".csv");
        }
        WriteXlsx(form, units, ms);
        return (ms.ToArray(), XlsxType, ".xlsx");
    }

    /// <summary>Writes the rows as CSV (UTF-8 with BOM, so Excel opens Vietnamese text correctly).</summary>
    public static void WriteCsv(FormDefinition form, IEnumerable<UnitFigures> units, Stream output) => TableFile.WriteCsv(output, Columns, Rows(form, units));

    /// <summary>Writes the rows as an XLSX workbook: the sheet protected, labels locked, value cells of typed indicators and explanations open.</summary>
    public static void WriteXlsx(FormDefinition form, IEnumerable<UnitFigures> units, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        package.PackageProperties.Creator = "DanVan";
        package.PackageProperties.Language = "vi-VN";
        var book = package.AddWorkbookPart();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, Columns.Select(c => Cell(c, Style.Header)).ToArray()));
        uint n = 1;
        foreach (var row in Rows(form, units))
        {
            n++;
            var code = row[2]!;
            var open = code.StartsWith(RulePrefix, StringComparison.Ordinal) || form.Find(code) is { IsTyped: true };
            var x = form.Find(code);
            var value = row[5];
            var valueCell = x is { Type: IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage } && VietnameseNumber.TryParse(value, out var number)
                ? new Cell { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = (uint)(open ? Style.Open : Style.Locked) }
                : Cell(value, open ? Style.Open : Style.Locked);
            data.Append(Row(n, [Cell(row[0], Style.Locked), Cell(row[1], Style.Locked), Cell(code, Style.Locked), Cell(row[3], Style.Locked), Cell(row[4], Style.Locked), valueCell]));
        }
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = true, Pane = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen } }),
            new Columns(Width(1, 14), Width(2, 28), Width(3, 26), Width(4, 60), Width(5, 12), Width(6, 18)),
            data,
            // No password: protection keeps labels from being changed by accident, it is not a security boundary.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, AutoFilter = false });
        book.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName(form), SheetId = 1, Id = book.GetIdOfPart(sheetPart) }));
    }

    /// <summary>
    /// Reads a file of figures: every row located (file, sheet, row, column) when refused; rows of computed indicators
    /// are skipped (they are recomputed). Nothing is stored.
    /// </summary>
    /// <exception cref="RefusedException">Every problem found, capped by <see cref="TableLimits"/>.</exception>
    /// <returns>Each unit's figures with the cell of its first row's unit column, as the sheet writes it (where a refusal of the unit points).</returns>
    public static IReadOnlyList<(UnitFigures Figures, Where UnitCell)> Read(FormDefinition form, TableData read, string fileName)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(read);
        var table = read.WithAliases(VietnameseColumns);
        TableFile.RequireColumns(table, fileName, ["unit_code", "indicator", "value"], Columns);
        var refusals = new List<Refusal>();
        var units = new Dictionary<string, (Dictionary<string, IndicatorValue> Values, Dictionary<string, string> Explanations, string Name, Where UnitCell)>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), int>();
        foreach (var record in table.Records)
        {
            Where At(string column) => Where.AtCell(fileName, record.Row, table.AsWritten(column), table.Sheet);
            var unit = record["unit_code"];
            var code = record["indicator"];
            if (unit is null) { refusals.Add(Refusal.Of("forms.importUnitMissing", At("unit_code"))); continue; }
            if (code is null) { refusals.Add(Refusal.Of("forms.importIndicatorMissing", At("indicator"))); continue; }
            if (seen.TryGetValue((unit, code), out var first)) { refusals.Add(Refusal.Of("forms.importDuplicateRow", At("indicator"), ("unit", unit), ("code", code), ("firstRow", first))); continue; }
            seen[(unit, code)] = record.Row;
            if (!units.TryGetValue(unit, out var figures)) units[unit] = figures = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), record["unit_name"] ?? unit, At("unit_code"));
            if (code.StartsWith(RulePrefix, StringComparison.Ordinal))
            {
                var rule = code[RulePrefix.Length..];
                if (form.Rules.All(r => r.Code != rule)) refusals.Add(Refusal.Of("forms.unknownRule", At("indicator"), ("rule", rule)));
                else if (TextLimit.Check(record["value"], At("value"), "explanation") is { } tooLong) refusals.Add(tooLong);
                else if (record["value"] is { } text) figures.Explanations[rule] = text;
                continue;
            }
            if (form.Find(code) is not { } x) { refusals.Add(Refusal.Of("forms.valueUnknownIndicator", At("indicator"), ("code", code))); continue; }
            if (!x.IsTyped) continue;
            var (value, refusal) = IndicatorText.Parse(x, x.Type is IndicatorType.WholeNumber or IndicatorType.Decimal or IndicatorType.Percentage ? record.Number("value") : record["value"]);
            if (refusal is not null) refusals.Add(refusal.At(At("value")));
            else if (value is not null) figures.Values[code] = value;
        }
        if (refusals.Count > 0) throw new RefusedException(TableLimits.Default.Cap(refusals, fileName));
        return [.. units.Select(u => (new UnitFigures(u.Key, u.Value.Name, new FormValues(u.Value.Values, u.Value.Explanations)), u.Value.UnitCell))];
    }

    /// <summary>
    /// Stores a file's figures in the period, all or nothing: each unit's values replace its stored ones through
    /// <see cref="FormFilling.SaveAsync"/>. A unit not in the period or not one the uploader may write for is refused
    /// as not found (the file does not tell whether another unit exists).
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="period">The period, its form loaded.</param>
    /// <param name="figures">What <see cref="Read"/> gave.</param>
    /// <param name="fileName">The file, for locating refusals.</param>
    /// <param name="mayWrite">Whether the uploader may enter this report's figures (role and scope).</param>
    /// <param name="user">The uploader.</param>
    /// <param name="at">Now (UTC).</param>
    /// <param name="zone">The province's time zone.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The reports saved.</returns>
    /// <exception cref="RefusedException">Nothing is stored.</exception>
    public static async Task<IReadOnlyList<FormReport>> ImportAsync(DanVanDbContext db, FormPeriod period, IReadOnlyList<(UnitFigures Figures, Where UnitCell)> figures,
        string fileName, Func<FormReport, bool> mayWrite, string user, DateTime at, TimeZoneInfo zone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(mayWrite);
        var codes = figures.Select(f => f.Figures.UnitCode).ToList();
        var ids = await db.FormReports.Where(r => r.PeriodId == period.Id && codes.Contains(r.Unit!.Code)).Select(r => new { r.Id, r.Unit!.Code }).ToListAsync(ct);
        var refusals = new List<Refusal>();
        var work = new List<(FormReport Report, FormChanges Changes)>();
        foreach (var (unit, at0) in figures)
        {
            var id = ids.FirstOrDefault(i => i.Code == unit.UnitCode)?.Id;
            var report = id is null ? null : await FormFilling.LoadAsync(db, id.Value, ct);
            if (report is null || !mayWrite(report)) { refusals.Add(Refusal.Of("forms.importUnitNotFound", at0, ("unit", unit.UnitCode))); continue; }
            var changes = new FormChanges(unit.Values.Values.ToDictionary(kv => kv.Key, kv => (IndicatorValue?)kv.Value, StringComparer.Ordinal),
                unit.Values.Explanations?.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal), ReplaceAll: true);
            refusals.AddRange(FormFilling.Check(report, changes, at, zone, null).Select(r => r.At(r.Where with { File = fileName, Row = at0.Row, Sheet = at0.Sheet })));
            work.Add((report, changes));
        }
        if (refusals.Count > 0) throw new RefusedException(TableLimits.Default.Cap(refusals, fileName));
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        foreach (var (report, changes) in work) await FormFilling.SaveAsync(db, report, changes, user, at, zone, null, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return [.. work.Select(w => w.Report)];
    }

    private static string SheetName(FormDefinition form) => form.Code.Length > 31 ? form.Code[..31] : form.Code;

    private enum Style : uint { Locked = 0, Header = 1, Open = 2 }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontName { Val = "Times New Roman" }, new FontSize { Val = 12 }),
            new Font(new Bold(), new FontName { Val = "Times New Roman" }, new FontSize { Val = 12 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat(new Protection { Locked = false }) { FontId = 0, FillId = 2, BorderId = 0, ApplyFill = true, ApplyProtection = true }) { Count = 3 });

    private static Row Row(uint index, Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++) cells[i].CellReference = $"{(char)('A' + i)}{index}";
        row.Append(cells);
        return row;
    }

    private static Cell Cell(string? text, Style style) =>
        new() { CellValue = new CellValue(text ?? ""), DataType = CellValues.String, StyleIndex = (uint)style };

    private static Column Width(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };
}
