using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DanVan.Data;
using DanVan.Demo;
using DanVan.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Bench;

/// <summary>
/// Builds the provincial consolidated report of the demo province's last period, compared with the two
/// before it: load and compute (ReportQuery.LoadAsync, ReportBuilder.Build), then write DOCX and XLSX.
/// </summary>
/// <remarks>
/// The demo province (DemoData.SeedAsync) is created once per scale in a SQLite file: 22 agencies, 6 public
/// service units, 8 districts and 159 × scale communes, merged about three into one from 01/07/2025, over
/// three periods (2023, 2024, 2025). In-process, so the generated benchmark project does not inherit the
/// repository's build rules.
/// </remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string _folder = "";
    private DatabaseSettings _settings = null!;
    private int _provinceId;
    private int _year;

    /// <summary>Communes per district are multiplied by this.</summary>
    [Params(1, 5)]
    public int Scale { get; set; }

    /// <summary>Creates and seeds the database.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("danvan-bench-").FullName;
        _settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "danvan.db")}");
        using var db = DanVanDatabase.Create(_settings);
        DanVanDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        var summary = DemoData.SeedAsync(db, new DemoOptions { Scale = Scale, Years = 3 }).GetAwaiter().GetResult();
        _year = summary.Periods.Max(p => p.Year);
        _provinceId = db.Units.AsNoTracking().Single(u => u.Code == DemoData.ProvinceCode).Id;
        Console.WriteLine($"// Demo province, scale {Scale}: {summary.Units} units, periods {string.Join(", ", summary.Periods.Select(p => $"{p.Year} ({p.Assessments} assessments)"))}");
    }

    /// <summary>Removes the database.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Load, compute, DOCX (with charts) and XLSX of the provincial report over three years.</summary>
    [Benchmark]
    public async Task<int> ProvincialReportDocxAndXlsx()
    {
        await using var db = DanVanDatabase.Create(_settings);
        var content = await ReportDocuments.LoadAsync(db, new ReportRequest(_year, _provinceId, EarlierYears: 2));
        var docx = DocxWriter.ToBytes(ReportDocuments.Document(content));
        var xlsx = XlsxWriter.ToBytes(ReportDocuments.Tables(content));
        return docx.Length + xlsx.Length;
    }

    /// <summary>Load and compute only (ReportQuery.LoadAsync + ReportBuilder.Build for each year).</summary>
    [Benchmark]
    public async Task<int> ProvincialReportModelOnly()
    {
        await using var db = DanVanDatabase.Create(_settings);
        var content = await ReportDocuments.LoadAsync(db, new ReportRequest(_year, _provinceId, EarlierYears: 2));
        return content.Report.Sections.Count;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median);
        }
    }
}
