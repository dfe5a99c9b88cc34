using System.Globalization;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>A criterion's registry figure for one assessment, and the most the unit's own score may claim by it.</summary>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Link">How the criterion names the figure.</param>
/// <param name="Shape">Count, ratio or yes/no.</param>
/// <param name="Value">The figure of the unit over the period's data window.</param>
/// <param name="SupportedPoints">The most (for a deduction: the least) the self-score may claim by the figure; null when nothing is checked.</param>
/// <param name="Taken">The value a criterion taking its value from the registry gets; null otherwise (or when the figure gives none, a rate of 0/0).</param>
public sealed record CriterionFigure(string CriterionId, RegistryLink Link, FigureShape Shape, IndicatorValue Value, decimal? SupportedPoints, CriterionValue? Taken)
{
    /// <summary>The figure in words: "3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì".</summary>
    public string Phrase(CultureInfo culture) => FigureNames.Phrase(Link.Figure, Value, culture);
}

/// <summary>An assessment's registry figures per linked criterion, and the contradictions of the unit's self-score.</summary>
/// <param name="Figures">One per criterion that names a figure, in the set's order.</param>
/// <param name="Contradictions">Refusal-like records (codes <c>contradiction.*</c>, at a criterion): the self-score claims more than the figure supports.</param>
public sealed record RegistryReport(IReadOnlyList<CriterionFigure> Figures, IReadOnlyList<Refusal> Contradictions)
{
    /// <summary>No linked criterion.</summary>
    public static readonly RegistryReport None = new([], []);

    /// <summary>The figure of a criterion, or null.</summary>
    public CriterionFigure? For(string criterionId) => Figures.FirstOrDefault(f => f.CriterionId == criterionId);

    /// <summary>The contradictions of one criterion.</summary>
    public IEnumerable<Refusal> ContradictionsOf(string criterionId) => Contradictions.Where(c => c.Where.Criterion == criterionId);
}

/// <summary>
/// Criteria checked against the registries (issue 11, item 5): the figures a criteria set names, for a unit over the
/// period's data window; the contradictions of a self-score with them; the values a criterion takes from a registry.
/// The one place these rules are written: pages, the API, the CLI and the demo call it.
/// </summary>
public static class RegistryChecks
{
    /// <summary>The criteria of <paramref name="set"/> that name a registry figure (leaves only, as the validator requires).</summary>
    public static IEnumerable<Criterion> Linked(CriteriaSet set) => set.AllCriteria().Where(c => c.IsLeaf && c.Registry is not null);

    /// <summary>True when the unit may not type the value of <paramref name="c"/>: it comes from the registry.</summary>
    public static bool TakesValue(Criterion c) => c.Registry is { TakeValue: true };

    /// <summary>The figures named by <paramref name="set"/> for the unit at <paramref name="unitPath"/> over [from, to]; empty when none is named.</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorValue>> FiguresAsync(DanVanDbContext db, CriteriaSet set, string unitPath,
        DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var codes = Linked(set).Select(c => c.Registry!.Figure).Where(RegistryFigures.Knows).ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0) return new Dictionary<string, IndicatorValue>();
        return await RegistryFigures.ComputeAsync(db, new FigureScope(unitPath, Below: false, from, to), codes, ct);
    }

    /// <summary>The figures of an assessment's unit over its period's data window (the unit and period are loaded when missing).</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorValue>> FiguresAsync(DanVanDbContext db, Assessment a, CriteriaSet set, CancellationToken ct = default)
    {
        if (!Linked(set).Any()) return new Dictionary<string, IndicatorValue>();
        var path = a.Unit?.Path ?? await db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Path).SingleAsync(ct);
        var period = a.Period ?? await db.Periods.AsNoTracking().SingleAsync(p => p.Id == a.PeriodId, ct);
        return await FiguresAsync(db, set, path, period.WindowFrom, period.WindowTo, ct);
    }

    /// <summary>The registry report of an assessment as it stands.</summary>
    public static async Task<RegistryReport> CheckAsync(DanVanDbContext db, Assessment a, CriteriaSet set, CancellationToken ct = default) =>
        Linked(set).Any() ? Check(set, await FiguresAsync(db, a, set, ct), a.ToScoreEntries()) : RegistryReport.None;

    /// <summary>
    /// Each linked criterion's figure and what it supports, and the contradictions of the unit's own entries: the self
    /// points are more than the figure supports (for a deduction: fewer deducted than the registry's count gives).
    /// </summary>
    /// <remarks>
    /// Supported points: at least T with figure F below it, max × F / T; at most T with F above it, max × T / F (0 when T
    /// is 0); an expected yes/no not met, 0; a taken value, the points of the registry's value (so a value taken earlier
    /// that the registry no longer holds is flagged). A rate of 0/0 supports anything: nothing was due.
    /// </remarks>
    public static RegistryReport Check(CriteriaSet set, IReadOnlyDictionary<string, IndicatorValue> figures, IEnumerable<ScoreEntry> entries)
    {
        var self = entries.Where(e => e.Layer == ScoreLayer.Self).ToDictionary(e => e.CriterionId, StringComparer.Ordinal);
        var superior = set.SuperiorScoredIds();
        var deductions = set.Deductions.SelectMany(c => c.SelfAndDescendants()).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var list = new List<CriterionFigure>();
        var contradictions = new List<Refusal>();
        foreach (var c in Linked(set))
        {
            var link = c.Registry!;
            if (!RegistryFigures.Catalogue.TryGetValue(link.Figure, out var figure) || !figures.TryGetValue(link.Figure, out var value)) continue;
            self.TryGetValue(c.Id, out var entry);
            var taken = link.TakeValue ? TakenValue(c, value, entry?.Value) : null;
            var supported = Supported(c, value, taken);
            list.Add(new CriterionFigure(c.Id, link, figure.Shape, value, supported, taken));

            if (supported is not { } most || superior.Contains(c.Id) || entry is null || entry.NotApplicable) continue;
            var claimed = ScoringEngine.PointsFor(c, entry);
            var deduction = deductions.Contains(c.Id);
            if (deduction ? claimed >= most : claimed <= most) continue;
            contradictions.Add(Contradiction(c, link, value, entry, claimed, most));
        }
        return new RegistryReport(list, contradictions);
    }

    /// <summary>The value a criterion taking its value from the registry gets: the count, or the ratio method's achieved figure (a rate as a percentage).</summary>
    /// <remarks>Null when the figure gives none: a rate of 0/0, or a figure of another shape. The target stays the set's (or the one entered).</remarks>
    public static CriterionValue? TakenValue(Criterion c, IndicatorValue figure, CriterionValue? current = null)
    {
        var number = Number(figure);
        if (number is null || c.Method is not { } m) return null;
        return m.Type switch
        {
            ScoringMethodType.Count when figure is NumberValue => new CriterionValue { Count = (int)Math.Round(number.Value, MidpointRounding.AwayFromZero) },
            ScoringMethodType.Ratio => new CriterionValue { Achieved = Math.Round(number.Value, 4), Target = m.Target is null ? current?.Target : null },
            _ => null,
        };
    }

    /// <summary>
    /// Sets the unit's entries of the criteria that take their value from the registry to the registry's value, each
    /// change with its audit line; the caller saves. Only while the unit may edit, and never over "does not apply".
    /// </summary>
    /// <returns>The criteria whose value changed.</returns>
    public static IReadOnlyList<string> TakeValues(DanVanDbContext db, Assessment a, CriteriaSet set, IReadOnlyDictionary<string, IndicatorValue> figures, string user, DateTime at)
    {
        if (!a.IsEditableByUnit) return [];
        var changed = new List<string>();
        foreach (var c in Linked(set).Where(TakesValue))
        {
            if (!AssessmentEntries.IsScoredByUnit(set, c.Id) || !figures.TryGetValue(c.Registry!.Figure, out var figure)) continue;
            var existing = a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == ScoreLayer.Self);
            if (existing is { NotApplicable: true }) continue;
            if (TakenValue(c, figure, existing?.Value) is not { } value || (existing is not null && value.SameAs(existing.Value))) continue;
            AssessmentEntries.Set(db, a, set, new EntryInput { CriterionId = c.Id, Value = value, Note = existing?.Note }, user, at, fromRegistry: true);
            changed.Add(c.Id);
        }
        return changed;
    }

    /// <summary><see cref="TakeValues"/> with the figures of the assessment's unit and period; <paramref name="a"/> is tracked with its entries.</summary>
    public static async Task<IReadOnlyList<string>> TakeValuesAsync(DanVanDbContext db, Assessment a, CriteriaSet set, string user, DateTime at, CancellationToken ct = default)
    {
        if (!a.IsEditableByUnit || !Linked(set).Any(TakesValue)) return [];
        return TakeValues(db, a, set, await FiguresAsync(db, a, set, ct), user, at);
    }

    /// <summary>The contradiction in words, with the figure and its registry named in the reader's language.</summary>
    public static string Render(Refusal contradiction, CultureInfo culture)
    {
        var figure = contradiction.Args.TryGetValue("figure", out var f) ? f as string ?? "" : "";
        var args = new Dictionary<string, object?>(contradiction.Args, StringComparer.Ordinal)
        {
            ["figureName"] = FigureNames.Name(figure, culture),
            ["registry"] = FigureNames.Registry(figure, culture),
        };
        return RefusalText.Render(contradiction with { Args = args }, culture);
    }

    /// <summary>The figure as one number: a count, a rate as a percentage (null for 0/0), yes as 1 and no as 0.</summary>
    public static decimal? Number(IndicatorValue value) => value switch
    {
        NumberValue n => n.Value,
        RatioValue { Whole: 0 } => null,
        RatioValue r => Math.Round(100 * r.Part / r.Whole, 2, MidpointRounding.AwayFromZero),
        YesNoValue y => y.Yes ? 1 : 0,
        _ => null,
    };

    private static decimal? Supported(Criterion c, IndicatorValue value, CriterionValue? taken)
    {
        var link = c.Registry!;
        var max = c.MaxPoints;
        if (link.TakeValue)
            return taken is null ? null : ScoringEngine.PointsFor(c, new ScoreEntry { CriterionId = c.Id, Value = taken });
        if (link.Expect is { } expected)
            return value is YesNoValue y ? (y.Yes == expected ? max : 0) : null;
        if (Number(value) is not { } found) return null;
        if (link.AtLeast is { } least)
            return found >= least ? max : Round(max * Math.Max(0, found) / least);
        if (link.AtMost is { } most)
            return found <= most ? max : most == 0 ? 0 : Round(max * most / found);
        return null;
    }

    private static Refusal Contradiction(Criterion c, RegistryLink link, IndicatorValue value, ScoreEntry entry, decimal claimed, decimal supported)
    {
        var found = Number(value) ?? 0;
        var rate = value is RatioValue;
        (string, object?)[] common = [("criterion", c.Id), ("figure", link.Figure), ("points", claimed), ("max", c.MaxPoints), ("supported", supported), ("found", found)];
        var (code, extra) = link switch
        {
            { TakeValue: true } => ("contradiction.takenValueChanged", ("entered", (object?)Describe(entry.Value))),
            { AtLeast: { } least } => (rate ? "contradiction.rateBelowAtLeast" : "contradiction.belowAtLeast", ("expected", (object?)least)),
            { AtMost: { } most } => (rate ? "contradiction.rateAboveAtMost" : "contradiction.aboveAtMost", ("expected", (object?)most)),
            { Expect: true } => ("contradiction.expectedYes", ("expected", (object?)true)),
            _ => ("contradiction.expectedNo", ("expected", (object?)false)),
        };
        return Refusal.Of(code, Where.AtCriterion(c.Id), [.. common, extra]);
    }

    // The figure a taken entry holds: its count, or its achieved figure.
    private static decimal? Describe(CriterionValue v) => v.Count is { } n ? n : v.Achieved;

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
