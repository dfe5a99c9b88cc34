using DanVan.Criteria;
using DanVan.Evaluations.Scoring;

namespace DanVan.Evaluations.Simulation;

/// <summary>How a draft criterion gets its value from the old data.</summary>
public enum CarryKind
{
    /// <summary>The old value is kept as it is (a level, checked items, figures, a count, or points on the same maximum); the draft's rules score it.</summary>
    Carried = 1,

    /// <summary>The old points' share of their maximum is put on the draft criterion's scale and method.</summary>
    Scaled = 2,
}

/// <summary>A draft criterion that receives old data: from which old criteria, and how.</summary>
public sealed record CarriedCriterion(string NewId, string NewName, IReadOnlyList<string> From, CarryKind How);

/// <summary>A criterion left without a counterpart: an old one whose data the draft drops, or a draft one with no data.</summary>
public sealed record UnmappedCriterion(string Id, string Name, decimal MaxPoints, string SetName);

/// <summary>
/// Carries a unit's entries from the set a period used to a draft set: by id, or by the mapping table where it names an
/// id. A draft leaf takes the old criteria mapped to it or, failing that, to its nearest mapped parent. Values are
/// only translated; the scoring engine scores them by the draft's rules.
/// </summary>
internal sealed class CriteriaBridge
{
    private readonly CriteriaSet _old;
    private readonly Dictionary<string, IReadOnlyList<Criterion>> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CarryKind> _how = new(StringComparer.Ordinal);

    public CriteriaBridge(CriteriaSet old, CriteriaSet draft, IReadOnlyList<CriterionLink>? table)
    {
        _old = old;
        Draft = draft;
        var oldNodes = old.AllCriteria().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var newNodes = draft.AllCriteria().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var tableOld = (table ?? []).Select(l => l.OldId).ToHashSet(StringComparer.Ordinal);
        var tableNew = (table ?? []).Where(l => l.NewId is not null).Select(l => l.NewId!).ToHashSet(StringComparer.Ordinal);
        var links = (table ?? []).Where(l => oldNodes.ContainsKey(l.OldId) && l.NewId is not null && newNodes.ContainsKey(l.NewId))
            .Select(l => (l.OldId, NewId: l.NewId!)).ToList();
        // What the table does not name keeps its id.
        links.AddRange(oldNodes.Keys.Where(id => !tableOld.Contains(id) && !tableNew.Contains(id) && newNodes.ContainsKey(id)).Select(id => (id, id)));
        var byTarget = links.GroupBy(l => l.NewId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => oldNodes[l.OldId]).Distinct().ToList(), StringComparer.Ordinal);

        var oldParents = Parents(old);
        var newParents = Parents(draft);
        foreach (var leaf in draft.AllCriteria().Where(c => c.IsLeaf))
        {
            string? at = leaf.Id;
            while (at is not null && !byTarget.ContainsKey(at)) at = newParents.GetValueOrDefault(at);
            if (at is null) continue;
            var sources = byTarget[at];
            // An old criterion and one of its parents both mapped here: the parent's points already hold the child's.
            var outer = sources.Where(s => !Ancestors(s.Id, oldParents).Any(a => sources.Any(x => x.Id == a))).ToList();
            _sources[leaf.Id] = outer;
            _how[leaf.Id] = outer is [{ IsLeaf: true } single] && single.Method!.Type == leaf.Method!.Type
                && (single.Method.Type != ScoringMethodType.Points || single.MaxPoints == leaf.MaxPoints)
                ? CarryKind.Carried : CarryKind.Scaled;
        }

        Carried = draft.AllCriteria().Where(c => c.IsLeaf && _sources.ContainsKey(c.Id))
            .Select(c => new CarriedCriterion(c.Id, c.Name, _sources[c.Id].Select(s => s.Id).ToList(), _how[c.Id])).ToList();

        var used = _sources.Values.SelectMany(s => s).SelectMany(s => s.SelfAndDescendants()).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Dropped = TopMost(old.Criteria.Concat(old.Bonus).Concat(old.Deductions), c => c.SelfAndDescendants().Any(x => used.Contains(x.Id))
            || Ancestors(c.Id, oldParents).Any(used.Contains)).Select(c => new UnmappedCriterion(c.Id, c.Name, c.MaxPoints, old.Name)).ToList();
        NoData = TopMost(draft.Criteria.Concat(draft.Bonus).Concat(draft.Deductions), c => c.SelfAndDescendants().Any(x => _sources.ContainsKey(x.Id)))
            .Select(c => new UnmappedCriterion(c.Id, c.Name, c.MaxPoints, draft.Name)).ToList();
    }

    /// <summary>The draft set.</summary>
    public CriteriaSet Draft { get; }

    /// <summary>The draft leaves that receive data.</summary>
    public IReadOnlyList<CarriedCriterion> Carried { get; }

    /// <summary>Old criteria (top-most) whose data goes nowhere.</summary>
    public IReadOnlyList<UnmappedCriterion> Dropped { get; }

    /// <summary>Draft criteria (top-most) that receive no data.</summary>
    public IReadOnlyList<UnmappedCriterion> NoData { get; }

    /// <summary>The old criteria (outermost) whose data a draft criterion's subtree receives.</summary>
    public IReadOnlyList<Criterion> SourcesWithin(Criterion draftNode)
    {
        var all = draftNode.SelfAndDescendants().Where(c => _sources.ContainsKey(c.Id)).SelectMany(c => _sources[c.Id]).Distinct().ToList();
        var parents = Parents(_old);
        return all.Where(s => !Ancestors(s.Id, parents).Any(a => all.Any(x => x.Id == a))).ToList();
    }

    /// <summary>The unit's entries, every layer, carried to the draft's criteria.</summary>
    public IReadOnlyList<ScoreEntry> Convert(IReadOnlyList<ScoreEntry> entries)
    {
        var results = new Dictionary<ScoreLayer, ScoreResult>();
        ScoreResult Old(ScoreLayer layer)
        {
            if (!results.TryGetValue(layer, out var r))
                results[layer] = r = ScoringEngine.Compute(_old, new ScoringInput { Entries = entries, UpToLayer = layer });
            return r;
        }

        var converted = new List<ScoreEntry>();
        foreach (var leaf in Draft.AllCriteria().Where(c => c.IsLeaf && _sources.ContainsKey(c.Id)))
        {
            var sources = _sources[leaf.Id];
            var oldLeaves = sources.SelectMany(s => s.SelfAndDescendants()).Where(c => c.IsLeaf).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var layer in entries.Where(e => oldLeaves.Contains(e.CriterionId)).Select(e => e.Layer).Distinct().Order())
            {
                var atLayer = entries.Where(e => e.Layer == layer && oldLeaves.Contains(e.CriterionId)).ToList();
                if (_how[leaf.Id] == CarryKind.Carried && atLayer.Count == 1)
                {
                    var candidate = atLayer[0] with { CriterionId = leaf.Id };
                    if (candidate.NotApplicable ? leaf.MayNotApply : ScoreEntryRules.Check(leaf, candidate, superiorScored: false) is null)
                    {
                        converted.Add(candidate);
                        continue;
                    }
                }

                var scores = sources.Select(s => Old(layer).Criteria[s.Id]).ToList();
                var applicable = scores.Sum(s => s.ApplicableMax);
                if (applicable == 0)
                {
                    if (leaf.MayNotApply) converted.Add(new ScoreEntry { CriterionId = leaf.Id, Layer = layer, NotApplicable = true });
                    continue;
                }
                converted.Add(new ScoreEntry { CriterionId = leaf.Id, Layer = layer, Value = ValueAt(leaf, scores.Sum(s => s.Points) / applicable) });
            }
        }
        return converted;
    }

    /// <summary>A value of the leaf's method worth about <paramref name="share"/> of its maximum.</summary>
    internal static CriterionValue ValueAt(Criterion leaf, decimal share)
    {
        var m = leaf.Method!;
        share = Math.Clamp(share, 0, 1);
        var goal = leaf.MaxPoints * share;
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                var step = m.Step ?? ScoreEntryRules.DefaultStep;
                return new() { Points = Math.Min(leaf.MaxPoints, Math.Round(goal / step, MidpointRounding.AwayFromZero) * step) };
            case ScoringMethodType.Levels:
                return new() { Level = m.Levels.OrderBy(l => Math.Abs(l.Points - goal)).ThenBy(l => l.Points).First().Code };
            case ScoringMethodType.Checklist:
                var chosen = new List<string>();
                var sum = 0m;
                foreach (var item in m.Items.OrderByDescending(i => i.Points))
                {
                    if (sum + item.Points > goal) continue;
                    chosen.Add(item.Id);
                    sum += item.Points;
                }
                return new() { Checked = chosen };
            case ScoringMethodType.Ratio:
                var target = m.Target ?? 100;
                var achieved = m.LowerIsBetter ? (share == 0 ? target * 1000 : target / share) : target * share;
                return new() { Achieved = Math.Round(achieved, 4), Target = m.Target is null ? target : null };
            case ScoringMethodType.Count:
                return new() { Count = m.PointsEach is > 0 ? (int)Math.Round(goal / m.PointsEach.Value, MidpointRounding.AwayFromZero) : 0 };
            default:
                return CriterionValue.Empty;
        }
    }

    private static Dictionary<string, string> Parents(CriteriaSet set)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in set.AllCriteria())
            foreach (var child in c.Children) parents[child.Id] = c.Id;
        return parents;
    }

    private static IEnumerable<string> Ancestors(string id, Dictionary<string, string> parents)
    {
        while (parents.TryGetValue(id, out var parent))
        {
            yield return parent;
            id = parent;
        }
    }

    // The outermost nodes none of whose subtree is touched.
    private static IEnumerable<Criterion> TopMost(IEnumerable<Criterion> nodes, Func<Criterion, bool> touched)
    {
        foreach (var node in nodes)
        {
            if (!touched(node)) yield return node;
            else if (node.Children.Count > 0 && !TouchedAsWhole(node, touched))
                foreach (var inner in TopMost(node.Children, touched)) yield return inner;
        }
    }

    // A node counts as a whole when it is mapped itself (or from above): its children are then not listed.
    private static bool TouchedAsWhole(Criterion node, Func<Criterion, bool> touched) =>
        node.Children.All(touched);
}
