using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace DanVan;

/// <summary>One data row of a table file: its row number in the file (header = 1) and its cells by column name.</summary>
public sealed record TableRecord(int Row, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell blank.</summary>
    public string? this[string column] =>
        Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>A table file read as text: the header and the non-blank data rows.</summary>
public sealed record TableData(IReadOnlyList<string> Header, IReadOnlyList<TableRecord> Records);

/// <summary>Reads CSV and XLSX tables with a header row into text cells; column names compare case-insensitively.</summary>
/// <remarks>
/// Blank rows are skipped but counted, so row numbers match what a spreadsheet shows. CSV may be separated
/// by commas or semicolons (Excel in Vietnamese regional settings writes semicolons).
/// </remarks>
public static class TableFile
{
    /// <summary>Reads a .csv or .xlsx file.</summary>
    /// <exception cref="RefusedInputException">The file type is not supported or the file cannot be read.</exception>
    public static TableData Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new RefusedInputException(name, "the file does not exist");
        using var stream = File.OpenRead(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream, name),
            ".xlsx" => ReadXlsx(stream, name),
            var ext => throw new RefusedInputException(name, $"unsupported file type '{ext}'; use .csv or .xlsx"),
        };
    }

    /// <summary>Reads CSV (UTF-8, with or without BOM) with a header row.</summary>
    public static TableData ReadCsv(Stream stream, string fileName)
    {
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
            throw new RefusedInputException(fileName, "the file is empty; expected a header row");
        var header = (csv.HeaderRecord ?? []).Select(NormalizeHeader).ToList();
        var records = new List<TableRecord>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
                if (header[i].Length > 0 && csv.TryGetField<string>(i, out var value)) cells.TryAdd(header[i], Clean(value));
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))) records.Add(new(csv.Parser.Row, cells));
        }
        return new(header, records);
    }

    /// <summary>Reads the first sheet of an XLSX workbook with a header row.</summary>
    public static TableData ReadXlsx(Stream stream, string fileName)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            // Without a header row MiniExcel keys cells by column letter and keeps blank rows, so row numbers stay true.
            rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new RefusedInputException(fileName, $"not a readable XLSX workbook ({ex.Message})");
        }

        var headerIndex = rows.FindIndex(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(CellText(v))));
        if (headerIndex < 0) throw new RefusedInputException(fileName, "the sheet is empty; expected a header row");
        var letters = rows[headerIndex].Keys.ToList();
        var header = letters.Select(l => NormalizeHeader(CellText(rows[headerIndex][l]) ?? "")).ToList();
        var records = new List<TableRecord>();
        for (var r = headerIndex + 1; r < rows.Count; r++)
        {
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < letters.Count; i++)
                if (header[i].Length > 0 && rows[r].TryGetValue(letters[i], out var value)) cells.TryAdd(header[i], Clean(CellText(value)));
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))) records.Add(new(r + 1, cells));
        }
        return new(header, records);
    }

    /// <summary>Refuses a table that lacks any of the required columns.</summary>
    public static void RequireColumns(TableData table, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> all)
    {
        var missing = required.Where(c => !table.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new RefusedInputException($"{fileName} row 1",
                $"missing column(s): {string.Join(", ", missing)}; expected {string.Join(", ", all)}");
    }

    /// <summary>Writes rows as CSV (UTF-8, comma separated) with a header.</summary>
    public static void WriteCsv(Stream stream, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in columns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var v in row) csv.WriteField(v);
            csv.NextRecord();
        }
    }

    /// <summary>Writes rows as one XLSX sheet with a header; every cell is text.</summary>
    public static void WriteXlsx(Stream stream, string sheetName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sheet = rows.Select(r => columns.Zip(r).ToDictionary(x => x.First, x => (object?)x.Second)).ToList();
        if (sheet.Count == 0) sheet.Add(columns.ToDictionary(c => c, _ => (object?)null));
        stream.SaveAs(sheet, sheetName: sheetName);
    }

    /// <summary>Parses a number written "7.5", "7,5", "1.234,5" or "1,234.5".</summary>
    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0').ToArray());
        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        if (dots > 0 && commas > 0)
        {
            // The separator written last is the decimal one; the other groups thousands.
            var decimalSep = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            var groupSep = decimalSep == '.' ? ',' : '.';
            if (s.Count(c => c == decimalSep) > 1) return false;
            s = s.Replace(groupSep.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (commas == 1) s = s.Replace(',', '.');
        else if (commas > 1) s = s.Replace(",", "", StringComparison.Ordinal);
        else if (dots > 1) s = s.Replace(".", "", StringComparison.Ordinal);
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

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

    private static string NormalizeHeader(string text) => text.Trim().Normalize().ToLowerInvariant().Replace(' ', '_');

    private static string? Clean(string? text) => text?.Trim().Normalize();

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
