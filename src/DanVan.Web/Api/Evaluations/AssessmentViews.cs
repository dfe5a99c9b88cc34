using System.Globalization;
using DanVan.Accounts;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Api.Periods;
using DanVan.Web.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Evaluations;

/// <summary>Builds <see cref="AssessmentDetails"/> from a loaded assessment (entries, unit and period included).</summary>
internal static class AssessmentViews
{
    public static async Task<AssessmentDetails> BuildAsync(DanVanDbContext db, UserScope scope, Assessment a, CancellationToken ct, CultureInfo? culture = null)
    {
        culture ??= RefusalText.Vietnamese;
        var stored = await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct);
        var set = stored.Parse();
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == a.GroupId, ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.AssessmentId == a.Id)
            .GroupBy(e => e.CriterionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var period = a.Period!;

        var entries = a.ToScoreEntries();
        var registry = await RegistryChecks.CheckAsync(db, a, set, ct);
        var self = ScoringEngine.Compute(set, new ScoringInput { Entries = entries, UpToLayer = ScoreLayer.Self, Flags = a.FlagSet });
        ScoreResult? final = null;
        if (EvaluationAccess.SeesFinal(scope, a))
        {
            final = ScoringEngine.Compute(set, new ScoringInput
            {
                Entries = entries,
                Flags = a.FlagSet,
                Submitted = a.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised or AssessmentStatus.Approved,
                PreviousBand = await PeriodResultsQuery.PreviousBandAsync(db, period, a.UnitId, ct),
            });
        }

        CriterionView View(Criterion c)
        {
            AssessmentEntry? Entry(ScoreLayer layer) => a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == layer);
            return new CriterionView(
                c.Id, c.Name, c.MaxPoints, c.Guidance, c.ScoredBy, c.MayNotApply,
                c.Method is { } m ? MethodOf(m) : null,
                Entry(ScoreLayer.Self) is { } s ? EntryView.From(s) : null,
                Entry(ScoreLayer.Appraisal) is { } ap ? EntryView.From(ap) : null,
                Entry(ScoreLayer.Inspection) is { } i ? EntryView.From(i) : null,
                self.Criteria.TryGetValue(c.Id, out var sp) ? sp.Points : 0,
                final is not null && final.Criteria.TryGetValue(c.Id, out var fp) ? fp.Points : null,
                evidence.GetValueOrDefault(c.Id),
                c.Children.Select(View).ToList(),
                registry.For(c.Id) is { } f ? FigureOf(f, culture) : null);
        }

        return new AssessmentDetails(
            a.Id,
            new PeriodRef(period.Id, period.Year, period.Name, period.Deadline),
            UnitRef.From(a.Unit!),
            new GroupRef(group.Id, group.Code, group.Name),
            PeriodsApi.CriteriaSetRefOf(stored),
            a.Status,
            a.Version,
            a.IsLate,
            a.ConfirmedAt,
            a.ConfirmedBy,
            a.SubmittedAt,
            a.ReturnComment,
            a.ApprovedAt,
            a.FlagSet.Order(StringComparer.Ordinal).ToList(),
            ResultView.From(self),
            final is null ? null : ResultView.From(final),
            set.Criteria.Select(View).ToList(),
            set.Bonus.Select(View).ToList(),
            set.Deductions.Select(View).ToList(),
            EvaluationAccess.ActionsFor(scope, a),
            registry.Contradictions.Select(r => new ContradictionView(r.Code, r.Where.Criterion!, RegistryChecks.Render(r, culture), r.Args)).ToList());
    }

    private static RegistryFigureView FigureOf(CriterionFigure f, CultureInfo culture) => new(
        f.Link.Figure,
        CamelCaseEnum.Name(f.Shape),
        RegistryChecks.Number(f.Value),
        f.Value is RatioValue r ? r.Part : null,
        f.Value is RatioValue w ? w.Whole : null,
        f.Phrase(culture),
        f.Link.AtLeast,
        f.Link.AtMost,
        f.Link.Expect,
        f.Link.TakeValue,
        f.SupportedPoints,
        f.Taken is { } t ? t.Count ?? t.Achieved : null);

    private static MethodView MethodOf(ScoringMethod m) => new(
        m.Type,
        m.Type == ScoringMethodType.Points ? m.Step ?? ScoreEntryRules.DefaultStep : m.Step,
        m.Levels.Select(l => new ChoiceView(l.Code, l.Label, l.Points)).ToList(),
        m.Items.Select(i => new ChoiceView(i.Id, i.Label, i.Points)).ToList(),
        m.Target,
        m.Unit,
        m.LowerIsBetter,
        m.PointsEach);
}
