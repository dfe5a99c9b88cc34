using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.OrgUnits;

namespace DanVan.Reports;

/// <summary>Everything a report is built from, already loaded: plain data, no database.</summary>
/// <param name="Current">This period's results.</param>
/// <param name="Earlier">Earlier periods of the same scope, any order.</param>
/// <param name="Units">All units (parents, successors).</param>
/// <param name="Successions">Successor links.</param>
/// <param name="ScopeUnitId">The report's scope; only units within it count.</param>
/// <param name="Today">The day the report is built, in the province's time; null reads the period as over.</param>
public sealed record ReportInput(
    PeriodResults Current,
    IReadOnlyList<PeriodResults> Earlier,
    IReadOnlyList<OrgUnit> Units,
    IReadOnlyList<UnitSuccession> Successions,
    int ScopeUnitId,
    DateOnly? Today = null);

/// <summary>Builds the consolidated report from period results. Plain C#, deterministic.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report for the input's scope with the given options.</summary>
    public static ConsolidatedReport Build(ReportInput input, ReportOptions options)
    {
        var tree = new OrgTree(input.Units);
        var current = InScope(input.Current, tree, input.ScopeUnitId);
        var sections = SectionsFor(current, options);
        var results = sections.Select(s => BuildSection(s, current, tree, options, input.Today)).ToList();

        return new ConsolidatedReport
        {
            Year = current.Period.Year,
            PeriodName = current.Period.Name,
            ScopeName = tree[input.ScopeUnitId].Name,
            Decisions = current.Units.Select(u => u.CriteriaSet.Decision).DistinctBy(d => d.Number).ToList(),
            Sections = results,
            ParentsNotEvaluatingMembers = ParentsNotEvaluating(current, tree),
            Criteria = AnalyseCriteria(current, options.TopCriteria),
            UnitGaps = current.Units
                .Where(u => u.Evaluated && u.Final is not null)
                .Select(u => new UnitGap(Mention(u), u.Group.Name, u.Self.Total, u.Final!.Total, u.Self.BandLabel, u.Final.BandLabel))
                .OrderByDescending(g => g.Gap).ThenBy(g => g.Unit.Name, StringComparer.Ordinal)
                .ToList(),
            CriterionGaps = CriterionGaps(current),
            YearComparison = input.Earlier
                .Select(p => InScope(p, tree, input.ScopeUnitId))
                .Append(current)
                .OrderBy(p => p.Period.Year)
                .SelectMany(p => sections.Select(s => YearSectionFor(p, s, tree, options)))
                .ToList(),
            UnitHistories = Histories(current, input.Earlier, input.Successions, tree),
            Progress = ProgressOf(current, input.Today),
            Phrases = options.Phrases,
        };
    }

    private static ReportProgress ProgressOf(PeriodResults results, DateOnly? today)
    {
        var units = results.Units;
        return new ReportProgress(units.Count,
            units.Count(u => u.Status is AssessmentStatus.NotStarted or AssessmentStatus.Draft),
            units.Count(u => u.Status == AssessmentStatus.Returned),
            units.Count(u => u.Status == AssessmentStatus.Submitted),
            units.Count(u => u.Status == AssessmentStatus.Appraised),
            units.Count(u => u.Status == AssessmentStatus.Approved),
            today is not { } day || units.All(u => day > DeadlineOf(results.Period, u.Unit)));
    }

    private static DateOnly DeadlineOf(EvaluationPeriod period, OrgUnit unit) => period.DeadlineFor(unit.Kind);

    private static MissingReason ReasonOf(UnitResult u, PeriodResults results, DateOnly? today) =>
        u.Status == AssessmentStatus.Returned ? MissingReason.Returned
        : today is { } day && day <= DeadlineOf(results.Period, u.Unit) ? MissingReason.NotYetDue
        : MissingReason.Absent;

    /// <summary>The sections: those configured, or one per group of the period.</summary>
    public static IReadOnlyList<ReportSection> SectionsFor(PeriodResults results, ReportOptions options) =>
        options.Sections.Count > 0
            ? options.Sections.Where(s => s.Parts.Any(p => results.Groups.Any(g => g.Code == p.GroupCode))).ToList()
            : results.Groups.Select(g => new ReportSection(g.Name, [new ReportPart(g.Code, Noun(g.Name))])).ToList();

    /// <summary>A group's name as a noun inside a sentence: "Sở, ban, ngành cấp tỉnh" → "sở, ban, ngành cấp tỉnh"; "UBND cấp xã" stays.</summary>
    private static string Noun(string name) => VietnameseFormat.InSentence(name);

    private static PeriodResults InScope(PeriodResults results, OrgTree tree, int scopeUnitId) =>
        results with { Units = results.Units.Where(u => tree.IsWithin(u.Unit.Id, scopeUnitId)).ToList() };

    private static SectionResult BuildSection(ReportSection section, PeriodResults results, OrgTree tree, ReportOptions options, DateOnly? today)
    {
        var units = UnitsOf(section, results);
        var parts = section.Parts
            .Select(p => (part: p, group: results.Groups.FirstOrDefault(g => g.Code == p.GroupCode)))
            .Where(x => x.group is not null)
            .Select(x =>
            {
                var members = results.Units.Where(u => u.Group.Id == x.group!.Id).ToList();
                return new PartResult(x.part, x.group!.Name, members.Count, members.Count(IsEvaluated),
                    members.Where(u => !IsEvaluated(u)).Select(Mention).ToList());
            })
            .ToList();

        var style = section.Style != SectionStyle.Auto ? section.Style
            : units.Count <= options.NamedListThreshold ? SectionStyle.Named : SectionStyle.Percentages;

        var classified = units.Where(u => u.Evaluated).ToList();
        var inspectedOnly = units.Where(u => !u.Evaluated && u.Final is not null)
            .Select(u => new InspectedOnly(Mention(u), u.Final!.BandLabel)).ToList();
        // Where membership is voluntary (ShowTotal false) nobody is "missing".
        var voluntary = section.Parts.Where(p => !p.ShowTotal).Select(p => p.GroupCode).ToHashSet(StringComparer.Ordinal);
        var missing = units.Where(u => !IsEvaluated(u) && !voluntary.Contains(u.Group.Code))
            .Select(u =>
            {
                var members = results.Units.Where(m => m.Unit.ParentId == u.Unit.Id).ToList();
                return new MissingWithMembers(Mention(u), members.Count(m => m.Evaluated), members.Count, ReasonOf(u, results, today));
            })
            .ToList();

        return new SectionResult(section, style, parts, CountBands(classified, units), missing, inspectedOnly);
    }

    private static List<UnitResult> UnitsOf(ReportSection section, PeriodResults results)
    {
        var codes = section.Parts.Select(p => p.GroupCode).ToHashSet(StringComparer.Ordinal);
        return results.Units.Where(u => codes.Contains(u.Group.Code)).ToList();
    }

    /// <summary>Evaluated: submitted a self-assessment, or classified by an inspection team.</summary>
    private static bool IsEvaluated(UnitResult u) => u.Evaluated || u.Final is not null;

    private static List<BandCount> CountBands(IReadOnlyList<UnitResult> classified, IReadOnlyList<UnitResult> all)
    {
        var set = all.Select(u => u.CriteriaSet).FirstOrDefault();
        if (set is null) return [];
        var bands = set.Classification.Bands.Select(b => (b.Code, b.Label)).ToList();
        if (set.Classification.NotEligibleLabel is { } ne) bands.Add((ClassificationRule.NotEligible, ne));
        return bands.Select(b =>
        {
            var units = classified.Where(u => u.Reported.Band == b.Code).Select(Mention).ToList();
            return new BandCount(b.Code, b.Label, units.Count, units);
        }).ToList();
    }

    private static UnitMention Mention(UnitResult u) => new(u.Unit.Id, u.Unit.DisplayName, SelfClaimed: u.Evaluated && u.Final is null);

    private static List<MissingWithMembers> ParentsNotEvaluating(PeriodResults results, OrgTree tree) =>
        results.Units
            .Where(u => u.Unit.ParentId is not null)
            .GroupBy(u => u.Unit.ParentId!.Value)
            .Where(g => g.All(u => !u.Evaluated))
            .Select(g => new MissingWithMembers(new UnitMention(g.Key, tree[g.Key].DisplayName), 0, g.Count()))
            .OrderBy(m => m.Unit.Name, StringComparer.Ordinal)
            .ToList();

    private static List<CriteriaAnalysis> AnalyseCriteria(PeriodResults results, int top)
    {
        return results.Units
            .Where(u => u.Evaluated)
            .GroupBy(u => u.CriteriaSet.Id + "@" + u.CriteriaSet.Version)
            .Select(g =>
            {
                var set = g.First().CriteriaSet;
                var averages = set.Criteria.Select(c =>
                {
                    var scores = g.Select(u => u.Reported.Criteria[c.Id]).Where(s => s.ApplicableMax > 0).ToList();
                    var avgPoints = scores.Count == 0 ? 0 : scores.Average(s => s.Points);
                    var avgShare = scores.Count == 0 ? 0 : scores.Average(s => s.Points / s.ApplicableMax);
                    return new CriterionAverage(c.Id, c.Name, c.MaxPoints, Math.Round(avgPoints, 2), Math.Round(avgShare, 4), scores.Count);
                }).Where(a => a.Units > 0).ToList();
                return new CriteriaAnalysis(set.Name, averages,
                    // OrderBy is stable: ties keep the order of the criteria set.
                    averages.OrderByDescending(a => a.AverageShare).Take(top).ToList(),
                    averages.OrderBy(a => a.AverageShare).Take(top).ToList());
            })
            .ToList();
    }

    private static List<CriterionGap> CriterionGaps(PeriodResults results)
    {
        var reviewed = results.Units.Where(u => u.Evaluated && u.Final is not null).ToList();
        return reviewed
            .SelectMany(u => u.CriteriaSet.Criteria.Select(c => (c, gap: u.Self.Criteria[c.Id].Points - u.Final!.Criteria[c.Id].Points)))
            .GroupBy(x => (x.c.Id, x.c.Name))
            .Select(g => new CriterionGap(g.Key.Id, g.Key.Name, Math.Round(g.Average(x => x.gap), 2), g.Count()))
            .OrderByDescending(g => g.AverageGap)
            .ToList();
    }

    private static YearSection YearSectionFor(PeriodResults results, ReportSection section, OrgTree tree, ReportOptions options)
    {
        var units = UnitsOf(section, results);
        return new YearSection(results.Period.Year, section.Title, units.Count, units.Count(IsEvaluated),
            CountBands(units.Where(u => u.Evaluated).ToList(), units));
    }

    private static List<UnitHistory> Histories(PeriodResults current, IReadOnlyList<PeriodResults> earlier,
        IReadOnlyList<UnitSuccession> successions, OrgTree tree)
    {
        var histories = new List<UnitHistory>();
        foreach (var unit in current.Units)
        {
            var lineage = Lineage(unit.Unit.Id, successions);
            var byYear = new SortedDictionary<int, IReadOnlyList<string>>();
            foreach (var period in earlier.Append(current))
            {
                var bands = period.Units.Where(u => lineage.Contains(u.Unit.Id) && IsEvaluated(u))
                    .Select(u => u.Reported.BandLabel).ToList();
                if (bands.Count > 0) byYear[period.Period.Year] = bands;
            }
            histories.Add(new UnitHistory(Mention(unit), byYear));
        }
        return histories;
    }

    /// <summary>The unit and every unit that became it through merges, splits or renames, transitively.</summary>
    public static IReadOnlySet<int> Lineage(int unitId, IReadOnlyList<UnitSuccession> successions)
    {
        var found = new HashSet<int> { unitId };
        var queue = new Queue<int>([unitId]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var s in successions.Where(s => s.SuccessorId == id))
                if (found.Add(s.PredecessorId)) queue.Enqueue(s.PredecessorId);
        }
        return found;
    }
}
