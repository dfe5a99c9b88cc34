using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>A follow-up item as typed.</summary>
/// <param name="Item">What.</param>
/// <param name="Owner">Who.</param>
/// <param name="DueOn">By when.</param>
/// <param name="Done">Done.</param>
public sealed record FollowUpInput(string? Item, string? Owner, DateOnly? DueOn, bool Done = false);

/// <summary>A dialogue as typed, sent or imported.</summary>
public record DialogueInput
{
    /// <summary>Ngày.</summary>
    public DateOnly? HeldOn { get; init; }

    /// <summary>Người chủ trì.</summary>
    public string? ChairedBy { get; init; }

    /// <summary>The head of the unit chaired.</summary>
    public bool ByHead { get; init; }

    /// <summary>Số người tham dự.</summary>
    public int? Participants { get; init; }

    /// <summary>Chủ đề.</summary>
    public string? Topics { get; init; }

    /// <summary>Ý kiến, kiến nghị.</summary>
    public string? MattersRaised { get; init; }

    /// <summary>Việc cần làm sau đối thoại.</summary>
    public IReadOnlyList<FollowUpInput> FollowUps { get; init; } = [];
}

/// <summary>Dialogues with the people (đối thoại trực tiếp với Nhân dân): rules and writes.</summary>
public static class Dialogues
{
    /// <summary>What refuses <paramref name="input"/>; empty when it may be stored.</summary>
    public static List<Refusal> Check(DialogueInput input, OrgUnit unit, DateOnly today, FieldLocator? at = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        at ??= FieldLocators.Fields;
        var refusals = new List<Refusal>();
        CitizenRecords.CheckDate(refusals, input.HeldOn, unit, today, at, "heldOn");
        if (string.IsNullOrWhiteSpace(input.ChairedBy)) refusals.Add(Refusal.Of("request.required", at("chairedBy"), ("field", "chairedBy")));
        if (string.IsNullOrWhiteSpace(input.Topics)) refusals.Add(Refusal.Of("request.required", at("topics"), ("field", "topics")));
        if (input.Participants is { } n && n < 1) refusals.Add(Refusal.Of("registries.countTooSmall", at("participants"), ("count", n), ("named", 1)));
        foreach (var (field, text) in new[] { ("topics", input.Topics), ("mattersRaised", input.MattersRaised) })
            if (TextLimit.Check(text, at(field), field) is { } tooLong) refusals.Add(tooLong);
        for (var i = 0; i < input.FollowUps.Count; i++)
        {
            var f = input.FollowUps[i];
            if (string.IsNullOrWhiteSpace(f.Item)) refusals.Add(Refusal.Of("request.required", at($"followUps[{i + 1}].item"), ("field", "item")));
            if (string.IsNullOrWhiteSpace(f.Owner)) refusals.Add(Refusal.Of("request.required", at($"followUps[{i + 1}].owner"), ("field", "owner")));
        }
        return refusals;
    }

    /// <summary>Records a dialogue with its audit line.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds.</exception>
    public static async Task<Dialogue> RecordAsync(DanVanDbContext db, OrgUnit unit, DialogueInput input, RegistryActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var d = new Dialogue { UnitId = unit.Id, Unit = unit, RecordedBy = actor.User, RecordedAt = actor.At };
        Apply(d, unit, input, actor, null);
        db.Dialogues.Add(d);
        AuditTrail.Record(db, new AuditLine(actor.User, actor.At, "dialogue.record", AuditSubject.Of(d)) { New = Describe(d) });
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Replaces a dialogue's fields (follow-ups' status included), guarded by its version.</summary>
    /// <exception cref="RefusedException">What <see cref="Check"/> finds, or a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, Dialogue d, DialogueInput input, RegistryActor actor, int? expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(actor);
        var before = Describe(d);
        Apply(d, d.Unit ?? throw new InvalidOperationException("load the dialogue's unit"), input, actor, expectedVersion);
        d.Version++;
        AuditTrail.Record(db, new AuditLine(actor.User, actor.At, "dialogue.update", AuditSubject.Of(d)) { Old = before, New = Describe(d) });
        await CitizenRecords.SaveRefusingStaleAsync(db, d.Version - 1, ct);
    }

    private static void Apply(Dialogue d, OrgUnit unit, DialogueInput input, RegistryActor actor, int? expectedVersion)
    {
        var refusals = Check(input, unit, actor.Today);
        CitizenRecords.CheckVersion(refusals, expectedVersion, d.Version);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        d.HeldOn = input.HeldOn!.Value;
        d.ChairedBy = input.ChairedBy!.Trim();
        d.ByHead = input.ByHead;
        d.Participants = input.Participants ?? 0;
        d.Topics = input.Topics!.Trim();
        d.MattersRaised = CitizenRecords.Clean(input.MattersRaised);
        d.FollowUps.Clear();
        var position = 0;
        foreach (var f in input.FollowUps)
            d.FollowUps.Add(new DialogueFollowUp { Position = ++position, Item = f.Item!.Trim(), Owner = f.Owner!.Trim(), DueOn = f.DueOn, Done = f.Done });
    }

    private static string Describe(Dialogue d) =>
        $"{d.HeldOn:yyyy-MM-dd} {d.Participants} người{(d.ByHead ? ", người đứng đầu chủ trì" : "")}; {d.FollowUps.Count(f => !f.Done)}/{d.FollowUps.Count} việc chưa xong";
}
