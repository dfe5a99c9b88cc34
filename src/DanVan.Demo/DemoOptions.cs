using DanVan.Evaluations;

namespace DanVan.Demo;

/// <summary>How large and which demo province to create; <c>new DemoOptions()</c> gives the standard one.</summary>
public sealed record DemoOptions
{
    /// <summary>Seed of the random choices; the same seed gives the same province, scores and states.</summary>
    public int Seed { get; init; } = 2024;

    /// <summary>Communes per district are multiplied by this (1 → 159 communes; 20 → 3,180), for benchmarks.</summary>
    public int Scale { get; init; } = 1;

    /// <summary>First year evaluated.</summary>
    public int FirstYear { get; init; } = 2023;

    /// <summary>Number of yearly periods; every year but the last is closed (approved), the last is in progress.</summary>
    public int Years { get; init; } = 2;
}

/// <summary>A period the demo created, with how many assessments are in each status.</summary>
public sealed record DemoPeriod(int Id, int Year, string Name, int Assessments, IReadOnlyDictionary<AssessmentStatus, int> ByStatus, int Late);

/// <summary>What the demo created.</summary>
public sealed record DemoSummary(
    string ProvinceCode,
    string ProvinceName,
    int Units,
    int Groups,
    int Successions,
    IReadOnlyList<string> CriteriaSets,
    IReadOnlyList<DemoPeriod> Periods,
    int Entries,
    int AuditLines);
