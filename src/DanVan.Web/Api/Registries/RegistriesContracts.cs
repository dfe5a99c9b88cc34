using DanVan.Registries;

namespace DanVan.Web.Api.Registries;

/// <summary>A reception to record or replace: the unit, the version when replacing, and the reception's fields.</summary>
public sealed record ReceptionBody : ReceptionInput
{
    /// <summary>The unit whose log it goes in (on create).</summary>
    public int UnitId { get; init; }

    /// <summary>The version read (or send If-Match).</summary>
    public int? Version { get; init; }
}

/// <summary>A petition to record or replace.</summary>
public sealed record PetitionBody : PetitionInput
{
    /// <summary>The unit whose registry it goes in (on create).</summary>
    public int UnitId { get; init; }

    /// <summary>The version read (or send If-Match).</summary>
    public int? Version { get; init; }
}

/// <summary>A dialogue to record or replace.</summary>
public sealed record DialogueBody : DialogueInput
{
    /// <summary>The unit that held it (on create).</summary>
    public int UnitId { get; init; }

    /// <summary>The version read (or send If-Match).</summary>
    public int? Version { get; init; }
}

/// <summary>A case's status to set.</summary>
/// <param name="Title">New title, or null to keep it.</param>
/// <param name="Status">open or resolved.</param>
/// <param name="Result">Kết quả.</param>
/// <param name="ResolvedOn">Ngày giải quyết xong.</param>
/// <param name="Version">The version read.</param>
public sealed record CaseBody(string? Title, CaseStatus Status, string? Result, DateOnly? ResolvedOn, int? Version);

/// <summary>A pair of records to merge or to mark not the same.</summary>
/// <param name="Left">A record key ("R:12", "P:7").</param>
/// <param name="Right">The other record key.</param>
/// <param name="Probability">The probability shown to the person (kept with the decision).</param>
public sealed record PairBody(string Left, string Right, double Probability);

/// <summary>A province's registry settings from a day.</summary>
/// <param name="From">From this day.</param>
/// <param name="DelegationThreshold">"Đoàn đông người" from this many people.</param>
/// <param name="RetentionYears">Years personal data is kept.</param>
public sealed record RegistrySettingsBody(DateOnly From, int DelegationThreshold, int RetentionYears);

/// <summary>A citizen as the reader may see them (masked unless the reader has the personal-data permission).</summary>
public sealed record CitizenItem(string? Name, string? IdNumber, string? Address, string? Phone, bool Masked);

/// <summary>A reception as the API answers it.</summary>
public sealed record ReceptionView(
    int Id, string Key, UnitRef Unit, DateOnly ReceivedOn, string? Place, string Kind, string ReceivedByName, string? ReceivedByPosition, bool ByHead,
    int VisitorCount, bool IsDelegation, IReadOnlyList<CitizenItem> Visitors, string Summary, string? Field, string MatterKind, string Outcome,
    int? CaseId, int Version, bool Anonymised);

/// <summary>A petition as the API answers it.</summary>
public sealed record PetitionView(
    int Id, string Key, UnitRef Unit, DateOnly ReceivedOn, string Channel, int PetitionerCount, IReadOnlyList<CitizenItem> Petitioners, string MatterKind,
    string? Field, string Summary, bool WithinCompetence, bool Escalated, string Handling, DateOnly? AcceptedOn, DateOnly? DueOn, bool Overdue,
    DateOnly? ResolvedOn, string? Result, int? CaseId, int Version, bool Anonymised);

/// <summary>A dialogue as the API answers it.</summary>
public sealed record DialogueView(int Id, UnitRef Unit, DateOnly HeldOn, string ChairedBy, bool ByHead, int Participants, string Topics, string? MattersRaised,
    IReadOnlyList<FollowUpInput> FollowUps, int Version);

/// <summary>A case with the keys of its records.</summary>
public sealed record CaseView(int Id, UnitRef Unit, string Title, CaseStatus Status, string? Result, DateOnly? ResolvedOn, IReadOnlyList<string> Records, int Version);

/// <summary>A decision on a pair.</summary>
public sealed record DecisionView(int Id, string Left, string Right, bool Merged, int? CaseId, double Probability, string DecidedBy, DateTime DecidedAt, DateTime? UndoneAt);

/// <summary>The figures of a scope and period, the same period a year before, and the report's paragraph.</summary>
public sealed record RegistryFiguresView(UnitRef Unit, DateOnly From, DateOnly To, IReadOnlyDictionary<string, object?> Figures,
    IReadOnlyDictionary<string, object?> YearBefore, string Paragraph);

/// <summary>What an import stored.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Imported">Records stored.</param>
public sealed record RegistryImportView(string File, int Imported);
