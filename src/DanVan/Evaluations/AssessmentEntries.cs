using System.Globalization;
using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations;

/// <summary>A value for one criterion in one layer, as a page, the API, or a score file gives it.</summary>
public sealed record EntryInput
{
    /// <summary>The criterion.</summary>
    public required string CriterionId { get; init; }

    /// <summary>The layer.</summary>
    public ScoreLayer Layer { get; init; } = ScoreLayer.Self;

    /// <summary>Points method value.</summary>
    public decimal? Points { get; init; }

    /// <summary>Levels method value.</summary>
    public string? Level { get; init; }

    /// <summary>Checklist method value.</summary>
    public IReadOnlyList<string>? Checked { get; init; }

    /// <summary>Ratio method: achieved.</summary>
    public decimal? Achieved { get; init; }

    /// <summary>Ratio method: target.</summary>
    public decimal? Target { get; init; }

    /// <summary>Count method value.</summary>
    public int? Count { get; init; }

    /// <summary>Does not apply to the unit.</summary>
    public bool NotApplicable { get; init; }

    /// <summary>The unit's explanation, or the reviewer's reason (mandatory for appraisal and inspection).</summary>
    public string? Note { get; init; }

    /// <summary>As the scoring engine checks it.</summary>
    public ScoreEntry ToScoreEntry() => new()
    {
        CriterionId = CriterionId, Layer = Layer, Points = Points, Level = Level, Checked = Checked,
        Achieved = Achieved, Target = Target, Count = Count, NotApplicable = NotApplicable,
    };
}

/// <summary>Writing entries of an assessment: the state and value checks, and the audit line.</summary>
public static class AssessmentEntries
{
    /// <summary>Sets (adds or replaces) one entry on a tracked assessment whose entries are loaded, and appends the audit line.</summary>
    /// <remarks>The caller saves; several entries can be set and saved in one transaction.</remarks>
    /// <exception cref="RefusedInputException">The value or the assessment's state does not allow it.</exception>
    public static AssessmentEntry Set(DanVanDbContext db, Assessment assessment, CriteriaSet set, EntryInput input, string user, DateTime at)
    {
        var where = $"criterion {input.CriterionId}";
        var criterion = set.FindCriterion(input.CriterionId)
            ?? throw new RefusedInputException(where, $"criterion '{input.CriterionId}' is not in the criteria set '{set.Name}'");

        if (StateRefusal(assessment, input.Layer) is { } state) throw new RefusedInputException(where, state);
        if (input.Layer != ScoreLayer.Self && string.IsNullOrWhiteSpace(input.Note))
            throw new RefusedInputException(where, "an adjustment needs a reason");

        if (ScoreEntryRules.Check(criterion, input.ToScoreEntry(), IsSuperiorScored(set, criterion.Id)) is { } refusal)
            throw new RefusedInputException(where, refusal);

        var entry = assessment.Entries.FirstOrDefault(e => e.CriterionId == input.CriterionId && e.Layer == input.Layer);
        // A first adjustment replaces the value of the layer below (the unit's own score), which the trail shows as "old".
        var below = assessment.Entries.Where(e => e.CriterionId == input.CriterionId && e.Layer < input.Layer).MaxBy(e => e.Layer);
        var created = entry is null;
        var old = entry is not null ? Describe(entry.ToScoreEntry()) : below is not null ? Describe(below.ToScoreEntry()) : null;
        var oldNote = entry?.Note;
        if (entry is null)
        {
            entry = new AssessmentEntry { CriterionId = input.CriterionId, Layer = input.Layer };
            assessment.Entries.Add(entry);
        }

        entry.Points = input.Points;
        entry.Level = input.Level;
        entry.Checked = input.Checked is null ? null : string.Join(',', input.Checked);
        entry.Achieved = input.Achieved;
        entry.Target = input.Target;
        entry.Count = input.Count;
        entry.NotApplicable = input.NotApplicable;
        entry.Note = input.Note?.Trim().Normalize();
        entry.EnteredBy = user;
        entry.EnteredAt = at;

        if (input.Layer == ScoreLayer.Self && assessment.Status == AssessmentStatus.NotStarted) assessment.StartDraft();

        var now = Describe(entry.ToScoreEntry());
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

        return entry;
    }

    /// <summary>Why the assessment's status does not allow entries of <paramref name="layer"/>, or null when it does.</summary>
    /// <remarks>A state conflict, not bad input: callers that tell the two apart (the API answers 409) ask this first.</remarks>
    public static string? StateRefusal(Assessment assessment, ScoreLayer layer) => layer switch
    {
        ScoreLayer.Self when !assessment.IsEditableByUnit =>
            $"the assessment is {assessment.Status}; the unit can no longer change it",
        ScoreLayer.Appraisal when assessment.Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised) =>
            $"the assessment is {assessment.Status}; only a submitted assessment can be appraised",
        // An inspection team may classify a unit that never submitted (reference 000: Minh Hóa, 2018).
        ScoreLayer.Inspection when assessment.Status == AssessmentStatus.Approved =>
            "the result is published; reopen it before recording inspection findings",
        _ => null,
    };

    /// <summary>Removes one layer's entry of a criterion (the unit clears a value, a reviewer withdraws an adjustment) and appends the audit line.</summary>
    /// <remarks>The caller saves. Returns false when there was no such entry.</remarks>
    /// <exception cref="RefusedInputException">The assessment's state does not allow it, or a reviewer gives no reason.</exception>
    public static bool Remove(DanVanDbContext db, Assessment assessment, string criterionId, ScoreLayer layer, string? reason, string user, DateTime at)
    {
        var where = $"criterion {criterionId}";
        var entry = assessment.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == layer);
        if (entry is null) return false;
        if (StateRefusal(assessment, layer) is { } state) throw new RefusedInputException(where, state);
        if (layer != ScoreLayer.Self && string.IsNullOrWhiteSpace(reason))
            throw new RefusedInputException(where, "withdrawing an adjustment needs a reason");

        assessment.Entries.Remove(entry);
        db.Entries.Remove(entry);
        AuditTrail.Record(db, new AuditLine(user, at, $"entry.{layer.ToString().ToLowerInvariant()}", AuditSubject.Criterion(assessment, criterionId))
        {
            Old = Describe(entry.ToScoreEntry()),
            New = Describe(new ScoreEntry { CriterionId = criterionId }),
            Reason = layer == ScoreLayer.Self ? null : reason?.Trim().Normalize(),
        });
        return true;
    }

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

    /// <summary>A short Vietnamese description of an entry's value for the audit trail.</summary>
    public static string Describe(ScoreEntry e)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        if (e.NotApplicable) return "không áp dụng";
        if (e.Points is { } p) return $"{p.ToString("0.##", vi)} điểm";
        if (e.Level is { } l) return $"mức {l}";
        if (e.Checked is { } c) return $"đạt: {string.Join(", ", c)}";
        if (e.Achieved is { } a) return $"đạt {a.ToString("0.##", vi)}" + (e.Target is { } t ? $"/{t.ToString("0.##", vi)}" : "");
        if (e.Count is { } n) return $"{n} lần";
        return "(trống)";
    }
}
