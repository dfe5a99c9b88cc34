using DanVan.Refusals;
using DanVan.Accounts;
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

    /// <summary>The period named on the command line, among those <paramref name="reader"/> reads: its scope unit's, or one holding
    /// an assessment of a unit the account reads. Another period, or a --scope unit outside the account's scope, is refused as if it did
    /// not exist (nothing tells it does).</summary>
    /// <exception cref="RefusedException">No such period, or several match.</exception>
    public async Task<EvaluationPeriod> ResolveAsync(DanVanDbContext db, ParseResult parse, UserScope reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var query = db.Periods.AsNoTracking().Include(p => p.ScopeUnit).Include(p => p.Groups).AsQueryable();
        if (parse.GetValue(Id) is { } id)
        {
            var byId = await query.SingleOrDefaultAsync(p => p.Id == id, ct);
            return byId is not null && (await VisibleAsync(db, [byId], reader, ct)).Count == 1
                ? byId
                : throw new RefusedException("cli.unknownPeriodId", Where.AtField("--period-id"), ("id", id));
        }

        var year = parse.GetValue(Year)!.Value;
        var scope = parse.GetValue(Scope);
        OrgUnit? scopeUnit = null;
        if (scope is not null)
        {
            scopeUnit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == scope, ct);
            if (scopeUnit is not null && !reader.CanRead(scopeUnit.Path))
            {
                var ofScope = await query.Where(p => p.ScopeUnitId == scopeUnit.Id).ToListAsync(ct);
                if ((await VisibleAsync(db, ofScope, reader, ct)).Count == 0) scopeUnit = null;
            }
            if (scopeUnit is null) throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", scope));
        }
        var matches = await VisibleAsync(db,
            await query.Where(p => p.Year == year && (scopeUnit == null || p.ScopeUnitId == scopeUnit.Id)).OrderBy(p => p.Id).ToListAsync(ct), reader, ct);
        if (matches.Count == 1) return matches[0];
        if (matches.Count == 0)
        {
            var years = (await VisibleAsync(db, await db.Periods.AsNoTracking().Include(p => p.ScopeUnit).ToListAsync(ct), reader, ct))
                .Select(p => p.Year).Distinct().Order().ToList();
            throw years.Count == 0
                ? new RefusedException("cli.noPeriodYet", Where.AtField("--period"), ("year", year))
                : new RefusedException("cli.noPeriod", Where.AtField("--period"), ("year", year), ("scope", scope ?? "—"), ("known", string.Join(", ", years)));
        }
        throw new RefusedException("cli.severalPeriods", Where.AtField("--period"), ("count", matches.Count), ("year", year),
            ("periods", string.Join("; ", matches.Select(p => $"#{p.Id} \"{p.Name}\" ({p.ScopeUnit!.Code})"))));
    }

    /// <summary>The periods the account reads: its scope unit's, or holding an assessment of a unit it reads (scope units loaded).</summary>
    public static async Task<List<EvaluationPeriod>> VisibleAsync(DanVanDbContext db, List<EvaluationPeriod> periods, UserScope reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsAdministrator) return periods;
        var others = periods.Where(p => !reader.CanRead(p.ScopeUnit!.Path)).Select(p => p.Id).ToList();
        if (others.Count == 0) return periods;
        var withReadable = (await db.Assessments.AsNoTracking().Where(a => others.Contains(a.PeriodId))
                .Select(a => new { a.PeriodId, a.Unit!.Path }).Distinct().ToListAsync(ct))
            .Where(a => reader.CanRead(a.Path)).Select(a => a.PeriodId).ToHashSet();
        return periods.Where(p => reader.CanRead(p.ScopeUnit!.Path) || withReadable.Contains(p.Id)).ToList();
    }
}
