using DanVan.Data;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>The "Dân vận khéo" models of a scope up to a year, as reports count them.</summary>
public sealed record ModelFigures
{
    /// <summary>Every model started by the end of the period ("đến nay").</summary>
    public required int Total { get; init; }

    /// <summary>Models started within the period.</summary>
    public required int New { get; init; }

    /// <summary>By field label as stored, the defaults first in their order, then the others by name.</summary>
    public required IReadOnlyList<(string Field, int Count)> ByField { get; init; }

    /// <summary>By level at registration.</summary>
    public required IReadOnlyDictionary<WorkLevel, int> ByLevel { get; init; }

    /// <summary>By status.</summary>
    public required IReadOnlyDictionary<ModelStatus, int> ByStatus { get; init; }

    /// <summary>Presented at a national conference.</summary>
    public required int PresentedNationally { get; init; }

    /// <summary>Awards dated by the end of the period, by level.</summary>
    public required IReadOnlyDictionary<WorkLevel, int> AwardsByLevel { get; init; }

    /// <summary>Awards by recipient.</summary>
    public required IReadOnlyDictionary<AwardRecipient, int> AwardsByRecipient { get; init; }

    /// <summary>Models with an award of the district or grassroots level.</summary>
    public required int ModelsAwardedLocally { get; init; }

    /// <summary>Models counted under one of the default fields (<see cref="WorkFields"/>): economy, security, politics.</summary>
    public int FieldCount(string code) => ByField.Where(f => WorkFields.CodeOf(f.Field) == code).Sum(f => f.Count);
}

/// <summary>Units' work plans of the years of a period.</summary>
/// <param name="Issued">Issued plans by kind.</param>
/// <param name="OnTime">Issued by their deadline, by kind.</param>
/// <param name="UnitsIssuing">Units that issued a dân vận chính quyền plan.</param>
public sealed record PlanFigures(IReadOnlyDictionary<WorkPlanKind, int> Issued, IReadOnlyDictionary<WorkPlanKind, int> OnTime, int UnitsIssuing);

/// <summary>The Front's recommendations received in a period and their follow-up by its end.</summary>
/// <param name="Received">Received (dated within the period).</param>
/// <param name="Answered">Answered by the period's end.</param>
/// <param name="AnsweredOnTime">Answered by their deadline.</param>
/// <param name="Resolved">Resolved.</param>
/// <param name="NotAccepted">Not accepted (with a reason).</param>
public sealed record RecommendationFigures(int Received, int Answered, int AnsweredOnTime, int Resolved, int NotAccepted);

/// <summary>The work registries' figures, computed in the database for any scope and period.</summary>
/// <remarks>Models are counted "đến nay": every model started by the period's last year (the reports' cumulative count),
/// with <c>models.new</c> for those started within it. A model built by several units counts once in a scope holding any of them.</remarks>
public sealed class WorkFigures : IRegistryFigureSource
{
    /// <inheritdoc />
    public IReadOnlyList<RegistryFigure> Figures { get; } =
    [
        new("models.count", FigureShape.Count, "mô hình"),
        new("models.new", FigureShape.Count, "mô hình"),
        new("models.field.economy", FigureShape.Count, "mô hình"),
        new("models.field.security", FigureShape.Count, "mô hình"),
        new("models.field.politics", FigureShape.Count, "mô hình"),
        new("models.level.province", FigureShape.Count, "mô hình"),
        new("models.level.district", FigureShape.Count, "mô hình"),
        new("models.level.grassroots", FigureShape.Count, "mô hình"),
        new("models.maintained", FigureShape.Count, "mô hình"),
        new("models.replicated", FigureShape.Count, "mô hình"),
        new("models.stopped", FigureShape.Count, "mô hình"),
        new("models.national", FigureShape.Count, "mô hình"),
        new("models.awarded", FigureShape.Count, "tập thể, cá nhân"),
        new("awards.central", FigureShape.Count, "tập thể, cá nhân"),
        new("awards.province", FigureShape.Count, "tập thể, cá nhân"),
        new("awards.district", FigureShape.Count, "tập thể, cá nhân"),
        new("awards.grassroots", FigureShape.Count, "tập thể, cá nhân"),
        new("awards.collective", FigureShape.Count, "tập thể"),
        new("awards.individual", FigureShape.Count, "cá nhân"),
        new("plans.issued", FigureShape.Count, "kế hoạch"),
        new("plans.issuedOnTime", FigureShape.Count, "kế hoạch"),
        new("plans.dvcq", FigureShape.YesNo, ""),
        new("plans.units", FigureShape.Count, "đơn vị"),
        new("plans.democracy.issued", FigureShape.Count, "kế hoạch"),
        new("plans.coordination.issued", FigureShape.Count, "kế hoạch"),
        new("recommendations.received", FigureShape.Count, "kiến nghị"),
        new("recommendations.answered", FigureShape.Count, "kiến nghị"),
        new("recommendations.answeredOnTime", FigureShape.Count, "kiến nghị"),
        new("recommendations.resolved", FigureShape.Count, "kiến nghị"),
        new("recommendations.notAccepted", FigureShape.Count, "kiến nghị"),
        new("recommendations.answeredOnTimeRate", FigureShape.Ratio, "%"),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IndicatorValue>> ComputeAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        var m = await ModelsAsync(db, scope, ct);
        var p = await PlansAsync(db, scope, ct);
        var r = await RecommendationsAsync(db, scope, ct);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["models.count"] = m.Total,
            ["models.new"] = m.New,
            ["models.field.economy"] = m.FieldCount("economy"),
            ["models.field.security"] = m.FieldCount("security"),
            ["models.field.politics"] = m.FieldCount("politics"),
            ["models.level.province"] = m.ByLevel.GetValueOrDefault(WorkLevel.Province),
            ["models.level.district"] = m.ByLevel.GetValueOrDefault(WorkLevel.District),
            ["models.level.grassroots"] = m.ByLevel.GetValueOrDefault(WorkLevel.Grassroots),
            ["models.maintained"] = m.ByStatus.GetValueOrDefault(ModelStatus.Maintained),
            ["models.replicated"] = m.ByStatus.GetValueOrDefault(ModelStatus.Replicated),
            ["models.stopped"] = m.ByStatus.GetValueOrDefault(ModelStatus.Stopped),
            ["models.national"] = m.PresentedNationally,
            ["models.awarded"] = m.AwardsByLevel.GetValueOrDefault(WorkLevel.Central) + m.AwardsByLevel.GetValueOrDefault(WorkLevel.Province),
            ["awards.central"] = m.AwardsByLevel.GetValueOrDefault(WorkLevel.Central),
            ["awards.province"] = m.AwardsByLevel.GetValueOrDefault(WorkLevel.Province),
            ["awards.district"] = m.AwardsByLevel.GetValueOrDefault(WorkLevel.District),
            ["awards.grassroots"] = m.AwardsByLevel.GetValueOrDefault(WorkLevel.Grassroots),
            ["awards.collective"] = m.AwardsByRecipient.GetValueOrDefault(AwardRecipient.Collective),
            ["awards.individual"] = m.AwardsByRecipient.GetValueOrDefault(AwardRecipient.Individual),
            ["plans.issued"] = p.Issued.GetValueOrDefault(WorkPlanKind.GovernmentMobilisation),
            ["plans.issuedOnTime"] = p.OnTime.GetValueOrDefault(WorkPlanKind.GovernmentMobilisation),
            ["plans.units"] = p.UnitsIssuing,
            ["plans.democracy.issued"] = p.Issued.GetValueOrDefault(WorkPlanKind.GrassrootsDemocracy),
            ["plans.coordination.issued"] = p.Issued.GetValueOrDefault(WorkPlanKind.Coordination),
            ["recommendations.received"] = r.Received,
            ["recommendations.answered"] = r.Answered,
            ["recommendations.answeredOnTime"] = r.AnsweredOnTime,
            ["recommendations.resolved"] = r.Resolved,
            ["recommendations.notAccepted"] = r.NotAccepted,
        };
        var result = values.ToDictionary(v => v.Key, v => (IndicatorValue)new NumberValue(v.Value), StringComparer.Ordinal);
        result["plans.dvcq"] = new YesNoValue(p.Issued.GetValueOrDefault(WorkPlanKind.GovernmentMobilisation) > 0);
        result["recommendations.answeredOnTimeRate"] = new RatioValue(r.AnsweredOnTime, r.Received);
        return result;
    }

    /// <summary>The models of a scope: one grouped query for the models and one for their awards.</summary>
    public static async Task<ModelFigures> ModelsAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var models = Models(db, scope).Where(m => m.YearStarted <= scope.To.Year);
        int from = scope.From.Year, to = scope.To.Year;
        var groups = await models.GroupBy(m => new { m.Field, m.Level, m.Status, m.PresentedNationally, New = m.YearStarted >= from && m.YearStarted <= to })
            .Select(g => new { g.Key.Field, g.Key.Level, g.Key.Status, g.Key.PresentedNationally, g.Key.New, Count = g.Count() })
            .ToListAsync(ct);
        var last = scope.To;
        var awards = await models.SelectMany(m => m.Awards).Where(a => a.AwardedOn <= last)
            .GroupBy(a => new { a.Level, a.Recipient }).Select(g => new { g.Key.Level, g.Key.Recipient, Count = g.Count() }).ToListAsync(ct);
        var locally = await models.CountAsync(m => m.Awards.Any(a => a.AwardedOn <= last && (a.Level == WorkLevel.District || a.Level == WorkLevel.Grassroots)), ct);
        var byField = groups.GroupBy(g => g.Field).Select(f => (Field: f.Key, Count: f.Sum(g => g.Count)))
            .OrderBy(f => WorkFields.CodeOf(f.Field) is { } code ? Array.IndexOf(["economy", "security", "politics"], code) : 3)
            .ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
        return new ModelFigures
        {
            Total = groups.Sum(g => g.Count),
            New = groups.Where(g => g.New).Sum(g => g.Count),
            ByField = byField,
            ByLevel = groups.GroupBy(g => g.Level).ToDictionary(l => l.Key, l => l.Sum(g => g.Count)),
            ByStatus = groups.GroupBy(g => g.Status).ToDictionary(s => s.Key, s => s.Sum(g => g.Count)),
            PresentedNationally = groups.Where(g => g.PresentedNationally).Sum(g => g.Count),
            AwardsByLevel = awards.GroupBy(a => a.Level).ToDictionary(l => l.Key, l => l.Sum(a => a.Count)),
            AwardsByRecipient = awards.GroupBy(a => a.Recipient).ToDictionary(l => l.Key, l => l.Sum(a => a.Count)),
            ModelsAwardedLocally = locally,
        };
    }

    /// <summary>The plans of a scope for the years of the period.</summary>
    public static async Task<PlanFigures> PlansAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        int from = scope.From.Year, to = scope.To.Year;
        var plans = Plans(db, scope).Where(p => p.Year >= from && p.Year <= to && p.IssuedOn != null);
        var groups = await plans.GroupBy(p => new { p.Kind, OnTime = p.DueOn == null || p.IssuedOn <= p.DueOn })
            .Select(g => new { g.Key.Kind, g.Key.OnTime, Count = g.Count() }).ToListAsync(ct);
        var units = await plans.Where(p => p.Kind == WorkPlanKind.GovernmentMobilisation).Select(p => p.UnitId).Distinct().CountAsync(ct);
        return new PlanFigures(
            groups.GroupBy(g => g.Kind).ToDictionary(k => k.Key, k => k.Sum(g => g.Count)),
            groups.Where(g => g.OnTime).GroupBy(g => g.Kind).ToDictionary(k => k.Key, k => k.Sum(g => g.Count)),
            units);
    }

    /// <summary>The recommendations a scope received in the period, and where they stood at its end.</summary>
    public static async Task<RecommendationFigures> RecommendationsAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var last = scope.To;
        var groups = await Recommendations(db, scope).Where(r => r.IssuedOn >= scope.From && r.IssuedOn <= last)
            .GroupBy(r => new
            {
                Answered = r.RespondedOn != null && r.RespondedOn <= last,
                OnTime = r.RespondedOn != null && r.RespondedOn <= last && (r.DueOn == null || r.RespondedOn <= r.DueOn),
                r.Status,
            })
            .Select(g => new { g.Key.Answered, g.Key.OnTime, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return new RecommendationFigures(
            groups.Sum(g => g.Count),
            groups.Where(g => g.Answered).Sum(g => g.Count),
            groups.Where(g => g.OnTime).Sum(g => g.Count),
            groups.Where(g => g.Status == RecommendationStatus.Resolved).Sum(g => g.Count),
            groups.Where(g => g.Status == RecommendationStatus.NotAccepted).Sum(g => g.Count));
    }

    /// <summary>Models any of whose owners lies in the scope.</summary>
    public static IQueryable<DanVanModel> Models(DanVanDbContext db, FigureScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        var path = scope.UnitPath;
        return scope.Below
            ? db.DanVanModels.AsNoTracking().Where(m => m.Owners.Any(o => o.Path.StartsWith(path)))
            : db.DanVanModels.AsNoTracking().Where(m => m.Owners.Any(o => o.Path == path));
    }

    private static IQueryable<WorkPlan> Plans(DanVanDbContext db, FigureScope scope)
    {
        var path = scope.UnitPath;
        return scope.Below ? db.WorkPlans.AsNoTracking().Where(p => p.Unit!.Path.StartsWith(path)) : db.WorkPlans.AsNoTracking().Where(p => p.Unit!.Path == path);
    }

    private static IQueryable<FrontRecommendation> Recommendations(DanVanDbContext db, FigureScope scope)
    {
        var path = scope.UnitPath;
        return scope.Below ? db.FrontRecommendations.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(path)) : db.FrontRecommendations.AsNoTracking().Where(r => r.Unit!.Path == path);
    }
}
