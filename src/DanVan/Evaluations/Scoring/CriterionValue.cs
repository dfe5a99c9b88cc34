using System.Globalization;
using DanVan.Criteria;

namespace DanVan.Evaluations.Scoring;

/// <summary>
/// A criterion's value in its scoring method — the one type the core rules, the stored entry, the pages and the API
/// share: points, a level, checked items, achieved/target figures, a count, or "does not apply".
/// </summary>
public sealed record CriterionValue
{
    /// <summary>No value.</summary>
    public static readonly CriterionValue Empty = new();

    /// <summary>Largest ratio figure accepted (achieved or target); larger figures are typing mistakes and would overflow.</summary>
    public const decimal MaxFigure = 1_000_000_000_000m;

    /// <summary>Smallest target accepted: figures are stored with 4 decimals.</summary>
    public const decimal MinTarget = 0.0001m;

    /// <summary>Points method: the points entered.</summary>
    public decimal? Points { get; init; }

    /// <summary>Levels method: the chosen level's code.</summary>
    public string? Level { get; init; }

    /// <summary>Checklist method: ids of the checked items.</summary>
    public IReadOnlyList<string>? Checked { get; init; }

    /// <summary>Ratio method: the achieved figure.</summary>
    public decimal? Achieved { get; init; }

    /// <summary>Ratio method: the target, when the set does not fix it.</summary>
    public decimal? Target { get; init; }

    /// <summary>Count method: the number of occurrences.</summary>
    public int? Count { get; init; }

    /// <summary>The criterion does not apply to this unit (only where the set allows it).</summary>
    public bool NotApplicable { get; init; }

    /// <summary>The names of the fields that carry something: points, level, checked, achieved, target, count.</summary>
    public IEnumerable<string> GivenFields()
    {
        if (Points is not null) yield return "points";
        if (Level is not null) yield return "level";
        if (Checked is not null) yield return "checked";
        if (Achieved is not null) yield return "achieved";
        if (Target is not null) yield return "target";
        if (Count is not null) yield return "count";
    }

    /// <summary>The fields a method takes.</summary>
    public static IReadOnlyList<string> FieldsOf(ScoringMethodType type) => type switch
    {
        ScoringMethodType.Points => ["points"],
        ScoringMethodType.Levels => ["level"],
        ScoringMethodType.Checklist => ["checked"],
        ScoringMethodType.Ratio => ["achieved", "target"],
        ScoringMethodType.Count => ["count"],
        _ => [],
    };

    /// <summary>A short Vietnamese description for the audit trail, with every stored decimal (figures keep 4).</summary>
    /// <remarks>Change detection compares descriptions, so they must show all the precision that is stored.</remarks>
    public string Describe()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        if (NotApplicable) return "không áp dụng";
        if (Points is { } p) return $"{p.ToString("0.####", vi)} điểm";
        if (Level is { } l) return $"mức {l}";
        if (Checked is { } c) return $"đạt: {string.Join(", ", c)}";
        if (Achieved is { } a) return $"đạt {a.ToString("0.####", vi)}" + (Target is { } t ? $"/{t.ToString("0.####", vi)}" : "");
        if (Count is { } n) return $"{n} lần";
        return "(trống)";
    }

    /// <summary>True when both store the same thing (lists compared by content).</summary>
    public bool SameAs(CriterionValue? other) => other is not null && Describe() == other.Describe()
        && (Checked ?? []).SequenceEqual(other.Checked ?? []);

    /// <summary>The checked items as stored: comma separated.</summary>
    public static string? JoinChecked(IReadOnlyList<string>? items) => items is null ? null : string.Join(',', items);

    /// <summary>The checked items from their stored form.</summary>
    public static IReadOnlyList<string>? SplitChecked(string? stored) =>
        stored?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
