using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>The petition registry (sổ theo dõi đơn thư): its rules and writes, for every surface and import.</summary>
public static class PetitionLog
{
    /// <summary>What refuses <paramref name="input"/> for <paramref name="unit"/>; empty when it may be stored.</summary>
    public static List<Refusal> Check(PetitionInput input, OrgUnit unit, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(unit);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        CitizenRecords.CheckDate(refusals, input.ReceivedOn, unit, today, at, "receivedOn");
        CitizenRecords.Term<PetitionChannel>(refusals, input.Channel, at, "channel");
        CitizenRecords.Term<MatterKind>(refusals, input.MatterKind, at, "matterKind");
        var handling = CitizenRecords.Term<PetitionHandling>(refusals, input.Handling, at, "handling", required: false) ?? PetitionHandling.Pending;
        CitizenRecords.CheckSummary(refusals, input.Summary, at);
        CitizenRecords.CheckCitizens(refusals, input.Petitioners, input.PetitionerCount, at, "petitioners", "petitionerCount");
        if (TextLimit.Check(input.Field, at("field"), "field", CitizenRecords.MaxShortText) is { } f) refusals.Add(f);
        if (TextLimit.Check(input.Result, at("result"), "result") is { } r) refusals.Add(r);
        if (handling == PetitionHandling.Accepted && input.AcceptedOn is null)
            refusals.Add(Refusal.Of("registries.acceptedOnRequired", at("acceptedOn")));
        if (input.AcceptedOn is { } acc && input.ReceivedOn is { } rec && acc < rec)
            refusals.Add(Refusal.Of("registries.beforeReceived", at("acceptedOn"), ("date", acc), ("received", rec)));
        if (input.AcceptedOn is { } a && a > today) refusals.Add(Refusal.Of("registries.dateInFuture", at("acceptedOn"), ("date", a), ("today", today)));
        if (input.ResolvedOn is { } res)
        {
            if (res > today) refusals.Add(Refusal.Of("registries.dateInFuture", at("resolvedOn"), ("date", res), ("today", today)));
            else if (input.ReceivedOn is { } rec2 && res < rec2) refusals.Add(Refusal.Of("registries.beforeReceived", at("resolvedOn"), ("date", res), ("received", rec2)));
            if (handling != PetitionHandling.Accepted) refusals.Add(Refusal.Of("registries.resolvedNotAccepted", at("resolvedOn")));
        }
        return refusals;
    }

    /// <summary>Records a new petition; when accepted, its due date comes from the time-limit table.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or an unknown case.</exception>
    public static async Task<Petition> RecordAsync(DanVanDbContext db, OrgUnit unit, PetitionInput input, RegistryActor actor, TimeLimitTable limits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var p = new Petition { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        await ApplyAsync(db, p, unit, input, actor, limits, null, ct);
        db.Petitions.Add(p);
        await CitizenRecords.SaveAsync(db, p, new AuditLine(actor.User, actor.At, "petition.record", AuditSubject.Of(p)) { New = Describe(p) }, ct);
        return p;
    }

    /// <summary>Replaces a petition's fields (handling, resolution included); guarded by the version.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, Petition p, PetitionInput input, RegistryActor actor, TimeLimitTable limits, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(p);
        await ApplyAsync(db, p, p.Unit ?? throw new InvalidOperationException("load the petition's unit"), input, actor, limits, expectedVersion, ct);
        p.Version++;
        await CitizenRecords.SaveAsync(db, p, new AuditLine(actor.User, actor.At, "petition.update", AuditSubject.Of(p)) { Old = before, New = Describe(p) }, ct);
    }

    private static async Task ApplyAsync(DanVanDbContext db, Petition p, OrgUnit unit, PetitionInput input, RegistryActor actor, TimeLimitTable limits, int? expectedVersion, CancellationToken ct)
    {
        var refusals = Check(input, unit, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, p.Version);
        await CitizenRecords.CheckCaseAsync(db, refusals, input.CaseId, unit, FieldLocators.Fields, ct);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        Fill(p, input, limits, actor.Protector);
    }

    /// <summary>A new petition from input <see cref="Check"/> accepted (an import stores many in one save).</summary>
    public static Petition Build(OrgUnit unit, PetitionInput input, TimeLimitTable limits, RegistryActor actor)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var p = new Petition { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        Fill(p, input, limits, actor.Protector);
        return p;
    }

    private static void Fill(Petition p, PetitionInput input, TimeLimitTable limits, PersonalDataProtector protector)
    {
        p.ReceivedOn = input.ReceivedOn!.Value;
        p.Channel = RegistryTerms.Parse<PetitionChannel>(input.Channel, Where.AtField("channel"), "channel");
        p.MatterKind = RegistryTerms.Parse<MatterKind>(input.MatterKind, Where.AtField("matterKind"), "matterKind");
        p.Handling = string.IsNullOrWhiteSpace(input.Handling) ? PetitionHandling.Pending : RegistryTerms.Parse<PetitionHandling>(input.Handling, Where.AtField("handling"), "handling");
        p.PetitionerCount = input.PetitionerCount ?? Math.Max(1, input.Petitioners.Count(c => !CitizenRecords.IsEmpty(c)));
        p.Summary = input.Summary!.Trim();
        p.Field = CitizenRecords.Clean(input.Field);
        p.WithinCompetence = input.WithinCompetence;
        p.Escalated = input.Escalated;
        p.AcceptedOn = p.Handling == PetitionHandling.Accepted ? input.AcceptedOn : null;
        p.DueOn = p.AcceptedOn is { } acc ? limits.DueOn(p.MatterKind, acc) : null;
        p.ResolvedOn = input.ResolvedOn;
        p.Result = CitizenRecords.Clean(input.Result);
        p.CaseId = input.CaseId;
        CitizenRecords.SetCitizens(p, input.Petitioners, protector);
    }

    private static string Describe(Petition p) =>
        $"{p.ReceivedOn:yyyy-MM-dd} {RegistryTerms.Code(p.Channel)} {p.PetitionerCount} người {RegistryTerms.Code(p.MatterKind)} " +
        $"{(p.WithinCompetence ? "thuộc thẩm quyền" : "không thuộc thẩm quyền")}{(p.Escalated ? ", vượt cấp" : "")} {RegistryTerms.Code(p.Handling)}" +
        $"{(p.DueOn is { } d ? $" hạn {d:yyyy-MM-dd}" : "")}{(p.ResolvedOn is { } r ? $" xong {r:yyyy-MM-dd}" : "")}{(p.CaseId is { } c ? " vụ việc " + c : "")}";
}
