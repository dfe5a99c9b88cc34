using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>"Dân vận khéo" models: their rules and writes, for every surface and import.</summary>
public static class DanVanModels
{
    /// <summary>The first year a model may have started (the movement's guidance dates from 2009; older local models exist).</summary>
    public const int FirstYear = 1990;

    /// <summary>What refuses <paramref name="input"/> for <paramref name="unit"/>; empty when it may be stored (co-owners are checked when stored).</summary>
    public static List<Refusal> Check(DanVanModelInput input, OrgUnit unit, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(unit);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        WorkChecks.Required(refusals, input.ModelName, at, "modelName", CitizenRecords.MaxShortText);
        WorkChecks.Required(refusals, input.Field, at, "field", CitizenRecords.MaxShortText);
        WorkChecks.Term<WorkLevel>(refusals, input.ModelLevel, at, "modelLevel", required: false);
        WorkChecks.Term<ModelStatus>(refusals, input.ModelStatus, at, "modelStatus", required: false);
        if (input.YearStarted is not { } year) refusals.Add(Refusal.Of("request.required", at("yearStarted"), ("field", "yearStarted")));
        else if (year < FirstYear || year > today.Year)
            refusals.Add(Refusal.Of("registries.work.yearOutOfRange", at("yearStarted"), ("year", year), ("min", Year(FirstYear)), ("max", Year(today.Year))));
        if (TextLimit.Check(input.Documents, at("documents"), "documents") is { } docs) refusals.Add(docs);
        for (var i = 0; i < input.Awards.Count; i++)
        {
            var a = input.Awards[i];
            var prefix = $"awards[{i + 1}].";
            WorkChecks.Term<WorkLevel>(refusals, a.Level, f => at(prefix + f), "awardLevel");
            WorkChecks.Term<AwardRecipient>(refusals, a.Recipient, f => at(prefix + f), "recipient");
            WorkChecks.Required(refusals, a.Decision, f => at(prefix + f), "decision", CitizenRecords.MaxShortText);
            if (a.AwardedOn is not { } on) refusals.Add(Refusal.Of("request.required", at(prefix + "awardedOn"), ("field", "awardedOn")));
            else if (on > today) refusals.Add(Refusal.Of("registries.dateInFuture", at(prefix + "awardedOn"), ("date", on), ("today", today)));
            else if (input.YearStarted is { } y && on.Year < y)
                refusals.Add(Refusal.Of("registries.work.awardBeforeStart", at(prefix + "awardedOn"), ("date", on), ("year", y)));
        }
        return refusals;
    }

    // Years are names, never quantities: "1990", not "1.990".
    internal static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The level a unit registers at when none is given: tỉnh for the province and its agencies, huyện for districts and their offices, cơ sở for communes.</summary>
    public static WorkLevel LevelOf(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Province or OrgUnitKind.ProvincialAgency or OrgUnitKind.PublicServiceUnit => WorkLevel.Province,
        OrgUnitKind.District or OrgUnitKind.DistrictOffice => WorkLevel.District,
        OrgUnitKind.Commune => WorkLevel.Grassroots,
        _ => WorkLevel.Central,
    };

    /// <summary>Records a model kept by <paramref name="unit"/>, with its audit line, in one save.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a co-owner that is not a unit of the province.</exception>
    public static async Task<DanVanModel> RecordAsync(DanVanDbContext db, OrgUnit unit, DanVanModelInput input, WorkActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var m = new DanVanModel { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        await ApplyAsync(db, m, unit, input, actor, null, ct);
        db.DanVanModels.Add(m);
        await WorkChecks.SaveAsync(db, m.Version, new AuditLine(actor.User, actor.At, "model.record", AuditSubject.Of(m)) { New = Describe(m) }, ct);
        return m;
    }

    /// <summary>Replaces a model's fields and awards; <paramref name="expectedVersion"/> guards against another person's change.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, DanVanModel m, DanVanModelInput input, WorkActor actor, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(m);
        await ApplyAsync(db, m, m.Unit ?? throw new InvalidOperationException("load the model's unit"), input, actor, expectedVersion, ct);
        m.Version++;
        await WorkChecks.SaveAsync(db, m.Version, new AuditLine(actor.User, actor.At, "model.update", AuditSubject.Of(m)) { Old = before, New = Describe(m) }, ct);
    }

    /// <summary>Loads a model with its unit, owners and awards (tracked, for an update).</summary>
    public static Task<DanVanModel?> LoadAsync(DanVanDbContext db, int id, CancellationToken ct = default) =>
        db.DanVanModels.Include(m => m.Unit).Include(m => m.Owners).Include(m => m.Awards).SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>The units that carry the model on today's hierarchy: each owner that has ended is replaced by its successors
    /// (merges, splits, renames followed to the units that exist on <paramref name="today"/>).</summary>
    public static async Task<IReadOnlyList<OrgUnit>> OwnersTodayAsync(DanVanDbContext db, DanVanModel m, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Owners.All(o => o.IsValidOn(today))) return m.Owners;
        var links = await db.Successions.AsNoTracking().Include(s => s.Successor).ToListAsync(ct);
        var result = new List<OrgUnit>();
        foreach (var owner in m.Owners)
        {
            var queue = new Queue<OrgUnit>([owner]);
            var seen = new HashSet<int>();
            while (queue.Count > 0)
            {
                var u = queue.Dequeue();
                if (!seen.Add(u.Id)) continue;
                var next = links.Where(l => l.PredecessorId == u.Id && l.Successor is not null).Select(l => l.Successor!).ToList();
                if (u.IsValidOn(today) || next.Count == 0)
                {
                    if (result.All(r => r.Id != u.Id)) result.Add(u);
                    continue;
                }
                foreach (var n in next) queue.Enqueue(n);
            }
        }
        return result;
    }

    private static async Task ApplyAsync(DanVanDbContext db, DanVanModel m, OrgUnit unit, DanVanModelInput input, WorkActor actor, int? expectedVersion, CancellationToken ct)
    {
        var refusals = Check(input, unit, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, m.Version);
        var owners = await WorkChecks.UnitsAsync(db, refusals, input.CoOwners, unit, FieldLocators.Fields, "coOwners", ct);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        Fill(m, unit, input, owners);
    }

    /// <summary>Sets a checked model's fields: the keeping unit first among the owners.</summary>
    internal static void Fill(DanVanModel m, OrgUnit unit, DanVanModelInput input, IEnumerable<OrgUnit> owners)
    {
        m.Name = input.ModelName!.Trim();
        m.Field = WorkFields.Canonical(input.Field!);
        m.Level = string.IsNullOrWhiteSpace(input.ModelLevel) ? LevelOf(unit.Kind) : WorkTerms.Parse<WorkLevel>(input.ModelLevel, Where.AtField("modelLevel"), "modelLevel");
        m.YearStarted = input.YearStarted!.Value;
        m.Status = string.IsNullOrWhiteSpace(input.ModelStatus) ? ModelStatus.Maintained : WorkTerms.Parse<ModelStatus>(input.ModelStatus, Where.AtField("modelStatus"), "modelStatus");
        m.PresentedNationally = input.PresentedNationally;
        m.Documents = CitizenRecords.Clean(input.Documents);
        m.Owners.Clear();
        m.Owners.Add(unit);
        foreach (var o in owners.Where(o => o.Id != unit.Id)) m.Owners.Add(o);
        m.Awards.Clear();
        var position = 0;
        foreach (var a in input.Awards)
        {
            m.Awards.Add(new ModelAward
            {
                Position = ++position,
                Level = WorkTerms.Parse<WorkLevel>(a.Level, Where.AtField("awardLevel"), "awardLevel"),
                Decision = a.Decision!.Trim(),
                AwardedOn = a.AwardedOn!.Value,
                Recipient = WorkTerms.Parse<AwardRecipient>(a.Recipient, Where.AtField("recipient"), "recipient"),
            });
        }
    }

    internal static string Describe(DanVanModel m) =>
        $"{m.Name} ({m.Field}; {WorkTerms.Label(m.Level)}; {m.YearStarted}; {WorkTerms.Label(m.Status)}); {m.Owners.Count} đơn vị; " +
        $"{m.Awards.Count} khen thưởng{(m.PresentedNationally ? "; báo cáo điển hình toàn quốc" : "")}";
}

/// <summary>Units' work plans: rules and writes.</summary>
public static class WorkPlans
{
    /// <summary>What refuses <paramref name="input"/>; empty when it may be stored.</summary>
    public static List<Refusal> Check(WorkPlanInput input, OrgUnit unit, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(unit);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        if (input.Year is not { } year) refusals.Add(Refusal.Of("request.required", at("year"), ("field", "year")));
        else if (year < DanVanModels.FirstYear || year > today.Year + 1)
            refusals.Add(Refusal.Of("registries.work.yearOutOfRange", at("year"), ("year", year), ("min", DanVanModels.Year(DanVanModels.FirstYear)), ("max", DanVanModels.Year(today.Year + 1))));
        WorkChecks.Term<WorkPlanKind>(refusals, input.PlanKind, at, "planKind");
        foreach (var (field, text) in new[] { ("documentNumber", input.DocumentNumber), ("issuedBy", input.IssuedBy) })
            if (TextLimit.Check(text, at(field), field, CitizenRecords.MaxShortText) is { } tooLong) refusals.Add(tooLong);
        if (TextLimit.Check(input.PlanTitle, at("planTitle"), "planTitle") is { } title) refusals.Add(title);
        if (input.IssuedOn is { } issued)
        {
            if (issued > today) refusals.Add(Refusal.Of("registries.dateInFuture", at("issuedOn"), ("date", issued), ("today", today)));
            // A plan for a year is issued late in the year before or during the year, never after it.
            else if (input.Year is { } y && (issued.Year > y || issued.Year < y - 1))
                refusals.Add(Refusal.Of("registries.work.issuedOutsideYear", at("issuedOn"), ("date", issued), ("year", y)));
            if (string.IsNullOrWhiteSpace(input.DocumentNumber))
                refusals.Add(Refusal.Of("registries.work.numberRequired", at("documentNumber")));
        }
        return refusals;
    }

    /// <summary>Records a plan of <paramref name="unit"/> with its audit line.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds.</exception>
    public static async Task<WorkPlan> RecordAsync(DanVanDbContext db, OrgUnit unit, WorkPlanInput input, WorkActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var p = new WorkPlan { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        Apply(p, unit, input, actor, null);
        db.WorkPlans.Add(p);
        await WorkChecks.SaveAsync(db, p.Version, new AuditLine(actor.User, actor.At, "workPlan.record", AuditSubject.Of(p)) { New = Describe(p) }, ct);
        return p;
    }

    /// <summary>Replaces a plan's fields, guarded by its version.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, WorkPlan p, WorkPlanInput input, WorkActor actor, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(p);
        Apply(p, p.Unit ?? throw new InvalidOperationException("load the plan's unit"), input, actor, expectedVersion);
        p.Version++;
        await WorkChecks.SaveAsync(db, p.Version, new AuditLine(actor.User, actor.At, "workPlan.update", AuditSubject.Of(p)) { Old = before, New = Describe(p) }, ct);
    }

    private static void Apply(WorkPlan p, OrgUnit unit, WorkPlanInput input, WorkActor actor, int? expectedVersion)
    {
        var refusals = Check(input, unit, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, p.Version);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        Fill(p, input);
    }

    /// <summary>Sets a checked plan's fields.</summary>
    internal static void Fill(WorkPlan p, WorkPlanInput input)
    {
        p.Year = input.Year!.Value;
        p.Kind = WorkTerms.Parse<WorkPlanKind>(input.PlanKind, Where.AtField("planKind"), "planKind");
        p.Number = CitizenRecords.Clean(input.DocumentNumber);
        p.IssuedOn = input.IssuedOn;
        p.IssuedBy = CitizenRecords.Clean(input.IssuedBy);
        p.DueOn = input.DueOn;
        p.Title = CitizenRecords.Clean(input.PlanTitle);
    }

    internal static string Describe(WorkPlan p) =>
        $"{p.Year} {RegistryTerms.Code(p.Kind)} {(p.IssuedOn is { } d ? $"{p.Number} ngày {d:yyyy-MM-dd}" : "chưa ban hành")}{(p.DueOn is { } due ? $" hạn {due:yyyy-MM-dd}" : "")}";
}

/// <summary>The Front's recommendations addressed to units, and their follow-up: rules and writes.</summary>
public static class FrontRecommendations
{
    /// <summary>What refuses <paramref name="input"/>; empty when it may be stored.</summary>
    public static List<Refusal> Check(RecommendationInput input, OrgUnit unit, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(unit);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        WorkChecks.Required(refusals, input.Issuer, at, "issuer", CitizenRecords.MaxShortText);
        WorkChecks.Term<WorkLevel>(refusals, input.IssuerLevel, at, "issuerLevel");
        WorkChecks.Term<RecommendationSource>(refusals, input.Source, at, "source", required: false);
        var status = WorkChecks.Term<RecommendationStatus>(refusals, input.RecommendationStatus, at, "recommendationStatus", required: false);
        CitizenRecords.CheckDate(refusals, input.IssuedOn, unit, today, at, "issuedOn");
        WorkChecks.Required(refusals, input.Topic, at, "topic", TextLimit.MaxLength);
        foreach (var (field, text) in new[] { ("reference", input.Reference), ("responseReference", input.ResponseReference) })
            if (TextLimit.Check(text, at(field), field, CitizenRecords.MaxShortText) is { } tooLong) refusals.Add(tooLong);
        foreach (var (field, text) in new[] { ("content", input.Content), ("reason", input.Reason) })
            if (TextLimit.Check(text, at(field), field) is { } tooLong) refusals.Add(tooLong);
        if (input.DueOn is { } due && input.IssuedOn is { } issued && due < issued)
            refusals.Add(Refusal.Of("registries.work.beforeIssued", at("dueOn"), ("date", due), ("issued", issued)));
        if (input.RespondedOn is { } answered)
        {
            if (answered > today) refusals.Add(Refusal.Of("registries.dateInFuture", at("respondedOn"), ("date", answered), ("today", today)));
            else if (input.IssuedOn is { } issued2 && answered < issued2)
                refusals.Add(Refusal.Of("registries.work.beforeIssued", at("respondedOn"), ("date", answered), ("issued", issued2)));
        }
        if (status == RecommendationStatus.NotAccepted && string.IsNullOrWhiteSpace(input.Reason))
            refusals.Add(Refusal.Of("registries.work.reasonRequired", at("reason")));
        return refusals;
    }

    /// <summary>Records a recommendation addressed to <paramref name="unit"/>, with its audit line.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds.</exception>
    public static async Task<FrontRecommendation> RecordAsync(DanVanDbContext db, OrgUnit unit, RecommendationInput input, WorkActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var r = new FrontRecommendation { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        Apply(r, unit, input, actor, null);
        db.FrontRecommendations.Add(r);
        await WorkChecks.SaveAsync(db, r.Version, new AuditLine(actor.User, actor.At, "recommendation.record", AuditSubject.Of(r)) { New = Describe(r) }, ct);
        return r;
    }

    /// <summary>Replaces a recommendation's fields (its answer and status included), guarded by its version.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, FrontRecommendation r, RecommendationInput input, WorkActor actor, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(r);
        Apply(r, r.Unit ?? throw new InvalidOperationException("load the recommendation's unit"), input, actor, expectedVersion);
        r.Version++;
        await WorkChecks.SaveAsync(db, r.Version, new AuditLine(actor.User, actor.At, "recommendation.update", AuditSubject.Of(r)) { Old = before, New = Describe(r) }, ct);
    }

    private static void Apply(FrontRecommendation r, OrgUnit unit, RecommendationInput input, WorkActor actor, int? expectedVersion)
    {
        var refusals = Check(input, unit, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, r.Version);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        Fill(r, input);
    }

    /// <summary>Sets a checked recommendation's fields.</summary>
    internal static void Fill(FrontRecommendation r, RecommendationInput input)
    {
        r.Issuer = input.Issuer!.Trim();
        r.IssuerLevel = WorkTerms.Parse<WorkLevel>(input.IssuerLevel, Where.AtField("issuerLevel"), "issuerLevel");
        r.Source = string.IsNullOrWhiteSpace(input.Source) ? RecommendationSource.Oversight : WorkTerms.Parse<RecommendationSource>(input.Source, Where.AtField("source"), "source");
        r.Reference = CitizenRecords.Clean(input.Reference);
        r.IssuedOn = input.IssuedOn!.Value;
        r.Topic = input.Topic!.Trim();
        r.Content = CitizenRecords.Clean(input.Content);
        r.DueOn = input.DueOn;
        r.ResponseReference = CitizenRecords.Clean(input.ResponseReference);
        r.RespondedOn = input.RespondedOn;
        r.Status = string.IsNullOrWhiteSpace(input.RecommendationStatus) ? RecommendationStatus.InProgress
            : WorkTerms.Parse<RecommendationStatus>(input.RecommendationStatus, Where.AtField("recommendationStatus"), "recommendationStatus");
        r.Reason = CitizenRecords.Clean(input.Reason);
    }

    internal static string Describe(FrontRecommendation r) =>
        $"{r.IssuedOn:yyyy-MM-dd} {r.Issuer} ({RegistryTerms.Code(r.IssuerLevel)}, {RegistryTerms.Code(r.Source)}) {RegistryTerms.Code(r.Status)}" +
        $"{(r.DueOn is { } d ? $" hạn {d:yyyy-MM-dd}" : "")}{(r.RespondedOn is { } a ? $" trả lời {a:yyyy-MM-dd}" : "")}";
}

/// <summary>The checks and the save the three work registries share.</summary>
internal static class WorkChecks
{
    /// <summary>A required text within its limit.</summary>
    public static void Required(List<Refusal> refusals, string? text, FieldLocator at, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) refusals.Add(Refusal.Of("request.required", at(field), ("field", field)));
        else if (TextLimit.Check(text, at(field), field, max) is { } tooLong) refusals.Add(tooLong);
    }

    /// <summary>A word of a list, or a refusal at its field.</summary>
    public static T? Term<T>(List<Refusal> refusals, string? text, FieldLocator at, string field, bool required = true) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) refusals.Add(Refusal.Of("request.required", at(field), ("field", field)));
            return null;
        }
        try
        {
            return WorkTerms.Parse<T>(text, at(field), field);
        }
        catch (RefusedException e)
        {
            refusals.AddRange(e.Refusals);
            return null;
        }
    }

    /// <summary>The units named by code, each in the province of <paramref name="unit"/>; an unknown code is refused at its position.</summary>
    public static async Task<List<OrgUnit>> UnitsAsync(DanVanDbContext db, List<Refusal> refusals, IReadOnlyList<string> codes, OrgUnit unit, FieldLocator at, string field, CancellationToken ct)
    {
        var wanted = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return [];
        var province = UnitPaths.Root(unit.Path);
        var found = await db.Units.Where(u => wanted.Contains(u.Code) && u.Path.StartsWith(province)).ToListAsync(ct);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim();
            if (!string.IsNullOrEmpty(code) && found.All(u => u.Code != code))
                refusals.Add(Refusal.Of("registries.work.unknownUnit", at(string.Create(CultureInfo.InvariantCulture, $"{field}[{i + 1}]")), ("code", code)));
        }
        return found;
    }

    /// <summary>Saves one record's change with its audit line; a concurrent change refuses with the stale version.</summary>
    public static async Task SaveAsync(DanVanDbContext db, int version, AuditLine line, CancellationToken ct)
    {
        AuditTrail.Record(db, line);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedException("registries.staleVersion", Where.Request, ("version", version - 1));
        }
    }
}
