using DanVan.Accounts;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Registries;
using DanVan.Statistics;
using DanVan.Web.Api.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Registries;

/// <summary>The work registries in the web host: their API routes and what pages and API share (scoped queries, figures).</summary>
public static class WorkRegistriesSetup
{
    /// <summary>Maps /api/v1/registries/work.</summary>
    public static RouteGroupBuilder MapWorkRegistriesApi(this RouteGroupBuilder api)
    {
        WorkRegistriesApi.Map(api);
        return api;
    }
}

/// <summary>Finding work registry records within the user's scope for pages and API alike; out of scope looks like missing (404).</summary>
public static class WorkAccess
{
    /// <summary>Models kept by a unit the user reads.</summary>
    public static IQueryable<DanVanModel> Models(DanVanDbContext db, UserScope scope) =>
        db.DanVanModels.Where(ScopeFilter.On<DanVanModel>(scope, m => m.Unit));

    /// <summary>Plans of units the user reads.</summary>
    public static IQueryable<WorkPlan> Plans(DanVanDbContext db, UserScope scope) =>
        db.WorkPlans.Where(ScopeFilter.On<WorkPlan>(scope, p => p.Unit));

    /// <summary>Recommendations addressed to units the user reads.</summary>
    public static IQueryable<FrontRecommendation> Recommendations(DanVanDbContext db, UserScope scope) =>
        db.FrontRecommendations.Where(ScopeFilter.On<FrontRecommendation>(scope, r => r.Unit));

    /// <summary>The scope unit asked for (or the user's first scope unit); null when the user may not read it.</summary>
    public static async Task<OrgUnit?> ScopeUnitAsync(DanVanDbContext db, UserScope scope, int? unitId, CancellationToken ct = default)
    {
        OrgUnit? unit;
        if (unitId is { } id) unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        else
        {
            var first = scope.Roles.Where(r => r.ScopeUnitId != null).Select(r => r.ScopeUnitId!.Value).FirstOrDefault();
            unit = first != 0 ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == first, ct)
                : scope.IsAdministrator ? await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Code).FirstOrDefaultAsync(ct) : null;
        }
        return unit is not null && scope.CanRead(unit.Path) ? unit : null;
    }

    /// <summary>The work figures and sentences of <paramref name="unit"/> and every unit below it for <paramref name="year"/>.</summary>
    public static async Task<WorkFiguresView> FiguresAsync(DanVanDbContext db, OrgUnit unit, int year, IReadOnlyCollection<string>? groups, CancellationToken ct = default)
    {
        var scope = new FigureScope(unit.Path, true, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var source = new WorkFigures();
        var values = await source.ComputeAsync(db, scope, ct);
        var figures = source.Figures.Select(f => new WorkFigureView(f.Code, RegistryTerms.Code(f.Shape), f.Unit, Json(values[f.Code]), Text(values[f.Code]))).ToList();
        var models = await WorkFigures.ModelsAsync(db, scope, ct);
        var recs = await WorkFigures.RecommendationsAsync(db, scope, ct);
        var sentence = WorkParagraphs.Models(models);
        var paragraphs = new WorkParagraphsView(sentence.Sentence, sentence.Footnote, WorkParagraphs.Awards(models),
            await WorkParagraphs.PlansAsync(db, unit, year, groups, ct), WorkParagraphs.Recommendations(recs, year));
        return new WorkFiguresView(DanVan.Web.Api.UnitRef.From(unit), year, figures, paragraphs);
    }

    private static object? Json(IndicatorValue v) => v switch
    {
        NumberValue n => n.Value,
        RatioValue r => new { part = r.Part, whole = r.Whole },
        YesNoValue y => y.Yes,
        _ => null,
    };

    /// <summary>A figure as the reports write it.</summary>
    public static string Text(IndicatorValue v) => v switch
    {
        NumberValue n => WorkParagraphs.Count((int)n.Value),
        RatioValue r => $"{(int)r.Part}/{(int)r.Whole}",
        YesNoValue y => y.Yes ? "có" : "không",
        _ => "",
    };
}
