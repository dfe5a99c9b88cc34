using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Permissions = DanVan.Accounts.Permissions.Permissions;

namespace DanVan.Web.Api.Registries;

/// <summary>/api/v1/registries/work: "Dân vận khéo" models, work plans, the Front's recommendations; their figures, sentences and files.</summary>
public static class WorkRegistriesApi
{
    private const string Tag = "Work registries";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/registries/work").WithTags(Tag);
        g.MapGet("/models", ListModels).WithName("ListModels").Requires(RegistryPermissions.Read)
            .WithSummary("Models kept by units under a scope (?scope=unitId, default the caller's), filtered by year started (up to ?year), field, level, status");
        g.MapGet("/models/{id:int}", GetModel).WithName("GetModel").Requires(RegistryPermissions.Read)
            .WithSummary("A model, with its owners as registered and on today's hierarchy; ETag is its version");
        g.MapPost("/units/{unitId:int}/models", CreateModel).WithName("CreateModel").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Register a model kept by the unit; lists take Vietnamese words or the English codes");
        g.MapPut("/models/{id:int}", UpdateModel).WithName("UpdateModel").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Replace a model (awards included); send its version as If-Match or ?version");
        g.MapGet("/plans", ListPlans).WithName("ListWorkPlans").Requires(RegistryPermissions.Read)
            .WithSummary("Work plans of units under a scope, by ?year and ?kind");
        g.MapGet("/plans/{id:int}", GetPlan).WithName("GetWorkPlan").Requires(RegistryPermissions.Read).WithSummary("A work plan");
        g.MapPost("/units/{unitId:int}/plans", CreatePlan).WithName("CreateWorkPlan").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Record a unit's plan for a year: kind, number, date and issuing body (empty date while not issued), deadline");
        g.MapPut("/plans/{id:int}", UpdatePlan).WithName("UpdateWorkPlan").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Replace a plan; send its version as If-Match or ?version");
        g.MapGet("/recommendations", ListRecommendations).WithName("ListRecommendations").Requires(RegistryPermissions.Read)
            .WithSummary("The Front's recommendations addressed to units under a scope, by ?year issued and ?status");
        g.MapGet("/recommendations/{id:int}", GetRecommendation).WithName("GetRecommendation").Requires(RegistryPermissions.Read).WithSummary("A recommendation");
        g.MapPost("/units/{unitId:int}/recommendations", CreateRecommendation).WithName("CreateRecommendation").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Record a recommendation addressed to the unit after the Front's oversight or social criticism");
        g.MapPut("/recommendations/{id:int}", UpdateRecommendation).WithName("UpdateRecommendation").Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Replace a recommendation (its answer and status); send its version as If-Match or ?version");
        g.MapGet("/figures", GetFigures).WithName("GetWorkFigures").Requires(RegistryPermissions.Read)
            .WithSummary("Every work figure of a scope (?scope, default the caller's) for ?year, and the report sentences (003's models and awards, 000's plans footnote; ?groups=code,code limits its unit groups)");
        g.MapPost("/{registry}/import", Import).WithName("ImportWorkRegistry").Accepts<IFormFile>("multipart/form-data", Xlsx, "text/csv")
            .Requires(RegistryPermissions.WorkRecord)
            .WithSummary("Import models, plans or recommendations from XLSX or CSV (columns as the export's): all or nothing, each problem at its sheet, row and column");
        g.MapGet("/{registry}/export", Export).WithName("ExportWorkRegistry").Produces<Stream>(StatusCodes.Status200OK, Xlsx, "text/csv")
            .Requires(RegistryPermissions.Read)
            .WithSummary("Models, plans or recommendations under a scope (?scope, ?year) as XLSX or CSV (?format=csv), in the import's layout");
    }

    /// <summary>GET /registries/work/models.</summary>
    public static async Task<Results<Ok<List<ModelView>>, NotFoundProblem>> ListModels(int? scope, int? year, string? field, string? level, string? status,
        DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await WorkAccess.ScopeUnitAsync(db, user, scope, ct) is not { } unit) return ScopeNotFound(scope);
        var q = WorkAccess.Models(db, user).AsNoTracking().Include(m => m.Unit).Include(m => m.Owners).Include(m => m.Awards)
            .Where(m => m.Unit!.Path.StartsWith(unit.Path));
        if (year is { } y) q = q.Where(m => m.YearStarted <= y);
        if (WorkTerms.TryParse<WorkLevel>(level, out var l)) q = q.Where(m => m.Level == l);
        if (WorkTerms.TryParse<ModelStatus>(status, out var s)) q = q.Where(m => m.Status == s);
        var list = await q.OrderBy(m => m.Unit!.Code).ThenBy(m => m.Id).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(field)) list = [.. list.Where(m => WorkFields.Canonical(field) == m.Field)];
        var views = new List<ModelView>();
        foreach (var m in list) views.Add(ModelView.From(m, await DanVanModels.OwnersTodayAsync(db, m, clock.Today, ct)));
        return TypedResults.Ok(views);
    }

    /// <summary>GET /registries/work/models/{id}.</summary>
    public static async Task<Results<Ok<ModelView>, NotFoundProblem>> GetModel(int id, HttpContext http, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var m = await WorkAccess.Models(db, user).AsNoTracking().Include(x => x.Unit).Include(x => x.Owners).Include(x => x.Awards).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return RecordNotFound("model", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(m.Version);
        return TypedResults.Ok(ModelView.From(m, await DanVanModels.OwnersTodayAsync(db, m, clock.Today, ct)));
    }

    /// <summary>POST /registries/work/units/{unitId}/models.</summary>
    public static async Task<Results<Created<ModelView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> CreateModel(int unitId, DanVanModelInput body,
        DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var (unit, denied) = await WritableUnitAsync(unitId, db, me, permissions, ct);
        if (denied is not null) return denied.NotFound is { } nf ? nf : denied.Forbidden!;
        try
        {
            var m = await DanVanModels.RecordAsync(db, unit!, body, Actor(me, clock, await me.GetAsync(ct)), ct);
            return TypedResults.Created($"/api/v1/registries/work/models/{m.Id}", ModelView.From(m, m.Owners));
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
    }

    /// <summary>PUT /registries/work/models/{id}.</summary>
    public static async Task<Results<Ok<ModelView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> UpdateModel(int id, int? version, DanVanModelInput body,
        HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var m = await DanVanModels.LoadAsync(db, id, ct);
        if (m is null || !user.CanRead(m.Unit!.Path)) return RecordNotFound("model", id);
        if (!permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(m.Unit))) return Forbidden(m.Unit);
        var (v, problem) = AssessmentVersion.Read(http.Request, version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        try
        {
            await DanVanModels.UpdateAsync(db, m, body, Actor(me, clock, user), v, ct);
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
        http.Response.Headers.ETag = AssessmentVersion.ETag(m.Version);
        return TypedResults.Ok(ModelView.From(m, await DanVanModels.OwnersTodayAsync(db, m, clock.Today, ct)));
    }

    /// <summary>GET /registries/work/plans.</summary>
    public static async Task<Results<Ok<List<PlanView>>, NotFoundProblem>> ListPlans(int? scope, int? year, string? kind, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await WorkAccess.ScopeUnitAsync(db, user, scope, ct) is not { } unit) return ScopeNotFound(scope);
        var q = WorkAccess.Plans(db, user).AsNoTracking().Include(p => p.Unit).Where(p => p.Unit!.Path.StartsWith(unit.Path));
        if (year is { } y) q = q.Where(p => p.Year == y);
        if (WorkTerms.TryParse<WorkPlanKind>(kind, out var k)) q = q.Where(p => p.Kind == k);
        return TypedResults.Ok((await q.OrderBy(p => p.Year).ThenBy(p => p.Unit!.Code).ThenBy(p => p.Id).ToListAsync(ct)).Select(PlanView.From).ToList());
    }

    /// <summary>GET /registries/work/plans/{id}.</summary>
    public static async Task<Results<Ok<PlanView>, NotFoundProblem>> GetPlan(int id, HttpContext http, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var p = await WorkAccess.Plans(db, await me.GetAsync(ct)).AsNoTracking().Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return RecordNotFound("plan", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(p.Version);
        return TypedResults.Ok(PlanView.From(p));
    }

    /// <summary>POST /registries/work/units/{unitId}/plans.</summary>
    public static async Task<Results<Created<PlanView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> CreatePlan(int unitId, WorkPlanInput body,
        DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var (unit, denied) = await WritableUnitAsync(unitId, db, me, permissions, ct);
        if (denied is not null) return denied.NotFound is { } nf ? nf : denied.Forbidden!;
        try
        {
            var p = await WorkPlans.RecordAsync(db, unit!, body, Actor(me, clock, await me.GetAsync(ct)), ct);
            return TypedResults.Created($"/api/v1/registries/work/plans/{p.Id}", PlanView.From(p));
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
    }

    /// <summary>PUT /registries/work/plans/{id}.</summary>
    public static async Task<Results<Ok<PlanView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> UpdatePlan(int id, int? version, WorkPlanInput body,
        HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var p = await db.WorkPlans.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !user.CanRead(p.Unit!.Path)) return RecordNotFound("plan", id);
        if (!permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(p.Unit))) return Forbidden(p.Unit);
        var (v, problem) = AssessmentVersion.Read(http.Request, version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        try
        {
            await WorkPlans.UpdateAsync(db, p, body, Actor(me, clock, user), v, ct);
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
        http.Response.Headers.ETag = AssessmentVersion.ETag(p.Version);
        return TypedResults.Ok(PlanView.From(p));
    }

    /// <summary>GET /registries/work/recommendations.</summary>
    public static async Task<Results<Ok<List<RecommendationView>>, NotFoundProblem>> ListRecommendations(int? scope, int? year, string? status,
        DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await WorkAccess.ScopeUnitAsync(db, user, scope, ct) is not { } unit) return ScopeNotFound(scope);
        var q = WorkAccess.Recommendations(db, user).AsNoTracking().Include(r => r.Unit).Where(r => r.Unit!.Path.StartsWith(unit.Path));
        if (year is { } y) q = q.Where(r => r.IssuedOn >= new DateOnly(y, 1, 1) && r.IssuedOn <= new DateOnly(y, 12, 31));
        if (WorkTerms.TryParse<RecommendationStatus>(status, out var s)) q = q.Where(r => r.Status == s);
        return TypedResults.Ok((await q.OrderBy(r => r.IssuedOn).ThenBy(r => r.Id).ToListAsync(ct)).Select(RecommendationView.From).ToList());
    }

    /// <summary>GET /registries/work/recommendations/{id}.</summary>
    public static async Task<Results<Ok<RecommendationView>, NotFoundProblem>> GetRecommendation(int id, HttpContext http, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var r = await WorkAccess.Recommendations(db, await me.GetAsync(ct)).AsNoTracking().Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return RecordNotFound("recommendation", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(RecommendationView.From(r));
    }

    /// <summary>POST /registries/work/units/{unitId}/recommendations.</summary>
    public static async Task<Results<Created<RecommendationView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> CreateRecommendation(int unitId, RecommendationInput body,
        DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var (unit, denied) = await WritableUnitAsync(unitId, db, me, permissions, ct);
        if (denied is not null) return denied.NotFound is { } nf ? nf : denied.Forbidden!;
        try
        {
            var r = await FrontRecommendations.RecordAsync(db, unit!, body, Actor(me, clock, await me.GetAsync(ct)), ct);
            return TypedResults.Created($"/api/v1/registries/work/recommendations/{r.Id}", RecommendationView.From(r));
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
    }

    /// <summary>PUT /registries/work/recommendations/{id}.</summary>
    public static async Task<Results<Ok<RecommendationView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> UpdateRecommendation(int id, int? version, RecommendationInput body,
        HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var r = await db.FrontRecommendations.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !user.CanRead(r.Unit!.Path)) return RecordNotFound("recommendation", id);
        if (!permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(r.Unit))) return Forbidden(r.Unit);
        var (v, problem) = AssessmentVersion.Read(http.Request, version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        try
        {
            await FrontRecommendations.UpdateAsync(db, r, body, Actor(me, clock, user), v, ct);
        }
        catch (RefusedException ex)
        {
            return Refused(ex);
        }
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(RecommendationView.From(r));
    }

    /// <summary>GET /registries/work/figures.</summary>
    public static async Task<Results<Ok<WorkFiguresView>, NotFoundProblem>> GetFigures(int? scope, int? year, string? groups, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await WorkAccess.ScopeUnitAsync(db, user, scope, ct) is not { } unit) return ScopeNotFound(scope);
        var codes = string.IsNullOrWhiteSpace(groups) ? null : groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return TypedResults.Ok(await WorkAccess.FiguresAsync(db, unit, year ?? clock.Today.Year, codes, ct));
    }

    /// <summary>POST /registries/work/{registry}/import.</summary>
    public static async Task<Results<Ok<WorkImportSummary>, RefusedProblem>> Import(string registry, HttpRequest request, DanVanDbContext db, CurrentUser me,
        Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        try
        {
            var which = Registry(registry);
            var (table, fileName) = request.HasFormContentType
                ? await Uploads.ReadTableAsync((await request.ReadFormAsync(ct)).Files.GetFile("file"), "file", ct)
                : await BodyAsync(request, ct);
            var summary = await WorkTables.ImportAsync(db, which, table, fileName,
                u => permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(u)), Actor(me, clock, user), null, ct);
            return TypedResults.Ok(summary);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
    }

    /// <summary>GET /registries/work/{registry}/export.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem, RefusedProblem>> Export(string registry, int? scope, int? year, string? format,
        DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        WorkRegistry which;
        try
        {
            which = Registry(registry);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
        if (await WorkAccess.ScopeUnitAsync(db, user, scope, ct) is not { } unit) return ScopeNotFound(scope);
        var rows = await WorkExport.RowsAsync(db, user, which, unit, year, ct);
        var (bytes, type, extension) = WorkTables.File(which, rows, format);
        return TypedResults.File(bytes, type, $"{RegistryTerms.Code(which)}-{unit.Code}{(year is { } y ? "-" + y : "")}{extension}");
    }

    private static async Task<(TableData, string)> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        var fileName = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true ? "upload.csv" : "upload.xlsx";
        return (await Uploads.ReadTableAsync(request.Body, fileName, ct), fileName);
    }

    /// <summary>The registry a route names, or a refusal.</summary>
    public static WorkRegistry Registry(string? name) =>
        RegistryTerms.TryParse<WorkRegistry>(name, out var r) ? r
            : throw new RefusedException("registries.work.unknownRegistry", Where.AtField("registry"), ("value", name ?? ""));

    private sealed record Denied(NotFoundProblem? NotFound, ForbiddenProblem? Forbidden);

    private static async Task<(OrgUnit? Unit, Denied? Denied)> WritableUnitAsync(int unitId, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct);
        return unit is null ? (null, new Denied(new NotFoundProblem($"There is no unit {unitId} that you may see."), null))
            : permissions.Decide(user, RegistryPermissions.WorkRecord, Target.Unit(unit)) switch
            {
                AccessOutcome.Allowed => (unit, null),
                AccessOutcome.NotFound => (null, new Denied(new NotFoundProblem($"There is no unit {unitId} that you may see."), null)),
                _ => (null, new Denied(null, Forbidden(unit))),
            };
    }

    private static WorkActor Actor(CurrentUser me, ProvinceClock clock, UserScope user) => new(user.UserName, clock.UtcNow, clock.Zone);

    private static RefusedProblem Refused(RefusedException ex) =>
        ApiProblems.Refused(ex.Refusals, ex.Refusals.Any(r => r.Code == "registries.staleVersion") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);

    private static ForbiddenProblem Forbidden(OrgUnit unit) => new($"Your role may not record the work registries of {unit.Code}.");

    private static NotFoundProblem ScopeNotFound(int? scope) => new($"There is no unit {scope} that you may see.");

    private static NotFoundProblem RecordNotFound(string what, int id) => new($"There is no {what} {id} that you may see.");
}

/// <summary>The rows of a registry's export under a scope, only what the user reads.</summary>
public static class WorkExport
{
    /// <summary>Rows in the import's layout.</summary>
    public static async Task<List<IReadOnlyList<string?>>> RowsAsync(DanVanDbContext db, UserScope user, WorkRegistry which, OrgUnit unit, int? year, CancellationToken ct)
    {
        switch (which)
        {
            case WorkRegistry.Models:
                var models = WorkAccess.Models(db, user).AsNoTracking().Include(m => m.Unit).Include(m => m.Owners).Include(m => m.Awards).Where(m => m.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y1) models = models.Where(m => m.YearStarted <= y1);
                return [.. WorkTables.Rows(await models.OrderBy(m => m.Unit!.Code).ThenBy(m => m.Id).ToListAsync(ct))];
            case WorkRegistry.Plans:
                var plans = WorkAccess.Plans(db, user).AsNoTracking().Include(p => p.Unit).Where(p => p.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y2) plans = plans.Where(p => p.Year == y2);
                return [.. WorkTables.Rows(await plans.OrderBy(p => p.Year).ThenBy(p => p.Unit!.Code).ThenBy(p => p.Id).ToListAsync(ct))];
            default:
                var recs = WorkAccess.Recommendations(db, user).AsNoTracking().Include(r => r.Unit).Where(r => r.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y3) recs = recs.Where(r => r.IssuedOn >= new DateOnly(y3, 1, 1) && r.IssuedOn <= new DateOnly(y3, 12, 31));
                return [.. WorkTables.Rows(await recs.OrderBy(r => r.IssuedOn).ThenBy(r => r.Id).ToListAsync(ct))];
        }
    }
}
