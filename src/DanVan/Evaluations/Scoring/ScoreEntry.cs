using DanVan.Criteria;
using DanVan.Refusals;

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

    /// <summary>Phúc tra: a ruling on a criterion the unit contested after publication; written only by <see cref="Reconsiderations.Reconsiderations.Rule"/>.</summary>
    Reconsideration = 3,
}

/// <summary>One entry for one criterion in one layer: the criterion, the layer and its <see cref="CriterionValue"/>.</summary>
/// <remarks>The value's fields can be given directly (<c>Points = 3</c>): they are shortcuts into <see cref="Value"/>, not copies.</remarks>
public sealed record ScoreEntry
{
    /// <summary>The criterion scored.</summary>
    public required string CriterionId { get; init; }

    /// <summary>The layer.</summary>
    public ScoreLayer Layer { get; init; } = ScoreLayer.Self;

    /// <summary>The value.</summary>
    public CriterionValue Value { get; init; } = CriterionValue.Empty;

    /// <summary>Shortcut to <see cref="CriterionValue.Points"/>.</summary>
    public decimal? Points { get => Value.Points; init => Value = Value with { Points = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Level"/>.</summary>
    public string? Level { get => Value.Level; init => Value = Value with { Level = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Checked"/>.</summary>
    public IReadOnlyList<string>? Checked { get => Value.Checked; init => Value = Value with { Checked = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Achieved"/>.</summary>
    public decimal? Achieved { get => Value.Achieved; init => Value = Value with { Achieved = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Target"/>.</summary>
    public decimal? Target { get => Value.Target; init => Value = Value with { Target = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.Count"/>.</summary>
    public int? Count { get => Value.Count; init => Value = Value with { Count = value }; }

    /// <summary>Shortcut to <see cref="CriterionValue.NotApplicable"/>.</summary>
    public bool NotApplicable { get => Value.NotApplicable; init => Value = Value with { NotApplicable = value }; }
}

/// <summary>Checks one value against its criterion: the one place the value rules are written (pages, API and files call it).</summary>
public static class ScoreEntryRules
{
    /// <summary>The step used when a points method names none.</summary>
    public const decimal DefaultStep = 0.25m;

    /// <summary>Why <paramref name="entry"/> is not acceptable for <paramref name="criterion"/>, or null.</summary>
    /// <remarks><paramref name="superiorScored"/>: the criterion or a parent is scored by the level above (<see cref="CriteriaSet.SuperiorScoredIds"/>).</remarks>
    public static Refusal? Check(Criterion criterion, ScoreEntry entry, bool superiorScored)
    {
        var id = criterion.Id;
        Refusal No(string code, string? field, params (string, object?)[] args) =>
            Refusal.Of(code, Where.AtCriterion(id, field), [("criterion", id), .. args]);

        if (entry.CriterionId != id) return No("entry.unknownCriterion", null);
        if (superiorScored && entry.Layer == ScoreLayer.Self) return No("entry.superiorScored", null);
        var v = entry.Value;
        if (v.NotApplicable) return criterion.MayNotApply ? null : No("entry.alwaysApplies", "notApplicable");
        if (!criterion.IsLeaf) return No("entry.notALeaf", null);

        var m = criterion.Method!;
        var max = criterion.MaxPoints;
        var own = CriterionValue.FieldsOf(m.Type);
        if (v.GivenFields().FirstOrDefault(f => !own.Contains(f)) is { } foreign)
            return No("entry.wrongMethodField", foreign, ("field", foreign), ("method", m.Type.ToString().ToLowerInvariant()));
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                if (v.Points is not { } p) return No("entry.valueRequired", "points");
                if (p < 0 || p > max) return No("entry.outOfRange", "points", ("value", p), ("max", max));
                var step = m.Step ?? DefaultStep;
                return p % step != 0 ? No("entry.offStep", "points", ("value", p), ("step", step)) : null;
            case ScoringMethodType.Levels:
                if (v.Level is not { } code) return No("entry.valueRequired", "level");
                return m.Levels.Any(l => l.Code == code)
                    ? null
                    : No("entry.unknownLevel", "level", ("level", code), ("levels", m.Levels.Select(l => l.Code).ToList()));
            case ScoringMethodType.Checklist:
                var unknown = (v.Checked ?? []).FirstOrDefault(i => m.Items.All(x => x.Id != i));
                return unknown is null ? null : No("entry.unknownItem", "checked", ("item", unknown));
            case ScoringMethodType.Ratio:
                if (v.Achieved is not { } achieved) return No("entry.valueRequired", "achieved");
                if (achieved is < 0 or > CriterionValue.MaxFigure)
                    return No("entry.figureOutOfBounds", "achieved", ("value", achieved), ("min", 0m), ("max", CriterionValue.MaxFigure));
                if (m.Target is { } fixedTarget && v.Target is { } entered && entered != fixedTarget)
                    return No("entry.targetFixed", "target", ("target", fixedTarget), ("value", entered));
                if ((m.Target ?? v.Target) is not { } target) return No("entry.valueRequired", "target");
                if (target is < CriterionValue.MinTarget or > CriterionValue.MaxFigure)
                    return No("entry.figureOutOfBounds", "target", ("value", target), ("min", CriterionValue.MinTarget), ("max", CriterionValue.MaxFigure));
                return null;
            case ScoringMethodType.Count:
                if (v.Count is not { } n) return No("entry.valueRequired", "count");
                return n < 0 ? No("entry.negative", "count", ("value", n)) : null;
            default:
                return No("entry.unknownMethod", null);
        }
    }
}
