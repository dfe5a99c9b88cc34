using System.CommandLine;
using DanVan.Cli.Accounts;
using DanVan.Cli.Criteria;
using DanVan.Cli.Demo;
using DanVan.Cli.Evaluations;
using DanVan.Cli.Infrastructure;
using DanVan.Cli.OrgUnits;
using DanVan.Cli.Periods;
using DanVan.Cli.Reports;
using DanVan.Cli.Statistics;

namespace DanVan.Cli;

/// <summary>Exit codes of the command-line tool.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Input refused (every problem printed, located); nothing was stored.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong (unknown command or option, missing or malformed value).</summary>
    public const int Usage = 2;

    /// <summary>Anything else failed (database unreachable, file not writable...).</summary>
    public const int Failed = 3;
}

/// <summary>The danvan command-line tool: the command tree and its single entry point.</summary>
public static class Cli
{
    /// <summary>Parses and runs a command line, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await error.WriteLineAsync($"error: {e.Message}");
            var command = string.Join(' ', CommandPath(parse.CommandResult.Command));
            await error.WriteLineAsync($"Run '{command} --help' for usage.");
            return ExitCodes.Usage;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(config, ct);
    }

    /// <summary>The command tree, one command group per capability.</summary>
    public static Command Build()
    {
        var globals = new GlobalOptions();
        // A plain command named "danvan" rather than RootCommand, whose name (and so the help's usage line) is the assembly's.
        var root = new Command("danvan", "DanVan: đánh giá công tác dân vận chính quyền — administration tool (units, criteria, periods, scores, results, statistics forms and figures, reports, demo data, accounts)")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        globals.AddTo(root);
        // One entry per capability (its folder holds its commands), in the order the help lists them.
        Command[] groups =
        [
            UnitsCommands.Build(globals),
            CriteriaCommands.Build(globals),
            .. EvaluationsCommands.Build(globals),
            FormsCommands.Build(globals),
            StatsCommands.Build(globals),
            Registries.RegistriesCommands.Build(globals),
            Registries.WorkCommands.Build(globals),
            ReportCommands.Build(globals),
            RemindersCommands.Build(globals),
            DemoCommand.Build(globals),
            AccountsCommands.Build(globals),
            .. Operations.BackupCommands.Build(globals),
        ];
        foreach (var group in groups) root.Subcommands.Add(group);
        return root;
    }

    private static List<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Insert(0, c.Name);
        return names;
    }
}
