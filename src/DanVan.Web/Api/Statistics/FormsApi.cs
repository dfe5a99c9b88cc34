using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Permissions = DanVan.Accounts.Permissions.Permissions;

namespace DanVan.Web.Api.Statistics;

/// <summary>Form definitions (biểu mẫu thống kê): list, read, validate, import; the format is docs/forms-format.md.</summary>
public static class FormsApi
{
    /// <summary>Maps /api/v1/forms.</summary>
    public static RouteGroupBuilder MapFormsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/forms").WithTags("Statistics forms");
        group.MapGet("/", ListForms)
            .WithName("ListForms")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("List the stored form versions: code, version, name, frozen");
        group.MapGet("/{id:int}", GetForm)
            .WithName("GetForm")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("Read a form version's definition as JSON (docs/forms-format.md)")
            .Produces<object>(StatusCodes.Status200OK, "application/json");
        group.MapPost("/validate", ValidateForm)
            .WithName("ValidateForm")
            .Requires(StatisticsPermissions.ManageForms)
            .Accepts<object>("application/json")
            .WithSummary("Check a form file without storing it: 200 when valid, else every problem with its JSON path");
        group.MapPost("/", ImportForm)
            .WithName("ImportForm")
            .Requires(StatisticsPermissions.ManageForms)
            .Accepts<object>("application/json")
            .WithSummary("Import a form file: a new code or version is added; a version no period uses yet is replaced; a frozen one is refused (409)")
            .WithDescription("The body is the form's JSON. Any problem refuses the whole file with JSON paths (400) and nothing is stored.");
        return group;
    }

    /// <summary>GET /api/v1/forms.</summary>
    public static async Task<Results<Ok<List<FormSummary>>, ForbiddenProblem>> ListForms(DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        if (!permissions.MayAnywhere(await me.GetAsync(ct), StatisticsPermissions.Read)) return new ForbiddenProblem("Your roles may not read statistics forms.");
        var used = await db.FormPeriods.Select(p => p.FormId).Distinct().ToListAsync(ct);
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Code).ThenBy(f => f.Version).ToListAsync(ct);
        return TypedResults.Ok(forms.Select(f =>
        {
            var d = f.Definition();
            return new FormSummary(f.Id, f.Code, f.Version, f.Name, d.PeriodKind, d.Indicators.Count, used.Contains(f.Id), f.StoredAt);
        }).ToList());
    }

    /// <summary>GET /api/v1/forms/{id}.</summary>
    public static async Task<Results<ContentHttpResult, NotFoundProblem, ForbiddenProblem>> GetForm(int id, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        if (!permissions.MayAnywhere(await me.GetAsync(ct), StatisticsPermissions.Read)) return new ForbiddenProblem("Your roles may not read statistics forms.");
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        return form is null ? new NotFoundProblem($"There is no form {id}.") : TypedResults.Text(form.Json, "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>POST /api/v1/forms/validate.</summary>
    public static async Task<Results<Ok<FormValidation>, RefusedProblem, ForbiddenProblem>> ValidateForm(HttpRequest request, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        if (!permissions.MayAnywhere(await me.GetAsync(ct), StatisticsPermissions.ManageForms)) return ManageForbidden();
        var json = await ReadBodyAsync(request, ct);
        var read = FormDefinitionFile.Parse(json, null);
        if (!read.IsValid) return ApiProblems.Refused(read.Refusals);
        var f = read.Form!;
        return TypedResults.Ok(new FormValidation(true, f.Code, f.Version, f.Name, f.Indicators.Count, f.Rules.Count, f.Sections.Count));
    }

    /// <summary>POST /api/v1/forms.</summary>
    public static async Task<Results<Created<FormSummary>, RefusedProblem, ForbiddenProblem>> ImportForm(
        HttpRequest request, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (!permissions.MayAnywhere(scope, StatisticsPermissions.ManageForms)) return ManageForbidden();
        var json = await ReadBodyAsync(request, ct);
        StoredForm stored;
        try
        {
            stored = await FormLibrary.ImportAsync(db, json, null, scope.UserName, clock.UtcNow, ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode(ex.Refusals);
        }
        var d = stored.Definition();
        return TypedResults.Created($"/api/v1/forms/{stored.Id}", new FormSummary(stored.Id, stored.Code, stored.Version, stored.Name, d.PeriodKind, d.Indicators.Count, false, stored.StoredAt));
    }

    private static ForbiddenProblem ManageForbidden() => new("Only an administrator or a coordinator may validate and import forms.");

    // Read as text so the form's own parser locates syntax errors by JSON path and line (the host caps the body's size).
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
