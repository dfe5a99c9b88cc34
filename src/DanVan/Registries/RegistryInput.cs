using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>A citizen as typed or imported; checked by the core, never stored as given (the ID number is encrypted).</summary>
/// <param name="Name">Họ và tên.</param>
/// <param name="IdNumber">Số CCCD/CMND, if given.</param>
/// <param name="Address">Địa chỉ.</param>
/// <param name="Phone">Số điện thoại.</param>
public sealed record CitizenInput(string? Name, string? IdNumber = null, string? Address = null, string? Phone = null);

/// <summary>A reception as typed on a page, sent to the API or read from a logbook row; lists are words (<see cref="RegistryTerms"/>).</summary>
public record ReceptionInput
{
    /// <summary>Ngày tiếp.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Địa điểm.</summary>
    public string? Place { get; init; }

    /// <summary>Hình thức tiếp: định kỳ, thường xuyên, đột xuất.</summary>
    public string? Kind { get; init; }

    /// <summary>Người tiếp.</summary>
    public string? ReceivedByName { get; init; }

    /// <summary>Chức vụ người tiếp.</summary>
    public string? ReceivedByPosition { get; init; }

    /// <summary>The head of the unit received in person.</summary>
    public bool ByHead { get; init; }

    /// <summary>Số người; when empty, the citizens named (at least 1).</summary>
    public int? VisitorCount { get; init; }

    /// <summary>Đoàn đông người; when empty, decided by the threshold.</summary>
    public bool? IsDelegation { get; init; }

    /// <summary>The citizens named.</summary>
    public IReadOnlyList<CitizenInput> Visitors { get; init; } = [];

    /// <summary>Nội dung.</summary>
    public string? Summary { get; init; }

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; init; }

    /// <summary>Loại vụ việc: khiếu nại, tố cáo, kiến nghị, phản ánh.</summary>
    public string? MatterKind { get; init; }

    /// <summary>Kết quả tiếp: hướng dẫn, giải thích, tiếp nhận đơn, chuyển.</summary>
    public string? Outcome { get; init; }

    /// <summary>Vụ việc liên quan.</summary>
    public int? CaseId { get; init; }
}

/// <summary>A petition as typed, sent or imported.</summary>
public record PetitionInput
{
    /// <summary>Ngày nhận.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Nguồn đơn.</summary>
    public string? Channel { get; init; }

    /// <summary>Số người đứng đơn; when empty, the citizens named (at least 1).</summary>
    public int? PetitionerCount { get; init; }

    /// <summary>The petitioners named.</summary>
    public IReadOnlyList<CitizenInput> Petitioners { get; init; } = [];

    /// <summary>Loại đơn.</summary>
    public string? MatterKind { get; init; }

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; init; }

    /// <summary>Nội dung.</summary>
    public string? Summary { get; init; }

    /// <summary>Thuộc thẩm quyền.</summary>
    public bool WithinCompetence { get; init; }

    /// <summary>Vượt cấp.</summary>
    public bool Escalated { get; init; }

    /// <summary>Hướng xử lý.</summary>
    public string? Handling { get; init; }

    /// <summary>Ngày thụ lý (needed when accepted).</summary>
    public DateOnly? AcceptedOn { get; init; }

    /// <summary>Ngày giải quyết xong.</summary>
    public DateOnly? ResolvedOn { get; init; }

    /// <summary>Kết quả giải quyết.</summary>
    public string? Result { get; init; }

    /// <summary>Vụ việc liên quan.</summary>
    public int? CaseId { get; init; }
}

/// <summary>Who acts, when, and the key that protects ID numbers: what every registry write needs.</summary>
/// <param name="User">User name for the audit trail.</param>
/// <param name="At">Now (UTC).</param>
/// <param name="Zone">The province's time zone (today's date).</param>
/// <param name="Protector">The personal-data key.</param>
public sealed record RegistryActor(string User, DateTime At, TimeZoneInfo Zone, PersonalDataProtector Protector)
{
    /// <summary>Today in the province.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(At, Zone));
}

/// <summary>Where a surface shows a refusal about a field: a form field, or a file's cell for an import.</summary>
public delegate Where FieldLocator(string field);

/// <summary>Locators.</summary>
public static class FieldLocators
{
    /// <summary>Form and JSON fields by name ("receivedOn", "visitors[1].idNumber").</summary>
    public static readonly FieldLocator Fields = Where.AtField;
}

/// <summary>The registries' refusals that are conflicts with the stored state (the API's 409), not bad input.</summary>
public static class RegistryConflicts
{
    /// <summary>Codes answered 409.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(
        ["registries.staleVersion", "registries.alreadyDecided", "registries.alreadyUndone", "registries.undoLaterFirst"], StringComparer.Ordinal);
}
