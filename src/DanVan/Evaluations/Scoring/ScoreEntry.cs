using DanVan.Criteria;

namespace DanVan.Evaluations.Scoring;

/// <summary>Who entered a score; a later layer replaces an earlier one for the same criterion.</summary>
public enum ScoreLayer
{
    /// <summary>Tự đánh giá: the unit's own score.</summary>
    Self = 0,

    /// <summary>Thẩm định: the coordinating body's adjustment.</summary>
    Appraisal = 1,

    /// <summary>Đoàn kiểm tra: the inspection team's finding.</summary>
    Inspection = 2,
}

/// <summary>One entry for one criterion in one layer, in the form its scoring method takes.</summary>
public sealed record ScoreEntry
{
    /// <summary>The criterion scored.</summary>
    public required string CriterionId { get; init; }

    /// <summary>The layer.</summary>
    public ScoreLayer Layer { get; init; } = ScoreLayer.Self;

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
}

/// <summary>Checks one entry against its criterion; returns the reason it is refused, or null.</summary>
public static class ScoreEntryRules
{
    /// <summary>The step used when a points method names none.</summary>
    public const decimal DefaultStep = 0.25m;

    /// <summary>Returns why <paramref name="entry"/> is not acceptable for <paramref name="criterion"/>, or null.</summary>
    /// <remarks><paramref name="superiorScored"/>: the criterion or a parent is scored by the level above (<see cref="CriteriaSet.SuperiorScoredIds"/>).</remarks>
    public static string? Check(Criterion criterion, ScoreEntry entry, bool superiorScored)
    {
        if (entry.CriterionId != criterion.Id)
            return Refused($"the entry is for criterion {entry.CriterionId}, not {criterion.Id}");
        if (superiorScored && entry.Layer == ScoreLayer.Self)
            return Refused($"criterion {criterion.Id} is scored by the level above, not by the unit");
        if (entry.NotApplicable)
            return criterion.MayNotApply ? null : Refused($"criterion {criterion.Id} always applies; it cannot be marked not applicable");
        if (!criterion.IsLeaf)
            return Refused($"criterion {criterion.Id} is scored by its sub-criteria");

        var m = criterion.Method!;
        var max = criterion.MaxPoints;
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                if (entry.Points is not { } p) return Refused($"criterion {criterion.Id} needs points");
                if (p < 0 || p > max) return Refused($"{p} is outside [0, {max}] for criterion {criterion.Id}");
                var step = m.Step ?? DefaultStep;
                if (p % step != 0) return Refused($"{p} is not a multiple of the step {step} for criterion {criterion.Id}");
                return null;
            case ScoringMethodType.Levels:
                if (entry.Level is not { } code) return Refused($"criterion {criterion.Id} needs a level");
                return m.Levels.Any(l => l.Code == code)
                    ? null
                    : Refused($"level '{code}' does not exist for criterion {criterion.Id} (levels: {string.Join(", ", m.Levels.Select(l => l.Code))})");
            case ScoringMethodType.Checklist:
                var unknown = (entry.Checked ?? []).Where(id => m.Items.All(i => i.Id != id)).ToList();
                return unknown.Count == 0 ? null : Refused($"item '{unknown[0]}' does not exist for criterion {criterion.Id}");
            case ScoringMethodType.Ratio:
                if (entry.Achieved is not { } achieved) return Refused($"criterion {criterion.Id} needs the achieved figure");
                if (achieved < 0) return Refused($"the achieved figure must not be negative for criterion {criterion.Id}");
                if (m.Target is { } fixedTarget && entry.Target is { } entered && entered != fixedTarget)
                    return Refused($"the set fixes the target of criterion {criterion.Id} at {fixedTarget}; it cannot be entered as {entered}");
                var target = m.Target ?? entry.Target;
                if (target is not > 0) return Refused($"criterion {criterion.Id} needs a target greater than 0");
                return null;
            case ScoringMethodType.Count:
                if (entry.Count is not { } n) return Refused($"criterion {criterion.Id} needs a count");
                return n < 0 ? Refused($"the count must not be negative for criterion {criterion.Id}") : null;
            default:
                return Refused($"criterion {criterion.Id} has an unknown scoring method");
        }
    }

    // Messages are English and read the same on every server: numbers are written in the invariant form.
    private static string Refused(FormattableString reason) => FormattableString.Invariant(reason);
}
