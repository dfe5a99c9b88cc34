using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>Which logbook a file holds.</summary>
public enum RegistryBook
{
    /// <summary>Sổ tiếp công dân: one row per reception.</summary>
    Receptions = 1,

    /// <summary>Sổ theo dõi đơn thư: one row per petition.</summary>
    Petitions = 2,
}

/// <summary>
/// Logbooks as units keep them in Excel today (one row per reception or petition; several citizens in one cell, one per
/// line, or separated by ';' in a workbook), imported all or nothing with every problem located at its cell, and exported masked by the reader's rights.
/// </summary>
public static class RegistryWorkbook
{
    /// <summary>The reception log's columns, by field.</summary>
    public static readonly IReadOnlyList<(string Field, string Header)> ReceptionColumns =
    [
        ("unit", "Mã đơn vị"), ("receivedOn", "Ngày tiếp"), ("place", "Địa điểm"), ("kind", "Hình thức tiếp"), ("receivedByName", "Người tiếp"),
        ("receivedByPosition", "Chức vụ"), ("byHead", "Thủ trưởng trực tiếp tiếp"), ("visitorCount", "Số người"), ("isDelegation", "Đoàn đông người"),
        ("name", "Họ và tên"), ("idNumber", "Số CCCD/CMND"), ("address", "Địa chỉ"), ("phone", "Số điện thoại"), ("summary", "Nội dung"),
        ("field", "Lĩnh vực"), ("matterKind", "Loại vụ việc"), ("outcome", "Kết quả tiếp"), ("caseId", "Vụ việc số"),
    ];

    /// <summary>The petition registry's columns, by field.</summary>
    public static readonly IReadOnlyList<(string Field, string Header)> PetitionColumns =
    [
        ("unit", "Mã đơn vị"), ("receivedOn", "Ngày nhận"), ("channel", "Nguồn đơn"), ("name", "Người đứng đơn"), ("idNumber", "Số CCCD/CMND"),
        ("address", "Địa chỉ"), ("phone", "Số điện thoại"), ("petitionerCount", "Số người"), ("matterKind", "Loại đơn"), ("field", "Lĩnh vực"),
        ("summary", "Nội dung"), ("withinCompetence", "Thuộc thẩm quyền"), ("escalated", "Vượt cấp"), ("handling", "Hướng xử lý"),
        ("acceptedOn", "Ngày thụ lý"), ("resolvedOn", "Ngày giải quyết xong"), ("result", "Kết quả giải quyết"), ("caseId", "Vụ việc số"),
    ];

    private static readonly string[] ReceptionRequired = ["Mã đơn vị", "Ngày tiếp", "Hình thức tiếp", "Người tiếp", "Nội dung", "Loại vụ việc", "Kết quả tiếp"];
    private static readonly string[] PetitionRequired = ["Mã đơn vị", "Ngày nhận", "Nguồn đơn", "Loại đơn", "Nội dung"];

    /// <summary>The columns of a book.</summary>
    public static IReadOnlyList<(string Field, string Header)> Columns(RegistryBook book) => book == RegistryBook.Receptions ? ReceptionColumns : PetitionColumns;

    /// <summary>Imports every row of <paramref name="table"/> or none: each row checked by the same rules as a typed record
    /// (<see cref="ReceptionLog.Check"/>, <see cref="PetitionLog.Check"/>), problems located at file, sheet, row and column.</summary>
    /// <param name="mayRecord">Whether the importer may record for a unit; a unit they may not is refused like an unknown code (no leak).</param>
    /// <returns>How many records were stored.</returns>
    /// <exception cref="RefusedException">Every problem found; nothing is stored.</exception>
    public static async Task<int> ImportAsync(DanVanDbContext db, RegistryBook book, TableData table, string fileName, Func<OrgUnit, bool> mayRecord,
        RegistryActor actor, TimeLimitTable limits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actor);
        var columns = Columns(book);
        var missing = (book == RegistryBook.Receptions ? ReceptionRequired : PetitionRequired)
            .Where(c => !table.Header.Contains(TableFile.NormalizeHeader(c), StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new RefusedException("file.missingColumns", Where.AtCell(fileName, table.HeaderRow, null, table.Sheet),
                ("missing", missing), ("expected", columns.Select(c => c.Header).ToList()));
        var codes = table.Records.Select(r => r[Key(columns, "unit")]).OfType<string>().Distinct().ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var refusals = new List<Refusal>();
        var records = new List<CitizenRecord>();
        var thresholds = new Dictionary<(int, DateOnly), int>();
        foreach (var row in table.Records)
        {
            FieldLocator at = field => Where.AtCell(fileName, row.Row, Header(columns, BaseField(field)), table.Sheet);
            var before = refusals.Count;
            var code = row[Key(columns, "unit")];
            if (code is null || !units.TryGetValue(code, out var unit) || !mayRecord(unit))
            {
                refusals.Add(Refusal.Of("registries.importUnitNotFound", at("unit"), ("code", code ?? "")));
                continue;
            }
            var date = Date(refusals, row, columns, "receivedOn", at);
            var citizens = Citizens(row, columns);
            if (book == RegistryBook.Receptions)
            {
                var input = new ReceptionInput
                {
                    ReceivedOn = date, Place = row[Key(columns, "place")], Kind = row[Key(columns, "kind")],
                    ReceivedByName = row[Key(columns, "receivedByName")], ReceivedByPosition = row[Key(columns, "receivedByPosition")],
                    ByHead = Flag(refusals, row, columns, "byHead", at) ?? false, VisitorCount = Count(refusals, row, columns, "visitorCount", at),
                    IsDelegation = Flag(refusals, row, columns, "isDelegation", at), Visitors = citizens, Summary = row[Key(columns, "summary")],
                    Field = row[Key(columns, "field")], MatterKind = row[Key(columns, "matterKind")], Outcome = row[Key(columns, "outcome")],
                    CaseId = Count(refusals, row, columns, "caseId", at),
                };
                var key = (unit.Id, date ?? actor.Today);
                if (!thresholds.TryGetValue(key, out var threshold))
                    thresholds[key] = threshold = (await RegistrySettings.ForAsync(db, unit, key.Item2, ct)).DelegationThreshold;
                refusals.AddRange(ReceptionLog.Check(input, unit, threshold, actor.Today, at));
                await CitizenRecords.CheckCaseAsync(db, refusals, input.CaseId, unit, at, ct);
                if (refusals.Count == before) records.Add(ReceptionLog.Build(unit, input, threshold, actor));
            }
            else
            {
                var input = new PetitionInput
                {
                    ReceivedOn = date, Channel = row[Key(columns, "channel")], Petitioners = citizens,
                    PetitionerCount = Count(refusals, row, columns, "petitionerCount", at), MatterKind = row[Key(columns, "matterKind")],
                    Field = row[Key(columns, "field")], Summary = row[Key(columns, "summary")],
                    WithinCompetence = Flag(refusals, row, columns, "withinCompetence", at) ?? false, Escalated = Flag(refusals, row, columns, "escalated", at) ?? false,
                    Handling = row[Key(columns, "handling")], AcceptedOn = Date(refusals, row, columns, "acceptedOn", at),
                    ResolvedOn = Date(refusals, row, columns, "resolvedOn", at), Result = row[Key(columns, "result")],
                    CaseId = Count(refusals, row, columns, "caseId", at),
                };
                refusals.AddRange(PetitionLog.Check(input, unit, actor.Today, at));
                await CitizenRecords.CheckCaseAsync(db, refusals, input.CaseId, unit, at, ct);
                if (refusals.Count == before) records.Add(PetitionLog.Build(unit, input, limits, actor));
            }
        }
        if (refusals.Count > 0) throw new RefusedException(TableLimits.Default.Cap(refusals, fileName));
        foreach (var r in records)
        {
            if (r is Reception reception) db.Receptions.Add(reception);
            else db.Petitions.Add((Petition)r);
        }
        AuditTrail.Record(db, new AuditLine(actor.User, actor.At, book == RegistryBook.Receptions ? "reception.import" : "petition.import",
            AuditSubject.Many(book == RegistryBook.Receptions ? nameof(Reception) : nameof(Petition)))
        {
            New = $"{fileName}: {records.Count.ToString(CultureInfo.InvariantCulture)} dòng",
        });
        await db.SaveChangesAsync(ct);
        return records.Count;
    }

    /// <summary>The records of a book under the unit at <paramref name="unitPath"/> received between the dates, oldest first, citizens and unit loaded;
    /// the caller passes the queries its reader may see (the web: the user's scope; the CLI: everything).</summary>
    public static async Task<List<CitizenRecord>> LoadAsync(IQueryable<Reception> receptions, IQueryable<Petition> petitions, RegistryBook book, string unitPath,
        DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(receptions);
        ArgumentNullException.ThrowIfNull(petitions);
        var (first, last) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
        return book == RegistryBook.Receptions
            ? [.. await receptions.AsNoTracking().Include(r => r.Unit).Include(r => r.Citizens)
                .Where(r => r.Unit!.Path.StartsWith(unitPath) && r.ReceivedOn >= first && r.ReceivedOn <= last).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct)]
            : [.. await petitions.AsNoTracking().Include(r => r.Unit).Include(r => r.Citizens)
                .Where(r => r.Unit!.Path.StartsWith(unitPath) && r.ReceivedOn >= first && r.ReceivedOn <= last).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct)];
    }

    /// <summary>The rows of an export: citizens in full where <paramref name="personal"/> says so for the record's unit, masked otherwise.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<CitizenRecord> records, Func<CitizenRecord, bool> personal, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        foreach (var r in records)
        {
            var people = r.Citizens.OrderBy(c => c.Position).Select(c => CitizenView.Of(c, personal(r), protector)).ToList();
            string? Join(Func<CitizenView, string?> part) => people.Count == 0 ? null : string.Join("\n", people.Select(p => part(p) ?? ""));
            var d = CultureInfo.InvariantCulture;
            if (r is Reception x)
                yield return [x.Unit!.Code, x.ReceivedOn.ToString("dd/MM/yyyy", d), x.Place, Word(x.Kind), x.ReceivedByName, x.ReceivedByPosition, YesNo(x.ByHead),
                    x.VisitorCount.ToString(d), YesNo(x.IsDelegation), Join(p => p.Name), Join(p => p.IdNumber), Join(p => p.Address), Join(p => p.Phone),
                    x.Summary, x.Field, Word(x.MatterKind), Word(x.Outcome), x.CaseId?.ToString(d)];
            else if (r is Petition p)
                yield return [p.Unit!.Code, p.ReceivedOn.ToString("dd/MM/yyyy", d), Word(p.Channel), Join(v => v.Name), Join(v => v.IdNumber), Join(v => v.Address),
                    Join(v => v.Phone), p.PetitionerCount.ToString(d), Word(p.MatterKind), p.Field, p.Summary, YesNo(p.WithinCompetence), YesNo(p.Escalated),
                    Word(p.Handling), p.AcceptedOn?.ToString("dd/MM/yyyy", d), p.ResolvedOn?.ToString("dd/MM/yyyy", d), p.Result, p.CaseId?.ToString(d)];
        }
    }

    /// <summary>The Vietnamese word of a list value, as the logbooks write it and the import reads it back.</summary>
    public static string Word<T>(T value) where T : struct, Enum => RegistryTerms.Label(value);

    private static string YesNo(bool yes) => yes ? "có" : "không";

    // "visitors[2].idNumber" is the idNumber column; "receivedOn" is its own.
    private static string BaseField(string field) => field[(field.LastIndexOf('.') + 1)..];

    private static string Header(IReadOnlyList<(string Field, string Header)> columns, string field) =>
        columns.FirstOrDefault(c => c.Field == field).Header ?? field;

    private static string Key(IReadOnlyList<(string Field, string Header)> columns, string field) => TableFile.NormalizeHeader(Header(columns, field));

    private static List<CitizenInput> Citizens(TableRecord row, IReadOnlyList<(string Field, string Header)> columns)
    {
        string[] Split(string field) => row[Key(columns, field)]?.Split([';', '\n'], StringSplitOptions.TrimEntries) ?? [];
        var (names, ids, addresses, phones) = (Split("name"), Split("idNumber"), Split("address"), Split("phone"));
        var n = new[] { names.Length, ids.Length, addresses.Length, phones.Length }.Max();
        static string? At(string[] a, int i) => i < a.Length && a[i].Length > 0 ? a[i] : null;
        return Enumerable.Range(0, n).Select(i => new CitizenInput(At(names, i), At(ids, i), At(addresses, i), At(phones, i))).ToList();
    }

    private static DateOnly? Date(List<Refusal> refusals, TableRecord row, IReadOnlyList<(string Field, string Header)> columns, string field, FieldLocator at)
    {
        var text = row[Key(columns, field)];
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // A workbook's date cell arrives as its serial number or an invariant date-time.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        refusals.Add(Refusal.Of("registries.badDate", at(field), ("text", text)));
        return null;
    }

    private static bool? Flag(List<Refusal> refusals, TableRecord row, IReadOnlyList<(string Field, string Header)> columns, string field, FieldLocator at)
    {
        var text = row[Key(columns, field)];
        if (text is null) return null;
        if (TableFile.TryParseFlag(text, out var value)) return value;
        refusals.Add(Refusal.Of("registries.badFlag", at(field), ("text", text)));
        return null;
    }

    private static int? Count(List<Refusal> refusals, TableRecord row, IReadOnlyList<(string Field, string Header)> columns, string field, FieldLocator at)
    {
        var text = row.Number(Key(columns, field));
        if (text is null) return null;
        if (VietnameseNumber.TryParseInt(text, out var n)) return n;
        refusals.Add(Refusal.Of("file.notANumber", at(field), ("text", text)));
        return null;
    }
}
