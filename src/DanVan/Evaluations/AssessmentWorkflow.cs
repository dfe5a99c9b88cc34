using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;

namespace DanVan.Evaluations;

/// <summary>The cycle's state changes, each with its audit line; the caller saves once. Every rule of the cycle is here, once.</summary>
public static class AssessmentWorkflow
{
    /// <summary>The day an instant counts as for opening days and deadlines.</summary>
    /// <remarks>The one place the calendar day of an instant is decided (the province's time zone belongs here).</remarks>
    public static DateOnly DayOf(DateTime at) => DateOnly.FromDateTime(at);

    /// <summary>True before the period's opening day: the unit may neither enter nor submit yet.</summary>
    public static bool NotOpenYet(EvaluationPeriod period, DateTime at) => DayOf(at) < period.OpensOn;

    /// <summary>Whether submitting <paramref name="a"/> at <paramref name="at"/> is late, and whether it is then refused.</summary>
    /// <remarks>
    /// The one lateness rule (page, API and file import ask it). A resubmission after a return keeps the lateness of the
    /// first submission: a coordinator often returns a submission after the deadline, and the unit's revision must
    /// neither become late nor be refused for it.
    /// </remarks>
    public static (bool Late, bool Refused) Lateness(Assessment a, EvaluationPeriod period, DateTime at)
    {
        var resubmission = a.Status == AssessmentStatus.Returned && a.SubmittedAt is not null;
        if (resubmission) return (a.IsLate, false);
        var late = DayOf(at) > period.Deadline;
        return (late, late && !period.AcceptLate);
    }

    /// <summary>Why <paramref name="a"/> cannot be submitted at <paramref name="at"/>, or null.</summary>
    public static Refusal? SubmissionRefusal(Assessment a, EvaluationPeriod period, DateTime at)
    {
        if (!a.IsEditableByUnit) return Refusal.Of("assessment.notEditable", Where.Request, ("status", a.Status.ToString()));
        if (NotOpenYet(period, at)) return Refusal.Of("submission.notOpenYet", Where.Request, ("opensOn", period.OpensOn));
        if (a.ConfirmedAt is null) return new Refusal("submission.notConfirmed", Where.Request);
        return Lateness(a, period, at).Refused ? Refusal.Of("submission.lateRefused", Where.Request, ("deadline", period.Deadline)) : null;
    }

    /// <summary>Refuses a change made on a version other than the current one (someone saved in between).</summary>
    /// <exception cref="RefusedException"><c>assessment.staleVersion</c>.</exception>
    public static void ExpectVersion(Assessment a, int sent)
    {
        if (sent != a.Version) throw new RefusedException(StaleVersion(sent, a.Version));
    }

    /// <summary>The refusal of a change based on version <paramref name="sent"/> when <paramref name="current"/> is stored (null: lost a race).</summary>
    public static Refusal StaleVersion(int? sent, int? current) =>
        Refusal.Of("assessment.staleVersion", Where.AtField("version"), ("sent", sent), ("current", current));

    /// <summary>The self-assessed result of the entries as they stand (stored or typed): the provisional total and class.</summary>
    /// <remarks>The one computation of the provisional self total, used by the edit page, the API and submission.</remarks>
    public static ScoreResult SelfResult(CriteriaSet set, IEnumerable<ScoreEntry> entries, IReadOnlySet<string> flags) =>
        ScoringEngine.Compute(set, new ScoringInput { Entries = entries.ToList(), UpToLayer = ScoreLayer.Self, Flags = flags });

    /// <summary>Stores the self total and self-claimed class of the current entries on the assessment.</summary>
    public static ScoreResult UpdateSelfTotal(Assessment a, CriteriaSet set)
    {
        var self = SelfResult(set, a.ToScoreEntries(), a.FlagSet);
        a.SelfTotal = self.Total;
        a.SelfBand = self.Band;
        return self;
    }

    /// <summary>The unit head confirms the self-assessment.</summary>
    public static void Confirm(DanVanDbContext db, Assessment a, string user, DateTime at)
    {
        if (!a.IsEditableByUnit) throw new RefusedException("assessment.notEditable", Where.Request, ("status", a.Status.ToString()));
        Change(db, a, user, at, "assessment.confirm", null, () => a.Confirm(user, at));
    }

    /// <summary>A change of the unit's values clears the head's confirmation, which the trail records.</summary>
    internal static void Unconfirm(DanVanDbContext db, Assessment a, string user, DateTime at)
    {
        if (a.ConfirmedAt is null) return;
        var by = a.ConfirmedBy;
        a.ClearConfirmation();
        db.Audit.Add(new AuditEntry
        {
            At = at, User = user, Action = "assessment.unconfirm", AssessmentId = a.Id == 0 ? null : a.Id,
            OldValue = by, NewValue = null, Reason = "đã sửa sau khi thủ trưởng xác nhận",
        });
    }

    /// <summary>The unit submits; the self total and self-claimed class are stored.</summary>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at) =>
        Submit(db, a, period, set, user, at, at);

    /// <summary>Records a submission made at <paramref name="submittedAt"/> (e.g. loading a past year's results); the audit line is dated <paramref name="at"/>.</summary>
    /// <remarks>Lateness is judged by <paramref name="submittedAt"/> against the period's deadline.</remarks>
    /// <exception cref="RefusedException">Not editable, not open yet, not confirmed, or late and refused.</exception>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at, DateTime submittedAt)
    {
        if (SubmissionRefusal(a, period, submittedAt) is { } refusal) throw new RefusedException(refusal);
        Change(db, a, user, at, "assessment.submit", submittedAt == at ? null : $"nộp ngày {submittedAt:dd/MM/yyyy}", () =>
        {
            a.Submit(submittedAt, Lateness(a, period, submittedAt).Late);
            UpdateSelfTotal(a, set);
        });
    }

    /// <summary>The coordinator returns the submission with a comment.</summary>
    public static void Return(DanVanDbContext db, Assessment a, string? comment, string user, DateTime at)
    {
        var text = Text(comment, "comment", "assessment.commentRequired");
        Change(db, a, user, at, "assessment.return", text, () => a.Return(text));
    }

    /// <summary>The coordinator marks the appraisal done.</summary>
    public static void MarkAppraised(DanVanDbContext db, Assessment a, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.appraise", null, a.MarkAppraised);

    /// <summary>Approval computes the final total and class from all layers and publishes them.</summary>
    public static ScoreResult Approve(DanVanDbContext db, Assessment a, CriteriaSet set, string? previousBand, string user, DateTime at)
    {
        var final = ScoringEngine.Compute(set, new ScoringInput { Entries = a.ToScoreEntries(), Flags = a.FlagSet, PreviousBand = previousBand });
        Change(db, a, user, at, "assessment.approve", null, () => a.Approve(final, at));
        return final;
    }

    /// <summary>Reopens a published result; the reason is mandatory.</summary>
    public static void Reopen(DanVanDbContext db, Assessment a, string? reason, string user, DateTime at)
    {
        var text = Text(reason, "reason", "assessment.reasonRequired");
        Change(db, a, user, at, "assessment.reopen", text, () => a.Reopen(text));
    }

    /// <summary>Records flags (e.g. a disciplinary violation) that rules may use, with a reason; only while submitted or appraised.</summary>
    /// <remarks>Who may set flags is the permission model's question, asked by the caller.</remarks>
    /// <exception cref="RefusedException">Wrong status, a flag the set does not define, no reason or too long a reason.</exception>
    public static void SetFlags(DanVanDbContext db, Assessment a, CriteriaSet set, IEnumerable<string> flags, string? reason, string user, DateTime at)
    {
        if (a.Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised))
            throw new RefusedException("assessment.notReviewable", Where.Request, ("status", a.Status.ToString()));
        var list = flags.ToList();
        var refusals = list.Select((f, i) => (f, i)).Where(x => set.Flags.All(d => d.Code != x.f))
            .Select(x => Refusal.Of("flags.unknown", Where.AtPath($"flags[{x.i}]"), ("flag", x.f), ("flags", set.Flags.Select(d => d.Code).ToList())))
            .ToList();
        if (string.IsNullOrWhiteSpace(reason)) refusals.Add(new Refusal("flags.reasonRequired", Where.AtField("reason")));
        else if (TextLimit.Check(reason, Where.AtField("reason"), "reason") is { } tooLong) refusals.Add(tooLong);
        if (refusals.Count > 0) throw new RefusedException(refusals);

        var value = string.Join(',', list.Distinct().Order(StringComparer.Ordinal));
        if (value == a.Flags) return;
        var old = a.Flags;
        a.Flags = value;
        db.Audit.Add(new AuditEntry { At = at, User = user, Action = "assessment.flags", AssessmentId = a.Id, OldValue = old, NewValue = value, Reason = reason!.Trim().Normalize() });
    }

    /// <summary>Why evidence cannot back <paramref name="criterionId"/> of an assessment scored by <paramref name="set"/>, or null.</summary>
    /// <remarks>The one rule for every path: evidence backs a criterion the unit itself scores (<see cref="AssessmentEntries.IsScoredByUnit"/>).</remarks>
    public static Refusal? EvidenceRefusal(CriteriaSet set, string? criterionId) =>
        string.IsNullOrWhiteSpace(criterionId) ? new Refusal("evidence.criterionRequired", Where.AtField("criterionId"))
        : AssessmentEntries.IsScoredByUnit(set, criterionId) ? null
        : Refusal.Of("evidence.criterionNotScored", Where.AtField("criterionId"), ("criterion", criterionId));

    private static string Text(string? text, string field, string requiredCode)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RefusedException(requiredCode, Where.AtField(field));
        if (TextLimit.Check(text, Where.AtField(field), field) is { } tooLong) throw new RefusedException(tooLong);
        return text.Trim().Normalize();
    }

    private static void Change(DanVanDbContext db, Assessment a, string user, DateTime at, string action, string? reason, Action change)
    {
        var before = a.Status;
        try
        {
            change();
        }
        catch (AssessmentStateException)
        {
            throw new RefusedException("assessment.wrongStatus", Where.Request, ("status", before.ToString()));
        }

        db.Audit.Add(new AuditEntry
        {
            At = at,
            User = user,
            Action = action,
            AssessmentId = a.Id,
            OldValue = before.ToString(),
            NewValue = a.Status.ToString(),
            Reason = reason,
        });
    }
}
