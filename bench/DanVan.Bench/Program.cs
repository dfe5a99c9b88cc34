using BenchmarkDotNet.Running;
using DanVan.Bench.Duplicates;
using DanVan.Bench.Statistics;

namespace DanVan.Bench;

/// <summary>Runs the benchmarks chosen on the command line (e.g. --filter '*Scope*'), the statistics harness (statistics) or the de-duplication harness (duplicates).</summary>
public static class BenchProgram
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "statistics") return await StatisticsBench.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "duplicates") return await DuplicatesBench.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "saves") return await Saves.SavesBench.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(ReportBenchmarks).Assembly).Run(args);
        return 0;
    }
}
