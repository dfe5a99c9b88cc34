using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>The cycle's state changes, each with its audit line; the caller saves once.</summary>
public static class AssessmentWorkflow
{
    /// <summary>The unit head confirms the self-assessment.</summary>
    public static void Confirm(DanVanDbContext db, Assessment a, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.confirm", null, () => a.Confirm(user, at));

    /// <summary>The unit submits at <paramref name="at"/>; the self total and self-claimed class are stored.</summary>
    /// <remarks>
    /// Lateness is judged by <see cref="Deadlines.Judge"/> against the deadline of the unit's level, in the province's
    /// time zone <paramref name="zone"/> (Vietnam's when not given). <paramref name="submittedAt"/> records a submission
    /// made earlier (e.g. loading a past year's results): lateness is judged by it, the audit line is dated <paramref name="at"/>.
    /// </remarks>
    public static void Submit(DanVanDbContext db, Assessment a, EvaluationPeriod period, CriteriaSet set, string user, DateTime at,
        DateTime? submittedAt = null, TimeZoneInfo? zone = null)
    {
        var when = submittedAt ?? at;
        var level = period.LevelDeadlines.Count == 0 ? null : a.Unit?.Kind ?? db.Units.Find(a.UnitId)?.Kind;
        var rule = period.RuleFor(level, zone ?? ProvinceClock.System.Zone);
        Change(db, a, user, at, "assessment.submit", when == at ? null : $"nộp ngày {when:dd/MM/yyyy}", () =>
        {
            a.Submit(when, rule);
            var self = ScoringEngine.Compute(set, new ScoringInput { Entries = a.ToScoreEntries(), UpToLayer = ScoreLayer.Self, Flags = a.FlagSet });
            a.SelfTotal = self.Total;
            a.SelfBand = self.Band;
        });
    }

    /// <summary>The coordinator returns the submission with a comment.</summary>
    public static void Return(DanVanDbContext db, Assessment a, string comment, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.return", comment, () => a.Return(comment));

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
    public static void Reopen(DanVanDbContext db, Assessment a, string reason, string user, DateTime at) =>
        Change(db, a, user, at, "assessment.reopen", reason, () => a.Reopen(reason));

    /// <summary>Reopens a published result and applies the group rules again to the units still approved (a capped one may move back up).</summary>
    public static async Task ReopenAsync(DanVanDbContext db, Assessment a, string reason, string user, DateTime at, CancellationToken ct = default)
    {
        var line = Change(db, a, user, at, "assessment.reopen", reason, () => a.Reopen(reason));
        var period = a.Period ?? await db.Periods.SingleAsync(p => p.Id == a.PeriodId, ct);
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();
        var changes = await PublishedResults.ApplyGroupRulesAsync(db, period, a.GroupId, set, null, ct);
        if (Describe(changes, set) is { } moved) line.Reason = reason + "; " + moved;
    }

    /// <summary>The classes a group rule moved, for the audit line: "quy tắc nhóm: SO-B Hoàn thành xuất sắc → Hoàn thành tốt".</summary>
    private static string? Describe(IEnumerable<GroupRuleChange> changes, CriteriaSet set)
    {
        var moved = changes.Where(c => c.OldBand != c.NewBand)
            .Select(c => $"{c.Assessment.Unit?.Code ?? "#" + c.Assessment.Id} {(c.OldBand is null ? "" : ScoringEngine.LabelOf(set, c.OldBand))} → {ScoringEngine.LabelOf(set, c.NewBand)}")
            .ToList();
        return moved.Count == 0 ? null : "quy tắc nhóm: " + string.Join("; ", moved);
    }

    /// <summary>Records a flag (e.g. a disciplinary violation) that rules may use, with a reason.</summary>
    public static void SetFlags(DanVanDbContext db, Assessment a, IEnumerable<string> flags, string reason, string user, DateTime at)
    {
        var value = string.Join(',', flags.Distinct().Order(StringComparer.Ordinal));
        if (value == a.Flags) return;
        var old = a.Flags;
        a.Flags = value;
        AuditTrail.Record(db, new AuditLine(user, at, "assessment.flags", AuditSubject.Of(a)) { Old = old, New = value, Reason = reason });
    }

    private static AuditEntry Change(DanVanDbContext db, Assessment a, string user, DateTime at, string action, string? reason, Action change)
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

        return AuditTrail.Record(db, new AuditLine(user, at, action, AuditSubject.Of(a)) { Old = before.ToString(), New = a.Status.ToString(), Reason = reason });
    }
}
