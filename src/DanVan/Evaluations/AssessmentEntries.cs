using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;

namespace DanVan.Evaluations;

/// <summary>A value for one criterion in one layer, with the unit's explanation or the reviewer's reason — as a page, the API, or a score file gives it.</summary>
/// <remarks>The value's fields can be given directly (<c>Points = 3</c>): they are shortcuts into <see cref="Value"/>.</remarks>
public sealed record EntryInput
{
    /// <summary>The criterion.</summary>
    public required string CriterionId { get; init; }

    /// <summary>The layer.</summary>
    public ScoreLayer Layer { get; init; } = ScoreLayer.Self;

    /// <summary>The value.</summary>
    public CriterionValue Value { get; init; } = CriterionValue.Empty;

    /// <summary>Shortcut to <see cref="CriterionValue.Points"/>.</summary>
    public decimal? Points { get => Value.Points; init => Value = Value with { Points = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Level"/>.</summary>
    public string? Level { get => Value.Level; init => Value = Value with { Level = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Checked"/>.</summary>
    public IReadOnlyList<string>? Checked { get => Value.Checked; init => Value = Value with { Checked = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Achieved"/>.</summary>
    public decimal? Achieved { get => Value.Achieved; init => Value = Value with { Achieved = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Target"/>.</summary>
    public decimal? Target { get => Value.Target; init => Value = Value with { Target = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Count"/>.</summary>
    public int? Count { get => Value.Count; init => Value = Value with { Count = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.NotApplicable"/>.</summary>
    public bool NotApplicable { get => Value.NotApplicable; init => Value = Value with { NotApplicable = value }; }

    /// <summary>The unit's explanation, or the reviewer's reason (mandatory for appraisal and inspection).</summary>
    public string? Note { get; init; }

    /// <summary>As the scoring engine checks it.</summary>
    public ScoreEntry ToScoreEntry() => new() { CriterionId = CriterionId, Layer = Layer, Value = Value };
}

/// <summary>Writing entries of an assessment: the state and value checks, and the audit line.</summary>
public static class AssessmentEntries
{
    /// <summary>Codes of refusals that are a state conflict (the assessment or period does not allow it now), not bad input; the API answers 409.</summary>
    public static readonly IReadOnlySet<string> ConflictCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "assessment.notEditable", "assessment.notReviewable", "assessment.published", "assessment.wrongStatus",
        "assessment.staleVersion", "entry.changedByOther", "entry.notOpenYet", "entry.reconsiderationOnly", "submission.notOpenYet", "submission.lateRefused", "submission.notConfirmed",
        "council.notByCouncil", "council.ballotsMissing", "council.staleVersion",
    };

    /// <summary>Every refusal of a value for <paramref name="input"/>'s criterion in <paramref name="set"/>, the note included; empty when acceptable.</summary>
    /// <remarks>No state involved: a page checks every field with it before anything is loaded for writing.</remarks>
    /// <remarks>A criterion that takes its value from a registry refuses a typed count or achieved figure in the unit's own layer
    /// (<c>entry.takenFromRegistry</c>); its note, "does not apply" and a target the set does not fix are the unit's to give.</remarks>
    public static IReadOnlyList<Refusal> CheckValue(CriteriaSet set, EntryInput input) => CheckValue(set, input, fromRegistry: false);

    private static IReadOnlyList<Refusal> CheckValue(CriteriaSet set, EntryInput input, bool fromRegistry)
    {
        var criterion = set.FindCriterion(input.CriterionId);
        if (criterion is null)
            return [Refusal.Of("entry.unknownCriterion", Where.AtCriterion(input.CriterionId), ("criterion", input.CriterionId))];
        var refusals = new List<Refusal>(2);
        var entry = input.ToScoreEntry();
        if (!fromRegistry && TakenByRegistry(criterion, input))
        {
            if (input.Value.GivenFields().FirstOrDefault(f => f is "count" or "achieved") is { } typed)
                refusals.Add(Refusal.Of("entry.takenFromRegistry", Where.AtCriterion(criterion.Id, typed), ("criterion", criterion.Id), ("figure", criterion.Registry!.Figure)));
            // The registry's value is not known here: the other rules are checked with a stand-in for it.
            entry = entry with { Value = StandIn(criterion, input.Value) };
        }
        if (ScoreEntryRules.Check(criterion, entry, IsSuperiorScored(set, criterion.Id)) is { } refusal) refusals.Add(refusal);
        if (input.Layer != ScoreLayer.Self && string.IsNullOrWhiteSpace(input.Note))
            refusals.Add(Refusal.Of("entry.reasonRequired", Where.AtCriterion(input.CriterionId, "note"), ("criterion", input.CriterionId)));
        if (TextLimit.Check(input.Note, Where.AtCriterion(input.CriterionId, "note"), "note") is { } tooLong) refusals.Add(tooLong);
        return refusals;
    }

    /// <summary>Sets (adds or replaces) one entry on a tracked assessment whose entries (and period) are loaded, and appends the audit line.</summary>
    /// <remarks>The caller saves; several entries can be set and saved in one transaction. A change of the unit's own
    /// values after the head's confirmation clears the confirmation (audited), so the head confirms what is submitted.</remarks>
    /// <exception cref="RefusedException">The value, the note or the assessment's state does not allow it; nothing changed.</exception>
    public static AssessmentEntry Set(DanVanDbContext db, Assessment assessment, CriteriaSet set, EntryInput input, string user, DateTime at) =>
        Set(db, assessment, set, input, user, at, fromRegistry: false);

    /// <summary><see cref="Set(DanVanDbContext, Assessment, CriteriaSet, EntryInput, string, DateTime)"/>; <paramref name="fromRegistry"/>: the value is the registry's (<see cref="RegistryChecks.TakeValues"/>).</summary>
    /// <param name="storeSelfTotal">False when the caller sets many values of one assessment and stores the self total
    /// once after them (<see cref="AssessmentWorkflow.UpdateSelfTotal"/>), as an import does.</param>
    /// <param name="ruling">True for a reconsideration's ruling, the one writer of <see cref="ScoreLayer.Reconsideration"/>, which checks its own state.</param>
    internal static AssessmentEntry Set(DanVanDbContext db, Assessment assessment, CriteriaSet set, EntryInput input, string user, DateTime at, bool fromRegistry,
        bool storeSelfTotal = true, bool ruling = false)
    {
        if (!ruling && StateRefusal(assessment, input.Layer, at, input.CriterionId) is { } state) throw new RefusedException(state);
        if (CheckValue(set, input, fromRegistry) is { Count: > 0 } refusals) throw new RefusedException(refusals);

        var entry = assessment.Entries.FirstOrDefault(e => e.CriterionId == input.CriterionId && e.Layer == input.Layer);
        // The unit's note (or target) on a value the registry gives keeps the value last taken.
        if (!fromRegistry && set.FindCriterion(input.CriterionId) is { } taken && TakenByRegistry(taken, input))
            input = input with { Value = input.Value with { Count = entry?.Value.Count, Achieved = entry?.Value.Achieved } };
        // A first adjustment replaces the value of the layer below (the unit's own score), which the trail shows as "old".
        var below = assessment.Entries.Where(e => e.CriterionId == input.CriterionId && e.Layer < input.Layer).MaxBy(e => e.Layer);
        var created = entry is null;
        var old = entry is not null ? entry.Value.Describe() : below?.Value.Describe();
        var oldNote = entry?.Note;
        if (entry is null)
        {
            entry = new AssessmentEntry { CriterionId = input.CriterionId, Layer = input.Layer };
            assessment.Entries.Add(entry);
        }

        entry.Value = input.Value;
        entry.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim().Normalize();
        entry.EnteredBy = user;
        entry.EnteredAt = at;

        if (input.Layer == ScoreLayer.Self && assessment.Status == AssessmentStatus.NotStarted) assessment.StartDraft();

        var now = entry.Value.Describe();
        var changed = true;
        if (created || old != now)
        {
            AuditTrail.Record(db, new AuditLine(user, at, $"entry.{input.Layer.ToString().ToLowerInvariant()}", AuditSubject.Criterion(assessment, input.CriterionId))
            {
                Old = old,
                New = now,
                Reason = input.Layer == ScoreLayer.Self ? null : entry.Note,
            });
        }
        else if (!string.Equals(oldNote ?? "", entry.Note ?? "", StringComparison.Ordinal))
        {
            // The value stayed; the explanation (or the reviewer's reason) changed, which the trail records too.
            AuditTrail.Record(db, new AuditLine(user, at, $"entry.{input.Layer.ToString().ToLowerInvariant()}.note", AuditSubject.Criterion(assessment, input.CriterionId))
            {
                Old = oldNote,
                New = entry.Note,
            });
        }
        else changed = false;

        if (changed && input.Layer == ScoreLayer.Self)
        {
            AssessmentWorkflow.Unconfirm(db, assessment, user, at);
            // The stored self total follows every change of the unit's values, whichever surface made it (the lists and
            // the queue read it; before, only the page's save stored it).
            if (storeSelfTotal) AssessmentWorkflow.UpdateSelfTotal(assessment, set);
        }
        return entry;
    }

    /// <summary>Why the assessment's status (or its period) does not allow entries of <paramref name="layer"/> now, or null when it does.</summary>
    /// <remarks>A state conflict, not bad input (<see cref="ConflictCodes"/>). The opening day is checked when the period is loaded.</remarks>
    public static Refusal? StateRefusal(Assessment assessment, ScoreLayer layer, DateTime at, string? criterionId = null)
    {
        var where = criterionId is null ? Where.Request : Where.AtCriterion(criterionId);
        var status = assessment.Status.ToString();
        return layer switch
        {
            ScoreLayer.Self when !assessment.IsEditableByUnit => Refusal.Of("assessment.notEditable", where, ("status", status)),
            ScoreLayer.Self when assessment.Period is { } p && AssessmentWorkflow.NotOpenYet(p, at) =>
                Refusal.Of("entry.notOpenYet", where, ("opensOn", p.OpensOn)),
            ScoreLayer.Appraisal when assessment.Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised) =>
                Refusal.Of("assessment.notReviewable", where, ("status", status)),
            // An inspection team may classify a unit that never submitted (reference 000: Minh Hóa, 2018).
            ScoreLayer.Inspection when assessment.Status == AssessmentStatus.Approved => Refusal.Of("assessment.published", where),
            // Only a ruling on a contested criterion writes this layer (Reconsiderations.Rule).
            ScoreLayer.Reconsideration => Refusal.Of("entry.reconsiderationOnly", where),
            _ => null,
        };
    }

    /// <summary>Removes one layer's entry of a criterion (the unit clears a value, a reviewer withdraws an adjustment) and appends the audit line.</summary>
    /// <remarks>The caller saves. Returns false when there was no such entry.</remarks>
    /// <exception cref="RefusedException">The assessment's state does not allow it, or a reviewer gives no reason.</exception>
    public static bool Remove(DanVanDbContext db, Assessment assessment, string criterionId, ScoreLayer layer, string? reason, string user, DateTime at) =>
        Remove(db, assessment, criterionId, layer, reason, user, at, ruling: false);

    /// <summary><see cref="Remove(DanVanDbContext, Assessment, string, ScoreLayer, string?, string, DateTime)"/>; <paramref name="ruling"/> as in <see cref="Set(DanVanDbContext, Assessment, CriteriaSet, EntryInput, string, DateTime, bool, bool, bool)"/>.</summary>
    internal static bool Remove(DanVanDbContext db, Assessment assessment, string criterionId, ScoreLayer layer, string? reason, string user, DateTime at, bool ruling)
    {
        var entry = assessment.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == layer);
        if (entry is null) return false;
        if (!ruling && StateRefusal(assessment, layer, at, criterionId) is { } state) throw new RefusedException(state);
        if (layer != ScoreLayer.Self && string.IsNullOrWhiteSpace(reason))
            throw new RefusedException("entry.reasonRequired", Where.AtCriterion(criterionId, "note"), ("criterion", criterionId));
        if (TextLimit.Check(reason, Where.AtCriterion(criterionId, "note"), "note") is { } tooLong) throw new RefusedException(tooLong);

        assessment.Entries.Remove(entry);
        db.Entries.Remove(entry);
        AuditTrail.Record(db, new AuditLine(user, at, $"entry.{layer.ToString().ToLowerInvariant()}", AuditSubject.Criterion(assessment, criterionId))
        {
            Old = entry.Value.Describe(),
            New = CriterionValue.Empty.Describe(),
            Reason = layer == ScoreLayer.Self ? null : reason?.Trim().Normalize(),
        });
        if (layer == ScoreLayer.Self) AssessmentWorkflow.Unconfirm(db, assessment, user, at);
        return true;
    }

    // The unit's own value of a criterion that takes its value from a registry (not "does not apply").
    private static bool TakenByRegistry(Criterion c, EntryInput input) =>
        input.Layer == ScoreLayer.Self && !input.NotApplicable && RegistryChecks.TakesValue(c);

    private static CriterionValue StandIn(Criterion c, CriterionValue v) => (c.Method?.Type) switch
    {
        ScoringMethodType.Count => v with { Count = 0 },
        ScoringMethodType.Ratio => v with { Achieved = 0 },
        _ => v,
    };

    /// <summary>True when the criterion or one of its ancestors is scored by the level above.</summary>
    public static bool IsSuperiorScored(CriteriaSet set, string criterionId)
    {
        static bool Walk(IEnumerable<Criterion> list, string id, bool superior)
        {
            foreach (var c in list)
            {
                var s = superior || c.ScoredBy == ScoredBy.Superior;
                if (c.Id == id) return s;
                if (Walk(c.Children, id, s)) return true;
            }
            return false;
        }
        return Walk(set.Criteria.Concat(set.Bonus).Concat(set.Deductions), criterionId, false);
    }

    /// <summary>True when the unit itself gives <paramref name="criterionId"/> a value: a leaf of the set not scored by the level above.</summary>
    /// <remarks>The one rule for which criteria take the unit's entries and its evidence.</remarks>
    public static bool IsScoredByUnit(CriteriaSet set, string criterionId) =>
        set.FindCriterion(criterionId) is { IsLeaf: true } && !IsSuperiorScored(set, criterionId);

    /// <summary>A short Vietnamese description of an entry's value for the audit trail.</summary>
    public static string Describe(ScoreEntry e) => e.Value.Describe();
}
