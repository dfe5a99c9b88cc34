using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using DanVan.Refusals;
using MiniExcelLibs;

namespace DanVan;

/// <summary>One data row of a table file: its row number in the file and its cells by column name.</summary>
public sealed record TableRecord(int Row, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>Columns whose cell was a number in the workbook (XLSX); their text is written the invariant way ("1.125").</summary>
    public IReadOnlySet<string>? NumericCells { get; init; }

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell blank.</summary>
    public string? this[string column] =>
        Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A cell meant as a number, as text <see cref="VietnameseNumber"/> reads back exactly: a workbook's number
    /// cell 1.125 becomes "1,125" (its dot is a decimal point, not a thousands separator).</summary>
    public string? Number(string column)
    {
        var text = this[column];
        return text is not null && NumericCells?.Contains(column) == true &&
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? VietnameseNumber.Write(n)
            : text;
    }
}

/// <summary>A table file read as text: the header (and its row number) and the non-blank data rows.</summary>
public sealed record TableData(IReadOnlyList<string> Header, IReadOnlyList<TableRecord> Records)
{
    /// <summary>The row the header is on (1 unless blank rows come first in a workbook).</summary>
    public int HeaderRow { get; init; } = 1;

    /// <summary>The sheet read (XLSX), for locating problems.</summary>
    public string? Sheet { get; init; }

    /// <summary>The header cells as the file wrote them (case, spaces, diacritics), beside the normalised <see cref="Header"/>.</summary>
    public IReadOnlyList<string>? WrittenHeader { get; init; }

    /// <summary>The headers <see cref="WithAliases"/> renamed, as the file wrote them, by the import's own name
    /// ("code" → "Mã đơn vị"); null when none was renamed.</summary>
    public IReadOnlyDictionary<string, string>? Written { get; init; }

    /// <summary>A column as the file names it, so that a problem points at a header the person can find in the sheet.</summary>
    public string AsWritten(string column) => Written?.GetValueOrDefault(column) ?? column;

    /// <summary>
    /// The table with columns named the people's way renamed to the import's own names: a header is folded (case,
    /// diacritics, đ, spaces) and looked up in <paramref name="aliases"/> ("Mã đơn vị" → "ma_don_vi" → "code").
    /// A column already named the import's way is kept; the first of two columns meaning the same wins.
    /// </summary>
    public TableData WithAliases(IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = Header.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Header.Count; i++)
        {
            var h = Header[i];
            var key = Reports.VietnameseFormat.Fold(h.Replace('_', ' ')).Replace(' ', '_');
            if (aliases.TryGetValue(key, out var name) && !taken.Contains(name))
            {
                renamed[h] = name;
                written[name] = WrittenHeader is { } w && i < w.Count ? w[i] : h;
                taken.Add(name);
            }
        }
        if (renamed.Count == 0) return this;
        string Rename(string h) => renamed.GetValueOrDefault(h, h);
        return this with
        {
            Header = [.. Header.Select(Rename)],
            Written = written,
            Records = [.. Records.Select(r => r with
            {
                Cells = r.Cells.ToDictionary(c => Rename(c.Key), c => c.Value),
                NumericCells = r.NumericCells?.Select(Rename).ToHashSet(),
            })],
        };
    }
}

/// <summary>Bounds on what an import reads, so that one upload cannot exhaust the server.</summary>
/// <param name="MaxRows">Data rows (non-blank) a file may hold.</param>
/// <param name="MaxInflatedBytes">Uncompressed size of an XLSX workbook's parts together.</param>
/// <param name="MaxRefusals">Problems listed before the rest are counted ("and N more").</param>
public sealed record TableLimits(int MaxRows = 20_000, long MaxInflatedBytes = 64L * 1024 * 1024, int MaxRefusals = 200)
{
    /// <summary>The defaults: 20.000 rows, 64 MB inflated, 200 problems listed.</summary>
    public static readonly TableLimits Default = new();

    /// <summary>Environment variable that sets <see cref="MaxRows"/> for the CLI.</summary>
    public const string MaxRowsVariable = "DANVAN_IMPORT_MAX_ROWS";

    /// <summary>The defaults with <see cref="MaxRows"/> from <paramref name="maxRows"/> when it holds a positive whole number.</summary>
    public static TableLimits With(string? maxRows) =>
        int.TryParse(maxRows, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Default with { MaxRows = n } : Default;

    /// <summary>The first <see cref="MaxRefusals"/> refusals and, when there are more, one saying how many more.</summary>
    public IReadOnlyList<Refusal> Cap(IReadOnlyList<Refusal> refusals, string? fileName)
    {
        if (refusals.Count <= MaxRefusals) return refusals;
        return [.. refusals.Take(MaxRefusals),
            Refusal.Of("file.moreProblems", new Where { File = fileName }, ("count", refusals.Count - MaxRefusals))];
    }
}

/// <summary>Reads CSV and XLSX tables with a header row into text cells; column names compare case-insensitively.</summary>
/// <remarks>
/// Blank rows are skipped but counted, so row numbers match what a spreadsheet shows. CSV may be separated
/// by commas or semicolons (Excel in Vietnamese regional settings writes semicolons). Every refusal is located
/// by file, sheet, row and column, with codes <c>file.*</c>.
/// </remarks>
public static class TableFile
{
    /// <summary>Reads a .csv or .xlsx file.</summary>
    /// <exception cref="RefusedException">The file type is not supported, the file cannot be read, or it is too large.</exception>
    public static TableData Read(string path, TableLimits? limits = null)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new RefusedException("file.missing", new Where { File = name });
        using var stream = File.OpenRead(path);
        return Read(stream, name, limits);
    }

    /// <summary>Reads a CSV or XLSX stream, by the extension of <paramref name="fileName"/> (an upload's name).</summary>
    /// <exception cref="RefusedException"><c>file.unsupportedType</c> for another extension, or the file's problems.</exception>
    public static TableData Read(Stream stream, string fileName, TableLimits? limits = null) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream, fileName, limits),
            ".xlsx" => ReadXlsx(stream, fileName, limits),
            var ext => throw new RefusedException("file.unsupportedType", new Where { File = fileName }, ("extension", ext)),
        };

    /// <summary>Reads CSV (UTF-8, with or without BOM) with a header row.</summary>
    /// <remarks>A row with more fields than the header is refused: an unquoted "10,5" in a comma-separated file
    /// would otherwise shift its value into the next column.</remarks>
    public static TableData ReadCsv(Stream stream, string fileName, TableLimits? limits = null)
    {
        limits ??= TableLimits.Default;
        using var reader = new StreamReader(stream);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            MissingFieldFound = null,
            BadDataFound = null,
            IgnoreBlankLines = false,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new RefusedException("file.empty", new Where { File = fileName });
        var writtenHeader = (csv.HeaderRecord ?? []).Select(h => h.Trim().Normalize()).ToList();
        var header = writtenHeader.Select(NormalizeHeader).ToList();
        var records = new List<TableRecord>();
        var refusals = new List<Refusal>();
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
                if (header[i].Length > 0 && csv.TryGetField<string>(i, out var value)) cells.TryAdd(header[i], Clean(value));
            // Even blank extra values refuse the row: "10,5,," meant as 10.5 leaves the shifted value in a column
            // that belongs to the same row and would be stored without a word.
            var fields = csv.Parser.Count;
            var extra = fields > header.Count;
            if (extra)
                refusals.Add(Refusal.Of("file.fieldCount", Where.AtCell(fileName, row, ColumnLetter(header.Count)),
                    ("found", fields), ("expected", header.Count), ("separator", csv.Parser.Delimiter)));
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)) || extra)
            {
                if (records.Count == limits.MaxRows) throw TooManyRows(fileName, limits);
                records.Add(new(row, cells));
            }
            if (refusals.Count > limits.MaxRefusals) break;
        }
        if (refusals.Count > 0) throw new RefusedException(limits.Cap(refusals, fileName));
        return new(header, records) { WrittenHeader = writtenHeader };
    }

    /// <summary>Reads the first sheet of an XLSX workbook with a header row (the first non-blank row).</summary>
    public static TableData ReadXlsx(Stream stream, string fileName, TableLimits? limits = null)
    {
        limits ??= TableLimits.Default;
        var workbook = stream.CanSeek ? stream : Buffer(stream);
        CheckInflatedSize(workbook, fileName, limits);

        var header = new List<string>();
        var writtenHeader = new List<string>();
        var letters = new List<string>();
        var headerRow = 0;
        string? sheet = null;
        var records = new List<TableRecord>();
        try
        {
            sheet = workbook.GetSheetNames().FirstOrDefault();
            workbook.Position = 0;
            var rowNumber = 0;
            // Without a header row MiniExcel keys cells by column letter and yields blank rows, so row numbers stay
            // true. The query is lazy: reading stops at the row limit rather than loading the whole sheet.
            foreach (var row in workbook.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>())
            {
                rowNumber++;
                if (rowNumber > 2 * limits.MaxRows + 1_000) throw TooManyRows(fileName, limits);
                if (headerRow == 0)
                {
                    if (!row.Values.Any(v => !string.IsNullOrWhiteSpace(CellText(v)))) continue;
                    headerRow = rowNumber;
                    letters = [.. row.Keys];
                    writtenHeader = letters.Select(l => (CellText(row[l]) ?? "").Trim().Normalize()).ToList();
                    header = writtenHeader.Select(NormalizeHeader).ToList();
                    continue;
                }
                var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                HashSet<string>? numeric = null;
                for (var i = 0; i < letters.Count; i++)
                {
                    if (header[i].Length == 0 || !row.TryGetValue(letters[i], out var value)) continue;
                    if (cells.TryAdd(header[i], Clean(CellText(value))) && value is double or decimal or int or long)
                        (numeric ??= new(StringComparer.OrdinalIgnoreCase)).Add(header[i]);
                }
                if (!cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))) continue;
                if (records.Count == limits.MaxRows) throw TooManyRows(fileName, limits);
                records.Add(new(rowNumber, cells) { NumericCells = numeric });
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException
            or NotSupportedException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
        {
            throw new RefusedException("file.unreadableXlsx", new Where { File = fileName });
        }

        if (headerRow == 0) throw new RefusedException("file.empty", new Where { File = fileName, Sheet = sheet });
        return new(header, records) { HeaderRow = headerRow, Sheet = sheet, WrittenHeader = writtenHeader };
    }

    /// <summary>Refuses a table that lacks any of the required columns, at the header's row.</summary>
    public static void RequireColumns(TableData table, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> all)
    {
        var missing = required.Where(c => !table.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new RefusedException("file.missingColumns", Where.AtCell(fileName, table.HeaderRow, null, table.Sheet),
                ("missing", missing), ("expected", all));
    }

    /// <summary>Writes rows as CSV (UTF-8, comma separated) with a header; text that a spreadsheet would run as a
    /// formula is neutralised (<see cref="SafeCell"/>).</summary>
    public static void WriteCsv(Stream stream, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in columns) csv.WriteField(SafeCell(c));
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var v in row) csv.WriteField(SafeCell(v));
            csv.NextRecord();
        }
    }

    /// <summary>
    /// A cell a spreadsheet will not run as a formula: text starting with =, +, -, @, a tab or a carriage return gets
    /// a leading apostrophe (OWASP's advice for CSV injection). A number ("-2.5", "-7") stays a number. Reading a
    /// table file drops that apostrophe again, so exported files import back unchanged.
    /// </summary>
    public static string? SafeCell(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IsFormulaStart(text[0])) return text;
        return IsPlainNumber(text) ? text : "'" + text;
    }

    /// <summary>Writes rows as one XLSX sheet with a header; every cell is text, so nothing is run as a formula.</summary>
    public static void WriteXlsx(Stream stream, string sheetName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sheet = rows.Select(r => columns.Zip(r).ToDictionary(x => x.First, x => (object?)x.Second)).ToList();
        if (sheet.Count == 0) sheet.Add(columns.ToDictionary(c => c, _ => (object?)null));
        stream.SaveAs(sheet, sheetName: sheetName);
    }

    /// <summary>Parses a number with the one reader, <see cref="VietnameseNumber.TryParse"/>.</summary>
    public static bool TryParseNumber(string? text, out decimal value) => VietnameseNumber.TryParse(text, out value);

    /// <summary>Parses yes/no written as true/false, 1/0, x, yes/no, có/không.</summary>
    public static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        if (string.IsNullOrWhiteSpace(text)) return true;
        switch (text.Trim().ToLowerInvariant().Normalize())
        {
            case "1" or "true" or "x" or "yes" or "y" or "có" or "co":
                value = true;
                return true;
            case "0" or "false" or "no" or "n" or "không" or "khong" or "-":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Spreadsheet column name of a 0-based index: A, B, …, Z, AA.</summary>
    public static string ColumnLetter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static RefusedException TooManyRows(string fileName, TableLimits limits) =>
        new("file.tooManyRows", new Where { File = fileName }, ("max", limits.MaxRows));

    private static void CheckInflatedSize(Stream stream, string fileName, TableLimits limits)
    {
        // A few megabytes of XLSX can inflate to gigabytes of XML; the zip directory states each part's size.
        long total = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries) total += entry.Length;
        }
        catch (InvalidDataException)
        {
            throw new RefusedException("file.unreadableXlsx", new Where { File = fileName });
        }
        stream.Position = 0;
        if (total > limits.MaxInflatedBytes)
            throw new RefusedException("file.tooLarge", new Where { File = fileName },
                ("size", total / (1024 * 1024)), ("max", limits.MaxInflatedBytes / (1024 * 1024)));
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>The key a header is stored under in <see cref="TableRecord.Cells"/>: trimmed, lower case, spaces as '_'.</summary>
    public static string NormalizeHeader(string text) => text.Trim().Normalize().ToLowerInvariant().Replace(' ', '_');

    private static string? Clean(string? text)
    {
        var clean = text?.Trim().Normalize();
        // The apostrophe SafeCell puts before formula-like text is not part of the value.
        return clean is { Length: > 1 } && clean[0] == '\'' && IsFormulaStart(clean[1]) ? clean[1..] : clean;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        // Through decimal: 15 significant digits, as the spreadsheet shows them (0.30000000000000004 reads 0.3).
        double n when Math.Abs(n) < 7.9e27 => ((decimal)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
