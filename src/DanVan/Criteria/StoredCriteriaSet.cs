namespace DanVan.Criteria;

/// <summary>A criteria set version as stored: the JSON document and the fields needed to list it.</summary>
public sealed class StoredCriteriaSet
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The set's key (<see cref="CriteriaSet.Id"/>).</summary>
    public required string Key { get; set; }

    /// <summary>Version; (Key, Version) is unique.</summary>
    public int Version { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>Decision number and symbol.</summary>
    public required string DecisionNumber { get; set; }

    /// <summary>Decision date.</summary>
    public DateOnly? DecisionDate { get; set; }

    /// <summary>The whole set in the documented JSON format.</summary>
    public required string Json { get; set; }

    /// <summary>SHA-256 of the JSON, to tell an unchanged re-import from a change.</summary>
    public required string ContentHash { get; set; }

    /// <summary>When it was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>Active sets are offered when a period is opened.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The parsed set.</summary>
    public CriteriaSet Parse() =>
        System.Text.Json.JsonSerializer.Deserialize<CriteriaSet>(Json, CriteriaSetFile.Options)
        ?? throw new InvalidOperationException($"criteria set {Key} v{Version} is empty");
}
