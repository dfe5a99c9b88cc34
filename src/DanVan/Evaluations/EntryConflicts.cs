using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;

namespace DanVan.Evaluations;

/// <summary>
/// Conflicts per criterion: two people filling one sheet (the unit's clerk and its head, or two tabs) only conflict
/// on a criterion both changed. A save names, per criterion, the stamp of the entry it started from; a criterion
/// someone else changed since then is refused with <c>entry.changedByOther</c> unless the save would store what is
/// there now; the other criteria are saved as usual.
/// </summary>
/// <remarks>The assessment's whole-sheet version still guards the save itself (a race between reading and writing).</remarks>
public static class EntryConflicts
{
    /// <summary>The stamp of "no entry".</summary>
    public const string None = "0";

    /// <summary>The stamp of one stored entry: its value and note (who and when do not count: the same value is no conflict).</summary>
    public static string Stamp(AssessmentEntry? entry)
    {
        if (entry is null) return None;
        var v = entry.Value;
        static string N(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
        var text = string.Join('\u001f',
            N(v.Points), v.Level ?? "", string.Join(',', v.Checked ?? []), N(v.Achieved), N(v.Target),
            v.Count?.ToString(CultureInfo.InvariantCulture) ?? "", v.NotApplicable ? "1" : "", entry.Note ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <summary>The stamp of <paramref name="criterionId"/>'s entry in <paramref name="layer"/> as <paramref name="assessment"/> holds it.</summary>
    public static string Stamp(Assessment assessment, string criterionId, ScoreLayer layer) =>
        Stamp(assessment.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == layer));

    /// <summary>
    /// Why saving <paramref name="input"/> (null: clearing the value) over <paramref name="criterionId"/> would overwrite a
    /// change someone else made since the stamp <paramref name="basedOn"/> was read; null when it would not.
    /// </summary>
    /// <remarks>The same change made by both is no conflict. The refusal's arguments give the stored value and who stored it,
    /// so the page can show it beside the user's own.</remarks>
    public static Refusal? Check(Assessment assessment, string criterionId, ScoreLayer layer, string basedOn, EntryInput? input)
    {
        var entry = assessment.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == layer);
        if (Stamp(entry) == basedOn) return null;
        var same = input is null
            ? entry is null
            : entry is not null && input.Value.SameAs(entry.Value) && (Trimmed(input.Note) ?? "") == (entry.Note ?? "");
        if (same) return null;
        return Refusal.Of("entry.changedByOther", Where.AtCriterion(criterionId),
            ("criterion", criterionId), ("value", entry?.Value.Describe() ?? CriterionValue.Empty.Describe()), ("user", entry?.EnteredBy ?? "—"));
    }

    private static string? Trimmed(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim().Normalize();
}
