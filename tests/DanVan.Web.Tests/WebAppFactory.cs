using DanVan.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DanVan.Web.Tests;

/// <summary>The web app on a fresh database of one provider (SQLite file, or a new PostgreSQL database).</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"danvan-web-{Guid.NewGuid():N}");
    private readonly DatabaseProvider _provider;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    /// <summary>Creates the app for a provider; PostgreSQL needs DANVAN_TEST_POSTGRES (scripts/test.sh sets it).</summary>
    public WebAppFactory(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresServer = PostgresServer();
            _postgresName = $"danvan_web_{Guid.NewGuid():N}";
            using var conn = new NpgsqlConnection(_postgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", conn);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>More configuration for the app (e.g. "Demo:Seed"); set before the first request.</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>Services replaced for the test before the first request (e.g. a frozen <see cref="TimeProvider"/>).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>The data folder (SQLite file, evidence files).</summary>
    public string DataFolder => _dataFolder;

    /// <summary>The PostgreSQL server of the test run; in CI its absence fails, never skips.</summary>
    public static string PostgresServer()
    {
        var cs = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(cs)) return cs;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("DANVAN_TEST_POSTGRES is not set; run the tests with scripts/test.sh");
        Assert.Skip("DANVAN_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL server for the run");
        return "";
    }

    /// <summary>A context on the app's database, for arranging and checking data.</summary>
    public DanVanDbContext NewDbContext() => DanVanDatabase.Create(Settings);

    private DatabaseSettings Settings => _provider == DatabaseProvider.Postgres
        ? new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresName }.ConnectionString)
        : new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataFolder, "danvan.db")}");

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataFolder", _dataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Database:Provider", _provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:DanVan", Settings.ConnectionString);
        // Hashing at full strength costs ~50 ms per sign-in; tests sign in a lot.
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s =>
        {
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            TestServices?.Invoke(s);
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_postgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
