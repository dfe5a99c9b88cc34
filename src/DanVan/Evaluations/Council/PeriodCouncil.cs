using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations.Council;

/// <summary>How the council's members' scores of a criterion become the appraisal value.</summary>
public enum ConsensusRule
{
    /// <summary>Trung bình cộng: the mean of the members' points, to the criterion's step.</summary>
    Mean = 0,

    /// <summary>Trung vị: the median of the members' points (an even count takes the mean of the two middle ones), to the step.</summary>
    Median = 1,

    /// <summary>Chủ tịch hội đồng quyết định: the chair enters the value with a reason.</summary>
    ChairDecides = 2,
}

/// <summary>A period appraised by a council (hội đồng thẩm định) instead of one coordinator: its members, rule and threshold.</summary>
/// <remarks>A period without one is appraised by one coordinator, as before.</remarks>
public sealed class PeriodCouncil
{
    /// <summary>The period (also the key: one council per period).</summary>
    public int PeriodId { get; set; }

    /// <summary>How the consensus of a criterion is reached.</summary>
    public ConsensusRule Rule { get; set; }

    /// <summary>Points of spread (highest − lowest member score) on a criterion above which the row is a disagreement for the meeting.</summary>
    public decimal Threshold { get; set; }

    /// <summary>Concurrency token, incremented on every save of the settings.</summary>
    public int Version { get; set; }

    /// <summary>The members; exactly one is the chair.</summary>
    public List<CouncilMember> Members { get; } = [];

    /// <summary>The chair's user name.</summary>
    public string Chair => Members.First(m => m.IsChair).UserName;

    /// <summary>True when <paramref name="userName"/> is a member.</summary>
    public bool IsMember(string userName) => Members.Any(m => m.UserName == userName);
}

/// <summary>One member of a period's council: an account, possibly the chair.</summary>
public sealed class CouncilMember
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>The member's account (user name).</summary>
    public required string UserName { get; set; }

    /// <summary>Chủ tịch hội đồng.</summary>
    public bool IsChair { get; set; }

    /// <summary>Order in the council (as listed when set).</summary>
    public int Position { get; set; }
}

/// <summary>One member's scoring of one assessment (phiếu chấm của thành viên hội đồng): kept apart from the appraisal layer.</summary>
public sealed class CouncilBallot
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The assessment scored.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The member's account (user name).</summary>
    public required string Member { get; set; }

    /// <summary>When the member submitted the ballot (UTC); null while a draft only the member sees.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When last saved (UTC).</summary>
    public DateTime SavedAt { get; set; }

    /// <summary>Concurrency token, incremented on every save of the ballot.</summary>
    public int Version { get; set; }

    /// <summary>The member's score per criterion.</summary>
    public List<CouncilScore> Scores { get; } = [];
}

/// <summary>A member's value of one criterion, in the criterion's method, with the member's note.</summary>
public sealed class CouncilScore
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The ballot.</summary>
    public int BallotId { get; set; }

    /// <summary>The criterion id within the set.</summary>
    public required string CriterionId { get; set; }

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

    /// <summary>The member's note.</summary>
    public string? Note { get; set; }

    /// <summary>The value, over the columns above (no column of its own).</summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public CriterionValue Value
    {
        get => new()
        {
            Points = Points, Level = Level, Checked = CriterionValue.SplitChecked(Checked), Achieved = Achieved, Target = Target,
            Count = Count, NotApplicable = NotApplicable,
        };
        set
        {
            Points = value.Points;
            Level = value.Level;
            Checked = CriterionValue.JoinChecked(value.Checked);
            Achieved = value.Achieved;
            Target = value.Target;
            Count = value.Count;
            NotApplicable = value.NotApplicable;
        }
    }
}
