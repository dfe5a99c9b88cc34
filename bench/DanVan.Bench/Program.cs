using BenchmarkDotNet.Running;

namespace DanVan.Bench;

/// <summary>Runs the benchmarks chosen on the command line (e.g. --filter '*Scope*').</summary>
public static class BenchProgram
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(ReportBenchmarks).Assembly).Run(args);
}
