using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>One criterion's value as typed in a form: text boxes stay text so "2,5" and "2.5" both read right.</summary>
public sealed class EntryField
{
    /// <summary>The criterion.</summary>
    public string CriterionId { get; set; } = "";

    /// <summary>Points method.</summary>
    public string? Points { get; set; }

    /// <summary>Levels method: the level code.</summary>
    public string? Level { get; set; }

    /// <summary>Checklist method: checked item ids.</summary>
    public List<string> Checked { get; set; } = [];

    /// <summary>Ratio method: achieved figure.</summary>
    public string? Achieved { get; set; }

    /// <summary>Ratio method: target figure, when the set does not fix it.</summary>
    public string? Target { get; set; }

    /// <summary>Count method.</summary>
    public string? Count { get; set; }

    /// <summary>Does not apply to the unit.</summary>
    public bool NotApplicable { get; set; }

    /// <summary>The unit's explanation, or the reviewer's reason.</summary>
    public string? Note { get; set; }

    /// <summary>Reviewer layers: withdraw the existing adjustment.</summary>
    public bool Withdraw { get; set; }

    /// <summary>The stamp of the stored entry the user started from (<see cref="EntryConflicts.Stamp(AssessmentEntry?)"/>); null on a form that does not carry one.</summary>
    public string? Base { get; set; }

    /// <summary>After a conflict: take the value someone else stored instead of the typed one.</summary>
    public bool TakeTheirs { get; set; }

    /// <summary>The form fields of a stored entry.</summary>
    public static EntryField From(string criterionId, AssessmentEntry? e) => e is null
        ? new EntryField { CriterionId = criterionId, Base = EntryConflicts.None }
        : new EntryField
        {
            CriterionId = criterionId,
            Base = EntryConflicts.Stamp(e),
            Points = Vi.Input(e.Points),
            Level = e.Level,
            Checked = (e.Checked ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Achieved = Vi.Input(e.Achieved),
            Target = Vi.Input(e.Target),
            Count = e.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NotApplicable = e.NotApplicable,
            Note = e.Note,
        };

    /// <summary>True when a value was given (a checklist counts as given once anything is checked or a note is written).</summary>
    public bool HasValue(Criterion c) =>
        NotApplicable || (c.Method?.Type) switch
        {
            ScoringMethodType.Points => !string.IsNullOrWhiteSpace(Points),
            ScoringMethodType.Levels => !string.IsNullOrWhiteSpace(Level),
            ScoringMethodType.Checklist => Checked.Count > 0 || !string.IsNullOrWhiteSpace(Note),
            ScoringMethodType.Ratio => !string.IsNullOrWhiteSpace(Achieved) || !string.IsNullOrWhiteSpace(Target),
            ScoringMethodType.Count => !string.IsNullOrWhiteSpace(Count),
            _ => false,
        };
}

/// <summary>Reads <see cref="EntryField"/>s into the core's <see cref="EntryInput"/>; every rule is the core's, the page only reads text.</summary>
public static class EntryFields
{
    /// <summary>Longest explanation or reason (the core's limit).</summary>
    public const int MaxNote = TextLimit.MaxLength;

    /// <summary>
    /// Reads one field for <paramref name="c"/> as typed: numbers in Vietnamese ("2,5"), every posted field of any method
    /// (the core refuses a field of another method). Null when nothing is given (the value is cleared); text that is not
    /// a number goes to <paramref name="refusals"/>.
    /// </summary>
    public static EntryInput? Read(EntryField f, Criterion c, ScoreLayer layer, List<Refusal> refusals)
    {
        var note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim().Normalize();
        if (!f.HasValue(c) && note is null && !HasAnyField(f)) return null;
        if (f.NotApplicable) return new EntryInput { CriterionId = c.Id, Layer = layer, NotApplicable = true, Note = note };

        var before = refusals.Count;
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (Vi.TryParse(text, out var n)) return n;
            refusals.Add(Refusal.Of("entry.notANumber", Where.AtCriterion(c.Id, field), ("text", text.Trim()), ("criterion", c.Id)));
            return null;
        }

        int? count = null;
        if (!string.IsNullOrWhiteSpace(f.Count))
        {
            if (Vi.TryParseInt(f.Count, out var n)) count = n;
            else refusals.Add(Refusal.Of("entry.notWholeNumber", Where.AtCriterion(c.Id, "count"), ("text", f.Count.Trim()), ("criterion", c.Id)));
        }
        var value = new CriterionValue
        {
            Points = Number(f.Points, "points"),
            Level = string.IsNullOrWhiteSpace(f.Level) ? null : f.Level,
            Checked = f.Checked.Count > 0 || c.Method?.Type == ScoringMethodType.Checklist ? f.Checked.Distinct().ToList() : null,
            Achieved = Number(f.Achieved, "achieved"),
            Target = Number(f.Target, "target"),
            Count = count,
        };
        return refusals.Count > before ? null : new EntryInput { CriterionId = c.Id, Layer = layer, Value = value, Note = note };
    }

    private static bool HasAnyField(EntryField f) =>
        new[] { f.Points, f.Level, f.Achieved, f.Target, f.Count }.Any(t => !string.IsNullOrWhiteSpace(t)) || f.Checked.Count > 0;

    /// <summary>The form field a refusal points at, e.g. <c>Data.Entries[3].Points</c>; null for the summary only.</summary>
    public static string? FieldKey(Where where, Func<string, int> indexOf)
    {
        if (where.Criterion is not { } id) return null;
        var i = indexOf(id);
        if (i < 0) return null;
        var field = where.Field switch
        {
            null => null,
            "notApplicable" => nameof(EntryField.NotApplicable),
            _ => char.ToUpperInvariant(where.Field[0]) + where.Field[1..],
        };
        return $"Data.Entries[{i}].{field ?? nameof(EntryField.Points)}";
    }

    /// <summary>The id of the input holding <paramref name="field"/> (a form field name: Points, Level, Checked...) of the row <paramref name="htmlId"/>.</summary>
    /// <remarks>The one naming of input ids: the inputs partial, the error summary's links and the script use it.</remarks>
    public static string InputId(string htmlId, string field, bool reviewer = false) =>
        "e-" + htmlId + (reviewer ? "-adj" : "") + field switch
        {
            nameof(EntryField.NotApplicable) => "-na",
            nameof(EntryField.Checked) => "-checked-0",
            _ => "-" + field.ToLowerInvariant(),
        };

    /// <summary>True when the input would store the same value and note as <paramref name="existing"/>.</summary>
    public static bool Same(EntryInput input, AssessmentEntry? existing) =>
        existing is not null && input.Value.SameAs(existing.Value) && (input.Note ?? "") == (existing.Note ?? "");

    /// <summary>A stored entry's value in words: "7,5 điểm", "Mức A – Đầy đủ", the checked items, "95/100 %".</summary>
    public static string Display(Criterion c, AssessmentEntry? e)
    {
        if (e is null) return "";
        if (e.NotApplicable) return UiText.EntryNotApplicable;
        var m = c.Method;
        if (e.Points is { } p) return string.Format(Vi.Culture, UiText.DisplayPoints, Vi.Num(p));
        if (e.Level is { } l) return string.Format(Vi.Culture, UiText.DisplayLevel, l, m?.Levels.FirstOrDefault(x => x.Code == l)?.Label ?? "");
        if (e.Checked is not null || m?.Type == ScoringMethodType.Checklist)
        {
            var ids = (e.Checked ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return ids.Length == 0 ? UiText.DisplayNoneChecked : string.Join("; ", ids.Select(id => m?.Items.FirstOrDefault(i => i.Id == id)?.Label ?? id));
        }
        if (e.Achieved is { } a) return $"{Vi.Num(a)}/{Vi.Num(m?.Target ?? e.Target)} {m?.Unit}".Trim();
        if (e.Count is { } n) return string.Format(Vi.Culture, UiText.DisplayCount, n);
        return "";
    }

    /// <summary>The field holding a method's main value (where "enter a value" errors go).</summary>
    public static string ValueField(Criterion c) => (c.Method?.Type) switch
    {
        ScoringMethodType.Levels => nameof(EntryField.Level),
        ScoringMethodType.Checklist => nameof(EntryField.Checked),
        ScoringMethodType.Ratio => nameof(EntryField.Achieved),
        ScoringMethodType.Count => nameof(EntryField.Count),
        _ => nameof(EntryField.Points),
    };
}
