using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(DanVan.Bench.ReportBenchmarks).Assembly).Run(args);
