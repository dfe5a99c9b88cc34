using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using DanVan.Periods;

namespace DanVan.Evaluations;

/// <summary>Where an assessment stands in the cycle.</summary>
public enum AssessmentStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted = 0,

    /// <summary>Đang soạn.</summary>
    Draft = 1,

    /// <summary>Đã nộp.</summary>
    Submitted = 2,

    /// <summary>Trả lại để chỉnh sửa.</summary>
    Returned = 3,

    /// <summary>Đã thẩm định.</summary>
    Appraised = 4,

    /// <summary>Đã phê duyệt, công bố.</summary>
    Approved = 5,
}

/// <summary>A state change the assessment's status does not allow.</summary>
public sealed class AssessmentStateException(string message) : InvalidOperationException(message);

/// <summary>One unit's evaluation in one period: entries in layers, status, computed results.</summary>
public sealed class Assessment
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>The period.</summary>
    public EvaluationPeriod? Period { get; set; }

    /// <summary>The unit evaluated.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>The group it is ranked in.</summary>
    public int GroupId { get; set; }

    /// <summary>The criteria set version it is scored by.</summary>
    public int CriteriaSetId { get; set; }

    /// <summary>Status.</summary>
    public AssessmentStatus Status { get; private set; }

    /// <summary>Flags recorded by reviewers, comma separated codes.</summary>
    public string Flags { get; set; } = "";

    /// <summary>When the unit head confirmed (UTC).</summary>
    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>Who confirmed.</summary>
    public string? ConfirmedBy { get; private set; }

    /// <summary>When submitted (UTC).</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Submitted after the deadline.</summary>
    public bool IsLate { get; private set; }

    /// <summary>The coordinator's comment when returned.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>Self-assessed total.</summary>
    public decimal? SelfTotal { get; set; }

    /// <summary>Self-claimed band code.</summary>
    public string? SelfBand { get; set; }

    /// <summary>Final total, computed on approval.</summary>
    public decimal? FinalTotal { get; private set; }

    /// <summary>Final band code, computed on approval.</summary>
    public string? FinalBand { get; private set; }

    /// <summary>When approved (UTC).</summary>
    public DateTime? ApprovedAt { get; private set; }

    /// <summary>Concurrency token, incremented on every save of the assessment.</summary>
    public int Version { get; set; }

    /// <summary>Entries of every layer.</summary>
    public List<AssessmentEntry> Entries { get; } = [];

    /// <summary>The flags as a set.</summary>
    public IReadOnlySet<string> FlagSet => Flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

    /// <summary>True while the unit may edit its self-assessment.</summary>
    public bool IsEditableByUnit => Status is AssessmentStatus.NotStarted or AssessmentStatus.Draft or AssessmentStatus.Returned;

    /// <summary>Marks the assessment as being drafted.</summary>
    public void StartDraft()
    {
        if (!IsEditableByUnit) throw new AssessmentStateException($"assessment {Id} is {Status}; the unit cannot edit it");
        Status = AssessmentStatus.Draft;
    }

    /// <summary>The unit head confirms the self-assessment.</summary>
    public void Confirm(string by, DateTime at)
    {
        if (!IsEditableByUnit) throw new AssessmentStateException($"assessment {Id} is {Status}; nothing to confirm");
        if (Status == AssessmentStatus.NotStarted) Status = AssessmentStatus.Draft;
        ConfirmedBy = by;
        ConfirmedAt = at;
    }

    /// <summary>How a submission at <paramref name="at"/> would stand against the deadline (see <see cref="Deadlines.Judge"/>).</summary>
    /// <remarks>A revision after a return keeps the lateness of the first submission and is never refused for the deadline.</remarks>
    public DeadlineVerdict JudgeSubmission(DateTime at, DeadlineRule rule) =>
        Deadlines.Judge(at, rule, Status == AssessmentStatus.Returned && SubmittedAt is not null ? IsLate : null);

    /// <summary>Submits; late if after the deadline, refused if late submissions are not accepted (<see cref="Deadlines.Judge"/>).</summary>
    public void Submit(DateTime at, DeadlineRule rule)
    {
        if (!IsEditableByUnit) throw new AssessmentStateException($"assessment {Id} is {Status}; it cannot be submitted");
        if (ConfirmedAt is null) throw new AssessmentStateException("the unit head has not confirmed the self-assessment");
        var verdict = JudgeSubmission(at, rule);
        if (verdict.Refused) throw new AssessmentStateException($"the deadline {rule.Deadline:dd/MM/yyyy} has passed and late submissions are refused");
        Status = AssessmentStatus.Submitted;
        SubmittedAt = at;
        IsLate = verdict.Late;
        ReturnComment = null;
    }

    /// <summary>The coordinator returns the submission for revision; confirmation must be given again.</summary>
    public void Return(string comment)
    {
        if (Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised))
            throw new AssessmentStateException($"assessment {Id} is {Status}; only a submitted one can be returned");
        if (string.IsNullOrWhiteSpace(comment)) throw new AssessmentStateException("a return needs a comment");
        Status = AssessmentStatus.Returned;
        ReturnComment = comment;
        ConfirmedAt = null;
        ConfirmedBy = null;
    }

    /// <summary>Marks appraisal entries as done.</summary>
    public void MarkAppraised()
    {
        if (Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised))
            throw new AssessmentStateException($"assessment {Id} is {Status}; only a submitted one can be appraised");
        Status = AssessmentStatus.Appraised;
    }

    /// <summary>Approves and publishes the computed final result.</summary>
    public void Approve(ScoreResult final, DateTime at)
    {
        if (Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised))
            throw new AssessmentStateException($"assessment {Id} is {Status}; only a submitted or appraised one can be approved");
        FinalTotal = final.Total;
        FinalBand = final.Band;
        ApprovedAt = at;
        Status = AssessmentStatus.Approved;
    }

    /// <summary>Stores the published result again when the group rules move it (another unit of the group approved or reopened).</summary>
    public void Publish(ScoreResult final)
    {
        if (Status != AssessmentStatus.Approved) throw new AssessmentStateException($"assessment {Id} is not approved");
        FinalTotal = final.Total;
        FinalBand = final.Band;
    }

    /// <summary>Reopens an approved result for appraisal; the reason goes to the audit trail.</summary>
    public void Reopen(string reason)
    {
        if (Status != AssessmentStatus.Approved) throw new AssessmentStateException($"assessment {Id} is not approved");
        if (string.IsNullOrWhiteSpace(reason)) throw new AssessmentStateException("reopening needs a reason");
        Status = AssessmentStatus.Appraised;
        FinalTotal = null;
        FinalBand = null;
        ApprovedAt = null;
    }

    /// <summary>Entries as the scoring engine takes them.</summary>
    public IReadOnlyList<ScoreEntry> ToScoreEntries() => Entries.Select(e => e.ToScoreEntry()).ToList();
}

/// <summary>One stored entry: a criterion's value in one layer, with explanation and who entered it.</summary>
public sealed class AssessmentEntry
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The assessment.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The criterion id within the set.</summary>
    public required string CriterionId { get; set; }

    /// <summary>The layer.</summary>
    public ScoreLayer Layer { get; set; }

    /// <summary>Points method value.</summary>
    public decimal? Points { get; set; }

    /// <summary>Levels method value.</summary>
    public string? Level { get; set; }

    /// <summary>Checklist method value: checked item ids, comma separated.</summary>
    public string? Checked { get; set; }

    /// <summary>Ratio method: achieved.</summary>
    public decimal? Achieved { get; set; }

    /// <summary>Ratio method: target.</summary>
    public decimal? Target { get; set; }

    /// <summary>Count method value.</summary>
    public int? Count { get; set; }

    /// <summary>Not applicable to the unit.</summary>
    public bool NotApplicable { get; set; }

    /// <summary>The unit's explanation, or the reviewer's reason for an adjustment.</summary>
    public string? Note { get; set; }

    /// <summary>Who entered it.</summary>
    public string? EnteredBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime EnteredAt { get; set; }

    /// <summary>As the scoring engine takes it.</summary>
    public ScoreEntry ToScoreEntry() => new()
    {
        CriterionId = CriterionId,
        Layer = Layer,
        Points = Points,
        Level = Level,
        Checked = Checked?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Achieved = Achieved,
        Target = Target,
        Count = Count,
        NotApplicable = NotApplicable,
    };
}
