namespace DanVan.Evaluations.Reconsiderations;

/// <summary>Where a reconsideration (phúc tra) stands.</summary>
public enum ReconsiderationStatus
{
    /// <summary>Đang xem xét: the unit contested, the coordinator rules criterion by criterion.</summary>
    Open = 0,

    /// <summary>Đã công bố lại: every contested criterion was ruled on and the result published again.</summary>
    Published = 1,
}

/// <summary>A ruling on one contested criterion.</summary>
public enum ReconsiderationDecision
{
    /// <summary>Chấp nhận: the criterion takes the value the ruling gives.</summary>
    Accepted = 1,

    /// <summary>Không chấp nhận: the published value stands.</summary>
    Rejected = 2,
}

/// <summary>
/// A unit's request to reconsider its published result (đề nghị phúc tra): named criteria with reasons and evidence,
/// each ruled on with reasons, then the result computed again and published as a new version of the period's results.
/// </summary>
/// <remarks>One per assessment: the published result stays in force until the re-publication replaces it.</remarks>
public sealed class Reconsideration
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The assessment contested.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The assessment.</summary>
    public Assessment? Assessment { get; set; }

    /// <summary>Status.</summary>
    public ReconsiderationStatus Status { get; set; }

    /// <summary>Who sent it.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime RequestedAt { get; set; }

    /// <summary>The published total when contested.</summary>
    public decimal? OldTotal { get; set; }

    /// <summary>The published class when contested.</summary>
    public string? OldBand { get; set; }

    /// <summary>The total published again.</summary>
    public decimal? NewTotal { get; set; }

    /// <summary>The class published again.</summary>
    public string? NewBand { get; set; }

    /// <summary>When published again (UTC).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Who published it again.</summary>
    public string? PublishedBy { get; set; }

    /// <summary>The number of the period's publication that carries the new result (2 for the first after the original).</summary>
    public int? PublicationNumber { get; set; }

    /// <summary>Concurrency token, incremented on every save.</summary>
    public int Version { get; set; }

    /// <summary>The contested criteria.</summary>
    public List<ReconsiderationItem> Items { get; } = [];
}

/// <summary>One contested criterion: the unit's reason and evidence, and the ruling.</summary>
public sealed class ReconsiderationItem
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The reconsideration.</summary>
    public int ReconsiderationId { get; set; }

    /// <summary>The criterion contested.</summary>
    public required string CriterionId { get; set; }

    /// <summary>Why the unit contests it.</summary>
    public required string Reason { get; set; }

    /// <summary>The document the unit cites, e.g. "Báo cáo số 12/BC-UBND ngày 05/01/2025".</summary>
    public string? DocumentRef { get; set; }

    /// <summary>The ruling; null until ruled.</summary>
    public ReconsiderationDecision? Decision { get; set; }

    /// <summary>The value an accepted criterion takes; it enters the assessment (the reconsideration layer) only when the result is published again.</summary>
    public Scoring.CriterionValue? RuledValue { get; set; }

    /// <summary>The ruling's reasons, which the unit reads.</summary>
    public string? Ruling { get; set; }

    /// <summary>Who ruled.</summary>
    public string? RuledBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime? RuledAt { get; set; }
}

/// <summary>A publication of a period's results after the first (công bố lại): its number, when, why and what changed.</summary>
/// <remarks>The first publication is the approvals themselves and has no row; reports name the publication they use.</remarks>
public sealed class ResultPublication
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>2 for the first re-publication, then 3, …</summary>
    public int Number { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>Who.</summary>
    public required string PublishedBy { get; set; }

    /// <summary>Why, e.g. "phúc tra UBND xã Quảng Trung".</summary>
    public required string Reason { get; set; }

    /// <summary>The results that changed.</summary>
    public List<PublishedChange> Changes { get; set; } = [];
}

/// <summary>One unit's result as a re-publication changed it.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="Unit">The unit's code and name, as published.</param>
/// <param name="OldTotal">Total before.</param>
/// <param name="NewTotal">Total after.</param>
/// <param name="OldBand">Class code before.</param>
/// <param name="NewBand">Class code after.</param>
/// <param name="Criteria">The criteria whose ruling changed the value (empty for a unit moved by the group rules).</param>
public sealed record PublishedChange(int AssessmentId, string Unit, decimal? OldTotal, decimal? NewTotal, string? OldBand, string? NewBand, IReadOnlyList<string> Criteria);
