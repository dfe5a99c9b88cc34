using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
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

    /// <summary>The form fields of a stored entry.</summary>
    public static EntryField From(string criterionId, AssessmentEntry? e) => e is null
        ? new EntryField { CriterionId = criterionId }
        : new EntryField
        {
            CriterionId = criterionId,
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

/// <summary>Reads <see cref="EntryField"/>s into <see cref="EntryInput"/>s with Vietnamese errors next to each field.</summary>
public static class EntryFields
{
    /// <summary>Longest explanation or reason.</summary>
    public const int MaxNote = 4000;

    /// <summary>
    /// Reads one field for <paramref name="c"/>; reports each problem through <paramref name="error"/> (field name, message)
    /// and returns null when the field is blank or wrong.
    /// </summary>
    /// <param name="prefix">The field's name prefix, e.g. "Data.Entries[3]".</param>
    public static EntryInput? Read(EntryField f, Criterion c, ScoreLayer layer, string prefix, Action<string, string> error)
    {
        var ok = true;
        void Error(string field, string message)
        {
            ok = false;
            error($"{prefix}.{field}", message);
        }

        var note = string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim().Normalize();
        if (note is { Length: > MaxNote }) Error(nameof(EntryField.Note), string.Format(Vi.Culture, UiText.NoteTooLong, MaxNote));
        var reviewer = layer != ScoreLayer.Self;
        if (!f.HasValue(c))
        {
            if (note is not null) Error(ValueField(c), UiText.EntryValueNeededForNote);
            return null;
        }
        if (reviewer && note is null) Error(nameof(EntryField.Note), UiText.ReasonRequired);

        if (f.NotApplicable)
        {
            if (!c.MayNotApply) Error(nameof(EntryField.NotApplicable), UiText.EntryAlwaysApplies);
            return ok ? new EntryInput { CriterionId = c.Id, Layer = layer, NotApplicable = true, Note = note } : null;
        }

        var m = c.Method!;
        decimal? points = null, achieved = null, target = null;
        int? count = null;
        string? level = null;
        IReadOnlyList<string>? checkedItems = null;
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                if (!Vi.TryParse(f.Points, out var p)) Error(nameof(EntryField.Points), UiText.EntryNotANumber);
                else if (p < 0 || p > c.MaxPoints) Error(nameof(EntryField.Points), string.Format(Vi.Culture, UiText.EntryPointsRange, Vi.Num(c.MaxPoints)));
                else if (p % (m.Step ?? ScoreEntryRules.DefaultStep) != 0)
                    Error(nameof(EntryField.Points), string.Format(Vi.Culture, UiText.EntryPointsStep, Vi.Num(m.Step ?? ScoreEntryRules.DefaultStep)));
                else points = p;
                break;
            case ScoringMethodType.Levels:
                if (m.Levels.All(l => l.Code != f.Level)) Error(nameof(EntryField.Level), UiText.EntryChooseLevel);
                else level = f.Level;
                break;
            case ScoringMethodType.Checklist:
                if (f.Checked.Any(id => m.Items.All(i => i.Id != id))) Error(nameof(EntryField.Checked), UiText.EntryUnknownItem);
                else checkedItems = f.Checked.Distinct().ToList();
                break;
            case ScoringMethodType.Ratio:
                if (!Vi.TryParse(f.Achieved, out var a)) Error(nameof(EntryField.Achieved), UiText.EntryNotANumber);
                else if (a < 0) Error(nameof(EntryField.Achieved), UiText.EntryNotNegative);
                else achieved = a;
                if (m.Target is null)
                {
                    if (!Vi.TryParse(f.Target, out var t)) Error(nameof(EntryField.Target), UiText.EntryNotANumber);
                    else if (t <= 0) Error(nameof(EntryField.Target), UiText.EntryTargetPositive);
                    else target = t;
                }
                break;
            case ScoringMethodType.Count:
                if (!Vi.TryParseInt(f.Count, out var n)) Error(nameof(EntryField.Count), UiText.EntryWholeNumber);
                else if (n < 0) Error(nameof(EntryField.Count), UiText.EntryNotNegative);
                else count = n;
                break;
        }

        return ok
            ? new EntryInput { CriterionId = c.Id, Layer = layer, Points = points, Level = level, Checked = checkedItems, Achieved = achieved, Target = target, Count = count, Note = note }
            : null;
    }

    /// <summary>True when the input would store the same value and note as <paramref name="existing"/>.</summary>
    public static bool Same(EntryInput input, AssessmentEntry? existing) =>
        existing is not null
        && AssessmentEntries.Describe(input.ToScoreEntry()) == AssessmentEntries.Describe(existing.ToScoreEntry())
        && (input.Note ?? "") == (existing.Note ?? "");

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
