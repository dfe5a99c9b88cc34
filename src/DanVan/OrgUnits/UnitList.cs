using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

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
    string? Successors)
{
    /// <summary>The columns the file has; null means all. A column the file lacks leaves a stored unit's value as it is.</summary>
    public IReadOnlySet<string>? FileColumns { get; init; }

    /// <summary>True when the file has the column (or the columns are not known).</summary>
    public bool Has(string column) => FileColumns is null || FileColumns.Contains(column);

    /// <summary>The file's own headers where it named columns the people's way (<see cref="TableData.Written"/>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A column as the file names it ("Mã đơn vị" for code), for locating a problem.</summary>
    public string HeaderOf(string column) => Headers?.GetValueOrDefault(column) ?? column;
}

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
        ["so-ban-nganh"] = OrgUnitKind.ProvincialAgency,
        ["sở, ban, ngành"] = OrgUnitKind.ProvincialAgency,
        ["dvsn"] = OrgUnitKind.PublicServiceUnit,
        ["đvsn"] = OrgUnitKind.PublicServiceUnit,
        ["huyen"] = OrgUnitKind.District,
        ["cấp huyện"] = OrgUnitKind.District,
        ["huyện"] = OrgUnitKind.District,
        ["phong-ban"] = OrgUnitKind.DistrictOffice,
        ["xa"] = OrgUnitKind.Commune,
        ["cấp xã"] = OrgUnitKind.Commune,
        ["xã"] = OrgUnitKind.Commune,
        ["trung-uong"] = OrgUnitKind.CentralAgency,
    };

    /// <summary>Reads rows from a .csv or .xlsx file.</summary>
    /// <exception cref="RefusedException">The file cannot be read, is too large or lacks a required column.</exception>
    public static IReadOnlyList<UnitRow> ReadFile(string path, TableLimits? limits = null) => ToRows(TableFile.Read(path, limits), Path.GetFileName(path));

    /// <summary>Reads rows from CSV (UTF-8, header row with the column names).</summary>
    public static IReadOnlyList<UnitRow> ReadCsv(Stream stream, string fileName, TableLimits? limits = null) =>
        ToRows(TableFile.ReadCsv(stream, fileName, limits), fileName);

    /// <summary>Reads rows from the first sheet of an XLSX workbook (header row with the column names).</summary>
    public static IReadOnlyList<UnitRow> ReadXlsx(Stream stream, string fileName, TableLimits? limits = null) =>
        ToRows(TableFile.ReadXlsx(stream, fileName, limits), fileName);

    /// <summary>Imports as the "system" user (seeding, tests); see the overload naming the user.</summary>
    public static Task<UnitImportSummary> ImportAsync(DanVanDbContext db, IReadOnlyList<UnitRow> rows, string fileName,
        TableLimits? limits = null, CancellationToken ct = default) =>
        ImportAsync(db, rows, fileName, "system", limits, ct);

    /// <summary>Imports as <paramref name="user"/>, today in the province's time zone.</summary>
    public static Task<UnitImportSummary> ImportAsync(DanVanDbContext db, IReadOnlyList<UnitRow> rows, string fileName, string user,
        TableLimits? limits = null, CancellationToken ct = default) =>
        ImportAsync(db, rows, fileName, user, DanVan.Periods.ProvinceClock.System.Today, limits, ct);

    /// <summary>Validates rows against each other and the stored units, then stores them and the audit line in one transaction;
    /// a succession with no date takes effect <paramref name="today"/>.</summary>
    /// <exception cref="RefusedException">Any problem (codes <c>units.*</c>, at most <see cref="TableLimits.MaxRefusals"/> listed); nothing is stored.</exception>
    public static async Task<UnitImportSummary> ImportAsync(DanVanDbContext db, IReadOnlyList<UnitRow> rows, string fileName, string user, DateOnly today,
        TableLimits? limits = null, CancellationToken ct = default)
    {
        var existing = await db.Units.Include(u => u.Groups).ToDictionaryAsync(u => u.Code, ct);
        var problems = Validate(rows, existing, fileName);
        if (problems.Count > 0) throw new RefusedException((limits ?? TableLimits.Default).Cap(problems, fileName));

        await using var tx = await db.BeginOwnTransactionAsync(ct);
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
            unit.Kind = ParseKind(row.Kind)!.Value;
            if (row.Has("short_name")) unit.ShortName = Blank(row.ShortName);
            if (row.Has("valid_from")) unit.ValidFrom = ParseDate(row.ValidFrom);
            if (row.Has("valid_to")) unit.ValidTo = ParseDate(row.ValidTo);
            if (!row.Has("groups")) continue;
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

        foreach (var row in rows.Where(r => r.Has("parent_code")))
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
                    EffectiveOn = predecessor.ValidTo?.AddDays(1) ?? successor.ValidFrom ?? today,
                    Kind = SplitList(row.Successors).Count() > 1 ? SuccessionKind.Split : SuccessionKind.Merge,
                });
                successions++;
            }
        }

        AuditTrail.Record(db, new AuditLine(user, DateTime.UtcNow, "unit.import", AuditSubject.Many(nameof(OrgUnit)))
        {
            New = $"{fileName}: {created} created, {updated} updated, {groupsCreated} groups, {successions} successions",
        });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new(created, updated, groupsCreated, successions);
    }

    /// <summary>Every problem with the rows, located by file, row and column (codes <c>units.*</c>).</summary>
    public static List<Refusal> Validate(IReadOnlyList<UnitRow> rows, IReadOnlyDictionary<string, OrgUnit> existing, string fileName)
    {
        var problems = new List<Refusal>();
        void Problem(UnitRow row, string column, string code, params (string, object?)[] args) =>
            problems.Add(Refusal.Of(code, Where.AtCell(fileName, row.Row, row.HeaderOf(column)), args));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Code)) Problem(row, "code", "units.codeRequired");
            else if (!seen.TryAdd(row.Code, row.Row)) Problem(row, "code", "units.duplicateCode", ("code", row.Code), ("firstRow", seen[row.Code]));
            if (string.IsNullOrWhiteSpace(row.Name)) Problem(row, "name", "units.nameRequired");
            if (ParseKind(row.Kind) is null)
                Problem(row, "kind", "units.unknownKind", ("kind", row.Kind), ("kinds", Enum.GetNames<OrgUnitKind>()));
            if (!TryDate(row.ValidFrom, out var from)) Problem(row, "valid_from", "file.notADate", ("text", row.ValidFrom));
            if (!TryDate(row.ValidTo, out var to)) Problem(row, "valid_to", "file.notADate", ("text", row.ValidTo));
            if (from is { } f && to is { } t && t < f) Problem(row, "valid_to", "units.endsBeforeStart", ("from", f), ("to", t));
        }

        bool Known(string code) => seen.ContainsKey(code) || existing.ContainsKey(code);
        foreach (var row in rows)
        {
            if (Blank(row.ParentCode) is { } parent)
            {
                if (parent == row.Code) Problem(row, "parent_code", "units.ownParent");
                else if (!Known(parent)) Problem(row, "parent_code", "units.unknownParent", ("parent", parent));
            }
            foreach (var code in SplitList(row.Successors))
            {
                if (code == row.Code) Problem(row, "successors", "units.ownSuccessor");
                else if (!Known(code)) Problem(row, "successors", "units.unknownSuccessor", ("successor", code));
            }
        }

        if (problems.Count == 0)
        {
            var codeOfId = existing.Values.ToDictionary(u => u.Id, u => u.Code);
            var parents = existing.Values.ToDictionary(u => u.Code, u => u.ParentId is { } id ? codeOfId.GetValueOrDefault(id) : null);
            foreach (var row in rows.Where(r => r.Has("parent_code") || !parents.ContainsKey(r.Code))) parents[row.Code] = Blank(row.ParentCode);
            foreach (var row in rows)
            {
                var visited = new List<string> { row.Code };
                for (var p = parents[row.Code]; p is not null; p = parents.GetValueOrDefault(p))
                {
                    if (visited.Contains(p))
                    {
                        Problem(row, "parent_code", "units.cycle", ("cycle", string.Join(" → ", visited) + " → " + p));
                        break;
                    }
                    visited.Add(p);
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
    public static void WriteCsv(Stream stream, IReadOnlyList<UnitRow> rows) =>
        TableFile.WriteCsv(stream, Columns, rows.Select(Values));

    /// <summary>Writes rows as an XLSX sheet "Đơn vị".</summary>
    public static void WriteXlsx(Stream stream, IReadOnlyList<UnitRow> rows) =>
        TableFile.WriteXlsx(stream, "Đơn vị", Columns, rows.Select(Values));

    /// <summary>Parses a kind by enum name or a Vietnamese alias.</summary>
    public static OrgUnitKind? ParseKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<OrgUnitKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)) return kind;
        return KindAliases.TryGetValue(text.Trim(), out var alias) ? alias : null;
    }

    private static IReadOnlyList<string?> Values(UnitRow r) =>
        [r.Code, r.Name, r.ShortName, r.Kind, r.ParentCode, r.Groups, r.ValidFrom, r.ValidTo, r.Successors];

    /// <summary>Column names as people write them in a Vietnamese sheet, folded (no diacritics, "_" for spaces).</summary>
    private static readonly Dictionary<string, string> VietnameseColumns = new(StringComparer.Ordinal)
    {
        ["ma"] = "code", ["ma_don_vi"] = "code", ["ma_dvhc"] = "code",
        ["ten"] = "name", ["ten_don_vi"] = "name", ["ten_co_quan_don_vi"] = "name",
        ["ten_ngan"] = "short_name", ["ten_goi_tat"] = "short_name", ["ten_viet_tat"] = "short_name",
        ["loai"] = "kind", ["loai_don_vi"] = "kind", ["cap"] = "kind",
        ["ma_don_vi_cap_tren"] = "parent_code", ["ma_cap_tren"] = "parent_code", ["don_vi_cap_tren"] = "parent_code", ["truc_thuoc"] = "parent_code",
        ["khoi"] = "groups", ["nhom"] = "groups", ["khoi_danh_gia"] = "groups",
        ["tu_ngay"] = "valid_from", ["hieu_luc_tu"] = "valid_from", ["ngay_thanh_lap"] = "valid_from",
        ["den_ngay"] = "valid_to", ["hieu_luc_den"] = "valid_to",
        ["don_vi_ke_thua"] = "successors", ["ke_thua"] = "successors", ["sap_nhap_vao"] = "successors",
    };

    private static List<UnitRow> ToRows(TableData read, string fileName)
    {
        var table = read.WithAliases(VietnameseColumns);
        TableFile.RequireColumns(table, fileName, ["code", "name", "kind"], Columns);
        var columns = table.Header.Where(h => h.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return table.Records.Select(r => new UnitRow(r.Row, r["code"] ?? "", r["name"] ?? "", r["short_name"], r["kind"] ?? "",
            r["parent_code"], r["groups"], r["valid_from"], r["valid_to"], r["successors"]) { FileColumns = columns, Headers = table.Written }).ToList();
    }

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
