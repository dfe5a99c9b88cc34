using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace DanVan.OrgUnits;

/// <summary>One row of a unit list file, as text, with its row number in the file.</summary>
public sealed record UnitRow(
    int Row,
    string Code,
    string Name,
    string? ShortName,
    string Kind,
    string? ParentCode,
    string? Groups,
    string? ValidFrom,
    string? ValidTo,
    string? Successors);

/// <summary>What an import changed.</summary>
public sealed record UnitImportSummary(int Created, int Updated, int GroupsCreated, int Successions);

/// <summary>Unit lists in CSV and XLSX: columns, parsing, validation (all or nothing) and export.</summary>
public static class UnitList
{
    /// <summary>The columns, in file order.</summary>
    public static readonly string[] Columns =
        ["code", "name", "short_name", "kind", "parent_code", "groups", "valid_from", "valid_to", "successors"];

    private static readonly Dictionary<string, OrgUnitKind> KindAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tinh"] = OrgUnitKind.Province,
        ["tỉnh"] = OrgUnitKind.Province,
        ["so-nganh"] = OrgUnitKind.ProvincialAgency,
        ["sở, ban, ngành"] = OrgUnitKind.ProvincialAgency,
        ["dvsn"] = OrgUnitKind.PublicServiceUnit,
        ["đvsn"] = OrgUnitKind.PublicServiceUnit,
        ["huyen"] = OrgUnitKind.District,
        ["cấp huyện"] = OrgUnitKind.District,
        ["phong-ban"] = OrgUnitKind.DistrictOffice,
        ["xa"] = OrgUnitKind.Commune,
        ["cấp xã"] = OrgUnitKind.Commune,
    };

    /// <summary>Reads rows from a .csv or .xlsx file.</summary>
    public static IReadOnlyList<UnitRow> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream, Path.GetFileName(path)),
            ".xlsx" => ReadXlsx(stream, Path.GetFileName(path)),
            var ext => throw new RefusedInputException(Path.GetFileName(path), $"unsupported file type '{ext}'; use .csv or .xlsx"),
        };
    }

    /// <summary>Reads rows from CSV (UTF-8, header row with the column names).</summary>
    public static IReadOnlyList<UnitRow> ReadCsv(Stream stream, string fileName)
    {
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
            throw new RefusedInputException(fileName, "the file is empty; expected a header row");
        var header = csv.HeaderRecord ?? [];
        CheckHeader(header, fileName);
        var rows = new List<UnitRow>();
        while (csv.Read())
            rows.Add(ToRow(csv.Parser.Row, name => csv.GetField(name)));
        return rows;
    }

    /// <summary>Reads rows from the first sheet of an XLSX workbook (header row with the column names).</summary>
    public static IReadOnlyList<UnitRow> ReadXlsx(Stream stream, string fileName)
    {
        List<IDictionary<string, object?>> records;
        try
        {
            records = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
        {
            throw new RefusedInputException(fileName, $"not a readable XLSX workbook ({ex.Message})");
        }

        if (records.Count == 0) return [];
        CheckHeader(records[0].Keys, fileName);
        return records.Select((r, i) => ToRow(i + 2, name => r.TryGetValue(name, out var v) ? CellText(v) : null)).ToList();
    }

    /// <summary>Validates rows against each other and the stored units, then stores them in one transaction.</summary>
    /// <exception cref="RefusedInputException">Any problem; nothing is stored.</exception>
    public static async Task<UnitImportSummary> ImportAsync(DanVanDbContext db, IReadOnlyList<UnitRow> rows, string fileName, CancellationToken ct = default)
    {
        var existing = await db.Units.Include(u => u.Groups).ToDictionaryAsync(u => u.Code, ct);
        var problems = Validate(rows, existing, fileName);
        if (problems.Count > 0) throw new RefusedInputException(problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var groups = await db.Groups.ToDictionaryAsync(g => g.Code, ct);
        int created = 0, updated = 0, groupsCreated = 0, successions = 0;
        var byCode = new Dictionary<string, OrgUnit>(existing);

        foreach (var row in rows)
        {
            if (!byCode.TryGetValue(row.Code, out var unit))
            {
                unit = new OrgUnit { Code = row.Code, Name = row.Name };
                db.Units.Add(unit);
                byCode[row.Code] = unit;
                created++;
            }
            else updated++;

            unit.Name = row.Name;
            unit.ShortName = Blank(row.ShortName);
            unit.Kind = ParseKind(row.Kind)!.Value;
            unit.ValidFrom = ParseDate(row.ValidFrom);
            unit.ValidTo = ParseDate(row.ValidTo);
            unit.Groups.Clear();
            foreach (var code in SplitList(row.Groups))
            {
                if (!groups.TryGetValue(code, out var group))
                {
                    group = new UnitGroup { Code = code, Name = code, SortOrder = groups.Count + 1 };
                    db.Groups.Add(group);
                    groups[code] = group;
                    groupsCreated++;
                }
                unit.Groups.Add(group);
            }
        }

        foreach (var row in rows)
            byCode[row.Code].Parent = Blank(row.ParentCode) is { } parent ? byCode[parent] : null;
        await db.SaveChangesAsync(ct);

        var links = await db.Successions.Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        foreach (var row in rows)
        {
            var predecessor = byCode[row.Code];
            foreach (var code in SplitList(row.Successors))
            {
                var successor = byCode[code];
                if (links.Any(l => l.PredecessorId == predecessor.Id && l.SuccessorId == successor.Id)) continue;
                db.Successions.Add(new UnitSuccession
                {
                    PredecessorId = predecessor.Id,
                    SuccessorId = successor.Id,
                    EffectiveOn = predecessor.ValidTo?.AddDays(1) ?? successor.ValidFrom ?? DateOnly.FromDateTime(DateTime.UtcNow),
                    Kind = SplitList(row.Successors).Count() > 1 ? SuccessionKind.Split : SuccessionKind.Merge,
                });
                successions++;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(created, updated, groupsCreated, successions);
    }

    /// <summary>Every problem with the rows, located by file, row and column.</summary>
    public static List<InputProblem> Validate(IReadOnlyList<UnitRow> rows, IReadOnlyDictionary<string, OrgUnit> existing, string fileName)
    {
        var problems = new List<InputProblem>();
        void Problem(UnitRow row, string column, string message) =>
            problems.Add(new($"{fileName} row {row.Row}, column {column}", message));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Code)) Problem(row, "code", "the code is empty");
            else if (!seen.TryAdd(row.Code, row.Row)) Problem(row, "code", $"duplicate code '{row.Code}' (also on row {seen[row.Code]})");
            if (string.IsNullOrWhiteSpace(row.Name)) Problem(row, "name", "the name is empty");
            if (ParseKind(row.Kind) is null)
                Problem(row, "kind", $"unknown kind '{row.Kind}'; expected one of {string.Join(", ", Enum.GetNames<OrgUnitKind>())}");
            if (!TryDate(row.ValidFrom, out var from)) Problem(row, "valid_from", $"'{row.ValidFrom}' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
            if (!TryDate(row.ValidTo, out var to)) Problem(row, "valid_to", $"'{row.ValidTo}' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
            if (from is { } f && to is { } t && t < f) Problem(row, "valid_to", "valid_to is before valid_from");
        }

        bool Known(string code) => seen.ContainsKey(code) || existing.ContainsKey(code);
        foreach (var row in rows)
        {
            if (Blank(row.ParentCode) is { } parent)
            {
                if (parent == row.Code) Problem(row, "parent_code", "a unit cannot be its own parent");
                else if (!Known(parent)) Problem(row, "parent_code", $"unknown parent '{parent}'");
            }
            foreach (var code in SplitList(row.Successors).Where(c => !Known(c)))
                Problem(row, "successors", $"unknown successor '{code}'");
        }

        if (problems.Count == 0)
        {
            var parents = existing.Values.ToDictionary(u => u.Code, u => u.Parent?.Code ?? existing.Values.FirstOrDefault(p => p.Id == u.ParentId)?.Code);
            foreach (var row in rows) parents[row.Code] = Blank(row.ParentCode);
            foreach (var row in rows)
            {
                var visited = new HashSet<string> { row.Code };
                for (var p = parents[row.Code]; p is not null; p = parents.GetValueOrDefault(p))
                {
                    if (!visited.Add(p))
                    {
                        Problem(row, "parent_code", $"a cycle in parents: {string.Join(" → ", visited)} → {p}");
                        break;
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>Exports units as rows (parents first), for CSV or XLSX.</summary>
    public static async Task<IReadOnlyList<UnitRow>> ExportAsync(DanVanDbContext db, CancellationToken ct = default)
    {
        var units = await db.Units.Include(u => u.Groups).AsNoTracking().ToListAsync(ct);
        var successions = await db.Successions.AsNoTracking().ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        int Depth(OrgUnit u) => u.ParentId is { } p && byId.TryGetValue(p, out var parent) ? Depth(parent) + 1 : 0;
        return units
            .OrderBy(Depth).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select((u, i) => new UnitRow(i + 2, u.Code, u.Name, u.ShortName, u.Kind.ToString(),
                u.ParentId is { } p ? byId[p].Code : null,
                string.Join(';', u.Groups.OrderBy(g => g.Code).Select(g => g.Code)),
                u.ValidFrom?.ToString("yyyy-MM-dd"), u.ValidTo?.ToString("yyyy-MM-dd"),
                string.Join(';', successions.Where(s => s.PredecessorId == u.Id).Select(s => byId[s.SuccessorId].Code))))
            .ToList();
    }

    /// <summary>Writes rows to a .csv or .xlsx file.</summary>
    public static void WriteFile(string path, IReadOnlyList<UnitRow> rows)
    {
        using var stream = File.Create(path);
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) WriteXlsx(stream, rows);
        else WriteCsv(stream, rows);
    }

    /// <summary>Writes rows as CSV (UTF-8).</summary>
    public static void WriteCsv(Stream stream, IReadOnlyList<UnitRow> rows)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in Columns) csv.WriteField(c);
        csv.NextRecord();
        foreach (var r in rows)
        {
            foreach (var v in Values(r)) csv.WriteField(v);
            csv.NextRecord();
        }
    }

    /// <summary>Writes rows as an XLSX sheet "Đơn vị".</summary>
    public static void WriteXlsx(Stream stream, IReadOnlyList<UnitRow> rows)
    {
        var sheet = rows.Select(r => Columns.Zip(Values(r)).ToDictionary(x => x.First, x => (object?)x.Second));
        stream.SaveAs(sheet, sheetName: "Đơn vị");
    }

    /// <summary>Parses a kind by enum name or a Vietnamese alias.</summary>
    public static OrgUnitKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<OrgUnitKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)) return kind;
        return KindAliases.TryGetValue(text.Trim(), out var alias) ? alias : null;
    }

    private static IEnumerable<string?> Values(UnitRow r) =>
        [r.Code, r.Name, r.ShortName, r.Kind, r.ParentCode, r.Groups, r.ValidFrom, r.ValidTo, r.Successors];

    private static void CheckHeader(IEnumerable<string> header, string fileName)
    {
        var missing = new[] { "code", "name", "kind" }.Except(header, StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
            throw new RefusedInputException($"{fileName} row 1", $"missing column(s): {string.Join(", ", missing)}; expected {string.Join(", ", Columns)}");
    }

    private static UnitRow ToRow(int row, Func<string, string?> field) => new(row,
        (field("code") ?? "").Trim().Normalize(), (field("name") ?? "").Trim().Normalize(), field("short_name")?.Trim().Normalize(),
        (field("kind") ?? "").Trim(), field("parent_code")?.Trim(), field("groups"), field("valid_from"), field("valid_to"), field("successors"));

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd"),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<string> SplitList(string? text) =>
        (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? ParseDate(string? text) => TryDate(text, out var d) ? d : null;

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }
}
