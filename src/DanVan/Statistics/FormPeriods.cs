using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Statistics;

/// <summary>What a coordinator gives to open a form's period for a scope.</summary>
/// <param name="FormId">The stored form version.</param>
/// <param name="Year">Year of the reporting period.</param>
/// <param name="Number">Number within the year (half, quarter, month; 1 for a year or ad hoc).</param>
/// <param name="ScopeUnitId">The unit whose subtree owes the form.</param>
/// <param name="OpensOn">First day of entry.</param>
/// <param name="AcceptLate">Accept late submissions (marked late) rather than refuse them.</param>
/// <param name="Name">Name; default the form's name and the period's label.</param>
/// <param name="WindowFrom">Ad hoc only: first day of the data window.</param>
/// <param name="WindowTo">Ad hoc only: last day of the data window.</param>
public sealed record OpenFormPeriodRequest(int FormId, int Year, int Number, int ScopeUnitId, DateOnly OpensOn, bool AcceptLate = true,
    string? Name = null, DateOnly? WindowFrom = null, DateOnly? WindowTo = null);

/// <summary>Opening a form's periods: one report per unit of the scope that owes the form.</summary>
public static class FormPeriods
{
    /// <summary>Days after the window for levels the form sets no deadline for, when it sets none at all.</summary>
    public const int DefaultDeadlineDays = 15;

    /// <summary>Opens the period and creates the reports; deadlines per level come from the form.</summary>
    /// <exception cref="RefusedException">Nothing is stored.</exception>
    public static async Task<FormPeriod> OpenAsync(DanVanDbContext db, OpenFormPeriodRequest request, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Refusal>();
        var stored = await db.Set<StoredForm>().SingleOrDefaultAsync(f => f.Id == request.FormId, ct);
        if (stored is null) throw new RefusedException("forms.unknownForm", Where.AtField("formId"), ("form", request.FormId));
        var form = stored.Definition();
        ReportingPeriod reporting = default;
        try
        {
            reporting = form.PeriodKind == PeriodKind.AdHoc
                ? ReportingPeriod.AdHoc(request.WindowFrom ?? throw new RefusedException("period.adHocNeedsDates", Where.AtField("windowFrom")),
                    request.WindowTo ?? throw new RefusedException("period.adHocNeedsDates", Where.AtField("windowTo")), request.Number) with { Year = request.Year }
                : ReportingPeriod.Of(form.PeriodKind, request.Year, request.Number);
        }
        catch (RefusedException ex)
        {
            problems.AddRange(ex.Refusals);
        }
        var scope = await db.Units.SingleOrDefaultAsync(u => u.Id == request.ScopeUnitId, ct);
        if (scope is null) problems.Add(Refusal.Of("period.unknownUnit", Where.AtField("scopeUnitId"), ("unit", request.ScopeUnitId)));
        if (TextLimit.Check(request.Name, Where.AtField("name"), "name", 400) is { } tooLong) problems.Add(tooLong);
        if (problems.Count > 0) throw new RefusedException(problems);

        var taken = await db.Set<FormPeriod>().AnyAsync(p => p.Form!.Code == form.Code && p.ScopeUnitId == request.ScopeUnitId
            && p.Kind == reporting.Kind && p.Year == reporting.Year && p.Number == reporting.Number, ct);
        if (taken) throw new RefusedException("forms.periodTaken", Where.AtField("year"), ("form", form.Code), ("period", reporting.Label));

        var levels = form.Deadlines.Select(d => new LevelDeadline(d.Level, reporting.To.AddDays(d.DaysAfterPeriodEnd))).OrderBy(d => d.Level).ToList();
        var general = levels.Count == 0 ? reporting.To.AddDays(DefaultDeadlineDays) : levels.Max(d => d.Deadline);
        var period = new FormPeriod
        {
            FormId = stored.Id,
            Reporting = reporting,
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"{form.Name} — {reporting.Label}" : request.Name.Trim(),
            ScopeUnitId = scope!.Id,
            OpensOn = request.OpensOn,
            Deadline = general,
            LevelDeadlines = levels,
            AcceptLate = request.AcceptLate,
        };
        var units = await db.Units.AsNoTracking().Where(UnitPaths.Within(scope.Path)).Include(u => u.Groups).ToListAsync(ct);
        foreach (var unit in units.Where(u => Owes(form, u, request.OpensOn)).OrderBy(u => u.Path, StringComparer.Ordinal))
            period.Reports.Add(new FormReport { UnitId = unit.Id });
        if (period.Reports.Count == 0) throw new RefusedException("forms.nobodyOwes", Where.AtField("scopeUnitId"), ("form", form.Code));

        db.Add(period);
        AuditTrail.Record(db, new AuditLine(user, at, "formPeriod.open", AuditSubject.Of(period))
        {
            New = $"{period.Name}; {period.Reports.Count} đơn vị; hạn {general:dd/MM/yyyy}",
        });
        await db.SaveChangesAsync(ct);
        return period;
    }

    /// <summary>True when the unit owes the form: in one of its groups (or it names none) and valid on the opening day.</summary>
    public static bool Owes(FormDefinition form, OrgUnit unit, DateOnly on) =>
        unit.IsValidOn(on) && (form.UnitGroups.Count == 0 || unit.Groups.Any(g => form.UnitGroups.Contains(g.Code)));
}
