using System.Globalization;
using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>One row of a score file, as text: one unit × criterion × layer.</summary>
public sealed record ScoreRow(
    int Row,
    string UnitCode,
    string Criterion,
    string Layer,
    string? Points = null,
    string? Level = null,
    string? Checked = null,
    string? Achieved = null,
    string? Target = null,
    string? Count = null,
    string? NotApplicable = null,
    string? Note = null)
{
    /// <summary>The file's own headers where it named columns the people's way (<see cref="TableData.Written"/>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A column as the file names it ("Điểm" for points), for locating a problem.</summary>
    public string? HeaderOf(string? column) => column is not null && Headers?.GetValueOrDefault(column) is { } written ? written : column;
}

/// <summary>What a score import may do besides storing entries, for loading results in bulk.</summary>
public sealed record ScoreImportOptions
{
    /// <summary>Confirm and submit the self-assessment of every unit that has self rows in the file.</summary>
    public bool Submit { get; init; }

    /// <summary>Approve (publish) every unit that has appraisal or inspection rows; implies <see cref="Submit"/>.</summary>
    public bool Approve { get; init; }

    /// <summary>When the submissions were made; lateness is judged by it. Default: now, or the deadline once it has passed.</summary>
    public DateTime? SubmittedAt { get; init; }

    /// <summary>Reason recorded for appraisal and inspection rows whose note is empty.</summary>
    public string? Reason { get; init; }

    /// <summary>User named in the audit trail.</summary>
    public string User { get; init; } = "cli";

    /// <summary>Now and the province's time zone, in which deadlines are judged.</summary>
    public ProvinceClock Clock { get; init; } = ProvinceClock.System;

    /// <summary>How many problems a refusal lists (the rest are counted).</summary>
    public TableLimits Limits { get; init; } = TableLimits.Default;
}

/// <summary>What a score import changed.</summary>
/// <remarks>Blank rows (no value in any value column, as in an unfilled template) are skipped and counted.</remarks>
public sealed record ScoreImportSummary(int Rows, int Assessments, int EntriesChanged, int Submitted, int Late, int Appraised, int Approved, int BlankRowsSkipped);

/// <summary>Score files (CSV/XLSX): reading, validation of every row against the period (all or nothing), import.</summary>
public static class ScoreList
{
    /// <summary>The columns, in file order.</summary>
    public static readonly string[] Columns =
        ["unit_code", "criterion", "layer", "points", "level", "checked", "achieved", "target", "count", "not_applicable", "note"];

    private static readonly Dictionary<string, ScoreLayer> LayerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["self"] = ScoreLayer.Self,
        ["tu-danh-gia"] = ScoreLayer.Self,
        ["tự đánh giá"] = ScoreLayer.Self,
        ["tự-đánh-giá"] = ScoreLayer.Self,
        ["appraisal"] = ScoreLayer.Appraisal,
        ["tham-dinh"] = ScoreLayer.Appraisal,
        ["thẩm định"] = ScoreLayer.Appraisal,
        ["thẩm-định"] = ScoreLayer.Appraisal,
        ["inspection"] = ScoreLayer.Inspection,
        ["kiem-tra"] = ScoreLayer.Inspection,
        ["kiểm tra"] = ScoreLayer.Inspection,
        ["kiểm-tra"] = ScoreLayer.Inspection,
    };

    /// <summary>The value columns of each scoring method; a value in another method's column is refused.</summary>
    private static readonly Dictionary<ScoringMethodType, string[]> MethodColumns = new()
    {
        [ScoringMethodType.Points] = ["points"],
        [ScoringMethodType.Levels] = ["level"],
        [ScoringMethodType.Checklist] = ["checked"],
        [ScoringMethodType.Ratio] = ["achieved", "target"],
        [ScoringMethodType.Count] = ["count"],
    };

    /// <summary>Reads rows from a .csv or .xlsx file.</summary>
    /// <exception cref="RefusedException">The file cannot be read, is too large, lacks a column or has a row with too many values.</exception>
    public static IReadOnlyList<ScoreRow> ReadFile(string path, TableLimits? limits = null) => ToRows(TableFile.Read(path, limits), Path.GetFileName(path));

    /// <summary>Reads rows from CSV (comma or semicolon separated, header row with the column names).</summary>
    public static IReadOnlyList<ScoreRow> ReadCsv(Stream stream, string fileName, TableLimits? limits = null) =>
        ToRows(TableFile.ReadCsv(stream, fileName, limits), fileName);

    /// <summary>Reads rows from the first sheet of an XLSX workbook.</summary>
    public static IReadOnlyList<ScoreRow> ReadXlsx(Stream stream, string fileName, TableLimits? limits = null) =>
        ToRows(TableFile.ReadXlsx(stream, fileName, limits), fileName);

    /// <summary>Parses a layer name: self, appraisal, inspection, or tu-danh-gia, tham-dinh, kiem-tra.</summary>
    public static ScoreLayer? ParseLayer(string? text) =>
        text is not null && LayerNames.TryGetValue(text.Trim().Normalize(), out var layer) ? layer : null;

    /// <summary>The file name of a layer: self, appraisal, inspection.</summary>
    public static string LayerName(ScoreLayer layer) => layer.ToString().ToLowerInvariant();

    /// <summary>Validates every row against the period, then stores them and the requested state changes in one transaction.</summary>
    /// <exception cref="RefusedException">Any row is refused (codes <c>scores.*</c>, <c>file.*</c>, located by row and column); nothing is stored and the context's changes are discarded.</exception>
    public static async Task<ScoreImportSummary> ImportAsync(DanVanDbContext db, int periodId, IReadOnlyList<ScoreRow> rows,
        string fileName, ScoreImportOptions options, CancellationToken ct = default)
    {
        var period = await db.Periods.Include(p => p.Groups).SingleOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new RefusedException("scores.noPeriod", Where.AtField("period"), ("id", periodId));
        var assessments = await db.Assessments.Include(a => a.Entries).Include(a => a.Unit)
            .Where(a => a.PeriodId == periodId).ToListAsync(ct);
        var byCode = assessments.ToDictionary(a => a.Unit!.Code, StringComparer.Ordinal);
        var setIds = period.Groups.Select(g => g.CriteriaSetId).Distinct().ToList();
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Parse());
        var codes = rows.Select(r => r.UnitCode.Trim()).Where(c => c.Length > 0 && !byCode.ContainsKey(c)).Distinct().ToList();
        var outside = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        var outsideIds = outside.Select(u => u.Id).ToList();
        var successors = (await db.Successions.AsNoTracking().Where(x => outsideIds.Contains(x.PredecessorId))
                .Select(x => new { x.PredecessorId, x.Successor!.Code }).ToListAsync(ct))
            .ToLookup(x => x.PredecessorId, x => x.Code);
        var knownElsewhere = outside.ToDictionary(u => u.Code, u => WhyNotInPeriod(u, period, successors[u.Id].ToList()), StringComparer.Ordinal);

        var submit = options.Submit || options.Approve;
        var submittedAt = options.SubmittedAt ?? DefaultSubmittedAt(period, options.Clock);
        var problems = new List<Refusal>();
        var parsed = Parse(rows, fileName, period, byCode, sets, knownElsewhere, options, problems, out var blank);
        var byAssessment = parsed.GroupBy(p => p.Assessment).OrderBy(g => g.Key.Unit!.Code, StringComparer.Ordinal).ToList();
        CheckStates(byAssessment, fileName, period, submit, submittedAt, options.Clock.Zone, problems);
        if (problems.Count > 0) throw new RefusedException(options.Limits.Cap(problems, fileName));

        var at = options.Clock.UtcNow;
        int submitted = 0, late = 0, appraised = 0, approved = 0;
        var previous = options.Approve ? await PeriodResultsQuery.PreviousBandsAsync(db, period, ct) : [];
        try
        {
            await using var tx = await db.BeginOwnTransactionAsync(ct);
            foreach (var group in byAssessment)
            {
                var a = group.Key;
                var set = sets[a.CriteriaSetId];
                var self = group.Where(p => p.Input.Layer == ScoreLayer.Self).ToList();
                var review = group.Where(p => p.Input.Layer != ScoreLayer.Self).OrderBy(p => p.Input.Layer).ToList();
                // The unit's values the registries give are taken with its self rows, as on the page.
                if (self.Count > 0) await RegistryChecks.TakeValuesAsync(db, a, set, options.User, at, ct);
                foreach (var p in self) Set(db, a, set, p, fileName, options.User, at);
                // Once per unit rather than after each of its rows.
                if (self.Count > 0) AssessmentWorkflow.UpdateSelfTotal(a, set);
                if (submit && self.Count > 0)
                {
                    AssessmentWorkflow.Confirm(db, a, options.User, at);
                    AssessmentWorkflow.Submit(db, a, period, set, options.User, at, submittedAt, options.Clock.Zone);
                    submitted++;
                    if (a.IsLate) late++;
                }
                foreach (var p in review) Set(db, a, set, p, fileName, options.User, at);
                if (review.Count > 0 && a.Status == AssessmentStatus.Submitted)
                {
                    AssessmentWorkflow.MarkAppraised(db, a, options.User, at);
                    appraised++;
                }
                if (options.Approve && review.Count > 0)
                {
                    AssessmentWorkflow.Approve(db, a, set, previous.GetValueOrDefault(a.UnitId), options.User, at);
                    approved++;
                }
            }

            // Published results: the group rules rank the approved units of each group once the whole file is in.
            foreach (var g in byAssessment.Select(g => g.Key).Where(a => a.Status == AssessmentStatus.Approved).GroupBy(a => a.GroupId))
                await PublishedResults.ApplyGroupRulesAsync(db, period, g.Key, sets[g.First().CriteriaSetId], previous, ct);

            // The lines were added, so counting them needs no scan for changes over every tracked entry (1,4 s of a
            // 15,000-row import); the save detects changes once.
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            int changed;
            try
            {
                changed = db.ChangeTracker.Entries<AuditEntry>()
                    .Count(e => e.State == EntityState.Added && e.Entity.Action.StartsWith("entry.", StringComparison.Ordinal));
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
            return new(rows.Count, byAssessment.Count, changed, submitted, late, appraised, approved, blank);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>When submissions recorded by an import are dated by default: now, or the deadline once it has passed.</summary>
    public static DateTime DefaultSubmittedAt(EvaluationPeriod period, ProvinceClock clock)
    {
        var now = clock.UtcNow;
        var deadline = period.Deadline.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        return clock.Today > period.Deadline ? deadline : now;
    }

    /// <summary>Rows of a period's units and scored criteria, as a template to fill, with the values already stored in that layer.</summary>
    public static async Task<IReadOnlyList<ScoreRow>> TemplateAsync(DanVanDbContext db, int periodId, ScoreLayer layer, CancellationToken ct = default)
    {
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Unit).Include(a => a.Entries)
            .Where(a => a.PeriodId == periodId).ToListAsync(ct);
        var setIds = assessments.Select(a => a.CriteriaSetId).Distinct().ToList();
        var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Parse());
        var rows = new List<ScoreRow>();
        foreach (var a in assessments.OrderBy(a => a.Unit!.Code, StringComparer.Ordinal))
        {
            var set = sets[a.CriteriaSetId];
            // Leaves take values; a parent that may not apply gets a row to mark it "không áp dụng".
            foreach (var c in set.AllCriteria().Where(c => c.IsLeaf || c.MayNotApply))
            {
                var superior = AssessmentEntries.IsSuperiorScored(set, c.Id);
                if (superior && layer == ScoreLayer.Self) continue;
                // The unit does not type a value a registry gives (a row would be refused on import).
                if (layer == ScoreLayer.Self && RegistryChecks.TakesValue(c)) continue;
                var e = a.Entries.FirstOrDefault(x => x.CriterionId == c.Id && x.Layer == layer);
                rows.Add(new ScoreRow(rows.Count + 2, a.Unit!.Code, c.Id, LayerName(layer),
                    Points: Write(e?.Points),
                    Level: e?.Level,
                    Checked: e?.Checked?.Replace(',', ';'),
                    Achieved: Write(e?.Achieved),
                    Target: Write(e?.Target),
                    Count: e?.Count?.ToString(CultureInfo.InvariantCulture),
                    NotApplicable: e is { NotApplicable: true } ? "x" : null,
                    Note: e?.Note));
            }
        }
        return rows;
    }

    /// <summary>Writes rows to a .csv or .xlsx file.</summary>
    public static void WriteFile(string path, IReadOnlyList<ScoreRow> rows)
    {
        using var stream = File.Create(path);
        var values = rows.Select(r => (IReadOnlyList<string?>)
            [r.UnitCode, r.Criterion, r.Layer, r.Points, r.Level, r.Checked, r.Achieved, r.Target, r.Count, r.NotApplicable, r.Note]);
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) TableFile.WriteXlsx(stream, "Điểm", Columns, values);
        else TableFile.WriteCsv(stream, Columns, values);
    }

    private sealed record ParsedRow(ScoreRow Row, Assessment Assessment, EntryInput Input);

    // Numbers in files are written the way the one reader reads them back exactly: "7,25", never "7.250".
    private static string? Write(decimal? value) => value is { } v ? VietnameseNumber.Write(v) : null;

    private static List<ParsedRow> Parse(IReadOnlyList<ScoreRow> rows, string fileName, EvaluationPeriod period,
        Dictionary<string, Assessment> byCode, Dictionary<int, CriteriaSet> sets, Dictionary<string, Refusal> knownElsewhere,
        ScoreImportOptions options, List<Refusal> problems, out int blank)
    {
        blank = 0;
        var parsed = new List<ParsedRow>();
        var seen = new Dictionary<(string, string, ScoreLayer), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            Where At(string column) => Where.AtCell(fileName, row.Row, row.HeaderOf(column));
            void Problem(string column, string code, params (string, object?)[] args) => problems.Add(Refusal.Of(code, At(column), args));

            var unitCode = row.UnitCode.Trim();
            byCode.TryGetValue(unitCode, out var assessment);
            if (unitCode.Length == 0) Problem("unit_code", "scores.unitCodeRequired");
            else if (assessment is null)
            {
                if (knownElsewhere.TryGetValue(unitCode, out var why)) problems.Add(why.At(At("unit_code")));
                else Problem("unit_code", "scores.noUnit", ("code", unitCode));
            }

            var layer = ParseLayer(row.Layer);
            if (layer is null) Problem("layer", "scores.unknownLayer", ("layer", row.Layer));

            var criterionId = row.Criterion.Trim();
            Criterion? criterion = null;
            CriteriaSet? set = null;
            if (criterionId.Length == 0) Problem("criterion", "scores.criterionRequired");
            else if (assessment is not null)
            {
                set = sets[assessment.CriteriaSetId];
                criterion = set.FindCriterion(criterionId);
                if (criterion is null) Problem("criterion", "scores.criterionNotInSet", ("criterion", criterionId), ("set", set.Name), ("unit", unitCode));
            }

            var points = Number(row.Points, "points", Problem);
            var achieved = Number(row.Achieved, "achieved", Problem);
            var target = Number(row.Target, "target", Problem);
            var countValue = Number(row.Count, "count", Problem);
            int? count = null;
            if (countValue is { } n)
            {
                if (n != decimal.Truncate(n) || n is < int.MinValue or > int.MaxValue) Problem("count", "file.notAWholeNumber", ("text", row.Count));
                else count = (int)n;
            }
            if (!TableFile.TryParseFlag(row.NotApplicable, out var notApplicable))
                Problem("not_applicable", "file.notAFlag", ("text", row.NotApplicable));

            // A value in a column of another scoring method is a mistake (e.g. "10,5" split into points 10 and level 5):
            // storing the row would silently drop it.
            if (criterion is { IsLeaf: true, Method: { } method })
            {
                foreach (var (column, text) in ValueCells(row))
                    if (!string.IsNullOrWhiteSpace(text) && !MethodColumns[method.Type].Contains(column))
                        Problem(column, "entry.wrongMethodField", ("criterion", criterion.Id), ("method", CamelCaseEnum.Name(method.Type)),
                            ("field", column));
            }

            if (problems.Count > before || assessment is null || criterion is null || set is null || layer is null) continue;
            if (new[] { row.Points, row.Level, row.Checked, row.Achieved, row.Target, row.Count, row.NotApplicable }.All(string.IsNullOrWhiteSpace))
            {
                blank++;
                continue;
            }

            if (seen.TryGetValue((unitCode, criterion.Id, layer.Value), out var first))
            {
                Problem("criterion", "scores.duplicateRow", ("unit", unitCode), ("criterion", criterion.Id), ("layer", LayerName(layer.Value)), ("firstRow", first));
                continue;
            }
            seen[(unitCode, criterion.Id, layer.Value)] = row.Row;

            var level = row.Level is { } l
                ? criterion.Method?.Levels.FirstOrDefault(x => string.Equals(x.Code, l.Trim(), StringComparison.OrdinalIgnoreCase))?.Code ?? l.Trim()
                : null;
            var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            if (layer != ScoreLayer.Self && note is null) note = string.IsNullOrWhiteSpace(options.Reason) ? null : options.Reason.Trim();
            var input = new EntryInput
            {
                CriterionId = criterion.Id,
                Layer = layer.Value,
                Points = points,
                Level = level,
                Checked = row.Checked?.Trim() == "-" ? [] : row.Checked?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Achieved = achieved,
                Target = target,
                Count = count,
                NotApplicable = notApplicable,
                Note = note,
            };

            // The core's value rules (value, reason, note length), located at the row and the column they point at.
            var refused = AssessmentEntries.CheckValue(set, input);
            if (refused.Count > 0)
            {
                problems.AddRange(refused.Select(r => r.At(Where.AtCell(fileName, row.Row, row.HeaderOf(ColumnOf(r.Where.Field))))));
                continue;
            }
            parsed.Add(new(row, assessment, input));
        }
        return parsed;
    }

    private static IEnumerable<(string Column, string? Text)> ValueCells(ScoreRow row) =>
        [("points", row.Points), ("level", row.Level), ("checked", row.Checked), ("achieved", row.Achieved), ("target", row.Target), ("count", row.Count)];

    private static Refusal WhyNotInPeriod(DanVan.OrgUnits.OrgUnit unit, EvaluationPeriod period, List<string> successors)
    {
        if (unit.ValidTo is { } end && end < period.OpensOn)
            return successors.Count == 0
                ? Refusal.Of("scores.unitEnded", Where.Request, ("code", unit.Code), ("name", unit.Name), ("end", end))
                : Refusal.Of("scores.unitEndedWithSuccessors", Where.Request, ("code", unit.Code), ("name", unit.Name), ("end", end),
                    ("successors", successors.Order(StringComparer.Ordinal).ToList()));
        if (unit.ValidFrom is { } start && start > period.OpensOn)
            return Refusal.Of("scores.unitNotYet", Where.Request, ("code", unit.Code), ("name", unit.Name), ("start", start));
        return Refusal.Of("scores.unitNotInPeriod", Where.Request, ("code", unit.Code), ("name", unit.Name), ("period", period.Name));
    }

    private static void CheckStates(List<IGrouping<Assessment, ParsedRow>> byAssessment, string fileName, EvaluationPeriod period,
        bool submit, DateTime submittedAt, TimeZoneInfo zone, List<Refusal> problems)
    {
        var refused = new List<Assessment>();
        foreach (var group in byAssessment)
        {
            var a = group.Key;
            var code = a.Unit!.Code;
            var hasSelf = group.Any(p => p.Input.Layer == ScoreLayer.Self);
            foreach (var p in group.Where(p => p.Input.Layer == ScoreLayer.Self && !a.IsEditableByUnit))
                problems.Add(Refusal.Of("scores.selfLocked", Where.AtCell(fileName, p.Row.Row, p.Row.HeaderOf("layer")), ("unit", code), ("status", a.Status.ToString())));

            var willSubmit = submit && hasSelf && a.IsEditableByUnit;
            if (willSubmit && AssessmentWorkflow.Lateness(a, period, submittedAt, zone).Refused) refused.Add(a);
            var status = willSubmit ? AssessmentStatus.Submitted : a.Status;
            if (status is AssessmentStatus.Submitted or AssessmentStatus.Appraised) continue;
            foreach (var p in group.Where(p => p.Input.Layer != ScoreLayer.Self))
                problems.Add(Refusal.Of(hasSelf && !submit ? "scores.reviewNeedsSubmittedSubmitSelf" : "scores.reviewNeedsSubmitted",
                    Where.AtCell(fileName, p.Row.Row, p.Row.HeaderOf("layer")), ("unit", code), ("status", a.Status.ToString()), ("layer", LayerName(p.Input.Layer))));
        }

        if (refused.Count > 0)
            problems.Add(Refusal.Of("submission.lateRefused", Where.AtField("submitted_at"), ("deadline", AssessmentWorkflow.RuleFor(refused[0], period, zone).Deadline)));
    }

    private static void Set(DanVanDbContext db, Assessment a, CriteriaSet set, ParsedRow p, string fileName, string user, DateTime at)
    {
        try
        {
            AssessmentEntries.Set(db, a, set, p.Input, user, at, fromRegistry: false, storeSelfTotal: false);
        }
        catch (RefusedException ex)
        {
            // State rules (e.g. the period not open yet) are met here; each refusal is located at its row.
            throw new RefusedException(ex.Refusals.Select(r => r.At(Where.AtCell(fileName, p.Row.Row, p.Row.HeaderOf(ColumnOf(r.Where.Field))))).ToList());
        }
    }

    private static decimal? Number(string? text, string column, Action<string, string, (string, object?)[]> problem)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (VietnameseNumber.TryParse(text, out var value)) return value;
        problem(column, "file.notANumber", [("text", text)]);
        return null;
    }

    private static string? ColumnOf(string? field) => field switch
    {
        null => null,
        "notApplicable" => "not_applicable",
        _ => field,
    };

    /// <summary>Column names as people write them in a Vietnamese sheet, folded (no diacritics, "_" for spaces): "Mã đơn vị", "Tiêu chí", "Điểm"….</summary>
    private static readonly Dictionary<string, string> VietnameseColumns = new(StringComparer.Ordinal)
    {
        ["ma_don_vi"] = "unit_code", ["ma_dvhc"] = "unit_code",
        ["tieu_chi"] = "criterion", ["ma_tieu_chi"] = "criterion", ["stt_tieu_chi"] = "criterion",
        ["lop"] = "layer", ["lop_diem"] = "layer", ["vong_cham"] = "layer", ["nguoi_cham"] = "layer", ["cham_boi"] = "layer",
        ["diem"] = "points", ["so_diem"] = "points", ["diem_cham"] = "points",
        ["muc"] = "level", ["muc_do"] = "level", ["muc_dat"] = "level",
        ["danh_dau"] = "checked", ["cac_muc_dat"] = "checked",
        ["ket_qua"] = "achieved", ["ket_qua_dat"] = "achieved", ["thuc_hien"] = "achieved", ["dat_duoc"] = "achieved",
        ["chi_tieu"] = "target", ["ke_hoach"] = "target",
        ["so_luong"] = "count", ["so_lan"] = "count",
        ["khong_ap_dung"] = "not_applicable",
        ["ghi_chu"] = "note", ["giai_trinh"] = "note",
    };

    private static List<ScoreRow> ToRows(TableData read, string fileName)
    {
        var table = read.WithAliases(VietnameseColumns);
        TableFile.RequireColumns(table, fileName, ["unit_code", "criterion", "layer"], Columns);
        return table.Records.Select(r => new ScoreRow(r.Row, r["unit_code"] ?? "", r["criterion"] ?? "", r["layer"] ?? "",
            r.Number("points"), r["level"], r["checked"], r.Number("achieved"), r.Number("target"), r.Number("count"), r["not_applicable"], r["note"])
        { Headers = table.Written }).ToList();
    }
}
