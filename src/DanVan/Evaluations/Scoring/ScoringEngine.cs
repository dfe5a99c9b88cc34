using DanVan.Criteria;

namespace DanVan.Evaluations.Scoring;

/// <summary>What the engine needs besides the entries.</summary>
public sealed record ScoringInput
{
    /// <summary>Entries of every layer.</summary>
    public IReadOnlyList<ScoreEntry> Entries { get; init; } = [];

    /// <summary>Only layers up to this one count (Self gives the self-claimed result).</summary>
    public ScoreLayer UpToLayer { get; init; } = ScoreLayer.Reconsideration;

    /// <summary>Whether the unit submitted its self-assessment.</summary>
    public bool Submitted { get; init; } = true;

    /// <summary>Flags recorded on the assessment (e.g. a disciplinary violation).</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    /// <summary>The previous year's final band code, when known.</summary>
    public string? PreviousBand { get; init; }
}

/// <summary>The points of one criterion.</summary>
public sealed record CriterionScore(
    string CriterionId,
    decimal Points,
    decimal MaxPoints,
    decimal ApplicableMax,
    bool NotApplicable,
    bool Entered,
    ScoreLayer? Layer);

/// <summary>A rule that moved the class, with the band before and after.</summary>
public sealed record RuleEffect(int RuleIndex, RuleType Type, string Description, string FromBand, string ToBand);

/// <summary>A unit's computed result: points per criterion, totals, class, and why.</summary>
public sealed record ScoreResult
{
    /// <summary>Per criterion id, every node of the tree, bonus and deductions.</summary>
    public required IReadOnlyDictionary<string, CriterionScore> Criteria { get; init; }

    /// <summary>Sum of the main criteria's points.</summary>
    public decimal BaseTotal { get; init; }

    /// <summary>Sum of the maxima of the criteria that apply to the unit (e.g. 85 instead of 100).</summary>
    public decimal ApplicableMax { get; init; }

    /// <summary>The nominal maximum of the set.</summary>
    public decimal MaxPoints { get; init; }

    /// <summary>Base total rescaled to the nominal maximum when some criteria do not apply.</summary>
    public decimal ScaledBase { get; init; }

    /// <summary>Bonus after its cap.</summary>
    public decimal Bonus { get; init; }

    /// <summary>Deduction after its cap.</summary>
    public decimal Deduction { get; init; }

    /// <summary>Final total: scaled base + bonus − deduction, not below 0.</summary>
    public decimal Total { get; init; }

    /// <summary>Band reached by the total alone.</summary>
    public required string BandByTotal { get; init; }

    /// <summary>Band after override rules, or "not-eligible".</summary>
    public required string Band { get; init; }

    /// <summary>Label of <see cref="Band"/>.</summary>
    public required string BandLabel { get; init; }

    /// <summary>Rules that moved the class, in order.</summary>
    public IReadOnlyList<RuleEffect> Effects { get; init; } = [];

    /// <summary>One line per step: total, band, each rule applied.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];
}

/// <summary>Computes points, totals and classes from entries by a criteria set's rules. Decimal only.</summary>
public static class ScoringEngine
{
    /// <summary>Computes one unit's result (every rule except group-level share caps).</summary>
    public static ScoreResult Compute(CriteriaSet set, ScoringInput input)
    {
        var latest = LatestEntries(set, input);
        var scores = new Dictionary<string, CriterionScore>(StringComparer.Ordinal);

        foreach (var c in set.Criteria) Score(c, latest, scores, notApplicableAbove: false);
        foreach (var c in set.Bonus.Concat(set.Deductions)) Score(c, latest, scores, notApplicableAbove: false);

        var baseTotal = set.Criteria.Sum(c => scores[c.Id].Points);
        var applicableMax = set.Criteria.Sum(c => scores[c.Id].ApplicableMax);
        var scaled = applicableMax == set.MaxPoints || applicableMax == 0
            ? baseTotal
            : Math.Round(baseTotal * set.MaxPoints / applicableMax, 2, MidpointRounding.AwayFromZero);
        var bonusSum = set.Bonus.Sum(c => scores[c.Id].Points);
        var deductionSum = set.Deductions.Sum(c => scores[c.Id].Points);
        var bonus = Cap(bonusSum, set.BonusCap);
        var deduction = Cap(deductionSum, set.DeductionCap);
        var total = Math.Max(0, scaled + bonus - deduction);

        var bands = set.Classification.Bands;
        var byTotal = BandFor(bands, total);
        var explanation = new List<string>
        {
            applicableMax == set.MaxPoints
                ? $"Tổng điểm {Fmt(baseTotal)}/{Fmt(set.MaxPoints)}"
                : $"Tổng điểm {Fmt(baseTotal)}/{Fmt(applicableMax)} (các tiêu chí áp dụng), quy đổi thang {Fmt(set.MaxPoints)}: {Fmt(scaled)}",
        };
        // A capped sum shows what was earned and the cap, so a reader sees why 3 + 4 counts as 5.
        if (bonus > 0)
            explanation.Add(bonus < bonusSum
                ? $"Điểm thưởng: {Fmt(bonusSum)}, tối đa {Fmt(bonus)}: +{Fmt(bonus)}"
                : $"Điểm thưởng: +{Fmt(bonus)}");
        if (deduction > 0)
            explanation.Add(deduction < deductionSum
                ? $"Điểm trừ: {Fmt(deductionSum)}, tối đa {Fmt(deduction)}: −{Fmt(deduction)}"
                : $"Điểm trừ: −{Fmt(deduction)}");
        explanation.Add($"Tổng cộng {Fmt(total)}: đạt mức \"{byTotal.Label}\" (từ {Fmt(byTotal.Min)} điểm)");

        var band = byTotal.Code;
        var effects = new List<RuleEffect>();
        for (var i = 0; i < set.Classification.Rules.Count; i++)
        {
            var rule = set.Classification.Rules[i];
            var target = RuleTarget(set, rule, band, input, scores);
            if (target is null || target == band) continue;
            var description = rule.Description ?? DefaultDescription(rule);
            effects.Add(new(i, rule.Type, description, band, target));
            explanation.Add($"Áp dụng quy tắc \"{description}\": {LabelOf(set, band)} → {LabelOf(set, target)}");
            band = target;
        }

        return new ScoreResult
        {
            Criteria = scores,
            BaseTotal = baseTotal,
            ApplicableMax = applicableMax,
            MaxPoints = set.MaxPoints,
            ScaledBase = scaled,
            Bonus = bonus,
            Deduction = deduction,
            Total = total,
            BandByTotal = byTotal.Code,
            Band = band,
            BandLabel = LabelOf(set, band),
            Effects = effects,
            Explanation = explanation,
        };
    }

    /// <summary>Applies group-level rules (share caps on a band) to the results of one unit group.</summary>
    /// <remarks>
    /// At most ⌊share × classified units⌋ keep the band, highest totals first; the others move down one band.
    /// Units tied on the total at the cut move down together, so the result never depends on the order the
    /// results are given in and the cap is never exceeded.
    /// </remarks>
    public static IReadOnlyList<ScoreResult> ApplyGroupRules(CriteriaSet set, IReadOnlyList<ScoreResult> results)
    {
        var adjusted = results.ToArray();
        var bands = set.Classification.Bands;
        for (var r = 0; r < set.Classification.Rules.Count; r++)
        {
            var rule = set.Classification.Rules[r];
            if (rule.Type != RuleType.BandShareCap || rule.Band is null) continue;
            var classified = adjusted.Count(x => x.Band != ClassificationRule.NotEligible);
            var allowed = (int)Math.Floor(classified * (rule.Share ?? 0));
            var ranked = adjusted
                .Select((result, index) => (result, index))
                .Where(x => x.result.Band == rule.Band)
                .OrderByDescending(x => x.result.Total)
                .ToList();
            if (ranked.Count <= allowed) continue;
            // The lowest total that may stay: above the first unit beyond the cap.
            var cut = ranked[allowed].result.Total;
            var inBand = ranked.Where(x => x.result.Total <= cut).ToList();
            var bandIndex = IndexOf(bands, rule.Band);
            var lower = bands[bandIndex + 1].Code;
            var description = rule.Description ?? DefaultDescription(rule);
            foreach (var (result, index) in inBand)
            {
                adjusted[index] = result with
                {
                    Band = lower,
                    BandLabel = LabelOf(set, lower),
                    Effects = [.. result.Effects, new RuleEffect(r, rule.Type, description, rule.Band, lower)],
                    Explanation = [.. result.Explanation, $"Áp dụng quy tắc \"{description}\": {LabelOf(set, rule.Band)} → {LabelOf(set, lower)}"],
                };
            }
        }

        return adjusted;
    }

    /// <summary>The band a total reaches: the first, from the top, whose minimum it meets.</summary>
    public static Band BandFor(IReadOnlyList<Band> bands, decimal total) =>
        bands.FirstOrDefault(b => total >= b.Min) ?? bands[^1];

    /// <summary>Label of a band code, or the not-eligible label.</summary>
    public static string LabelOf(CriteriaSet set, string band) =>
        band == ClassificationRule.NotEligible
            ? set.Classification.NotEligibleLabel ?? "Không đủ điều kiện xếp loại"
            : set.Classification.Bands.First(b => b.Code == band).Label;

    /// <summary>Points of one leaf for one entry, by its method.</summary>
    public static decimal PointsFor(Criterion leaf, ScoreEntry entry)
    {
        var m = leaf.Method!;
        var max = leaf.MaxPoints;
        var decimals = m.Decimals ?? 2;
        return m.Type switch
        {
            ScoringMethodType.Points => Math.Clamp(entry.Points ?? 0, 0, max),
            ScoringMethodType.Levels => m.Levels.FirstOrDefault(l => l.Code == entry.Level)?.Points ?? 0,
            ScoringMethodType.Checklist => Math.Min(max, m.Items.Where(i => entry.Checked?.Contains(i.Id) == true).Sum(i => i.Points)),
            ScoringMethodType.Ratio => Round(RatioPoints(m, max, entry), decimals),
            ScoringMethodType.Count => Math.Min(max, (entry.Count ?? 0) * (m.PointsEach ?? 0)),
            _ => 0,
        };
    }

    private static decimal RatioPoints(ScoringMethod m, decimal max, ScoreEntry entry)
    {
        var target = m.Target ?? entry.Target ?? 0;
        var achieved = entry.Achieved ?? 0;
        if (target <= 0 || achieved < 0) return 0;
        // Only a ratio below 1 is divided, so extreme figures (stored before entry was bounded) cannot overflow.
        var ratio = m.LowerIsBetter
            ? (achieved <= target ? 1 : target / achieved)
            : (achieved >= target ? 1 : achieved / target);
        return max * ratio;
    }

    private static Dictionary<string, ScoreEntry> LatestEntries(CriteriaSet set, ScoringInput input)
    {
        // The unit's own entry on a criterion the level above scores does not count (Bắc Kạn: 10 of 100 points).
        var superior = set.SuperiorScoredIds();
        var latest = new Dictionary<string, ScoreEntry>(StringComparer.Ordinal);
        foreach (var e in input.Entries.Where(e => e.Layer <= input.UpToLayer).OrderBy(e => e.Layer))
            if (e.Layer != ScoreLayer.Self || !superior.Contains(e.CriterionId))
                latest[e.CriterionId] = e;
        return latest;
    }

    private static CriterionScore Score(Criterion c, Dictionary<string, ScoreEntry> latest,
        Dictionary<string, CriterionScore> scores, bool notApplicableAbove)
    {
        latest.TryGetValue(c.Id, out var entry);
        var notApplicable = notApplicableAbove || (c.MayNotApply && entry?.NotApplicable == true);

        CriterionScore result;
        if (c.IsLeaf)
        {
            var entered = entry is not null && !entry.NotApplicable;
            var points = notApplicable || !entered ? 0 : PointsFor(c, entry!);
            result = new(c.Id, points, c.MaxPoints, notApplicable ? 0 : c.MaxPoints, notApplicable, entered, entry?.Layer);
        }
        else
        {
            var children = c.Children.Select(child => Score(child, latest, scores, notApplicable)).ToList();
            result = new(c.Id,
                children.Sum(x => x.Points),
                c.MaxPoints,
                children.Sum(x => x.ApplicableMax),
                notApplicable,
                children.Any(x => x.Entered),
                children.Where(x => x.Layer is not null).Max(x => x.Layer));
        }

        scores[c.Id] = result;
        return result;
    }

    private static string? RuleTarget(CriteriaSet set, ClassificationRule rule, string band, ScoringInput input,
        Dictionary<string, CriterionScore> scores)
    {
        bool applies;
        switch (rule.Type)
        {
            case RuleType.CriterionBelowShare:
                var ids = rule.Criteria.Count > 0 ? rule.Criteria : set.Criteria.Select(c => c.Id).ToList();
                var below = ids.Select(id => scores[id])
                    .Count(s => s.ApplicableMax > 0 && s.Points < s.ApplicableMax * (rule.Share ?? 0));
                applies = below >= (rule.MinCount ?? 1);
                break;
            case RuleType.Flag:
                applies = rule.Flag is not null && input.Flags.Contains(rule.Flag);
                break;
            case RuleType.NotSubmitted:
                applies = !input.Submitted;
                break;
            case RuleType.MaxStepsAbovePrevious:
                if (input.PreviousBand is null || band == ClassificationRule.NotEligible) return null;
                var previous = IndexOf(set.Classification.Bands, input.PreviousBand);
                if (previous < 0) return null;
                var highest = Math.Max(0, previous - (rule.Steps ?? 0));
                return IndexOf(set.Classification.Bands, band) < highest ? set.Classification.Bands[highest].Code : null;
            default:
                return null;
        }

        if (!applies) return null;
        if (rule.SetTo is { } setTo) return setTo;
        if (rule.CapAt is { } cap && band != ClassificationRule.NotEligible)
            return IndexOf(set.Classification.Bands, band) < IndexOf(set.Classification.Bands, cap) ? cap : null;
        return null;
    }

    private static string DefaultDescription(ClassificationRule rule) => rule.Type switch
    {
        RuleType.CriterionBelowShare => rule.MinCount is > 1
            ? $"có từ {rule.MinCount:00} tiêu chí trở lên đạt dưới {Fmt((rule.Share ?? 0) * 100)}% điểm tối đa"
            : $"có tiêu chí đạt dưới {Fmt((rule.Share ?? 0) * 100)}% điểm tối đa",
        RuleType.Flag => $"có ghi nhận \"{rule.Flag}\"",
        RuleType.NotSubmitted => "không nộp tự đánh giá",
        RuleType.MaxStepsAbovePrevious => $"không vượt quá {rule.Steps} mức so với kết quả năm trước",
        RuleType.BandShareCap => $"tỷ lệ mức {rule.Band} không quá {Fmt((rule.Share ?? 0) * 100)}% số đơn vị",
        _ => rule.Type.ToString(),
    };

    private static int IndexOf(IReadOnlyList<Band> bands, string code)
    {
        for (var i = 0; i < bands.Count; i++)
            if (bands[i].Code == code) return i;
        return -1;
    }

    private static decimal Cap(decimal value, decimal? cap) => cap is { } c ? Math.Min(value, c) : value;

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static string Fmt(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
