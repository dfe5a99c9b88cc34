namespace DanVan.Reports;

/// <summary>Writes the sentences of sections II.3 (criteria) and II.4 (self-assessment against appraisal) from a report.</summary>
/// <remarks>Every number comes from the report; the wording is in <see cref="ReportPhrases"/>.</remarks>
public static class AnalysisNarrative
{
    /// <summary>How many units with the largest over-scoring are named.</summary>
    public const int NamedGaps = 5;

    /// <summary>How many criteria with the largest average over-scoring are named.</summary>
    public const int NamedCriterionGaps = 3;

    /// <summary>Strongest and weakest criteria with their average share of the maximum, per criteria set.</summary>
    public static IReadOnlyList<string> CriteriaLines(ConsolidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>();
        foreach (var analysis in report.Criteria.Where(a => a.Criteria.Count > 0))
        {
            lines.Add(ReportPhrases.CriteriaIntro(analysis.CriteriaSetName, analysis.Criteria.Max(c => c.Units)));
            var max = analysis.Criteria.Max(c => c.AverageShare);
            var min = analysis.Criteria.Min(c => c.AverageShare);
            if (max == min)
            {
                lines.Add(ReportPhrases.AllCriteriaEqual(max));
                continue;
            }
            // Ties would put one criterion among both the strongest and the weakest; each is named once.
            var strongest = analysis.Strongest.Where(c => c.AverageShare > min).ToList();
            var weakest = analysis.Weakest.Where(w => w.AverageShare < max && strongest.All(s => s.CriterionId != w.CriterionId)).ToList();
            if (strongest.Count > 0) lines.Add(ReportPhrases.Strongest(strongest.Select(Share)));
            if (weakest.Count > 0) lines.Add(ReportPhrases.Weakest(weakest.Select(Share)));
        }
        if (lines.Count == 0) lines.Add(ReportPhrases.NoCriteriaScores);
        return lines;
    }

    /// <summary>How many units scored themselves higher than the appraisal, by how much, which units and criteria most.</summary>
    public static IReadOnlyList<string> GapLines(ConsolidatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gaps = report.UnitGaps;
        if (gaps.Count == 0) return [ReportPhrases.NoAppraisals];

        var higher = gaps.Where(g => g.Gap > 0).ToList();
        var lines = new List<string>
        {
            ReportPhrases.Gaps(gaps.Count, higher.Count, higher.Count == 0 ? 0 : higher.Average(g => g.Gap),
                gaps.Count(g => g.Gap < 0), gaps.Count(g => g.Gap == 0)),
        };

        var order = BandOrder(report);
        var classHigher = gaps.Count(g => order.TryGetValue(g.SelfBand, out var self) && order.TryGetValue(g.FinalBand, out var final) && self < final);
        if (classHigher > 0) lines.Add(ReportPhrases.ClassHigher(classHigher));

        if (higher.Count > 0)
            lines.Add(ReportPhrases.LargestGaps(higher.Take(NamedGaps).Select(g => ReportPhrases.UnitGap(g.Unit.Name, g.SelfTotal, g.FinalTotal, g.Gap))));

        var criteria = report.CriterionGaps.Where(c => c.AverageGap > 0).Take(NamedCriterionGaps).ToList();
        if (criteria.Count > 0)
            lines.Add(ReportPhrases.CriterionGaps(criteria.Select(c => ReportPhrases.CriterionGap(c.CriterionId, c.Name, c.AverageGap))));
        return lines;
    }

    private static string Share(CriterionAverage c) => ReportPhrases.CriterionShare(c.CriterionId, c.Name, c.AverageShare);

    /// <summary>Band labels by rank, best first, as the sections list them.</summary>
    private static Dictionary<string, int> BandOrder(ConsolidatedReport report)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in report.Sections)
        {
            for (var i = 0; i < section.Bands.Count; i++) order.TryAdd(section.Bands[i].Label, i);
        }
        return order;
    }
}
