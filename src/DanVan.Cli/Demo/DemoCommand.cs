using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Demo;

namespace DanVan.Cli.Demo;

/// <summary>danvan demo: creates the demo province in the database.</summary>
public static class DemoCommand
{
    /// <summary>The "demo" command.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var defaults = new DemoOptions();
        var seed = new Option<int>("--seed") { Description = "Seed of the random choices; the same seed gives the same data", DefaultValueFactory = _ => defaults.Seed, HelpName = "n" };
        var scale = new Option<int>("--scale")
        {
            Description = "Multiply the communes per district (1 → 159 communes; 20 → 3.180), for benchmarks",
            DefaultValueFactory = _ => defaults.Scale,
            HelpName = "n",
        };
        var firstYear = new Option<int>("--first-year") { Description = "First year evaluated", DefaultValueFactory = _ => defaults.FirstYear, HelpName = "year" };
        var years = new Option<int>("--years") { Description = "Number of yearly periods (the last one is in progress)", DefaultValueFactory = _ => defaults.Years, HelpName = "n" };
        var command = new Command("demo", "Create the demo province (Tỉnh Quảng Bình (demo)): units, groups, criteria sets and scored periods; refused when it exists")
        {
            seed, scale, firstYear, years,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            var options = new DemoOptions
            {
                Seed = context.Get(seed),
                Scale = context.Get(scale),
                FirstYear = context.Get(firstYear),
                Years = context.Get(years),
            };
            await using var db = await context.OpenDatabaseAsync(ct);
            var summary = await context.WithProgressAsync($"Creating the demo province (seed {options.Seed}, scale {options.Scale})...",
                progress => DemoData.SeedAsync(db, options, progress, ct));

            var w = context.Out;
            await w.WriteLineAsync($"Created {summary.ProvinceName} ({summary.ProvinceCode}): {Format.Count(summary.Units)} units in {summary.Groups} groups, "
                + $"{Format.Count(summary.Successions)} successor links (01/07/2025).");
            await w.WriteLineAsync($"Criteria sets: {string.Join(", ", summary.CriteriaSets)}.");
            foreach (var p in summary.Periods)
            {
                var states = string.Join(", ", p.ByStatus.Select(s => $"{Format.Status(s.Key).ToLower(Format.Vi)} {Format.Count(s.Value)}"));
                await w.WriteLineAsync($"Period #{p.Id} {p.Year}: {Format.Count(p.Assessments)} assessments — {states}; {Format.Count(p.Late)} late.");
            }
            await w.WriteLineAsync($"{Format.Count(summary.Entries)} score entries, {Format.Count(summary.AuditLines)} audit lines.");
            if (summary.Periods.Count > 0) await w.WriteLineAsync($"Next: danvan compute --period {summary.Periods[^1].Year}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
