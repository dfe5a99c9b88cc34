using System.CommandLine;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Refusals;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Statistics;

/// <summary>danvan forms validate|import|export|list and forms periods open|list: statistics forms (biểu mẫu thống kê) in the JSON format of docs/forms-format.md.</summary>
public static class FormsCommands
{
    /// <summary>The "forms" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var forms = new Command("forms", "Statistics forms (biểu mẫu thống kê): validate, import, export, list; open their periods");
        forms.Subcommands.Add(Validate(globals));
        forms.Subcommands.Add(Import(globals));
        forms.Subcommands.Add(Export(globals));
        forms.Subcommands.Add(List(globals));
        var periods = new Command("periods", "A form's periods (kỳ báo cáo số liệu): open and list");
        periods.Subcommands.Add(OpenPeriod(globals));
        periods.Subcommands.Add(ListPeriods(globals));
        forms.Subcommands.Add(periods);
        return forms;
    }

    private static Command Validate(GlobalOptions globals)
    {
        var files = new Argument<string[]>("files") { Description = "Form definition JSON files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check form files without storing them; prints OK or every problem with its JSON path") { files };
        command.SetBody(globals, async (context, ct) =>
        {
            var problems = new List<Refusal>();
            foreach (var path in context.Get(files)!)
            {
                var read = Read(path);
                if (!read.IsValid) { problems.AddRange(read.Refusals); continue; }
                var f = read.Form!;
                await context.Out.WriteLineAsync($"{path}: OK ({f.Code} v{f.Version}, {f.Indicators.Count} indicators, {f.Rules.Count} rules, {f.Sections.Count} sections)");
            }
            if (problems.Count > 0) throw new RefusedException(problems);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "Form definition JSON file" };
        var command = new Command("import", "Store a form: a new code or version is added, a version no period uses yet is replaced, a frozen one is refused") { file };
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            var read = Read(path);
            if (!read.IsValid) throw new RefusedException(read.Refusals);
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, StatisticsPermissions.ManageForms, Target.None);
            var stored = await FormLibrary.ImportAsync(db, await File.ReadAllTextAsync(path, ct), path, actor.UserName, DateTime.UtcNow, ct);
            var f = stored.Definition();
            await context.Out.WriteLineAsync($"Imported {stored.Code} v{stored.Version}: {stored.Name} ({f.Indicators.Count} indicators, {f.Rules.Count} rules)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var code = new Argument<string>("code") { Description = "Code of the form" };
        var version = new Option<int?>("--version") { Description = "Version to export (default: the latest)", HelpName = "n" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)", HelpName = "file" };
        var command = new Command("export", "Write a stored form as JSON") { code, version, output };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var stored = await FindAsync(db, context.Get(code)!, context.Get(version), "code", ct);
            var json = stored.Json.EndsWith('\n') ? stored.Json : stored.Json + "\n";
            if (context.Get(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json, new System.Text.UTF8Encoding(false), ct);
                await context.Out.WriteLineAsync($"Exported {stored.Code} v{stored.Version} to {path}.");
            }
            else await context.Out.WriteAsync(json);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List stored forms and their versions");
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Code).ThenBy(f => f.Version).ToListAsync(ct);
            var used = (await db.FormPeriods.Select(p => p.FormId).Distinct().ToListAsync(ct)).ToHashSet();
            var table = new TextTable("Id", "Code", "Version", "Name", "Period", "Indicators", "Frozen").AlignRight(0, 2, 5);
            foreach (var f in forms)
            {
                var d = f.Definition();
                table.Add(f.Id.ToString(Format.Vi), f.Code, f.Version.ToString(Format.Vi), f.Name, d.PeriodKind.ToString(), Format.Count(d.Indicators.Count), used.Contains(f.Id) ? "yes" : "no");
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{forms.Count} form versions.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command OpenPeriod(GlobalOptions globals)
    {
        var form = new Option<string>("--form") { Description = "Code of the form", Required = true, HelpName = "code" };
        var version = new Option<int?>("--version") { Description = "Version of the form (default: the latest)", HelpName = "n" };
        var year = new Option<int>("--year") { Description = "Year of the reporting period", Required = true, HelpName = "year" };
        var number = new Option<int>("--number") { Description = "Number within the year: half, quarter or month (default 1)", HelpName = "n", DefaultValueFactory = _ => 1 };
        var scope = new Option<string>("--scope") { Description = "Code of the unit whose subtree owes the form", Required = true, HelpName = "unit code" };
        var opens = Format.DateOption("--opens", "First day units can enter figures");
        opens.Required = true;
        var name = new Option<string?>("--name") { Description = "Name (default: the form's name and the period)", HelpName = "text" };
        var refuseLate = new Option<bool>("--refuse-late") { Description = "Refuse submissions after the deadline (default: accept and mark them late)" };
        var from = Format.DateOption("--window-from", "Ad hoc forms: first day of the data window");
        var to = Format.DateOption("--window-to", "Ad hoc forms: last day of the data window");
        var command = new Command("open", "Open a form's period for a scope: one report per unit that owes the form, deadlines per level from the form")
        {
            form, version, year, number, scope, opens, name, refuseLate, from, to,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var stored = await FindAsync(db, context.Get(form)!, context.Get(version), "--form", ct);
            var unitCode = context.Get(scope)!;
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, ct)
                ?? throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", unitCode));
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, StatisticsPermissions.OpenPeriod, Target.Unit(unit), Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", unitCode)));
            var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(stored.Id, context.Get(year), context.Get(number), unit.Id, context.Get(opens)!.Value,
                !context.Get(refuseLate), context.Get(name), context.Get(from), context.Get(to)), actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"Opened form period #{period.Id} \"{period.Name}\"");
            await context.Out.WriteLineAsync($"  form {stored.Code} v{stored.Version}; scope {unit.Code} {unit.Name}; data {Format.Date(period.WindowFrom)}–{Format.Date(period.WindowTo)}; opens {Format.Date(period.OpensOn)}");
            foreach (var d in period.LevelDeadlines) await context.Out.WriteLineAsync($"  deadline {d.Level}: {Format.Date(d.Deadline)}");
            await context.Out.WriteLineAsync($"  {period.Reports.Count} units owe the form.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListPeriods(GlobalOptions globals)
    {
        var command = new Command("list", "List forms' periods with their progress: those the account reads (its scope unit's, or with units it reads), counting the units it reads");
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var all = await db.FormPeriods.AsNoTracking().Include(p => p.Form).Include(p => p.ScopeUnit)
                .OrderBy(p => p.Year).ThenBy(p => p.Number).ThenBy(p => p.Id).ToListAsync(ct);
            var counts = (await db.FormReports.AsNoTracking().Select(r => new { r.PeriodId, r.Status, r.Unit!.Path }).ToListAsync(ct))
                .Where(r => actor.CanRead(r.Path))
                .GroupBy(r => r.PeriodId).ToDictionary(g => g.Key, g => g.ToList());
            var periods = all.Where(p => actor.CanRead(p.ScopeUnit!.Path) || counts.ContainsKey(p.Id)).ToList();
            var table = new TextTable("Id", "Form", "Period", "Name", "Scope", "Opens", "Deadline", "Units", "Submitted", "Accepted").AlignRight(0, 7, 8, 9);
            foreach (var p in periods)
            {
                var list = counts.GetValueOrDefault(p.Id) ?? [];
                table.Add(p.Id.ToString(Format.Vi), $"{p.Form!.Code}@{p.Form.Version}", p.Reporting.Label, p.Name, p.ScopeUnit!.Code, Format.Date(p.OpensOn),
                    Format.Date(p.LevelDeadlines.Count > 0 ? p.LevelDeadlines.Max(d => d.Deadline) : p.Deadline), Format.Count(list.Count),
                    Format.Count(list.Count(r => r.Status is FormReportStatus.Submitted or FormReportStatus.Accepted)),
                    Format.Count(list.Count(r => r.Status == FormReportStatus.Accepted)));
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{periods.Count} form periods.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The stored form of <paramref name="code"/> at <paramref name="version"/> (default the latest).</summary>
    /// <summary>True when the account reads the form period: its scope unit, or a unit that owes the form in it.</summary>
    internal static async Task<bool> ReadsAsync(DanVan.Data.DanVanDbContext db, UserScope actor, FormPeriod period, string scopePath, CancellationToken ct) =>
        actor.CanRead(scopePath)
        || await db.FormReports.Where(r => r.PeriodId == period.Id).Where(ScopeFilter.On<FormReport>(actor, r => r.Unit)).AnyAsync(ct);

    internal static async Task<StoredForm> FindAsync(DanVan.Data.DanVanDbContext db, string code, int? version, string field, CancellationToken ct) =>
        await db.Forms.AsNoTracking().Where(f => f.Code == code && (version == null || f.Version == version)).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct)
            ?? throw new RefusedException("cli.unknownFormCode", Where.AtField(field), ("form", code), ("version", version is { } v ? $" v{v}" : ""));

    // Refusals name the file as given on the command line, so a user finds it among several.
    private static FormReadResult Read(string path) =>
        File.Exists(path)
            ? FormDefinitionFile.Parse(File.ReadAllText(path), path)
            : new FormReadResult(null, [Refusal.Of("file.missing", new Where { File = path })]);
}
