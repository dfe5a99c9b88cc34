using Microsoft.EntityFrameworkCore;
using DanVan.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.TestSupport;

/// <summary>
/// The web app on a test database of one provider. Shared by a test collection (<see cref="SqliteWebApp"/>,
/// <see cref="PostgresWebApp"/>): started and migrated once, emptied by <see cref="ResetAsync"/> before each test.
/// A test may still build its own with <c>new WebAppFactory(provider)</c> (a fresh database; slow) when it needs
/// settings of its own (<see cref="ExtraSettings"/>).
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    static WebAppFactory()
    {
        // No file watchers for appsettings: tests never edit them, and on a shared build machine the per-user limit of
        // inotify instances (128) runs out, failing the host's start.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    /// <summary>Creates the app and its database for a provider; PostgreSQL needs DANVAN_TEST_POSTGRES (scripts/test.sh sets it).</summary>
    public WebAppFactory(DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(provider, createNow: true)
    {
    }

    /// <summary>Creates the app; the database is created now or on first use (a collection fixture must not skip in its constructor).</summary>
    protected WebAppFactory(DatabaseProvider provider, bool createNow)
    {
        _database = new TestDatabase(provider, "danvan_web");
        if (createNow) _ = _database.Settings;
    }

    /// <summary>More configuration for the app (e.g. "Demo:Seed"); set before the first request. Not on a shared host.</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>Services replaced before the first request (an app of one's own only; a shared app has <see cref="Clock"/>).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>The data folder (SQLite file, evidence files).</summary>
    public string DataFolder => _database.Folder;

    /// <summary>The app's database.</summary>
    public TestDatabase Database => _database;

    /// <summary>The PostgreSQL server of the test run; in CI its absence fails, never skips.</summary>
    public static string PostgresServer() => TestPostgres.Server();

    /// <summary>The fixed personal-data key of every test app (base64 of 32 bytes), so tests can read what the app encrypted.</summary>
    public const string PersonalDataKey = "ZGFudmFuLXRlc3QtcGVyc29uYWwtZGF0YS1rZXktMzI=";

    /// <summary>The app's <see cref="TimeProvider"/>: the system clock unless a test freezes it; a reset releases it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>A context on the app's database, for arranging and checking data.</summary>
    public DanVanDbContext NewDbContext() => _database.NewContext();

    /// <summary>How many evidence files are stored: contents in the database (the default store) and files in the
    /// data folder's evidence folder (the folder store).</summary>
    public async Task<int> StoredEvidenceFilesAsync()
    {
        await using var db = NewDbContext();
        var folder = Path.Combine(DataFolder, "evidence");
        return await db.EvidenceContents.CountAsync() + (Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    /// <summary>Starts the app if needed (which migrates the database), then empties the database and the data folder.</summary>
    public virtual async Task ResetAsync()
    {
        _ = _database.Settings; // skips the test here when its database server is missing
        Clock.Release();
        _ = Services;
        _database.Migrated();
        await _database.ResetAsync();
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = _database.Settings;
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataFolder", _database.Folder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Database:Provider", settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:DanVan", settings.ConnectionString);
        builder.UseSetting("Registries:PersonalDataKey", PersonalDataKey);
        foreach (var (key, value) in ExtraSettings) builder.UseSetting(key, value);
        // Hashing at full strength costs ~50 ms per sign-in; tests sign in a lot.
        builder.ConfigureTestServices(s =>
        {
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            s.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(s);
        });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}

/// <summary>The web app of a test collection on SQLite (a collection fixture).</summary>
public sealed class SqliteWebApp() : WebAppFactory(DatabaseProvider.Sqlite, createNow: false);

/// <summary>The web app of a test collection on PostgreSQL (a collection fixture).</summary>
public sealed class PostgresWebApp() : WebAppFactory(DatabaseProvider.Postgres, createNow: false);
