using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;

namespace DanVan.TestSupport.Reports;

/// <summary>Makes entries for every leaf of a set that land a unit in a chosen band, whatever the methods.</summary>
/// <remarks>Entries are made at a uniform degree of achievement f; f is lowered from 1 until the engine
/// puts the result in the band, so band thresholds and rules of the set decide, not this helper.</remarks>
public static class ScoreFiller
{
    private static readonly Dictionary<(string, string, ScoreLayer), IReadOnlyList<EntryInput>> Cache = [];

    /// <summary>Entries in <paramref name="layer"/> whose result, alone, is <paramref name="band"/>.</summary>
    public static IReadOnlyList<EntryInput> EntriesFor(CriteriaSet set, string band, ScoreLayer layer, string? note = null)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((set.Id + set.Version, band, layer), out var cached)) return cached;
            for (var f = 1.0m; f >= 0; f -= 0.01m)
            {
                var entries = Entries(set, f, layer, note);
                var result = ScoringEngine.Compute(set, new ScoringInput { Entries = entries.Select(e => e.ToScoreEntry() with { Layer = ScoreLayer.Self }).ToList() });
                if (result.Band == band) return Cache[(set.Id + set.Version, band, layer)] = entries;
            }
            throw new InvalidOperationException($"no uniform score reaches band {band} in {set.Id}");
        }
    }

    private static List<EntryInput> Entries(CriteriaSet set, decimal f, ScoreLayer layer, string? note) =>
        set.Criteria.SelectMany(c => c.SelfAndDescendants()).Where(c => c.IsLeaf)
            .Select(c => Entry(c, f, layer, note)).ToList();

    private static EntryInput Entry(Criterion c, decimal f, ScoreLayer layer, string? note)
    {
        var m = c.Method!;
        var goal = c.MaxPoints * f;
        var entry = new EntryInput { CriterionId = c.Id, Layer = layer, Note = note ?? "Theo báo cáo của đơn vị" };
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                var step = m.Step ?? ScoreEntryRules.DefaultStep;
                return entry with { Points = Math.Floor(goal / step) * step };
            case ScoringMethodType.Levels:
                var level = m.Levels.Where(l => l.Points <= goal).OrderByDescending(l => l.Points).FirstOrDefault()
                    ?? m.Levels.OrderBy(l => l.Points).First();
                return entry with { Level = level.Code };
            case ScoringMethodType.Checklist:
                var chosen = new List<string>();
                var sum = 0m;
                foreach (var item in m.Items.OrderByDescending(i => i.Points))
                {
                    if (sum + item.Points > goal) continue;
                    chosen.Add(item.Id);
                    sum += item.Points;
                }
                return entry with { Checked = chosen };
            case ScoringMethodType.Ratio:
                var target = m.Target ?? 100;
                var achieved = m.LowerIsBetter ? target / Math.Max(f, 0.01m) : target * f;
                return entry with { Achieved = Math.Round(achieved, 2), Target = m.Target is null ? target : null };
            case ScoringMethodType.Count:
                return entry with { Count = (int)Math.Floor(goal / (m.PointsEach ?? 1)) };
            default:
                throw new InvalidOperationException($"unknown method {m.Type}");
        }
    }
}
