namespace DanVan.OrgUnits;

/// <summary>Kinds of unit, from the glossary.</summary>
public enum OrgUnitKind
{
    /// <summary>Tỉnh / thành phố trực thuộc TW.</summary>
    Province = 1,

    /// <summary>Sở, ban, ngành cấp tỉnh.</summary>
    ProvincialAgency = 2,

    /// <summary>Đơn vị sự nghiệp công lập.</summary>
    PublicServiceUnit = 3,

    /// <summary>UBND huyện, thị xã, thành phố thuộc tỉnh (abolished 1 July 2025; kept for history).</summary>
    District = 4,

    /// <summary>Phòng, ban thuộc UBND huyện.</summary>
    DistrictOffice = 5,

    /// <summary>UBND xã, phường, thị trấn, đặc khu.</summary>
    Commune = 6,

    /// <summary>Cơ quan Trung ương đóng trên địa bàn.</summary>
    CentralAgency = 7,
}

/// <summary>An evaluated or reporting body (cơ quan, đơn vị, địa phương).</summary>
public sealed class OrgUnit
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Official code, unique (e.g. the administrative unit code).</summary>
    public required string Code { get; set; }

    /// <summary>Full name, e.g. "UBND huyện Lệ Thủy".</summary>
    public required string Name { get; set; }

    /// <summary>Short name used in report sentences, e.g. "huyện Lệ Thủy".</summary>
    public string? ShortName { get; set; }

    /// <summary>Kind of unit.</summary>
    public OrgUnitKind Kind { get; set; }

    /// <summary>Parent unit id.</summary>
    public int? ParentId { get; set; }

    /// <summary>Parent unit.</summary>
    public OrgUnit? Parent { get; set; }

    /// <summary>Child units.</summary>
    public List<OrgUnit> Children { get; } = [];

    /// <summary>Materialised path: the ids from the top unit down to this one, "/1/5/23/"; kept by the database context (<see cref="UnitPaths"/>).</summary>
    public string Path { get; set; } = "";

    /// <summary>First day the unit exists.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>Last day the unit exists (merged, split or abolished after it).</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Groups (khối) the unit is evaluated in.</summary>
    public List<UnitGroup> Groups { get; } = [];

    /// <summary>Name for sentences: the short name when there is one.</summary>
    public string DisplayName => ShortName ?? Name;

    /// <summary>True when the unit exists on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>A set of units evaluated with the same criteria and ranked together (khối).</summary>
public sealed class UnitGroup
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Code, e.g. "cap-xa".</summary>
    public required string Code { get; set; }

    /// <summary>Name, e.g. "Cấp xã".</summary>
    public required string Name { get; set; }

    /// <summary>Order in reports.</summary>
    public int SortOrder { get; set; }

    /// <summary>Member units.</summary>
    public List<OrgUnit> Units { get; } = [];
}

/// <summary>How a unit became another.</summary>
public enum SuccessionKind
{
    /// <summary>Several units merged into one.</summary>
    Merge = 1,

    /// <summary>A unit split into several.</summary>
    Split = 2,

    /// <summary>A unit renamed or re-coded.</summary>
    Rename = 3,
}

/// <summary>A successor link (merge, split, rename) so multi-year reports map old units to current ones.</summary>
public sealed class UnitSuccession
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The unit that ended.</summary>
    public int PredecessorId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Predecessor { get; set; }

    /// <summary>The unit that continues it.</summary>
    public int SuccessorId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Successor { get; set; }

    /// <summary>The day the successor takes over.</summary>
    public DateOnly EffectiveOn { get; set; }

    /// <summary>Kind of change.</summary>
    public SuccessionKind Kind { get; set; }

    /// <summary>The decision or resolution, e.g. "Nghị quyết số 1680/NQ-UBTVQH15".</summary>
    public string? Decision { get; set; }
}
