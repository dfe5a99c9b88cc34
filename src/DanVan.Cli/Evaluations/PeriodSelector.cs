using DanVan.Refusals;
using System.CommandLine;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>The options that pick one period: --period YEAR [--scope UNITCODE] or --period-id N.</summary>
public sealed class PeriodSelector
{
    /// <summary>--period YEAR.</summary>
    public Option<int?> Year { get; } = new("--period") { Description = "Year of the period (kỳ đánh giá)", HelpName = "year" };

    /// <summary>--scope UNITCODE.</summary>
    public Option<string?> Scope { get; } = new("--scope")
    {
        Description = "Code of the period's scope unit, when several periods share the year (default: any)",
        HelpName = "unit code",
    };

    /// <summary>--period-id N.</summary>
    public Option<int?> Id { get; } = new("--period-id") { Description = "Database id of the period (see periods list)", HelpName = "id" };

    /// <summary>Adds the options to a command; one of --period or --period-id is required.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Year);
        command.Options.Add(Scope);
        command.Options.Add(Id);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Year) is null && result.GetResult(Id) is null)
                result.AddError("give the period: --period YEAR (with --scope UNITCODE when several periods share the year) or --period-id N");
        });
    }

    /// <summary>The period named on the command line.</summary>
    /// <exception cref="RefusedException">No such period, or several match.</exception>
    public async Task<EvaluationPeriod> ResolveAsync(DanVanDbContext db, ParseResult parse, CancellationToken ct)
    {
        var query = db.Periods.AsNoTracking().Include(p => p.ScopeUnit).Include(p => p.Groups).AsQueryable();
        if (parse.GetValue(Id) is { } id)
            return await query.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new RefusedException("cli.unknownPeriodId", Where.AtField("--period-id"), ("id", id));

        var year = parse.GetValue(Year)!.Value;
        var scope = parse.GetValue(Scope);
        OrgUnit? scopeUnit = null;
        if (scope is not null)
            scopeUnit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == scope, ct)
                ?? throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", scope));
        var matches = await query.Where(p => p.Year == year && (scopeUnit == null || p.ScopeUnitId == scopeUnit.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0)
        {
            var years = await db.Periods.Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
            throw years.Count == 0
                ? new RefusedException("cli.noPeriodYet", Where.AtField("--period"), ("year", year))
                : new RefusedException("cli.noPeriod", Where.AtField("--period"), ("year", year), ("scope", scope ?? "—"), ("known", string.Join(", ", years)));
        }
        throw new RefusedException("cli.severalPeriods", Where.AtField("--period"), ("count", matches.Count), ("year", year),
            ("periods", string.Join("; ", matches.Select(p => $"#{p.Id} \"{p.Name}\" ({p.ScopeUnit!.Code})"))));
    }
}
