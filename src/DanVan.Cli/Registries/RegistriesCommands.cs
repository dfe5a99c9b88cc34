using System.CommandLine;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Registries;

/// <summary>danvan registries import|export|figures|settings|anonymise: the citizen registries from the server's command line.</summary>
/// <remarks>Each command acts as the account --as names ("cli", the server's operator, without it) and asks the permission model
/// (registries.*) for its unit. Exports are masked unless --personal is given (registries.readPersonal), and then every record exported
/// in full is logged as read by that account (Nghị định 13/2023/NĐ-CP).</remarks>
public static class RegistriesCommands
{
    /// <summary>The "registries" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var group = new Command("registries", "Citizen registries (sổ tiếp công dân, đơn thư): import and export logbooks, figures and the report's sentences, settings, anonymisation");
        group.Subcommands.Add(Import(globals));
        group.Subcommands.Add(Export(globals));
        group.Subcommands.Add(Figures(globals));
        group.Subcommands.Add(Settings(globals));
        group.Subcommands.Add(Anonymise(globals));
        return group;
    }

    /// <summary>The personal-data key: DANVAN_PERSONAL_DATA_KEY, else DANVAN_PERSONAL_DATA_KEY_FILE, else personal-data.key in the data folder.</summary>
    public static PersonalDataProtector Protector(CliContext context, GlobalOptions globals) =>
        PersonalDataProtector.Resolve(Environment.GetEnvironmentVariable(PersonalDataProtector.KeyVariable),
            Environment.GetEnvironmentVariable(PersonalDataProtector.KeyVariable + "_FILE"), Path.Combine(context.Parse.GetValue(globals.Data) ?? "data", "personal-data.key"));

    private static Option<string> BookOption() => new("--book")
    {
        Description = "receptions (sổ tiếp công dân) or petitions (sổ đơn thư)", HelpName = "receptions|petitions", DefaultValueFactory = _ => "receptions",
    };

    private static RegistryBook Book(CliContext context, Option<string> book) => RegistryTerms.Parse<RegistryBook>(context.Get(book), Where.AtField("--book"), "book");

    /// <summary>The unit named by <paramref name="option"/>, once the account may do <paramref name="action"/> there (outside its scope: no such unit).</summary>
    private static async Task<(OrgUnit Unit, UserScope Actor)> UnitAsync(CliContext context, DanVanDbContext db, string code, string option, string action, CancellationToken ct)
    {
        var unknown = Refusal.Of("cli.unknownUnit", Where.AtField(option), ("unit", code));
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new RefusedException(unknown);
        var actor = await context.ActorAsync(db, ct);
        CliContext.Require(actor, action, Target.Unit(unit), unknown);
        return (unit, actor);
    }

    private static Command Import(GlobalOptions globals)
    {
        var book = BookOption();
        var file = new Argument<string>("file") { Description = "An .xlsx or .csv logbook, one row per record (the layout of registries export)" };
        var command = new Command("import", "Import a logbook: all or nothing, each problem at its row and column") { book, file };
        command.SetBody(globals, async (context, ct) =>
        {
            var which = Book(context, book);
            var path = context.Get(file)!;
            var table = TableFile.Read(path);
            await using var db = await context.OpenDatabaseAsync(ct);
            var scope = await context.ActorAsync(db, ct);
            var actor = new RegistryActor(scope.UserName, DateTime.UtcNow, ProvinceClock.System.Zone, Protector(context, globals));
            // Each row's unit as the web asks it (registries.record); a unit the account may not record for is refused like an unknown code.
            var count = await RegistryWorkbook.ImportAsync(db, which, table, Path.GetFileName(path),
                u => CliContext.May(scope, RegistryPermissions.Record, Target.Unit(u)), actor, new TimeLimitTable(), ct);
            await context.Out.WriteLineAsync($"Imported {Path.GetFileName(path)}: {Format.Count(count)} records.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var book = BookOption();
        var unit = new Option<string>("--unit") { Description = "Code of the unit whose records (with its units') are exported", Required = true, HelpName = "unit code" };
        var from = Format.DateOption("--from", "First day");
        var to = Format.DateOption("--to", "Last day");
        var personal = new Option<bool>("--personal") { Description = "Include citizens' names, ID numbers, addresses and phones (each record's read is logged); masked otherwise" };
        var output = new Option<string>("--out") { Description = "File to write: .xlsx or .csv", Required = true, HelpName = "file" };
        var command = new Command("export", "Export a logbook in the layout import reads back") { book, unit, from, to, personal, output };
        command.SetBody(globals, async (context, ct) =>
        {
            var which = Book(context, book);
            await using var db = await context.OpenDatabaseAsync(ct);
            var (root, actor) = await UnitAsync(context, db, context.Get(unit)!, "--unit", RegistryPermissions.Read, ct);
            var full = context.Get(personal);
            if (full) CliContext.Require(actor, RegistryPermissions.ReadPersonal, Target.Unit(root));
            var records = await RegistryWorkbook.LoadAsync(db.Receptions, db.Petitions, which, root.Path, context.Get(from), context.Get(to), ct);
            // In full only the records the account reads personal data of (the units below may be masked), each read logged in its name.
            var inFull = records.Select(r => r.Unit!.Path).Distinct()
                .ToDictionary(p => p, p => full && CliContext.May(actor, RegistryPermissions.ReadPersonal, new Target(p)), StringComparer.Ordinal);
            if (full) await PersonalDataAccess.LogReadAsync(db, records.Where(r => inFull[r.Unit!.Path]), actor.UserName, DateTime.UtcNow, "cli export", ct);
            var path = Path.GetFullPath(context.Get(output)!);
            if (Path.GetDirectoryName(path) is { } dir) Directory.CreateDirectory(dir);
            var columns = RegistryWorkbook.Columns(which).Select(c => c.Header).ToList();
            var rows = RegistryWorkbook.Rows(records, r => inFull[r.Unit!.Path], Protector(context, globals));
            await using (var stream = File.Create(path))
            {
                if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) TableFile.WriteCsv(stream, columns, rows);
                else TableFile.WriteXlsx(stream, "So", columns, rows);
            }
            await context.Out.WriteLineAsync($"Wrote {Format.Count(records.Count)} records of {root.Name} ({root.Code}){(full ? "" : ", citizens masked")} to {context.Get(output)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Figures(GlobalOptions globals)
    {
        var unit = new Option<string>("--unit") { Description = "Code of the unit (its units below are counted too)", Required = true, HelpName = "unit code" };
        var from = Format.DateOption("--from", "First day");
        from.Required = true;
        var to = Format.DateOption("--to", "Last day");
        to.Required = true;
        var command = new Command("figures", "The registries' figures of a unit and below for a period, the same period a year before, and the report's sentences") { unit, from, to };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var (root, _) = await UnitAsync(context, db, context.Get(unit)!, "--unit", RegistryPermissions.Read, ct);
            var report = await RegistryFiguresReport.BuildAsync(db, root, context.Get(from)!.Value, context.Get(to)!.Value, ct);
            foreach (var line in report.Paragraph) await context.Out.WriteLineAsync(line);
            await context.Out.WriteLineAsync();
            var table = new TextTable("Số liệu", "Kỳ này", "Cùng kỳ năm trước");
            foreach (var (code, value) in report.Figures)
                table.Add(code, DanVan.Statistics.IndicatorText.Write(value), DanVan.Statistics.IndicatorText.Write(report.YearBefore.GetValueOrDefault(code)));
            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Settings(GlobalOptions globals)
    {
        var unit = new Option<string>("--unit") { Description = "Code of the province (or scope unit)", Required = true, HelpName = "unit code" };
        var from = Format.DateOption("--from", "From this day");
        from.Required = true;
        var threshold = new Option<int>("--delegation-threshold") { Description = "\"Đoàn đông người\" from this many people", DefaultValueFactory = _ => RegistryDefaults.DelegationThreshold };
        var retention = new Option<int>("--retention-years") { Description = "Years citizens' personal data is kept", DefaultValueFactory = _ => RegistryDefaults.RetentionYears };
        var command = new Command("settings", "Set a province's delegation threshold and retention from a day") { unit, from, threshold, retention };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var (root, actor) = await UnitAsync(context, db, context.Get(unit)!, "--unit", RegistryPermissions.Manage, ct);
            await RegistrySettings.SetAsync(db, root, context.Get(from)!.Value, context.Get(threshold), context.Get(retention), actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"{root.Name}: from {Format.Date(context.Get(from))}, delegations from {context.Get(threshold)} people; personal data kept {context.Get(retention)} years.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Anonymise(GlobalOptions globals)
    {
        var unit = new Option<string>("--unit") { Description = "Code of the scope unit", Required = true, HelpName = "unit code" };
        var command = new Command("anonymise", "Erase citizens' personal data of records older than the retention in force (counts stay); audited") { unit };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var (root, actor) = await UnitAsync(context, db, context.Get(unit)!, "--unit", RegistryPermissions.Manage, ct);
            var today = ProvinceClock.System.Today;
            var setting = await RegistrySettings.ForAsync(db, root, today, ct);
            var before = today.AddYears(-setting.RetentionYears);
            var count = await PersonalDataAccess.AnonymiseAsync(db, root.Path, before, actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"Anonymised {Format.Count(count)} records received before {Format.Date(before)} under {root.Name}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
