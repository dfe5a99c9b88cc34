using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>The three work registries, as files and routes name them.</summary>
public enum WorkRegistry
{
    /// <summary>"Dân vận khéo" models.</summary>
    Models = 1,

    /// <summary>Work plans.</summary>
    Plans = 2,

    /// <summary>The Front's recommendations.</summary>
    Recommendations = 3,
}

/// <summary>What an import stored.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Created">Records created.</param>
public sealed record WorkImportSummary(string File, int Created);

/// <summary>The work registries as CSV and XLSX: the columns, the all-or-nothing import (each problem at its file, sheet, row
/// and column) and the export in the same layout, lists written in Vietnamese.</summary>
public static class WorkTables
{
    /// <summary>The columns of each registry's file, in order; <c>unit_code</c> names the keeping unit.</summary>
    public static IReadOnlyList<string> Columns(WorkRegistry registry) => registry switch
    {
        WorkRegistry.Models => ["unit_code", "model_name", "co_owners", "field", "level", "year_started", "status", "presented_nationally", "documents", "awards"],
        WorkRegistry.Plans => ["unit_code", "year", "kind", "document_number", "issued_on", "issued_by", "due_on", "title"],
        _ => ["unit_code", "issuer", "issuer_level", "source", "reference", "issued_on", "topic", "content", "due_on", "response_reference", "responded_on", "status", "reason"],
    };

    private static IReadOnlyList<string> Required(WorkRegistry registry) => registry switch
    {
        WorkRegistry.Models => ["unit_code", "model_name", "field", "year_started"],
        WorkRegistry.Plans => ["unit_code", "year", "kind"],
        _ => ["unit_code", "issuer", "issuer_level", "issued_on", "topic"],
    };

    // Column names as people write them in a Vietnamese sheet, folded (no diacritics, "_" for spaces).
    private static readonly Dictionary<WorkRegistry, Dictionary<string, string>> VietnameseColumns = new()
    {
        [WorkRegistry.Models] = new(StringComparer.Ordinal)
        {
            ["ma_don_vi"] = "unit_code", ["ten_mo_hinh"] = "model_name", ["mo_hinh"] = "model_name",
            ["don_vi_phoi_hop"] = "co_owners", ["dong_chu_tri"] = "co_owners", ["linh_vuc"] = "field",
            ["cap"] = "level", ["cap_dang_ky"] = "level", ["nam_bat_dau"] = "year_started", ["nam_xay_dung"] = "year_started",
            ["tinh_trang"] = "status", ["trang_thai"] = "status", ["gioi_thieu_toan_quoc"] = "presented_nationally",
            ["bao_cao_dien_hinh_toan_quoc"] = "presented_nationally", ["tai_lieu"] = "documents", ["van_ban"] = "documents",
            ["khen_thuong"] = "awards",
        },
        [WorkRegistry.Plans] = new(StringComparer.Ordinal)
        {
            ["ma_don_vi"] = "unit_code", ["nam"] = "year", ["nam_ke_hoach"] = "year", ["loai"] = "kind", ["loai_ke_hoach"] = "kind",
            ["so_ky_hieu"] = "document_number", ["so,_ky_hieu"] = "document_number", ["so_van_ban"] = "document_number",
            ["ngay_ban_hanh"] = "issued_on", ["co_quan_ban_hanh"] = "issued_by", ["han_ban_hanh"] = "due_on", ["trich_yeu"] = "title",
        },
        [WorkRegistry.Recommendations] = new(StringComparer.Ordinal)
        {
            ["ma_don_vi"] = "unit_code", ["co_quan_kien_nghi"] = "issuer", ["cap"] = "issuer_level", ["cap_kien_nghi"] = "issuer_level",
            ["nguon"] = "source", ["hinh_thuc"] = "source", ["so_van_ban"] = "reference", ["so_ky_hieu"] = "reference", ["so,_ky_hieu"] = "reference",
            ["ngay_kien_nghi"] = "issued_on", ["ngay"] = "issued_on", ["chu_de"] = "topic", ["noi_dung_giam_sat"] = "topic",
            ["noi_dung"] = "content", ["noi_dung_kien_nghi"] = "content", ["han_tra_loi"] = "due_on",
            ["van_ban_tra_loi"] = "response_reference", ["ngay_tra_loi"] = "responded_on", ["tinh_trang"] = "status", ["trang_thai"] = "status",
            ["ly_do"] = "reason",
        },
    };

    // The core's field names → the file's columns (an award or a co-owner is located at its list's cell).
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["modelName"] = "model_name", ["coOwners"] = "co_owners", ["modelLevel"] = "level", ["yearStarted"] = "year_started",
        ["modelStatus"] = "status", ["presentedNationally"] = "presented_nationally", ["awards"] = "awards",
        ["planKind"] = "kind", ["documentNumber"] = "document_number", ["issuedOn"] = "issued_on", ["issuedBy"] = "issued_by",
        ["dueOn"] = "due_on", ["planTitle"] = "title", ["issuerLevel"] = "issuer_level", ["responseReference"] = "response_reference",
        ["respondedOn"] = "responded_on", ["recommendationStatus"] = "status",
    };

    /// <summary>Where a field of a row is in the file.</summary>
    public static FieldLocator Cells(string fileName, TableData table, int row) => field =>
    {
        var name = field.Split('[', '.')[0];
        return Where.AtCell(fileName, row, table.AsWritten(ColumnOf.GetValueOrDefault(name, name)), table.Sheet);
    };

    /// <summary>Checks every row of <paramref name="table"/> and, when none is refused, records them all with one audit line in one save.</summary>
    /// <param name="db">The database.</param>
    /// <param name="registry">Which registry the file fills.</param>
    /// <param name="table">The file's table.</param>
    /// <param name="fileName">Its name, for locating problems.</param>
    /// <param name="mayWrite">Whether the caller may record for a unit; a unit it may not is refused as unknown (no leak).</param>
    /// <param name="actor">Who and when.</param>
    /// <param name="limits">Bounds on the problems listed.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="RefusedException">Every problem, located; nothing is stored.</exception>
    public static async Task<WorkImportSummary> ImportAsync(DanVanDbContext db, WorkRegistry registry, TableData table, string fileName,
        Func<OrgUnit, bool> mayWrite, WorkActor actor, TableLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mayWrite);
        ArgumentNullException.ThrowIfNull(actor);
        table = table.WithAliases(VietnameseColumns[registry]);
        TableFile.RequireColumns(table, fileName, Required(registry), Columns(registry));
        var codes = table.Records.SelectMany(r => new[] { r["unit_code"] }.Concat(registry == WorkRegistry.Models ? Split(r["co_owners"]) : []))
            .Where(c => c is not null).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var refusals = new List<Refusal>();
        var adds = new List<Action>();
        foreach (var row in table.Records)
        {
            var at = Cells(fileName, table, row.Row);
            var code = row["unit_code"];
            if (code is null || !units.TryGetValue(code, out var unit) || !mayWrite(unit))
            {
                refusals.Add(code is null ? Refusal.Of("request.required", at("unit_code"), ("field", "unit_code"))
                    : Refusal.Of("registries.work.unknownUnit", at("unit_code"), ("code", code)));
                continue;
            }
            var before = refusals.Count;
            switch (registry)
            {
                case WorkRegistry.Models:
                    var model = ReadModel(row, at, refusals);
                    refusals.AddRange(DanVanModels.Check(model, unit, actor.Today, at));
                    var province = UnitPaths.Root(unit.Path);
                    var owners = new List<OrgUnit>();
                    foreach (var c in model.CoOwners)
                    {
                        if (units.TryGetValue(c, out var o) && o.Path.StartsWith(province, StringComparison.Ordinal)) owners.Add(o);
                        else refusals.Add(Refusal.Of("registries.work.unknownUnit", at("coOwners"), ("code", c)));
                    }
                    if (refusals.Count == before)
                        adds.Add(() =>
                        {
                            var m = new DanVanModel { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
                            DanVanModels.Fill(m, unit, model, owners);
                            db.DanVanModels.Add(m);
                        });
                    break;
                case WorkRegistry.Plans:
                    var plan = ReadPlan(row, at, refusals);
                    refusals.AddRange(WorkPlans.Check(plan, unit, actor.Today, at));
                    if (refusals.Count == before)
                        adds.Add(() =>
                        {
                            var p = new WorkPlan { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
                            WorkPlans.Fill(p, plan);
                            db.WorkPlans.Add(p);
                        });
                    break;
                default:
                    var rec = ReadRecommendation(row, at, refusals);
                    refusals.AddRange(FrontRecommendations.Check(rec, unit, actor.Today, at));
                    if (refusals.Count == before)
                        adds.Add(() =>
                        {
                            var r = new FrontRecommendation { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
                            FrontRecommendations.Fill(r, rec);
                            db.FrontRecommendations.Add(r);
                        });
                    break;
            }
        }
        if (refusals.Count > 0) throw new RefusedException((limits ?? TableLimits.Default).Cap(refusals, fileName));
        foreach (var add in adds) add();
        var subject = registry switch { WorkRegistry.Models => nameof(DanVanModel), WorkRegistry.Plans => nameof(WorkPlan), _ => nameof(FrontRecommendation) };
        AuditTrail.Record(db, new AuditLine(actor.User, actor.At, "work.import", AuditSubject.Many(subject)) { New = $"{fileName}: {adds.Count} created" });
        await db.SaveChangesAsync(ct);
        return new WorkImportSummary(fileName, adds.Count);
    }

    /// <summary>The rows of an export (and of a file to fill in): one row per record, in <see cref="Columns"/> order.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<DanVanModel> models) => models.Select(m => (IReadOnlyList<string?>)
    [
        m.Unit!.Code, m.Name, string.Join("; ", m.Owners.Where(o => o.Id != m.UnitId).Select(o => o.Code)), m.Field, WorkTerms.Label(m.Level),
        m.YearStarted.ToString(CultureInfo.InvariantCulture), WorkTerms.Label(m.Status), m.PresentedNationally ? "có" : "không", m.Documents,
        string.Join("; ", m.Awards.OrderBy(a => a.Position).Select(a => $"{WorkTerms.Label(a.Level)}|{a.Decision}|{Date(a.AwardedOn)}|{WorkTerms.Label(a.Recipient)}")),
    ]);

    /// <summary>Plans as rows.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<WorkPlan> plans) => plans.Select(p => (IReadOnlyList<string?>)
    [
        p.Unit!.Code, p.Year.ToString(CultureInfo.InvariantCulture), WorkTerms.Label(p.Kind), p.Number, Date(p.IssuedOn), p.IssuedBy, Date(p.DueOn), p.Title,
    ]);

    /// <summary>Recommendations as rows.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<FrontRecommendation> recs) => recs.Select(r => (IReadOnlyList<string?>)
    [
        r.Unit!.Code, r.Issuer, WorkTerms.Label(r.IssuerLevel), WorkTerms.Label(r.Source), r.Reference, Date(r.IssuedOn), r.Topic, r.Content,
        Date(r.DueOn), r.ResponseReference, Date(r.RespondedOn), WorkTerms.Label(r.Status), r.Reason,
    ]);

    /// <summary>Writes rows as .xlsx or .csv (by <paramref name="format"/>): bytes, media type, extension.</summary>
    public static (byte[] Bytes, string Type, string Extension) File(WorkRegistry registry, IEnumerable<IReadOnlyList<string?>> rows, string? format)
    {
        using var stream = new MemoryStream();
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            TableFile.WriteCsv(stream, Columns(registry), rows);
            return (stream.ToArray(), "text/csv", ".csv");
        }
        TableFile.WriteXlsx(stream, RegistryTerms.Code(registry), Columns(registry), rows);
        return (stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    }

    private static DanVanModelInput ReadModel(TableRecord row, FieldLocator at, List<Refusal> refusals) => new()
    {
        ModelName = row["model_name"],
        CoOwners = [.. Split(row["co_owners"])],
        Field = row["field"],
        ModelLevel = row["level"],
        YearStarted = WholeNumber(row, "year_started", at, refusals),
        ModelStatus = row["status"],
        PresentedNationally = Flag(row, "presented_nationally", at, refusals),
        Documents = row["documents"],
        Awards = Awards(row["awards"], at, refusals),
    };

    private static WorkPlanInput ReadPlan(TableRecord row, FieldLocator at, List<Refusal> refusals) => new()
    {
        Year = WholeNumber(row, "year", at, refusals),
        PlanKind = row["kind"],
        DocumentNumber = row["document_number"],
        IssuedOn = DateCell(row, "issued_on", at, refusals),
        IssuedBy = row["issued_by"],
        DueOn = DateCell(row, "due_on", at, refusals),
        PlanTitle = row["title"],
    };

    private static RecommendationInput ReadRecommendation(TableRecord row, FieldLocator at, List<Refusal> refusals) => new()
    {
        Issuer = row["issuer"],
        IssuerLevel = row["issuer_level"],
        Source = row["source"],
        Reference = row["reference"],
        IssuedOn = DateCell(row, "issued_on", at, refusals),
        Topic = row["topic"],
        Content = row["content"],
        DueOn = DateCell(row, "due_on", at, refusals),
        ResponseReference = row["response_reference"],
        RespondedOn = DateCell(row, "responded_on", at, refusals),
        RecommendationStatus = row["status"],
        Reason = row["reason"],
    };

    // "tỉnh|123/QĐ-UBND|12/05/2015|tập thể; trung ương|45/QĐ-BDVTW|01/09/2016|cá nhân"
    private static List<AwardInput> Awards(string? text, FieldLocator at, List<Refusal> refusals)
    {
        var awards = new List<AwardInput>();
        foreach (var item in Split(text))
        {
            var parts = item.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length != 4 || !TryDate(parts[2], out var on))
            {
                refusals.Add(Refusal.Of("registries.work.awardShape", at("awards"), ("text", item)));
                continue;
            }
            awards.Add(new AwardInput(parts[0], parts[1], on, parts[3]));
        }
        return awards;
    }

    private static IEnumerable<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? WholeNumber(TableRecord row, string column, FieldLocator at, List<Refusal> refusals)
    {
        var text = row.Number(column);
        if (text is null) return null;
        if (TableFile.TryParseNumber(text, out var n) && n == decimal.Truncate(n) && n is > 0 and < 10_000) return (int)n;
        refusals.Add(Refusal.Of("file.notAWholeNumber", at(column), ("text", text)));
        return null;
    }

    private static bool Flag(TableRecord row, string column, FieldLocator at, List<Refusal> refusals)
    {
        if (TableFile.TryParseFlag(row[column], out var value)) return value;
        refusals.Add(Refusal.Of("file.notAFlag", at(column), ("text", row[column])));
        return false;
    }

    private static DateOnly? DateCell(TableRecord row, string column, FieldLocator at, List<Refusal> refusals)
    {
        var text = row[column];
        if (text is null) return null;
        if (TryDate(text, out var d)) return d;
        refusals.Add(Refusal.Of("file.notADate", at(column), ("text", text)));
        return null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        // A workbook's date cell arrives as its date-time text.
        || (DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && (date = DateOnly.FromDateTime(dt)) != default);

    private static string? Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
