using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Criteria;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Criteria;

/// <summary>danvan criteria validate|import|export|list: criteria sets (bộ tiêu chí) in the JSON format.</summary>
public static class CriteriaCommands
{
    /// <summary>The "criteria" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var criteria = new Command("criteria", "Criteria sets (bộ tiêu chí): validate, import, export, list");
        criteria.Subcommands.Add(Validate(globals));
        criteria.Subcommands.Add(Import(globals));
        criteria.Subcommands.Add(Export(globals));
        criteria.Subcommands.Add(List(globals));
        return criteria;
    }

    private static Command Validate(GlobalOptions globals)
    {
        var files = new Argument<string[]>("files") { Description = "Criteria set JSON files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check criteria files without storing them; prints OK or every located error") { files };
        command.SetBody(globals, async (context, ct) =>
        {
            var problems = new List<DanVan.Refusals.Refusal>();
            foreach (var path in context.Get(files)!)
            {
                var result = Read(path);
                if (result.IsValid)
                {
                    var set = result.Set!;
                    await context.Out.WriteLineAsync(
                        $"{path}: OK ({set.Id} v{set.Version}, {set.AllCriteria().Count()} criteria, {Format.Points(set.MaxPoints)} points, bands {string.Join("/", set.Classification.Bands.Select(b => b.Code))})");
                }
                else problems.AddRange(result.Refusals);
            }
            if (problems.Count > 0) throw new DanVan.Refusals.RefusedException(TableLimits.Default.Cap(problems, null));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(GlobalOptions globals)
    {
        var files = new Argument<string[]>("files") { Description = "Criteria set JSON files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import",
            "Store criteria sets; a changed set already used by a period becomes a new version. Every file is validated first; all or none are stored") { files };
        command.SetBody(globals, async (context, ct) =>
        {
            var sets = new List<CriteriaSet>();
            var problems = new List<DanVan.Refusals.Refusal>();
            foreach (var path in context.Get(files)!)
            {
                var result = Read(path);
                if (result.IsValid) sets.Add(result.Set!);
                else problems.AddRange(result.Refusals);
            }
            if (problems.Count > 0) throw new DanVan.Refusals.RefusedException(TableLimits.Default.Cap(problems, null));

            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, CriteriaPermissions.Admin, DanVan.Accounts.Permissions.Target.None);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var lines = new List<string>();
            foreach (var set in sets)
            {
                var (stored, outcome) = await CriteriaSetStore.ImportAsync(db, set, actor.UserName, null, ct: ct);
                lines.Add(outcome switch
                {
                    CriteriaImportOutcome.Created => $"Created {stored.Key} v{stored.Version}: {stored.Name}",
                    CriteriaImportOutcome.Unchanged => $"Unchanged {stored.Key} v{stored.Version}: the same content is already stored",
                    CriteriaImportOutcome.Replaced => $"Replaced {stored.Key} v{stored.Version}: no period uses it yet, so it was updated in place",
                    _ => $"NewVersion {stored.Key} v{stored.Version}: v{stored.Version - 1} is used by a period and stays frozen",
                });
            }
            await tx.CommitAsync(ct);
            foreach (var line in lines) await context.Out.WriteLineAsync(line);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var key = new Argument<string>("key") { Description = "Key of the set (its \"id\" in the file)" };
        var version = new Option<int?>("--version") { Description = "Version to export (default: the latest)", HelpName = "n" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)", HelpName = "file" };
        var command = new Command("export", "Write a stored criteria set as JSON") { key, version, output };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var k = context.Get(key)!;
            var v = context.Get(version);
            var stored = await CriteriaSetStore.FindAsync(db, k, v, ct)
                ?? throw (v is null
                    ? new DanVan.Refusals.RefusedException("criteria.notFound", DanVan.Refusals.Where.AtField("key"), ("key", k))
                    : new DanVan.Refusals.RefusedException("criteria.versionNotFound", DanVan.Refusals.Where.AtField("key"), ("key", k), ("version", v)));
            var json = stored.Json.EndsWith('\n') ? stored.Json : stored.Json + "\n";
            if (context.Get(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json, new System.Text.UTF8Encoding(false), ct);
                await context.Out.WriteLineAsync($"Exported {stored.Key} v{stored.Version} to {path}.");
            }
            else await context.Out.WriteAsync(json);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List stored criteria sets and their versions");
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var sets = await db.CriteriaSets.AsNoTracking().OrderBy(s => s.Key).ThenBy(s => s.Version).ToListAsync(ct);
            var used = (await db.PeriodGroups.Select(g => g.CriteriaSetId).Distinct().ToListAsync(ct)).ToHashSet();
            var table = new TextTable("Key", "Version", "Name", "Decision", "Imported", "Frozen", "Active").AlignRight(1);
            foreach (var s in sets)
            {
                var decision = s.DecisionDate is { } d ? $"{s.DecisionNumber} ngày {Format.Date(d)}" : s.DecisionNumber;
                table.Add(s.Key, s.Version.ToString(Format.Vi), s.Name, decision, s.ImportedAt.ToString("yyyy-MM-dd HH:mm", Format.Vi),
                    used.Contains(s.Id) ? "yes" : "no", s.IsActive ? "yes" : "no");
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{sets.Count} criteria set versions.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // Refusals name the file as given on the command line, so a user finds it among several.
    private static CriteriaSetReadResult Read(string path) =>
        File.Exists(path) ? CriteriaSetFile.Parse(File.ReadAllText(path), path) : CriteriaSetReadResult.Missing(path);
}
