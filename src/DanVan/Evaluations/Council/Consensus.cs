using System.Globalization;
using DanVan.Criteria;
using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations.Council;

/// <summary>One member's score of one criterion: the value in the criterion's method, its points, the member's note.</summary>
public sealed record MemberScore(string Member, CriterionValue Value, decimal Points, string? Note)
{
    /// <summary>The value scored for <paramref name="leaf"/> (its points by the scoring engine).</summary>
    public static MemberScore Of(string member, Criterion leaf, CriterionValue value, string? note) =>
        new(member, value, value.NotApplicable ? 0 : ScoringEngine.PointsFor(leaf, new ScoreEntry { CriterionId = leaf.Id, Layer = ScoreLayer.Appraisal, Value = value }), note);
}

/// <summary>The council's figures of one criterion: the members' scores, their spread, whether it is a disagreement, and the consensus by the rule.</summary>
/// <param name="Value">The consensus value to record in the appraisal layer; null under <see cref="ConsensusRule.ChairDecides"/> or without scores.</param>
/// <param name="Figure">The mean or median of the points before it is brought to a value of the method.</param>
/// <param name="Basis">The note the appraisal entry carries: "Hội đồng 3 thành viên, trung vị: 8; 7; 9 → 8".</param>
public sealed record ConsensusRow(
    string CriterionId,
    IReadOnlyList<MemberScore> Scores,
    decimal Spread,
    bool Disagreement,
    bool ApplicabilityDiffers,
    decimal? Figure,
    CriterionValue? Value,
    decimal? Points,
    string Basis);

/// <summary>
/// The council's consensus rules, written once: spread and disagreement, mean, median (an even count takes the mean
/// of the two middle scores), and how a figure becomes a value of the criterion's scoring method.
/// </summary>
/// <remarks>
/// A points criterion takes the figure brought to its step (<see cref="ToStep"/>: the nearest step, half a step rounds
/// up, within 0 and the maximum). A criterion of another method (levels, checklist, ratio, count) cannot take an
/// arbitrary number of points: it takes the member value whose points are nearest the figure, the lower one on a tie
/// (a council does not award what no member gave); with an odd count the median is exactly a member's value.
/// Members who find the criterion not applicable leave the figure; when more than half of them do, the consensus is
/// "not applicable". Differing on applicability is a disagreement for the meeting whatever the points.
/// </remarks>
public static class Consensus
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Highest minus lowest of <paramref name="points"/>; 0 for fewer than two.</summary>
    public static decimal Spread(IReadOnlyCollection<decimal> points) => points.Count < 2 ? 0 : points.Max() - points.Min();

    /// <summary>The mean of <paramref name="points"/>, unrounded; null when there are none.</summary>
    public static decimal? Mean(IReadOnlyCollection<decimal> points) => points.Count == 0 ? null : points.Sum() / points.Count;

    /// <summary>The median of <paramref name="points"/>: the middle one, or the mean of the two middle ones for an even count; null when there are none.</summary>
    public static decimal? Median(IReadOnlyCollection<decimal> points)
    {
        if (points.Count == 0) return null;
        var sorted = points.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The figure of a rule: mean or median; null for <see cref="ConsensusRule.ChairDecides"/> or without points.</summary>
    public static decimal? Figure(ConsensusRule rule, IReadOnlyCollection<decimal> points) => rule switch
    {
        ConsensusRule.Mean => Mean(points),
        ConsensusRule.Median => Median(points),
        _ => null,
    };

    /// <summary><paramref name="figure"/> to the nearest multiple of <paramref name="step"/> (half a step up), within 0 and <paramref name="max"/>.</summary>
    public static decimal ToStep(decimal figure, decimal step, decimal max)
    {
        if (step <= 0) return Math.Clamp(figure, 0, max);
        var stepped = Math.Round(figure / step, 0, MidpointRounding.AwayFromZero) * step;
        // The maximum itself may be off the step (a max of 7 with step 2): the highest step below it.
        if (stepped > max) stepped = Math.Floor(max / step) * step;
        return Math.Max(0, stepped);
    }

    /// <summary>The council's row of <paramref name="leaf"/> from the members' scores, listed in the council's order.</summary>
    /// <param name="members">The council's size (the basis names it even when a score is missing).</param>
    public static ConsensusRow Of(ConsensusRule rule, decimal threshold, Criterion leaf, IReadOnlyList<MemberScore> scores, int members)
    {
        var applied = scores.Where(s => !s.Value.NotApplicable).ToList();
        var notApplicable = scores.Count - applied.Count;
        var points = applied.Select(s => s.Points).ToList();
        var spread = Spread(points);
        var differs = notApplicable > 0 && applied.Count > 0;
        var figure = Figure(rule, points);

        CriterionValue? value = null;
        if (rule != ConsensusRule.ChairDecides && scores.Count > 0)
        {
            if (notApplicable * 2 > scores.Count) value = CriterionValue.Empty with { NotApplicable = true };
            else if (figure is { } f) value = ValueFor(leaf, f, applied);
        }
        decimal? consensusPoints = value is null ? null : value.NotApplicable ? 0 : ScoringEngine.PointsFor(leaf, new ScoreEntry { CriterionId = leaf.Id, Value = value });
        return new ConsensusRow(leaf.Id, scores, spread, spread > threshold || differs, differs, figure, value, consensusPoints,
            Basis(rule, members, scores, value is null ? null : Describe(value, consensusPoints)));
    }

    /// <summary>The value a figure gives for <paramref name="leaf"/>: points to the step, or the nearest member value (the lower on a tie).</summary>
    public static CriterionValue ValueFor(Criterion leaf, decimal figure, IReadOnlyList<MemberScore> applied)
    {
        if (leaf.Method?.Type == ScoringMethodType.Points)
            return CriterionValue.Empty with { Points = ToStep(figure, leaf.Method.Step ?? ScoreEntryRules.DefaultStep, leaf.MaxPoints) };
        return applied.OrderBy(s => Math.Abs(s.Points - figure)).ThenBy(s => s.Points).First().Value;
    }

    /// <summary>The words of a rule in a basis: "trung bình cộng", "trung vị", "chủ tịch hội đồng quyết định".</summary>
    public static string Words(ConsensusRule rule) => rule switch
    {
        ConsensusRule.Mean => "trung bình cộng",
        ConsensusRule.Median => "trung vị",
        _ => "chủ tịch hội đồng quyết định",
    };

    /// <summary>"Hội đồng 3 thành viên, trung vị: 8; 7; 9 → 8" (the members' points in the council's order; "không áp dụng" for such a score).</summary>
    public static string Basis(ConsensusRule rule, int members, IReadOnlyList<MemberScore> scores, string? result)
    {
        var list = string.Join("; ", scores.Select(s => s.Value.NotApplicable ? "không áp dụng" : Num(s.Points)));
        return $"Hội đồng {members} thành viên, {Words(rule)}: {list}" + (result is null ? "" : $" → {result}");
    }

    /// <summary>A consensus value in a basis: its points, or "không áp dụng".</summary>
    public static string Describe(CriterionValue value, decimal? points) =>
        value.NotApplicable ? "không áp dụng" : Num(points ?? 0) + (value.Points is null ? $" ({value.Describe()})" : "");

    /// <summary>A number as a basis writes it: "7,5".</summary>
    public static string Num(decimal value) => value.ToString("0.##", Vi);
}
