namespace DanVan.Registries;

/// <summary>Who acts and when, for a work registry write (no personal data here, so no key).</summary>
/// <param name="User">User name for the audit trail.</param>
/// <param name="At">Now (UTC).</param>
/// <param name="Zone">The province's time zone (today's date).</param>
public sealed record WorkActor(string User, DateTime At, TimeZoneInfo Zone)
{
    /// <summary>Today in the province.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(At, Zone));

    /// <summary>The same person acting on a citizen registry's actor.</summary>
    public static WorkActor From(RegistryActor actor) => new(actor.User, actor.At, actor.Zone);
}

/// <summary>An award as typed or imported.</summary>
/// <param name="Level">Cấp khen thưởng: trung ương, tỉnh, huyện, cơ sở.</param>
/// <param name="Decision">Số quyết định.</param>
/// <param name="AwardedOn">Ngày quyết định.</param>
/// <param name="Recipient">Tập thể or cá nhân.</param>
public sealed record AwardInput(string? Level, string? Decision, DateOnly? AwardedOn, string? Recipient);

/// <summary>A "Dân vận khéo" model as typed, sent or imported; lists are words (<see cref="WorkTerms"/>).</summary>
public sealed record DanVanModelInput
{
    /// <summary>Tên mô hình.</summary>
    public string? ModelName { get; init; }

    /// <summary>Codes of the other units that built it with the keeping unit (same province).</summary>
    public IReadOnlyList<string> CoOwners { get; init; } = [];

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; init; }

    /// <summary>Cấp at registration: tỉnh, huyện, cơ sở; when empty, the keeping unit's level.</summary>
    public string? ModelLevel { get; init; }

    /// <summary>Năm bắt đầu.</summary>
    public int? YearStarted { get; init; }

    /// <summary>Tình trạng: duy trì, nhân rộng, dừng; when empty, duy trì.</summary>
    public string? ModelStatus { get; init; }

    /// <summary>Giới thiệu báo cáo điển hình tại Hội nghị toàn quốc.</summary>
    public bool PresentedNationally { get; init; }

    /// <summary>Văn bản, tài liệu (one a line).</summary>
    public string? Documents { get; init; }

    /// <summary>Khen thưởng.</summary>
    public IReadOnlyList<AwardInput> Awards { get; init; } = [];
}

/// <summary>A work plan as typed, sent or imported.</summary>
public sealed record WorkPlanInput
{
    /// <summary>Năm kế hoạch.</summary>
    public int? Year { get; init; }

    /// <summary>Loại: dân vận chính quyền, quy chế dân chủ ở cơ sở, phối hợp với Ban Dân vận.</summary>
    public string? PlanKind { get; init; }

    /// <summary>Số, ký hiệu (needed once issued).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Ngày ban hành; empty while not issued.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Cơ quan ban hành.</summary>
    public string? IssuedBy { get; init; }

    /// <summary>Hạn ban hành.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Trích yếu.</summary>
    public string? PlanTitle { get; init; }
}

/// <summary>A Front's recommendation as typed, sent or imported.</summary>
public sealed record RecommendationInput
{
    /// <summary>Cơ quan kiến nghị.</summary>
    public string? Issuer { get; init; }

    /// <summary>Cấp: trung ương, tỉnh, huyện, cơ sở.</summary>
    public string? IssuerLevel { get; init; }

    /// <summary>Giám sát or phản biện xã hội; when empty, giám sát.</summary>
    public string? Source { get; init; }

    /// <summary>Số văn bản kiến nghị.</summary>
    public string? Reference { get; init; }

    /// <summary>Ngày kiến nghị.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Chủ đề.</summary>
    public string? Topic { get; init; }

    /// <summary>Nội dung kiến nghị.</summary>
    public string? Content { get; init; }

    /// <summary>Hạn trả lời.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Văn bản trả lời.</summary>
    public string? ResponseReference { get; init; }

    /// <summary>Ngày trả lời.</summary>
    public DateOnly? RespondedOn { get; init; }

    /// <summary>Kết quả: tiếp thu, đang giải quyết, đã giải quyết, không tiếp thu; when empty, đang giải quyết.</summary>
    public string? RecommendationStatus { get; init; }

    /// <summary>Lý do không tiếp thu.</summary>
    public string? Reason { get; init; }
}
