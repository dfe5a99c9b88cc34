using DanVan.Criteria;
using DanVan.Refusals;

namespace DanVan.Evaluations.Simulation;

/// <summary>One row of a mapping table: an old criterion and the draft criterion its data goes to (none: dropped).</summary>
/// <param name="OldId">The criterion of the set the period used.</param>
/// <param name="NewId">The criterion of the draft; null when the old criterion is dropped on purpose.</param>
/// <param name="Row">The row in the uploaded or typed table, for locating problems.</param>
public sealed record CriterionLink(string OldId, string? NewId, int? Row = null);

/// <summary>Reads the mapping table (old id → new id) from a CSV/XLSX table or typed lines; problems at row and column.</summary>
/// <remarks>
/// Columns: <c>old</c> (or <c>cu</c>, <c>cũ</c>, <c>tiêu chí cũ</c>) and <c>new</c> (or <c>moi</c>, <c>mới</c>, <c>tiêu chí mới</c>).
/// Typed lines are <c>old -&gt; new</c>, <c>old = new</c>, <c>old;new</c> or <c>old,new</c>; a blank new id drops the old criterion.
/// </remarks>
public static class CriteriaMapping
{
    /// <summary>Names accepted for the old criterion's column.</summary>
    public static readonly IReadOnlyList<string> OldColumns = ["old", "cu", "cũ", "tiêu chí cũ", "tieu chi cu"];

    /// <summary>Names accepted for the draft criterion's column.</summary>
    public static readonly IReadOnlyList<string> NewColumns = ["new", "moi", "mới", "tiêu chí mới", "tieu chi moi"];

    /// <summary>The links of a table file (see <see cref="TableFile"/>); throws <see cref="RefusedException"/> on a file without the columns.</summary>
    public static IReadOnlyList<CriterionLink> FromTable(TableData table, string fileName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var oldColumn = table.Header.FirstOrDefault(h => OldColumns.Contains(Norm(h), StringComparer.OrdinalIgnoreCase));
        var newColumn = table.Header.FirstOrDefault(h => NewColumns.Contains(Norm(h), StringComparer.OrdinalIgnoreCase));
        if (oldColumn is null || newColumn is null)
            throw new RefusedException("file.missingColumns", Where.AtCell(fileName, table.HeaderRow, null, table.Sheet),
                ("missing", new[] { oldColumn is null ? "old" : null, newColumn is null ? "new" : null }.OfType<string>().ToList()),
                ("expected", new[] { "old", "new" }));
        return table.Records.Select(r => new CriterionLink(r[oldColumn] ?? "", r[newColumn], r.Row)).ToList();
    }

    /// <summary>The links typed one per line; a line that is not a pair is refused at its row.</summary>
    public static IReadOnlyList<CriterionLink> FromText(string text)
    {
        var links = new List<CriterionLink>();
        var refusals = new List<Refusal>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(["->", "→", "=", ";", ",", "\t"], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                refusals.Add(Refusal.Of("simulation.mapping.notAPair", new Where { Row = i + 1 }, ("line", line)));
                continue;
            }
            links.Add(new CriterionLink(parts[0], parts[1].Length == 0 ? null : parts[1], i + 1));
        }
        if (refusals.Count > 0) throw new RefusedException(refusals);
        return links;
    }

    /// <summary>The problems of links against the old sets and the draft: unknown ids, a missing old id, a pair given twice.</summary>
    public static IReadOnlyList<Refusal> Check(IReadOnlyList<CriterionLink> links, IReadOnlyList<CriteriaSet> oldSets, CriteriaSet draft, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        var oldIds = oldSets.SelectMany(s => s.AllCriteria()).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var newIds = draft.AllCriteria().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string?)>();
        var refusals = new List<Refusal>();
        foreach (var link in links)
        {
            Where At(string column) => new() { File = fileName, Row = link.Row, Column = column };
            if (string.IsNullOrWhiteSpace(link.OldId)) refusals.Add(Refusal.Of("simulation.mapping.oldRequired", At("old")));
            else if (!oldIds.Contains(link.OldId)) refusals.Add(Refusal.Of("simulation.mapping.unknownOld", At("old"), ("id", link.OldId)));
            if (link.NewId is { } n && !newIds.Contains(n)) refusals.Add(Refusal.Of("simulation.mapping.unknownNew", At("new"), ("id", n), ("draft", draft.Name)));
            if (!seen.Add((link.OldId, link.NewId))) refusals.Add(Refusal.Of("simulation.mapping.duplicate", At("old"), ("old", link.OldId), ("new", link.NewId)));
        }
        return refusals;
    }

    private static string Norm(string header) => header.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
