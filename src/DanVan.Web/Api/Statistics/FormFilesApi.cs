using DanVan.Web.Statistics;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Statistics;

/// <summary>Figures as files (XLSX, CSV): a unit's form to fill offline and upload back, a coordinator's file of many units, a scope's export.</summary>
public static class FormFilesApi
{
    /// <summary>The XLSX media type.</summary>
    public const string Xlsx = FormWorkbook.XlsxType;

    /// <summary>Maps the file routes of unit forms and form periods.</summary>
    public static RouteGroupBuilder MapFormFilesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Statistics forms");
        group.MapGet("/form-reports/{id:int}/file", DownloadReport)
            .Produces<Stream>(StatusCodes.Status200OK, Xlsx, "text/csv")
            .WithName("DownloadFormReportFile")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("A unit's form as XLSX (labels locked, value cells open, filled with what is stored) or CSV (?format=csv)");
        group.MapPut("/form-reports/{id:int}/file", UploadReport)
            .WithName("UploadFormReportFile")
            .Accepts<IFormFile>("multipart/form-data", Xlsx, "text/csv")
            .Requires(StatisticsPermissions.Enter)
            .WithSummary("Upload the unit's form filled offline: all or nothing, each problem at its sheet, row and column; its values replace the stored ones");
        group.MapPost("/form-periods/{id:int}/import", ImportMany)
            .WithName("ImportFormFigures")
            .Accepts<IFormFile>("multipart/form-data", Xlsx, "text/csv")
            .Requires(StatisticsPermissions.Enter)
            .WithSummary("Import many units' figures in one XLSX or CSV (columns unit_code, indicator, value): all or nothing; a unit the caller may not enter for is refused as not found");
        group.MapGet("/form-periods/{id:int}/export", Export)
            .Produces<Stream>(StatusCodes.Status200OK, Xlsx, "text/csv")
            .WithName("ExportFormFigures")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("Every readable unit's figures under a scope (?scope=unitId, default the period's) as XLSX or CSV (?format=csv), in the import layout");
        return group;
    }

    /// <summary>GET /api/v1/form-reports/{id}/file.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> DownloadReport(int id, string? format, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await FormFilling.LoadAsync(db, id, ct);
        if (r is null || permissions.Decide(scope, StatisticsPermissions.Read, StatisticsPermissions.TargetOf(r)) != AccessOutcome.Allowed) return NotFound(id);
        return File(FormFilling.FormOf(r), [UnitFigures.Of(r)], format, $"{r.Period!.Form!.Code}-{r.Period.Year}-{r.Unit!.Code}");
    }

    /// <summary>PUT /api/v1/form-reports/{id}/file.</summary>
    public static async Task<Results<Ok<FormImportView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> UploadReport(
        int id, HttpRequest request, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await FormFilling.LoadAsync(db, id, ct);
        if (r is null) return NotFound(id);
        switch (permissions.Decide(scope, StatisticsPermissions.Enter, StatisticsPermissions.TargetOf(r)))
        {
            case AccessOutcome.NotFound: return NotFound(id);
            case AccessOutcome.Forbidden: return new ForbiddenProblem("Your role may not enter this unit's figures.");
        }
        var period = r.Period!;
        return await ImportAsync(request, db, period, report => report.Id == id, scope, clock, ct);
    }

    /// <summary>POST /api/v1/form-periods/{id}/import.</summary>
    public static async Task<Results<Ok<FormImportView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> ImportMany(
        int id, HttpRequest request, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var period = await StatisticsAccess.FindPeriodAsync(db, scope, id, ct);
        if (period is null) return new NotFoundProblem($"There is no form period {id} that you may see.");
        bool MayWrite(FormReport report)
        {
            var target = StatisticsPermissions.TargetOf(report);
            return permissions.May(scope, StatisticsPermissions.ImportMany, target) || permissions.May(scope, StatisticsPermissions.Enter, target);
        }
        return await ImportAsync(request, db, period, MayWrite, scope, clock, ct);
    }

    /// <summary>GET /api/v1/form-periods/{id}/export.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> Export(int id, int? scope, string? format, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var period = await StatisticsAccess.FindPeriodAsync(db, user, id, ct);
        if (period is null) return new NotFoundProblem($"There is no form period {id} that you may see.");
        var root = scope is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : period.ScopeUnit;
        if (root is null) return new NotFoundProblem($"There is no unit {scope} that you may see.");
        // Only reports the caller reads, under the scope asked: a unit's own users get their own unit's row.
        var units = await UnitFigures.OfAsync(StatisticsAccess.ReadableReports(db, user).Where(r => r.PeriodId == id && r.Unit!.Path.StartsWith(root.Path)), ct);
        if (units.Count == 0 && !user.CanRead(root.Path)) return new NotFoundProblem($"There is no unit {scope} that you may see.");
        return File(period.Form!.Definition(), units, format, $"{period.Form.Code}-{period.Year}-{root.Code}");
    }

    private static async Task<Results<Ok<FormImportView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> ImportAsync(
        HttpRequest request, DanVanDbContext db, FormPeriod period, Func<FormReport, bool> mayWrite, UserScope scope, ProvinceClock clock, CancellationToken ct)
    {
        try
        {
            var (table, fileName) = await Uploads.ReadTableAsync(request, ct);
            var form = period.Form!.Definition();
            var figures = FormWorkbook.Read(form, table, fileName);
            var saved = await FormWorkbook.ImportAsync(db, period, figures, fileName, mayWrite, scope.UserName, clock.UtcNow, clock.Zone, ct);
            return TypedResults.Ok(new FormImportView(fileName, saved.Count, [.. saved.Select(r => r.Id)]));
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode(ex.Refusals);
        }
    }

    private static FileContentHttpResult File(FormDefinition form, IReadOnlyList<UnitFigures> units, string? format, string name)
    {
        var (bytes, type, extension) = FormWorkbook.File(form, units, format);
        return TypedResults.File(bytes, type, name + extension);
    }

    private static NotFoundProblem NotFound(int id) => new($"There is no unit form {id} that you may see.");
}

/// <summary>What an upload stored.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Units">How many units' forms it replaced.</param>
/// <param name="Reports">Their ids.</param>
public sealed record FormImportView(string File, int Units, IReadOnlyList<int> Reports);
