using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>The reception log (sổ tiếp công dân): its rules and its writes, for every surface and import.</summary>
public static class ReceptionLog
{
    /// <summary>What refuses <paramref name="input"/> for <paramref name="unit"/>; empty when it may be stored.</summary>
    /// <param name="threshold">The delegation threshold in force on the reception's date.</param>
    public static List<Refusal> Check(ReceptionInput input, OrgUnit unit, int threshold, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(unit);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        CitizenRecords.CheckDate(refusals, input.ReceivedOn, unit, today, at, "receivedOn");
        CitizenRecords.Term<ReceptionKind>(refusals, input.Kind, at, "kind");
        CitizenRecords.Term<MatterKind>(refusals, input.MatterKind, at, "matterKind");
        CitizenRecords.Term<ReceptionOutcome>(refusals, input.Outcome, at, "outcome");
        if (string.IsNullOrWhiteSpace(input.ReceivedByName)) refusals.Add(Refusal.Of("request.required", at("receivedByName"), ("field", "receivedByName")));
        foreach (var (field, text) in new[] { ("receivedByName", input.ReceivedByName), ("receivedByPosition", input.ReceivedByPosition), ("place", input.Place), ("field", input.Field) })
            if (TextLimit.Check(text, at(field), field, CitizenRecords.MaxShortText) is { } tooLong) refusals.Add(tooLong);
        CitizenRecords.CheckSummary(refusals, input.Summary, at);
        CitizenRecords.CheckCitizens(refusals, input.Visitors, input.VisitorCount, at, "visitors", "visitorCount");
        if (input.IsDelegation == true && Count(input) < threshold)
            refusals.Add(Refusal.Of("registries.delegationUnderThreshold", at("isDelegation"), ("count", Count(input)), ("threshold", threshold)));
        return refusals;
    }

    /// <summary>Records a new reception: checked, the ID numbers encrypted, with its audit line, in one save.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or an unknown case.</exception>
    public static async Task<Reception> RecordAsync(DanVanDbContext db, OrgUnit unit, ReceptionInput input, RegistryActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var r = new Reception { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        await ApplyAsync(db, r, unit, input, actor, null, ct);
        db.Receptions.Add(r);
        await CitizenRecords.SaveAsync(db, r, new AuditLine(actor.User, actor.At, "reception.record", AuditSubject.Of(r)) { New = Describe(r) }, ct);
        return r;
    }

    /// <summary>Replaces a reception's fields; <paramref name="expectedVersion"/> guards against another person's change.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, Reception r, ReceptionInput input, RegistryActor actor, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(r);
        await ApplyAsync(db, r, r.Unit ?? throw new InvalidOperationException("load the reception's unit"), input, actor, expectedVersion, ct);
        r.Version++;
        await CitizenRecords.SaveAsync(db, r, new AuditLine(actor.User, actor.At, "reception.update", AuditSubject.Of(r)) { Old = before, New = Describe(r) }, ct);
    }

    private static async Task ApplyAsync(DanVanDbContext db, Reception r, OrgUnit unit, ReceptionInput input, RegistryActor actor, int? expectedVersion, CancellationToken ct)
    {
        var threshold = (await RegistrySettings.ForAsync(db, unit, input.ReceivedOn ?? actor.Today, ct)).DelegationThreshold;
        var refusals = Check(input, unit, threshold, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, r.Version);
        await CitizenRecords.CheckCaseAsync(db, refusals, input.CaseId, unit, FieldLocators.Fields, ct);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        Fill(r, input, threshold, actor.Protector);
    }

    /// <summary>A new reception from input <see cref="Check"/> accepted (an import stores many in one save).</summary>
    public static Reception Build(OrgUnit unit, ReceptionInput input, int threshold, RegistryActor actor)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(actor);
        var r = new Reception { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        Fill(r, input, threshold, actor.Protector);
        return r;
    }

    private static void Fill(Reception r, ReceptionInput input, int threshold, PersonalDataProtector protector)
    {
        r.ReceivedOn = input.ReceivedOn!.Value;
        r.Place = CitizenRecords.Clean(input.Place);
        r.Kind = RegistryTerms.Parse<ReceptionKind>(input.Kind, Where.AtField("kind"), "kind");
        r.ReceivedByName = input.ReceivedByName!.Trim();
        r.ReceivedByPosition = CitizenRecords.Clean(input.ReceivedByPosition);
        r.ByHead = input.ByHead;
        r.VisitorCount = Count(input);
        r.IsDelegation = input.IsDelegation ?? r.VisitorCount >= threshold;
        r.Summary = input.Summary!.Trim();
        r.Field = CitizenRecords.Clean(input.Field);
        r.MatterKind = RegistryTerms.Parse<MatterKind>(input.MatterKind, Where.AtField("matterKind"), "matterKind");
        r.Outcome = RegistryTerms.Parse<ReceptionOutcome>(input.Outcome, Where.AtField("outcome"), "outcome");
        r.CaseId = input.CaseId;
        CitizenRecords.SetCitizens(r, input.Visitors, protector);
    }

    private static int Count(ReceptionInput input) =>
        input.VisitorCount ?? Math.Max(1, input.Visitors.Count(c => !CitizenRecords.IsEmpty(c)));

    // The audit line names what changed without personal data: counts and lists, never names or numbers.
    private static string Describe(Reception r) =>
        $"{r.ReceivedOn:yyyy-MM-dd} {RegistryTerms.Code(r.Kind)} {r.VisitorCount} người{(r.IsDelegation ? " (đoàn)" : "")} " +
        $"{RegistryTerms.Code(r.MatterKind)} {RegistryTerms.Code(r.Outcome)}{(r.CaseId is { } c ? " vụ việc " + c : "")}";
}
