using DanVan.OrgUnits;

namespace DanVan.Registries;

/// <summary>Cấp: the level of a unit, an award or an issuing body as reports name it.</summary>
public enum WorkLevel
{
    /// <summary>Trung ương.</summary>
    Central = 1,

    /// <summary>Cấp tỉnh.</summary>
    Province = 2,

    /// <summary>Cấp huyện.</summary>
    District = 3,

    /// <summary>Cấp cơ sở (xã, phường, thị trấn).</summary>
    Grassroots = 4,
}

/// <summary>Tình trạng of a "Dân vận khéo" model.</summary>
public enum ModelStatus
{
    /// <summary>Duy trì.</summary>
    Maintained = 1,

    /// <summary>Nhân rộng.</summary>
    Replicated = 2,

    /// <summary>Dừng.</summary>
    Stopped = 3,
}

/// <summary>Who an award went to.</summary>
public enum AwardRecipient
{
    /// <summary>Tập thể.</summary>
    Collective = 1,

    /// <summary>Cá nhân.</summary>
    Individual = 2,
}

/// <summary>Loại kế hoạch of a unit's yearly work plan.</summary>
public enum WorkPlanKind
{
    /// <summary>Kế hoạch thực hiện công tác dân vận chính quyền (DVCQ).</summary>
    GovernmentMobilisation = 1,

    /// <summary>Kế hoạch thực hiện quy chế dân chủ ở cơ sở.</summary>
    GrassrootsDemocracy = 2,

    /// <summary>Kế hoạch phối hợp với Ban Dân vận cấp ủy cùng cấp.</summary>
    Coordination = 3,
}

/// <summary>Where a recommendation comes from: the Front's oversight or its social criticism.</summary>
public enum RecommendationSource
{
    /// <summary>Kiến nghị sau giám sát.</summary>
    Oversight = 1,

    /// <summary>Kiến nghị sau phản biện xã hội.</summary>
    SocialCriticism = 2,
}

/// <summary>Where a recommendation stands.</summary>
public enum RecommendationStatus
{
    /// <summary>Tiếp thu.</summary>
    Accepted = 1,

    /// <summary>Đang giải quyết.</summary>
    InProgress = 2,

    /// <summary>Đã giải quyết.</summary>
    Resolved = 3,

    /// <summary>Không tiếp thu (with the reason).</summary>
    NotAccepted = 4,
}

/// <summary>A "Dân vận khéo" model (mô hình): who built it, in which field and at which level, and what it earned.</summary>
public sealed class DanVanModel
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit that keeps the record (its scope and permissions); one of <see cref="Owners"/>.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Tên mô hình.</summary>
    public string Name { get; set; } = "";

    /// <summary>The units that built it (at least the keeping unit), as they were when registered.</summary>
    public List<OrgUnit> Owners { get; } = [];

    /// <summary>Lĩnh vực, a label of the configured list (<see cref="WorkFields"/>).</summary>
    public string Field { get; set; } = "";

    /// <summary>Cấp at registration; kept as registered through later reorganisations.</summary>
    public WorkLevel Level { get; set; }

    /// <summary>Năm bắt đầu.</summary>
    public int YearStarted { get; set; }

    /// <summary>Tình trạng.</summary>
    public ModelStatus Status { get; set; } = ModelStatus.Maintained;

    /// <summary>Presented as a typical model at a national conference (Hội nghị toàn quốc).</summary>
    public bool PresentedNationally { get; set; }

    /// <summary>Văn bản, tài liệu: document references, one a line.</summary>
    public string? Documents { get; set; }

    /// <summary>Khen thưởng.</summary>
    public List<ModelAward> Awards { get; } = [];

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}

/// <summary>One award of a model.</summary>
public sealed class ModelAward
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Order (1-based).</summary>
    public int Position { get; set; }

    /// <summary>Cấp khen thưởng.</summary>
    public WorkLevel Level { get; set; }

    /// <summary>Số quyết định.</summary>
    public string Decision { get; set; } = "";

    /// <summary>Ngày quyết định.</summary>
    public DateOnly AwardedOn { get; set; }

    /// <summary>Tập thể or cá nhân.</summary>
    public AwardRecipient Recipient { get; set; }
}

/// <summary>A unit's work plan for a year (kế hoạch công tác dân vận chính quyền, quy chế dân chủ, phối hợp).</summary>
public sealed class WorkPlan
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit whose plan it is.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>The year the plan is for.</summary>
    public int Year { get; set; }

    /// <summary>Loại kế hoạch.</summary>
    public WorkPlanKind Kind { get; set; }

    /// <summary>Số, ký hiệu văn bản; null while not issued.</summary>
    public string? Number { get; set; }

    /// <summary>Ngày ban hành; null while not issued.</summary>
    public DateOnly? IssuedOn { get; set; }

    /// <summary>Cơ quan ban hành.</summary>
    public string? IssuedBy { get; set; }

    /// <summary>Hạn ban hành (the deadline set by the province), if any.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Trích yếu.</summary>
    public string? Title { get; set; }

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Issued, and by the deadline when there is one.</summary>
    public bool IssuedOnTime => IssuedOn is { } d && (DueOn is not { } due || d <= due);
}

/// <summary>A recommendation of the Fatherland Front or a mass organisation after oversight or social criticism, addressed to a unit, and its follow-up.</summary>
public sealed class FrontRecommendation
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit the recommendation is addressed to (keeps the record).</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Cơ quan kiến nghị (Ủy ban MTTQ, Hội Nông dân, …).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Cấp of the issuing body.</summary>
    public WorkLevel IssuerLevel { get; set; }

    /// <summary>Giám sát or phản biện xã hội.</summary>
    public RecommendationSource Source { get; set; }

    /// <summary>Số văn bản kiến nghị.</summary>
    public string? Reference { get; set; }

    /// <summary>Ngày kiến nghị.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>Chủ đề giám sát, phản biện.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Nội dung kiến nghị.</summary>
    public string? Content { get; set; }

    /// <summary>Hạn trả lời.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Văn bản trả lời of the unit.</summary>
    public string? ResponseReference { get; set; }

    /// <summary>Ngày trả lời.</summary>
    public DateOnly? RespondedOn { get; set; }

    /// <summary>Kết quả.</summary>
    public RecommendationStatus Status { get; set; } = RecommendationStatus.InProgress;

    /// <summary>Lý do không tiếp thu.</summary>
    public string? Reason { get; set; }

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Answered, and by the deadline when there is one.</summary>
    public bool AnsweredOnTime => RespondedOn is { } d && (DueOn is not { } due || d <= due);
}
