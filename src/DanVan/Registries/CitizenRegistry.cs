using DanVan.OrgUnits;

namespace DanVan.Registries;

/// <summary>Hình thức tiếp công dân (Thông tư 04/2021/TT-TTCP).</summary>
public enum ReceptionKind
{
    /// <summary>Tiếp định kỳ: the head's scheduled reception days.</summary>
    Periodic = 1,

    /// <summary>Tiếp thường xuyên: the reception office's daily work.</summary>
    Regular = 2,

    /// <summary>Tiếp đột xuất.</summary>
    Unscheduled = 3,
}

/// <summary>Loại vụ việc: what the citizen brings (Luật Tiếp công dân 2013).</summary>
public enum MatterKind
{
    /// <summary>Khiếu nại.</summary>
    Complaint = 1,

    /// <summary>Tố cáo.</summary>
    Denunciation = 2,

    /// <summary>Kiến nghị.</summary>
    Recommendation = 3,

    /// <summary>Phản ánh.</summary>
    Reflection = 4,
}

/// <summary>Kết quả tiếp: what the receiving officer did.</summary>
public enum ReceptionOutcome
{
    /// <summary>Hướng dẫn làm đơn, gửi đến cơ quan có thẩm quyền.</summary>
    Guided = 1,

    /// <summary>Giải thích, trả lời trực tiếp.</summary>
    Explained = 2,

    /// <summary>Tiếp nhận đơn.</summary>
    PetitionReceived = 3,

    /// <summary>Chuyển đơn, chuyển vụ việc.</summary>
    Transferred = 4,
}

/// <summary>Nguồn đơn: how a petition arrived.</summary>
public enum PetitionChannel
{
    /// <summary>Qua tiếp công dân, nộp trực tiếp.</summary>
    Direct = 1,

    /// <summary>Qua bưu chính.</summary>
    Post = 2,

    /// <summary>Cơ quan khác chuyển đến.</summary>
    Transferred = 3,

    /// <summary>Qua cổng thông tin, thư điện tử.</summary>
    Online = 4,
}

/// <summary>Hướng xử lý đơn (Thông tư 05/2021/TT-TTCP).</summary>
public enum PetitionHandling
{
    /// <summary>Chưa xử lý.</summary>
    Pending = 0,

    /// <summary>Thụ lý giải quyết: the time limit runs from the acceptance date.</summary>
    Accepted = 1,

    /// <summary>Chuyển đơn đến cơ quan có thẩm quyền.</summary>
    Transferred = 2,

    /// <summary>Hướng dẫn công dân.</summary>
    Guided = 3,

    /// <summary>Lưu đơn (đơn trùng, nặc danh, không đủ điều kiện).</summary>
    Filed = 4,
}

/// <summary>Trạng thái vụ việc.</summary>
public enum CaseStatus
{
    /// <summary>Đang giải quyết.</summary>
    Open = 1,

    /// <summary>Đã giải quyết.</summary>
    Resolved = 2,
}

/// <summary>A citizen named in a record (công dân): personal data under Nghị định 13/2023/NĐ-CP.</summary>
/// <remarks>The ID number is stored encrypted with a key kept outside the database and matched through a keyed hash
/// (<see cref="PersonalDataProtector"/>); nothing here is shown to a reader without the personal-data permission.</remarks>
public sealed class Citizen
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Order within the record (1-based).</summary>
    public int Position { get; set; }

    /// <summary>Họ và tên.</summary>
    public string? Name { get; set; }

    /// <summary>Số CCCD/CMND, encrypted (AES-GCM, base64).</summary>
    public string? IdNumberCipher { get; set; }

    /// <summary>Keyed hash of the ID number's digits, for matching without decrypting.</summary>
    public string? IdNumberHash { get; set; }

    /// <summary>Địa chỉ.</summary>
    public string? Address { get; set; }

    /// <summary>Số điện thoại.</summary>
    public string? Phone { get; set; }
}

/// <summary>Shared by every citizen registry record: unit, who recorded it, version, case and anonymisation.</summary>
public abstract class CitizenRecord
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit that recorded it (and keeps the logbook).</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Lĩnh vực: đất đai, chính sách, … (a free label, from the settings' list in the pages).</summary>
    public string? Field { get; set; }

    /// <summary>Loại vụ việc.</summary>
    public MatterKind MatterKind { get; set; }

    /// <summary>Nội dung vụ việc, tóm tắt.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The case (vụ việc) this record belongs to, once linked or merged.</summary>
    public int? CaseId { get; set; }

    /// <summary>The case.</summary>
    public CitizenCase? Case { get; set; }

    /// <summary>The citizens named (visitors of a reception, petitioners of a petition).</summary>
    public List<Citizen> Citizens { get; } = [];

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>When its personal data was erased past the retention (UTC); null while kept.</summary>
    public DateTime? AnonymisedAt { get; set; }

    /// <summary>The record's date (received on).</summary>
    public abstract DateOnly Date { get; }

    /// <summary>"R:12" or "P:12": a key across both registries (duplicates, cases).</summary>
    public abstract string Key { get; }
}

/// <summary>One line of the reception log (sổ tiếp công dân, Thông tư 04/2021/TT-TTCP).</summary>
public sealed class Reception : CitizenRecord
{
    /// <summary>Ngày tiếp.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Địa điểm tiếp.</summary>
    public string? Place { get; set; }

    /// <summary>Hình thức tiếp.</summary>
    public ReceptionKind Kind { get; set; }

    /// <summary>Người tiếp: name.</summary>
    public string ReceivedByName { get; set; } = "";

    /// <summary>Người tiếp: position.</summary>
    public string? ReceivedByPosition { get; set; }

    /// <summary>True when the head of the unit received in person (not a delegate).</summary>
    public bool ByHead { get; set; }

    /// <summary>Số người đến (at least the citizens named).</summary>
    public int VisitorCount { get; set; }

    /// <summary>Đoàn đông người: a delegation of at least the province's threshold.</summary>
    public bool IsDelegation { get; set; }

    /// <summary>Kết quả tiếp.</summary>
    public ReceptionOutcome Outcome { get; set; }

    /// <inheritdoc />
    public override DateOnly Date => ReceivedOn;

    /// <inheritdoc />
    public override string Key => "R:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One petition (đơn thư, Thông tư 05/2021/TT-TTCP).</summary>
public sealed class Petition : CitizenRecord
{
    /// <summary>Ngày nhận đơn.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Nguồn đơn.</summary>
    public PetitionChannel Channel { get; set; }

    /// <summary>Số người đứng đơn (at least the citizens named).</summary>
    public int PetitionerCount { get; set; }

    /// <summary>Thuộc thẩm quyền giải quyết của đơn vị.</summary>
    public bool WithinCompetence { get; set; }

    /// <summary>Vượt cấp: sent past the level that should resolve it.</summary>
    public bool Escalated { get; set; }

    /// <summary>Hướng xử lý.</summary>
    public PetitionHandling Handling { get; set; }

    /// <summary>Ngày thụ lý: the time limit runs from it.</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Hạn giải quyết, computed from the kind by the time-limit table when accepted.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Ngày giải quyết xong.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>Kết quả giải quyết.</summary>
    public string? Result { get; set; }

    /// <inheritdoc />
    public override DateOnly Date => ReceivedOn;

    /// <inheritdoc />
    public override string Key => "P:" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Accepted for resolution, not resolved and past its time limit on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Handling == PetitionHandling.Accepted && ResolvedOn is null && DueOn is { } due && today > due;
}

/// <summary>Vụ việc: the receptions and petitions about one matter, across the units of a province.</summary>
public sealed class CitizenCase
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit whose registry clerk formed it (the scope of the merge).</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Short title (the matter, without personal data).</summary>
    public string Title { get; set; } = "";

    /// <summary>Status.</summary>
    public CaseStatus Status { get; set; } = CaseStatus.Open;

    /// <summary>Kết quả.</summary>
    public string? Result { get; set; }

    /// <summary>Ngày giải quyết xong.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>When it was formed (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a person decided about a suggested duplicate pair: merged into a case, or "not the same" (remembered).</summary>
public sealed class DuplicateDecision
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The lower record key of the pair ("P:3" &lt; "R:1" ordinally).</summary>
    public string LeftKey { get; set; } = "";

    /// <summary>The other record key.</summary>
    public string RightKey { get; set; } = "";

    /// <summary>True: the same matter, merged; false: not the same.</summary>
    public bool Merged { get; set; }

    /// <summary>The case both went into.</summary>
    public int? CaseId { get; set; }

    /// <summary>The case.</summary>
    public CitizenCase? Case { get; set; }

    /// <summary>What the merge changed, to undo it: each record key moved and its case before (JSON).</summary>
    public string? Moves { get; set; }

    /// <summary>The probability shown when decided.</summary>
    public double Probability { get; set; }

    /// <summary>Who decided.</summary>
    public string DecidedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime DecidedAt { get; set; }

    /// <summary>When it was undone (UTC); an undone decision no longer counts.</summary>
    public DateTime? UndoneAt { get; set; }
}

/// <summary>Đối thoại trực tiếp với Nhân dân.</summary>
public sealed class Dialogue
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit that held it.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Ngày đối thoại.</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>Người chủ trì (name and position).</summary>
    public string ChairedBy { get; set; } = "";

    /// <summary>True when the head of the unit chaired.</summary>
    public bool ByHead { get; set; }

    /// <summary>Số người tham dự.</summary>
    public int Participants { get; set; }

    /// <summary>Chủ đề.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Ý kiến, kiến nghị của Nhân dân.</summary>
    public string? MattersRaised { get; set; }

    /// <summary>Việc cần làm sau đối thoại.</summary>
    public List<DialogueFollowUp> FollowUps { get; } = [];

    /// <summary>Optimistic concurrency version.</summary>
    public int Version { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}

/// <summary>One follow-up item of a dialogue: what, who owns it, by when, where it stands.</summary>
public sealed class DialogueFollowUp
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Order (1-based).</summary>
    public int Position { get; set; }

    /// <summary>The item.</summary>
    public string Item { get; set; } = "";

    /// <summary>Đơn vị, người chịu trách nhiệm.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Hạn.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Done.</summary>
    public bool Done { get; set; }
}

/// <summary>A province's registry settings from a date: the delegation threshold and the retention of personal data.</summary>
public sealed class RegistrySetting
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The scope unit (province) the setting applies to.</summary>
    public int UnitId { get; set; }

    /// <summary>From this day on.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>"Đoàn đông người" from this many people (002: 5 in 2022, 4 in 2023).</summary>
    public int DelegationThreshold { get; set; } = RegistryDefaults.DelegationThreshold;

    /// <summary>Years personal data is kept before it may be anonymised.</summary>
    public int RetentionYears { get; set; } = RegistryDefaults.RetentionYears;
}

/// <summary>Defaults where a province has set nothing.</summary>
public static class RegistryDefaults
{
    /// <summary>Đoàn đông người: from 5 people (as 002 uses it for 2022).</summary>
    public const int DelegationThreshold = 5;

    /// <summary>Personal data kept 5 years.</summary>
    public const int RetentionYears = 5;
}
