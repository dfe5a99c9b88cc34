using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>The cycle's state changes, each with its audit line; the caller saves once. Every rule of the cycle is here, once.</summary>
public static class AssessmentWorkflow
{
    /// <summary>The day an instant counts as for opening days and deadlines: its date in the province's time zone.</summary>
    /// <remarks>The one place the calendar day of an instant is decided (<paramref name="zone"/>: Vietnam's when not given).</remarks>
    public static DateOnly DayOf(DateTime at, TimeZoneInfo? zone = null) => Deadlines.DayIn(zone ?? ProvinceClock.System.Zone, at);

    /// <summary>True before the period's opening day: the unit may neither enter nor submit yet.</summary>
    public static bool NotOpenYet(EvaluationPeriod period, DateTime at, TimeZoneInfo? zone = null) => DayOf(at, zone) < period.OpensOn;

    /// <summary>Whether submitting <paramref name="a"/> at <paramref name="at"/> is late, and whether it is then refused.</summary>
    /// <remarks>
    /// The one lateness rule (page, API and file import ask it): <see cref="Deadlines.Judge"/> against the deadline of the
    /// unit's level, in the province's time zone. A resubmission after a return keeps the lateness of the first
    /// submission: a coordinator often returns a submission after the deadline, and the unit's revision must neither
    /// become late nor be refused for it.
    /// </remarks>
    public static DeadlineVerdict Lateness(Assessment a, EvaluationPeriod period, DateTime at, TimeZoneInfo? zone = null) =>
        a.JudgeSubmission(at, RuleFor(a, period, zone));

    /// <summary>The deadline rule that applies to <paramref name="a"/>: its level's deadline, acceptance of late submissions, the zone.</summary>
    public static DeadlineRule RuleFor(Assessment a, EvaluationPeriod period, TimeZoneInfo? zone = null) =>
        period.RuleFor(period.LevelDeadlines.Count == 0 ? null : a.Unit?.Kind, zone ?? ProvinceClock.System.Zone);

    /// <summary>Why <paramref name="a"/> cannot be submitted at <paramref name="at"/>, or null.</summary>
    public static Refusal? SubmissionRefusal(Assessment a, EvaluationPeriod period, DateTime at, TimeZoneInfo? zone = null)
    {
        if (!a.IsEditableByUnit) return Refusal.Of("assessment.notEditable", Where.Request, ("status", a.Status.ToString()));
        if (NotOpenYet(period, at, zone)) return Refusal.Of("submission.notOpenYet", Where.Request, ("opensOn", period.OpensOn));
        if (a.ConfirmedAt is null) return new Refusal("submission.notConfirmed", Where.Request);
        return Lateness(a, period, at, zone).Refused
            ? Refusal.Of("submission.lateRefused", Where.Request, ("deadline", RuleFor(a, period, zone).Deadline))
            : null;
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
        AuditTrail.Record(db, new AuditLine(user, at, "assessment.unconfirm", AuditSubject.Of(a))
        {
            Old = by, Reason = "đã sửa sau khi thủ trưởng xác nhận",
        });
    }

    /// <summary>The unit submits at <paramref name="at"/>; the self total and self-claimed class are stored.</summary>
    /// <remarks>
    /// Lateness is judged by <see cref="Lateness"/> against the deadline of the unit's level, in the province's time zone
    /// <paramref name="zone"/> (Vietnam's when not given). <paramref name="submittedAt"/> records a submission made earlier
    /// (e.g. loading a past year's results): lateness is judged by it, the audit line is dated <paramref name="at"/>.
    /// </remarks>
    /// <exception cref="RefusedException">Not editable, not open yet, not confirmed, or late and refused.</exception>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at,
        DateTime? submittedAt = null, TimeZoneInfo? zone = null)
    {
        var when = submittedAt ?? at;
        if (SubmissionRefusal(a, period, when, zone) is { } refusal) throw new RefusedException(refusal);
        var late = Lateness(a, period, when, zone).Late;
        Change(db, a, user, at, "assessment.submit", when == at ? null : $"nộp ngày {when:dd/MM/yyyy}", () =>
        {
            a.Submit(when, late);
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
    /// <remarks>Alone it ignores the group rules: follow it with <see cref="PublishedResults.ApplyGroupRulesAsync"/> (as <see cref="ApproveAsync"/> does).</remarks>
    public static ScoreResult Approve(DanVanDbContext db, Assessment a, CriteriaSet set, string? previousBand, string user, DateTime at)
    {
        var final = ScoringEngine.Compute(set, new ScoringInput { Entries = a.ToScoreEntries(), Flags = a.FlagSet, PreviousBand = previousBand });
        Change(db, a, user, at, "assessment.approve", null, () => a.Approve(final, at));
        return final;
    }

    /// <summary>
    /// Approves and publishes: the final result from all layers, then the group rules (share caps) applied across the
    /// approved units of the group, every moved class stored and named in the approval's audit line. <paramref name="a"/>
    /// must be tracked with its entries.
    /// </summary>
    public static async Task<ScoreResult> ApproveAsync(DanVanDbContext db, Assessment a, CriteriaSet set, string user, DateTime at, CancellationToken ct = default)
    {
        var period = a.Period ?? await db.Periods.SingleAsync(p => p.Id == a.PeriodId, ct);
        var previous = await PeriodResultsQuery.PreviousBandsAsync(db, period, ct);
        var line = Change(db, a, user, at, "assessment.approve", null,
            () => a.Approve(PeriodResultsQuery.FinalOf(set, a, previous.GetValueOrDefault(a.UnitId)), at));
        var changes = await PublishedResults.ApplyGroupRulesAsync(db, period, a.GroupId, set, previous, ct);
        line.Reason = Describe(changes.Where(c => c.Assessment != a), set);
        return PeriodResultsQuery.FinalOf(set, a, previous.GetValueOrDefault(a.UnitId)) with
        {
            Band = a.FinalBand!, BandLabel = ScoringEngine.LabelOf(set, a.FinalBand!), Total = a.FinalTotal!.Value,
        };
    }

    /// <summary>Reopens a published result; the reason is mandatory.</summary>
    public static void Reopen(DanVanDbContext db, Assessment a, string? reason, string user, DateTime at)
    {
        var text = Text(reason, "reason", "assessment.reasonRequired");
        Change(db, a, user, at, "assessment.reopen", text, () => a.Reopen(text));
    }

    /// <summary>Reopens a published result and applies the group rules again to the units still approved (a capped one may move back up).</summary>
    public static async Task ReopenAsync(DanVanDbContext db, Assessment a, string? reason, string user, DateTime at, CancellationToken ct = default)
    {
        var text = Text(reason, "reason", "assessment.reasonRequired");
        var line = Change(db, a, user, at, "assessment.reopen", text, () => a.Reopen(text));
        var period = a.Period ?? await db.Periods.SingleAsync(p => p.Id == a.PeriodId, ct);
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
        var changes = await PublishedResults.ApplyGroupRulesAsync(db, period, a.GroupId, set, null, ct);
        if (Describe(changes, set) is { } moved) line.Reason = text + "; " + moved;
    }

    /// <summary>The classes a group rule moved, for the audit line: "quy tắc nhóm: SO-B Hoàn thành xuất sắc → Hoàn thành tốt".</summary>
    private static string? Describe(IEnumerable<GroupRuleChange> changes, CriteriaSet set)
    {
        var moved = changes.Where(c => c.OldBand != c.NewBand)
            .Select(c => $"{c.Assessment.Unit?.Code ?? "#" + c.Assessment.Id} {(c.OldBand is null ? "" : ScoringEngine.LabelOf(set, c.OldBand))} → {ScoringEngine.LabelOf(set, c.NewBand)}")
            .ToList();
        return moved.Count == 0 ? null : "quy tắc nhóm: " + string.Join("; ", moved);
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
        AuditTrail.Record(db, new AuditLine(user, at, "assessment.flags", AuditSubject.Of(a)) { Old = old, New = value, Reason = reason!.Trim().Normalize() });
    }

    /// <summary>Why evidence cannot back <paramref name="criterionId"/> of an assessment scored by <paramref name="set"/>, or null.</summary>
    /// <remarks>The one rule for every path: evidence backs a criterion the unit itself scores (<see cref="AssessmentEntries.IsScoredByUnit"/>).</remarks>
    public static Refusal? EvidenceRefusal(CriteriaSet set, string? criterionId) =>
        string.IsNullOrWhiteSpace(criterionId) ? new Refusal("evidence.criterionRequired", Where.AtField("criterionId"))
        : AssessmentEntries.IsScoredByUnit(set, criterionId) ? null
        : Refusal.Of("evidence.criterionNotScored", Where.AtField("criterionId"), ("criterion", criterionId));

    /// <summary><c>evidence.referenceTooLong</c> when the document reference (trimmed) is longer than <see cref="Evidence.MaxReferenceLength"/>; null otherwise.</summary>
    /// <remarks>The one limit of a document reference, used by the evidence page and the API.</remarks>
    public static Refusal? EvidenceReferenceRefusal(string? reference) =>
        reference is not null && reference.Trim().Length > Evidence.MaxReferenceLength
            ? Refusal.Of("evidence.referenceTooLong", Where.AtField("documentRef"), ("max", Evidence.MaxReferenceLength))
            : null;

    private static string Text(string? text, string field, string requiredCode)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new RefusedException(requiredCode, Where.AtField(field));
        if (TextLimit.Check(text, Where.AtField(field), field) is { } tooLong) throw new RefusedException(tooLong);
        return text.Trim().Normalize();
    }

    private static AuditEntry Change(DanVanDbContext db, Assessment a, string user, DateTime at, string action, string? reason, Action change)
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

        return AuditTrail.Record(db, new AuditLine(user, at, action, AuditSubject.Of(a)) { Old = before.ToString(), New = a.Status.ToString(), Reason = reason });
    }
}
