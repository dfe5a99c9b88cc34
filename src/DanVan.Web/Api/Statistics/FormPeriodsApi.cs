using DanVan.Web.Statistics;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Permissions = DanVan.Accounts.Permissions.Permissions;
using Target = DanVan.Accounts.Permissions.Target;

namespace DanVan.Web.Api.Statistics;

/// <summary>Forms' periods: list, open, the units' reports, and the aggregate table of any scope.</summary>
public static class FormPeriodsApi
{
    /// <summary>Maps /api/v1/form-periods.</summary>
    public static RouteGroupBuilder MapFormPeriodsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/form-periods").WithTags("Statistics forms");
        group.MapGet("/", ListFormPeriods)
            .WithName("ListFormPeriods")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("List the forms' periods the caller may see, newest first")
            .WithDescription("Periods run for a unit in the caller's scope, or owed by one; counts cover only the reports the caller may read.");
        group.MapPost("/", OpenFormPeriod)
            .WithName("OpenFormPeriod")
            .Requires(StatisticsPermissions.OpenPeriod)
            .WithSummary("Open a form's period for a scope unit (coordinator of it): one report per unit that owes the form")
            .WithDescription("Deadlines per level come from the form (days after the data window). Give formId, or formCode (and formVersion).");
        group.MapGet("/{id:int}", GetFormPeriod)
            .WithName("GetFormPeriod")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("Read a form's period");
        group.MapGet("/{id:int}/reports", ListFormReports)
            .WithName("ListFormReports")
            .Requires(StatisticsPermissions.Read)
            .WithSummary("Each unit's report in the period that the caller may read: status, deadline, late or overdue, submitted at");
        group.MapGet("/{id:int}/figures", GetFigures)
            .WithName("GetFormFigures")
            .Requires(StatisticsPermissions.Monitor)
            .WithSummary("The aggregate table of a scope: completeness, every indicator by its aggregation, the appendix rows, drill-down, the previous period")
            .WithDescription("scope is a unit id (default the period's scope unit). Coordinators, inspectors and viewers covering it see it; "
                + "a unit's own users see their own unit's consolidation. Only submitted and accepted reports count.");
        return group;
    }

    /// <summary>GET /api/v1/form-periods.</summary>
    public static async Task<Ok<List<FormPeriodView>>> ListFormPeriods(int? year, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var query = StatisticsAccess.VisiblePeriods(db, scope).AsNoTracking();
        if (year is { } y) query = query.Where(p => p.Year == y);
        var ids = await query.Select(p => p.Id).ToListAsync(ct);
        var periods = await db.FormPeriods.AsNoTracking().Include(p => p.Form).Include(p => p.ScopeUnit).Where(p => ids.Contains(p.Id))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Number).ThenBy(p => p.Id).ToListAsync(ct);
        var counts = await StatisticsAccess.ReadableReports(db, scope).Where(r => ids.Contains(r.PeriodId))
            .GroupBy(r => r.PeriodId)
            .Select(g => new { g.Key, Units = g.Count(), Submitted = g.Count(r => r.Status == FormReportStatus.Submitted || r.Status == FormReportStatus.Accepted) })
            .ToDictionaryAsync(x => x.Key, ct);
        return TypedResults.Ok(periods.Select(p => View(p, counts.GetValueOrDefault(p.Id)?.Units ?? 0, counts.GetValueOrDefault(p.Id)?.Submitted ?? 0)).ToList());
    }

    /// <summary>POST /api/v1/form-periods.</summary>
    public static async Task<Results<Created<FormPeriodView>, RefusedProblem, ForbiddenProblem>> OpenFormPeriod(
        OpenFormPeriodBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var scopePath = await db.Units.AsNoTracking().Where(u => u.Id == body.ScopeUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "";
        if (!permissions.May(scope, StatisticsPermissions.OpenPeriod, new Target(scopePath)))
            return new ForbiddenProblem($"Only a coordinator of unit {body.ScopeUnitId} may open a form's period for it.");
        var formId = body.FormId;
        if (formId is null && body.FormCode is { } code)
            formId = await db.Forms.Where(f => f.Code == code && (body.FormVersion == null || f.Version == body.FormVersion))
                .OrderByDescending(f => f.Version).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        if (formId is null)
            return ApiProblems.Refused([Refusal.Of("forms.unknownForm", Where.AtField(body.FormCode is null ? "formId" : "formCode"), ("form", body.FormCode ?? "—"))]);
        FormPeriod period;
        try
        {
            period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(formId.Value, body.Year, body.Number, body.ScopeUnitId, body.OpensOn, body.AcceptLate,
                body.Name, body.WindowFrom, body.WindowTo), scope.UserName, clock.UtcNow, ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.RefusedByCode(ex.Refusals);
        }
        var opened = await db.FormPeriods.AsNoTracking().Include(p => p.Form).Include(p => p.ScopeUnit).SingleAsync(p => p.Id == period.Id, ct);
        return TypedResults.Created($"/api/v1/form-periods/{period.Id}", View(opened, period.Reports.Count, 0));
    }

    /// <summary>GET /api/v1/form-periods/{id}.</summary>
    public static async Task<Results<Ok<FormPeriodView>, NotFoundProblem>> GetFormPeriod(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await StatisticsAccess.FindPeriodAsync(db, scope, id, ct) is not { } period) return PeriodNotFound(id);
        var mine = StatisticsAccess.ReadableReports(db, scope).Where(r => r.PeriodId == id);
        return TypedResults.Ok(View(period, await mine.CountAsync(ct), await mine.CountAsync(r => r.Status == FormReportStatus.Submitted || r.Status == FormReportStatus.Accepted, ct)));
    }

    /// <summary>GET /api/v1/form-periods/{id}/reports.</summary>
    public static async Task<Results<Ok<List<FormReportSummary>>, NotFoundProblem>> ListFormReports(
        int id, FormReportStatus? status, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await StatisticsAccess.FindPeriodAsync(db, scope, id, ct) is not { } period) return PeriodNotFound(id);
        var query = StatisticsAccess.ReadableReports(db, scope).AsNoTracking().Include(r => r.Unit).Where(r => r.PeriodId == id);
        if (status is { } s) query = query.Where(r => r.Status == s);
        var reports = await query.ToListAsync(ct);
        var now = clock.UtcNow;
        return TypedResults.Ok(reports.OrderBy(r => r.Unit!.Path, StringComparer.Ordinal).Select(r =>
        {
            r.Period = period;
            var late = r.Counts ? r.IsLate : FormFilling.Judge(r, now, clock.Zone).Late;
            return new FormReportSummary(r.Id, UnitRef.From(r.Unit!), r.Status, r.Deadline, r.ExtendedDeadline is not null, late, r.SubmittedAt, r.Version);
        }).ToList());
    }

    /// <summary>GET /api/v1/form-periods/{id}/figures.</summary>
    public static async Task<Results<Ok<FigureTable>, NotFoundProblem, ForbiddenProblem>> GetFigures(
        int id, int? scope, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await StatisticsAccess.FindPeriodAsync(db, user, id, ct) is not { } period) return PeriodNotFound(id);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == (scope ?? period.ScopeUnitId), ct);
        if (unit is null || !user.CanRead(unit.Path)) return new NotFoundProblem($"There is no unit {scope} that you may see.");
        var target = Target.Unit(unit);
        // A unit's own users see their own unit's consolidation; following a scope is for coordinators, inspectors, viewers.
        if (!permissions.May(user, StatisticsPermissions.Monitor, target) && !permissions.May(user, StatisticsPermissions.Enter, target))
            return new ForbiddenProblem($"Your role may not follow the figures of {unit.Code}.");
        return TypedResults.Ok(await FigureTableAsync(db, period, unit, ct));
    }

    /// <summary>The aggregate table of <paramref name="unit"/> in <paramref name="period"/> (form and scope unit loaded).</summary>
    internal static async Task<FigureTable> FigureTableAsync(DanVanDbContext db, FormPeriod period, OrgUnit unit, CancellationToken ct)
    {
        var form = period.Form!.Definition();
        var rows = await FormFigures.DrillDownAsync(db, period, unit, ct);
        var values = rows[0].Values;
        var previous = await FormFigures.PreviousAsync(db, period, ct);
        var before = previous is null ? null : (await FormFigures.AggregateAsync(db, previous, unit, null, ct)).Values;
        var indicators = form.Indicators.Select(x =>
        {
            var value = values.GetValueOrDefault(x.Code);
            var old = before?.GetValueOrDefault(x.Code);
            return new IndicatorFigure(x.Code, x.Name, x.Unit, IndicatorJson.Write(value), StatisticsFormat.Cell(x, value),
                IndicatorJson.Write(old), before is null ? null : StatisticsFormat.Cell(x, old));
        }).ToList();
        var sections = form.Sections.Select(s => new SectionRow(s.Title, StatisticsFormat.Headers(form, s), StatisticsFormat.Cells(form, s, values))).ToList();
        var units = await db.Units.AsNoTracking().Where(u => rows.Select(r => r.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var drill = rows.Skip(1).Select(r => new DrillDownRow(UnitRef.From(units[r.UnitId]), CompletenessView.From(r.Completeness),
            form.Indicators.Where(x => r.Values.ContainsKey(x.Code)).ToDictionary(x => x.Code, x => StatisticsFormat.Cell(x, r.Values[x.Code]), StringComparer.Ordinal))).ToList();
        return new FigureTable(Ref(period), FormRefOf(period.Form!), UnitRef.From(unit), CompletenessView.From(rows[0].Completeness), indicators, sections, drill,
            previous is null ? null : new FormPeriodRef(previous.Id, previous.Name, previous.Year, UnitRef.From(unit)));
    }

    internal static NotFoundProblem PeriodNotFound(int id) => new($"There is no form period {id} that you may see.");

    internal static FormPeriodRef Ref(FormPeriod p) => new(p.Id, p.Name, p.Year, UnitRef.From(p.ScopeUnit!));

    internal static FormRef FormRefOf(StoredForm f) => new(f.Id, f.Code, f.Version, f.Name);

    private static FormPeriodView View(FormPeriod p, int units, int submitted) =>
        new(p.Id, p.Name, FormRefOf(p.Form!), p.Kind, p.Year, p.Number, p.WindowFrom, p.WindowTo, UnitRef.From(p.ScopeUnit!), p.OpensOn, p.Deadline,
            [.. p.LevelDeadlines.Select(d => new LevelDeadlineView(d.Level, d.Deadline))], p.AcceptLate, units, submitted);
}
