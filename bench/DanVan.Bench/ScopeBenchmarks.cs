using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.Bench;

/// <summary>
/// Scope resolution with a ministry-sized tree: 50,041 units (a province, 40 agencies, 200 districts of 249 communes),
/// one open provincial period with an assessment per commune (49,800), and coordinators of one district and of the
/// province. Each call goes through the real app (WebApplicationFactory, in-memory HTTP).
/// </summary>
/// <remarks>SQLite always; PostgreSQL too when DANVAN_BENCH_POSTGRES (or DANVAN_TEST_POSTGRES) names a server.
/// The database is built once per provider and reused by every benchmark of the run.</remarks>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ScopeBenchmarks
{
    private const int Districts = 200;
    private const int CommunesPerDistrict = 249;
    private const int Agencies = 40;

    private BenchProvince _world = null!;

    /// <summary>The database provider.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite, and PostgreSQL when a server is configured.</summary>
    public static IEnumerable<string> Providers => BenchProvince.Providers;

    /// <summary>Builds (once per provider) the app and its 50,000-unit database, and signs the coordinators in.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _world = BenchProvince.Shared(Provider, Districts, CommunesPerDistrict, Agencies);
    }

    /// <summary>The district coordinator's queue of the provincial period (249 rows of 49,800).</summary>
    [Benchmark]
    public async Task<int> QueuePageDistrictCoordinator() =>
        (await _world.DistrictPage.GetStringAsync($"/Evaluations/Queue?periodId={_world.PeriodId}")).Length;

    /// <summary>GET /api/v1/periods/{id}/assessments as the district coordinator (first page of 249).</summary>
    [Benchmark]
    public async Task<int> ApiAssessmentsDistrictCoordinator() =>
        (await _world.DistrictApi.GetStringAsync($"/api/v1/periods/{_world.PeriodId}/assessments?pageSize=100")).Length;

    /// <summary>GET /api/v1/periods/{id}/assessments as the provincial coordinator (first page of 49,800).</summary>
    [Benchmark]
    public async Task<int> ApiAssessmentsProvinceCoordinator() =>
        (await _world.ProvinceApi.GetStringAsync($"/api/v1/periods/{_world.PeriodId}/assessments?pageSize=100")).Length;
}
