using System.CommandLine;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Registries;

/// <summary>danvan work import|export|figures: the work registries ("Dân vận khéo" models, work plans, the Front's recommendations) as files, and their figures and report sentences.</summary>
/// <remarks>Each command acts as the account --as names ("cli", the server's operator, without it): import asks registries.work.record
/// for every row's unit, export and figures registries.read at the scope unit.</remarks>
public static class WorkCommands
{

    /// <summary>The "work" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var work = new Command("work", "Work registries (sổ theo dõi công tác dân vận): Dân vận khéo models, work plans, the Front's recommendations");
        work.Subcommands.Add(Import(globals));
        work.Subcommands.Add(Export(globals));
        work.Subcommands.Add(Figures(globals));
        return work;
    }

    private static Argument<string> RegistryArgument() => new("registry") { Description = "models, plans or recommendations" };

    private static Command Import(GlobalOptions globals)
    {
        var registry = RegistryArgument();
        var file = new Argument<string>("file") { Description = "An .xlsx or .csv file in the export's layout (unit_code first)" };
        var command = new Command("import", "Import records from one file: all or nothing, each problem at its sheet, row and column") { registry, file };
        command.SetBody(globals, async (context, ct) =>
        {
            var which = Which(context.Get(registry));
            var path = context.Get(file)!;
            var table = TableFile.Read(path);
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var summary = await WorkTables.ImportAsync(db, which, table, Path.GetFileName(path), u => CliContext.May(actor, RegistryPermissions.WorkRecord, Target.Unit(u)),
                new WorkActor(actor.UserName, DateTime.UtcNow, ProvinceClock.System.Zone), TableLimits.With(Environment.GetEnvironmentVariable(TableLimits.MaxRowsVariable)), ct);
            await context.Out.WriteLineAsync($"Imported {summary.File}: {Format.Count(summary.Created)} records.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var registry = RegistryArgument();
        var scope = new Option<string>("--scope") { Description = "Code of the unit whose records (with its units') are exported", Required = true, HelpName = "unit code" };
        var year = new Option<int?>("--year") { Description = "Models started by the year; plans for it; recommendations issued in it", HelpName = "year" };
        var output = new Option<string>("--out") { Description = "File to write: .xlsx or .csv", Required = true, HelpName = "file" };
        var command = new Command("export", "Write a registry's records under a scope in the import's layout") { registry, scope, year, output };
        command.SetBody(globals, async (context, ct) =>
        {
            var which = Which(context.Get(registry));
            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, context.Get(scope)!, ct);
            var rows = await RowsAsync(db, which, unit, context.Get(year), ct);
            var path = context.Get(output)!;
            var (bytes, _, _) = WorkTables.File(which, rows, Path.GetExtension(path).TrimStart('.'));
            await File.WriteAllBytesAsync(path, bytes, ct);
            await context.Out.WriteLineAsync($"Wrote {Format.Count(rows.Count)} records under {unit.Name} ({unit.Code}) to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Figures(GlobalOptions globals)
    {
        var scope = new Option<string>("--scope") { Description = "Code of the scope unit (its units included)", Required = true, HelpName = "unit code" };
        var year = new Option<int>("--year") { Description = "The year", Required = true, HelpName = "year" };
        var groups = new Option<string?>("--groups") { Description = "Unit groups (khối) the plans sentence counts, comma separated (default: every group)", HelpName = "codes" };
        var command = new Command("figures", "Every work figure of a scope for a year, then the report sentences in the reports' wording") { scope, year, groups };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, context.Get(scope)!, ct);
            var y = context.Get(year);
            var range = new FigureScope(unit.Path, true, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            var source = new WorkFigures();
            var values = await source.ComputeAsync(db, range, ct);
            var table = new TextTable("figure", "value", "unit");
            foreach (var f in source.Figures)
                table.Add(f.Code, values[f.Code] switch
                {
                    NumberValue n => WorkParagraphs.Count((int)n.Value),
                    RatioValue r => $"{(int)r.Part}/{(int)r.Whole}",
                    YesNoValue b => b.Yes ? "có" : "không",
                    _ => "",
                }, f.Unit);
            table.Write(context.Out);
            var models = await WorkFigures.ModelsAsync(db, range, ct);
            var sentence = WorkParagraphs.Models(models);
            var codes = context.Get(groups)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await context.Out.WriteLineAsync(sentence.Sentence);
            await context.Out.WriteLineAsync("  1 " + sentence.Footnote);
            await context.Out.WriteLineAsync(WorkParagraphs.Awards(models));
            await context.Out.WriteLineAsync(await WorkParagraphs.PlansAsync(db, unit, y, codes, ct));
            await context.Out.WriteLineAsync(WorkParagraphs.Recommendations(await WorkFigures.RecommendationsAsync(db, range, ct), y));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static WorkRegistry Which(string? name) =>
        RegistryTerms.TryParse<WorkRegistry>(name, out var r) ? r
            : throw new RefusedException("registries.work.unknownRegistry", Where.AtField("registry"), ("value", name ?? ""));

    private static async Task<OrgUnit> UnitAsync(CliContext context, DanVanDbContext db, string code, CancellationToken ct)
    {
        var unknown = Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", code));
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new RefusedException(unknown);
        CliContext.Require(await context.ActorAsync(db, ct), RegistryPermissions.Read, Target.Unit(unit), unknown);
        return unit;
    }

    private static async Task<List<IReadOnlyList<string?>>> RowsAsync(DanVanDbContext db, WorkRegistry which, OrgUnit unit, int? year, CancellationToken ct)
    {
        switch (which)
        {
            case WorkRegistry.Models:
                var models = db.DanVanModels.AsNoTracking().Include(m => m.Unit).Include(m => m.Owners).Include(m => m.Awards).Where(m => m.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y1) models = models.Where(m => m.YearStarted <= y1);
                return [.. WorkTables.Rows(await models.OrderBy(m => m.Unit!.Code).ThenBy(m => m.Id).ToListAsync(ct))];
            case WorkRegistry.Plans:
                var plans = db.WorkPlans.AsNoTracking().Include(p => p.Unit).Where(p => p.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y2) plans = plans.Where(p => p.Year == y2);
                return [.. WorkTables.Rows(await plans.OrderBy(p => p.Year).ThenBy(p => p.Unit!.Code).ThenBy(p => p.Id).ToListAsync(ct))];
            default:
                var recs = db.FrontRecommendations.AsNoTracking().Include(r => r.Unit).Where(r => r.Unit!.Path.StartsWith(unit.Path));
                if (year is { } y3) recs = recs.Where(r => r.IssuedOn >= new DateOnly(y3, 1, 1) && r.IssuedOn <= new DateOnly(y3, 12, 31));
                return [.. WorkTables.Rows(await recs.OrderBy(r => r.IssuedOn).ThenBy(r => r.Id).ToListAsync(ct))];
        }
    }
}
