using DanVan.OrgUnits;

namespace DanVan.Web.Api;

/// <summary>A unit as other answers name it.</summary>
public sealed record UnitRef(int Id, string Code, string Name)
{
    /// <summary>From the entity.</summary>
    public static UnitRef From(OrgUnit unit) => new(unit.Id, unit.Code, unit.Name);
}

/// <summary>A unit group (khối) as other answers name it.</summary>
public sealed record GroupRef(int Id, string Code, string Name);

/// <summary>A period as other answers name it.</summary>
public sealed record PeriodRef(int Id, int Year, string Name, DateOnly Deadline);

/// <summary>A criteria set version as other answers name it.</summary>
/// <param name="Id">Database id of the version.</param>
/// <param name="Key">Stable key of the set across versions.</param>
/// <param name="Version">Version number.</param>
/// <param name="Name">Name.</param>
/// <param name="Decision">The issuing decision, e.g. "Quyết định số 3140/QĐ-UBND ngày 20/09/2022".</param>
public sealed record CriteriaSetRef(int Id, string Key, int Version, string Name, string Decision);
