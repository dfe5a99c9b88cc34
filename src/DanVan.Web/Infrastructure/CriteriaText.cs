using DanVan.Criteria;
using DanVan.Web.Resources;

namespace DanVan.Web.Infrastructure;

/// <summary>Vietnamese descriptions of a criteria set's parts for previews and forms.</summary>
public static class CriteriaText
{
    /// <summary>How a leaf is scored, in one line.</summary>
    public static string Method(ScoringMethod m) => m.Type switch
    {
        ScoringMethodType.Points => string.Format(Vi.Culture, UiText.MethodPointsText, Vi.Num(m.Step ?? global::DanVan.Evaluations.Scoring.ScoreEntryRules.DefaultStep)),
        ScoringMethodType.Levels => string.Format(Vi.Culture, UiText.MethodLevelsText,
            string.Join("; ", m.Levels.Select(l => $"{l.Code} – {l.Label}: {Vi.Num(l.Points)}"))),
        ScoringMethodType.Checklist => string.Format(Vi.Culture, UiText.MethodChecklistText,
            string.Join("; ", m.Items.Select(i => $"{i.Label}: {Vi.Num(i.Points)}"))),
        ScoringMethodType.Ratio => m.Target is { } t
            ? string.Format(Vi.Culture, UiText.MethodRatioFixedText, Vi.Num(t), m.Unit ?? "")
            : string.Format(Vi.Culture, UiText.MethodRatioText, m.Unit ?? ""),
        ScoringMethodType.Count => string.Format(Vi.Culture, UiText.MethodCountText, Vi.Num(m.PointsEach ?? 0)),
        _ => Labels.Of(m.Type),
    };

    /// <summary>An override rule in words: the decision's wording when given.</summary>
    public static string Rule(ClassificationRule r) => r.Description ?? string.Format(Vi.Culture, UiText.RuleGeneric, r.Type,
        r.CapAt ?? r.SetTo ?? r.Band ?? "");
}
