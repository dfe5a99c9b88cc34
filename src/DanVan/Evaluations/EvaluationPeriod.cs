using DanVan.Criteria;
using DanVan.OrgUnits;

namespace DanVan.Evaluations;

/// <summary>The yearly evaluation round (kỳ đánh giá) opened by a coordinator for a scope.</summary>
public sealed class EvaluationPeriod
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Year evaluated.</summary>
    public int Year { get; set; }

    /// <summary>Name, e.g. "Đánh giá công tác dân vận chính quyền năm 2024".</summary>
    public required string Name { get; set; }

    /// <summary>The unit whose coordinators run it (the province, or a district for its communes).</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The scope unit.</summary>
    public OrgUnit? ScopeUnit { get; set; }

    /// <summary>First day units can enter scores.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>Last day to submit.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>When true a late submission is accepted and marked late; otherwise refused.</summary>
    public bool AcceptLate { get; set; } = true;

    /// <summary>Groups taking part and the criteria set of each.</summary>
    public List<PeriodGroup> Groups { get; } = [];

    /// <summary>Assessments, one per participating unit.</summary>
    public List<Assessment> Assessments { get; } = [];
}

/// <summary>A group taking part in a period, with the criteria set version it is scored by.</summary>
public sealed class PeriodGroup
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>The group.</summary>
    public int GroupId { get; set; }

    /// <summary>The group.</summary>
    public UnitGroup? Group { get; set; }

    /// <summary>The criteria set version; frozen once used here.</summary>
    public int CriteriaSetId { get; set; }

    /// <summary>The criteria set.</summary>
    public StoredCriteriaSet? CriteriaSet { get; set; }
}
