using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations;

/// <summary>The cycle's state changes, each with its audit line; the caller saves once.</summary>
public static class AssessmentWorkflow
{
    /// <summary>The unit head confirms the self-assessment.</summary>
    public static void Confirm(DanVanDbContext db, Assessment a, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.confirm", null, () => a.Confirm(user, at));

    /// <summary>The unit submits; the self total and self-claimed class are stored.</summary>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at) =>
        Submit(db, a, period, set, user, at, at);

    /// <summary>Records a submission made at <paramref name="submittedAt"/> (e.g. loading a past year's results); the audit line is dated <paramref name="at"/>.</summary>
    /// <remarks>Lateness is judged by <paramref name="submittedAt"/> against the period's deadline.</remarks>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at, DateTime submittedAt) =>
        Change(db, a, user, at, "assessment.submit", submittedAt == at ? null : $"nộp ngày {submittedAt:dd/MM/yyyy}", () =>
        {
            a.Submit(submittedAt, period.Deadline, period.AcceptLate);
            var self = ScoringEngine.Compute(set, new ScoringInput { Entries = a.ToScoreEntries(), UpToLayer = ScoreLayer.Self, Flags = a.FlagSet });
            a.SelfTotal = self.Total;
            a.SelfBand = self.Band;
        });

    /// <summary>The coordinator returns the submission with a comment.</summary>
    public static void Return(DanVanDbContext db, Assessment a, string comment, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.return", comment, () => a.Return(comment));

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
    public static void Reopen(DanVanDbContext db, Assessment a, string reason, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.reopen", reason, () => a.Reopen(reason));

    /// <summary>Records a flag (e.g. a disciplinary violation) that rules may use, with a reason.</summary>
    public static void SetFlags(DanVanDbContext db, Assessment a, IEnumerable<string> flags, string reason, string user, DateTime at)
    {
        var value = string.Join(',', flags.Distinct().Order(StringComparer.Ordinal));
        if (value == a.Flags) return;
        var old = a.Flags;
        a.Flags = value;
        AuditTrail.Record(db, new AuditLine(user, at, "assessment.flags", AuditSubject.Of(a)) { Old = old, New = value, Reason = reason });
    }

    private static void Change(DanVanDbContext db, Assessment a, string user, DateTime at, string action, string? reason, Action change)
    {
        var before = a.Status;
        try
        {
            change();
        }
        catch (AssessmentStateException ex)
        {
            throw new RefusedInputException("status", ex.Message);
        }

        AuditTrail.Record(db, new AuditLine(user, at, action, AuditSubject.Of(a)) { Old = before.ToString(), New = a.Status.ToString(), Reason = reason });
    }
}
