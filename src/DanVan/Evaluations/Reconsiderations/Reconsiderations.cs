using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations.Reconsiderations;

/// <summary>What a unit gives for one contested criterion.</summary>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Reason">Why it contests the published value.</param>
/// <param name="DocumentRef">The document it cites, optional.</param>
public sealed record ContestedCriterion(string CriterionId, string? Reason, string? DocumentRef = null);

/// <summary>A ruling on one contested criterion: accepted with the value the criterion takes, or rejected; reasons always.</summary>
/// <param name="Decision">Accepted or rejected.</param>
/// <param name="Reason">The ruling's reasons, which the unit reads.</param>
/// <param name="Value">The value an accepted criterion takes (its method's fields); ignored when rejected.</param>
public sealed record ReconsiderationRuling(ReconsiderationDecision? Decision, string? Reason, CriterionValue? Value = null);

/// <summary>
/// Reconsideration after publication (phúc tra), every rule of it once: the window, the request, the rulings and the
/// re-publication. Each change appends its audit line to the assessment's trail; the caller saves once.
/// </summary>
/// <remarks>
/// An accepted ruling keeps the value the criterion takes on its item; nothing published moves until
/// <see cref="PublishAsync"/> writes those values in the <see cref="ScoreLayer.Reconsideration"/> layer (above every
/// other, so the self, appraisal and inspection values stay as they were and the trail shows what changed), computes the
/// result, applies the group rules across the group's approved units, and records the period's next numbered
/// publication with its change list. Reports read published data only, so a ruling never shows in them before that.
/// </remarks>
public static class Reconsiderations
{
    /// <summary>Longest window a period can set, in days.</summary>
    public const int MaxWindowDays = 90;

    /// <summary>Codes that are a state conflict (the API answers 409), not bad input.</summary>
    public static readonly IReadOnlySet<string> ConflictCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "reconsideration.notPublished", "reconsideration.notAllowed", "reconsideration.windowClosed", "reconsideration.alreadyRequested",
        "reconsideration.notOpen", "reconsideration.notAllRuled", "reconsideration.staleVersion",
    };

    /// <summary>Refuses a ruling or publication based on a version other than the stored one (someone changed it meanwhile).</summary>
    /// <exception cref="RefusedException"><c>reconsideration.staleVersion</c>.</exception>
    public static void ExpectVersion(Reconsideration r, int? sent)
    {
        if (sent is { } v && v != r.Version)
            throw new RefusedException(Refusal.Of("reconsideration.staleVersion", Where.AtField("version"), ("sent", sent), ("current", r.Version)));
    }

    /// <summary>The last day (in the province's time zone) the unit may contest <paramref name="a"/>'s published result; null when it may not.</summary>
    public static DateOnly? LastDay(Assessment a, EvaluationPeriod period, TimeZoneInfo? zone = null) =>
        a is { Status: AssessmentStatus.Approved, ApprovedAt: { } approved } && period.ReconsiderationDays is { } days
            ? AssessmentWorkflow.DayOf(approved, zone).AddDays(days)
            : null;

    /// <summary>Why the unit cannot contest <paramref name="a"/> at <paramref name="at"/>, or null.</summary>
    /// <param name="existing">Whether a reconsideration of the assessment exists already.</param>
    public static Refusal? RequestRefusal(Assessment a, EvaluationPeriod period, bool existing, DateTime at, TimeZoneInfo? zone = null)
    {
        if (a.Status != AssessmentStatus.Approved) return Refusal.Of("reconsideration.notPublished", Where.Request, ("status", a.Status.ToString()));
        if (period.ReconsiderationDays is null) return new Refusal("reconsideration.notAllowed", Where.Request);
        if (existing) return new Refusal("reconsideration.alreadyRequested", Where.Request);
        var last = LastDay(a, period, zone)!.Value;
        return AssessmentWorkflow.DayOf(at, zone) > last ? Refusal.Of("reconsideration.windowClosed", Where.Request, ("lastDay", last)) : null;
    }

    /// <summary>Sets how many days after its publication a unit may contest its result; null closes reconsideration for the period.</summary>
    /// <exception cref="RefusedException"><c>reconsideration.windowDays</c> outside 1–<see cref="MaxWindowDays"/>.</exception>
    public static void SetWindow(DanVanDbContext db, EvaluationPeriod period, int? days, string user, DateTime at)
    {
        if (days is < 1 or > MaxWindowDays)
            throw new RefusedException(Refusal.Of("reconsideration.windowDays", Where.AtField("days"), ("days", days), ("max", MaxWindowDays)));
        if (period.ReconsiderationDays == days) return;
        var old = period.ReconsiderationDays;
        period.ReconsiderationDays = days;
        AuditTrail.Record(db, new AuditLine(user, at, "period.reconsiderationWindow", AuditSubject.Of(period))
        {
            Old = old is null ? "không phúc tra" : $"{old} ngày",
            New = days is null ? "không phúc tra" : $"{days} ngày",
        });
    }

    /// <summary>The unit contests criteria of its published result; the reconsideration is added to the context (the caller saves).</summary>
    /// <param name="a">The assessment, with its unit.</param>
    /// <param name="existing">Whether a reconsideration of the assessment exists already (one per assessment).</param>
    /// <exception cref="RefusedException">Outside the window, not published, already contested, or items refused (each located at <c>items[i]</c>).</exception>
    public static Reconsideration Request(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, bool existing,
        IReadOnlyList<ContestedCriterion> items, string user, DateTime at, TimeZoneInfo? zone = null)
    {
        if (RequestRefusal(a, period, existing, at, zone) is { } state) throw new RefusedException(state);
        var refusals = CheckItems(set, items);
        if (refusals.Count > 0) throw new RefusedException(refusals);

        var r = new Reconsideration
        {
            AssessmentId = a.Id, Assessment = a, RequestedBy = user, RequestedAt = at, OldTotal = a.FinalTotal, OldBand = a.FinalBand,
        };
        r.Items.AddRange(items.Select(i => new ReconsiderationItem
        {
            CriterionId = i.CriterionId.Trim(),
            Reason = i.Reason!.Trim().Normalize(),
            DocumentRef = string.IsNullOrWhiteSpace(i.DocumentRef) ? null : i.DocumentRef.Trim().Normalize(),
        }));
        db.Reconsiderations.Add(r);
        AuditTrail.Record(db, new AuditLine(user, at, "reconsideration.request", AuditSubject.Of(a))
        {
            Old = Describe(set, a.FinalTotal, a.FinalBand),
            New = "phúc tra tiêu chí " + string.Join(", ", r.Items.Select(i => i.CriterionId)),
        });
        return r;
    }

    /// <summary>Every refusal of the contested items: none, a criterion the set has no leaf of, a repeat, a missing or too long reason or reference.</summary>
    public static IReadOnlyList<Refusal> CheckItems(CriteriaSet set, IReadOnlyList<ContestedCriterion> items)
    {
        if (items.Count == 0) return [new Refusal("reconsideration.itemsRequired", Where.AtField("items"))];
        var refusals = new List<Refusal>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = item.CriterionId?.Trim() ?? "";
            if (set.FindCriterion(id) is not { IsLeaf: true })
                refusals.Add(Refusal.Of("reconsideration.criterionUnknown", Where.AtPath($"items[{i}].criterionId"), ("criterion", id)));
            else if (!seen.Add(id))
                refusals.Add(Refusal.Of("reconsideration.criterionRepeated", Where.AtPath($"items[{i}].criterionId"), ("criterion", id)));
            if (string.IsNullOrWhiteSpace(item.Reason))
                refusals.Add(Refusal.Of("reconsideration.reasonRequired", Where.AtPath($"items[{i}].reason"), ("criterion", id)));
            else if (TextLimit.Check(item.Reason, Where.AtPath($"items[{i}].reason"), "reason") is { } tooLong) refusals.Add(tooLong);
            if (item.DocumentRef is { } reference && reference.Trim().Length > Evidence.MaxReferenceLength)
                refusals.Add(Refusal.Of("evidence.referenceTooLong", Where.AtPath($"items[{i}].documentRef"), ("max", Evidence.MaxReferenceLength)));
        }
        return refusals;
    }

    /// <summary>Rules on one contested criterion (again, while the reconsideration is open): an accepted one keeps the value it
    /// is to take (checked by the criterion's method now, written at re-publication); a rejected one keeps the published value.</summary>
    /// <param name="a">The assessment.</param>
    /// <exception cref="RefusedException">Not open, a criterion not contested, no decision or reason, or a value the criterion's method refuses.</exception>
    public static void Rule(DanVanDbContext db, Reconsideration r, Assessment a, CriteriaSet set, string criterionId, ReconsiderationRuling ruling, string user, DateTime at)
    {
        if (r.Status != ReconsiderationStatus.Open) throw new RefusedException("reconsideration.notOpen", Where.Request);
        var item = r.Items.FirstOrDefault(i => i.CriterionId == criterionId)
            ?? throw new RefusedException(Refusal.Of("reconsideration.notContested", Where.AtCriterion(criterionId), ("criterion", criterionId)));
        var refusals = new List<Refusal>();
        if (ruling.Decision is null) refusals.Add(Refusal.Of("reconsideration.decisionRequired", Where.AtCriterion(criterionId, "decision"), ("criterion", criterionId)));
        if (string.IsNullOrWhiteSpace(ruling.Reason)) refusals.Add(Refusal.Of("reconsideration.rulingRequired", Where.AtCriterion(criterionId, "note"), ("criterion", criterionId)));
        else if (TextLimit.Check(ruling.Reason, Where.AtCriterion(criterionId, "note"), "note") is { } tooLong) refusals.Add(tooLong);
        if (refusals.Count > 0) throw new RefusedException(refusals);

        var reason = ruling.Reason!.Trim().Normalize();
        CriterionValue? value = null;
        if (ruling.Decision == ReconsiderationDecision.Accepted)
        {
            value = ruling.Value ?? CriterionValue.Empty;
            var input = new EntryInput { CriterionId = criterionId, Layer = ScoreLayer.Reconsideration, Value = value, Note = reason };
            if (AssessmentEntries.CheckValue(set, input) is { Count: > 0 } bad) throw new RefusedException(bad);
        }

        item.RuledValue = value;
        item.Decision = ruling.Decision;
        item.Ruling = reason;
        item.RuledBy = user;
        item.RuledAt = at;
        AuditTrail.Record(db, new AuditLine(user, at, "reconsideration.rule", AuditSubject.Criterion(a, criterionId))
        {
            New = value is null ? "không chấp nhận" : "chấp nhận: " + value.Describe(),
            Reason = reason,
        });
    }

    /// <summary>
    /// Publishes the result again once every contested criterion is ruled on: the unit's final result from all layers,
    /// the group rules across the group's approved units, and the period's next numbered publication with the change list.
    /// </summary>
    /// <param name="a">The assessment, tracked with its entries and unit.</param>
    /// <exception cref="RefusedException">Not open, or criteria still unruled.</exception>
    public static async Task<ResultPublication> PublishAsync(DanVanDbContext db, Reconsideration r, Assessment a, CriteriaSet set, string user, DateTime at, CancellationToken ct = default)
    {
        if (r.Status != ReconsiderationStatus.Open) throw new RefusedException("reconsideration.notOpen", Where.Request);
        var unruled = r.Items.Where(i => i.Decision is null).Select(i => i.CriterionId).ToList();
        if (unruled.Count > 0) throw new RefusedException(Refusal.Of("reconsideration.notAllRuled", Where.Request, ("criteria", string.Join(", ", unruled))));
        if (a.Status != AssessmentStatus.Approved) throw new RefusedException("reconsideration.notPublished", Where.Request, ("status", a.Status.ToString()));

        foreach (var item in r.Items.Where(i => i.Decision == ReconsiderationDecision.Accepted))
        {
            var input = new EntryInput { CriterionId = item.CriterionId, Layer = ScoreLayer.Reconsideration, Value = item.RuledValue ?? CriterionValue.Empty, Note = item.Ruling };
            AssessmentEntries.Set(db, a, set, input, user, at, fromRegistry: false, ruling: true);
        }

        var period = a.Period ?? await db.Periods.SingleAsync(p => p.Id == a.PeriodId, ct);
        var previous = await PeriodResultsQuery.PreviousBandsAsync(db, period, ct);
        var before = await db.Assessments.Where(x => x.PeriodId == a.PeriodId && x.GroupId == a.GroupId && x.Status == AssessmentStatus.Approved)
            .ToDictionaryAsync(x => x.Id, x => (x.FinalTotal, x.FinalBand), ct);
        before[a.Id] = (a.FinalTotal, a.FinalBand);
        a.Publish(PeriodResultsQuery.FinalOf(set, a, previous.GetValueOrDefault(a.UnitId)));
        var moved = await PublishedResults.ApplyGroupRulesAsync(db, period, a.GroupId, set, previous, ct);

        var accepted = r.Items.Where(i => i.Decision == ReconsiderationDecision.Accepted).Select(i => i.CriterionId).ToList();
        var changes = new List<PublishedChange>
        {
            new(a.Id, UnitName(a), before[a.Id].FinalTotal, a.FinalTotal, before[a.Id].FinalBand, a.FinalBand, accepted),
        };
        foreach (var other in moved.Select(m => m.Assessment).Where(x => x.Id != a.Id).DistinctBy(x => x.Id))
        {
            var old = before.GetValueOrDefault(other.Id);
            other.Unit ??= await db.Units.FindAsync([other.UnitId], ct);
            changes.Add(new(other.Id, UnitName(other), old.FinalTotal, other.FinalTotal, old.FinalBand, other.FinalBand, []));
        }

        var number = 1 + (await db.ResultPublications.Where(p => p.PeriodId == period.Id).MaxAsync(p => (int?)p.Number, ct) ?? 1);
        var publication = new ResultPublication
        {
            PeriodId = period.Id, Number = number, PublishedAt = at, PublishedBy = user,
            Reason = $"phúc tra {UnitName(a)}", Changes = changes,
        };
        db.ResultPublications.Add(publication);
        r.Status = ReconsiderationStatus.Published;
        r.PublishedAt = at;
        r.PublishedBy = user;
        r.PublicationNumber = number;
        r.NewTotal = a.FinalTotal;
        r.NewBand = a.FinalBand;
        AuditTrail.Record(db, new AuditLine(user, at, "reconsideration.publish", AuditSubject.Of(a))
        {
            Old = Describe(set, r.OldTotal, r.OldBand),
            New = Describe(set, a.FinalTotal, a.FinalBand),
            Reason = $"công bố lần {number}"
                + (changes.Count > 1 ? "; quy tắc nhóm: " + string.Join("; ", changes.Skip(1).Select(c => $"{c.Unit} {Label(set, c.OldBand)} → {Label(set, c.NewBand)}")) : ""),
        });
        return publication;
    }

    /// <summary>Saves a request, ruling or publication with its audit lines; losing a race with another person's save of
    /// the same reconsideration (or a second request of the same assessment, or the same publication number) refuses
    /// with <c>reconsideration.staleVersion</c> and stores nothing.</summary>
    public static async Task SaveAsync(DanVanDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            throw new RefusedException("reconsideration.staleVersion", Where.AtField("version"), ("sent", null), ("current", null));
        }
    }

    /// <summary>The number of the period's results now in force: 1 for the approvals, then one more per re-publication.</summary>
    public static async Task<ResultPublication?> LatestAsync(DanVanDbContext db, int periodId, CancellationToken ct = default) =>
        await db.ResultPublications.AsNoTracking().Where(p => p.PeriodId == periodId).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);

    private static string UnitName(Assessment a) => a.Unit?.Name ?? "#" + a.Id;

    private static string Label(CriteriaSet set, string? band) => band is null ? "—" : ScoringEngine.LabelOf(set, band);

    private static string Describe(CriteriaSet set, decimal? total, string? band) =>
        total is null ? "—" : $"{VietnameseNumber.Write(total.Value)} điểm, {Label(set, band)}";
}
