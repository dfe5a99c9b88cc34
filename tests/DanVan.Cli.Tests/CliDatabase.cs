using DanVan.Data;
using Npgsql;

namespace DanVan.Cli.Tests;

/// <summary>A fresh database of one provider for one test, named to the CLI by --database and --connection; dropped afterwards.</summary>
/// <remarks>The same approach as tests/DanVan.Tests/Data/TestDatabase.cs; the CLI migrates it on its first command.</remarks>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private CliDatabase(DatabaseSettings settings, string folder, string? postgresName)
    {
        Settings = settings;
        Folder = folder;
        _postgresName = postgresName;
    }

    /// <summary>Where the database is.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>A temporary folder for the test's files (and the SQLite database).</summary>
    public string Folder { get; }

    /// <summary>The global options that point the CLI at this database.</summary>
    public string[] Options => Settings.Provider == DatabaseProvider.Postgres
        ? ["--database", "postgres", "--connection", Settings.ConnectionString]
        : ["--database", "sqlite", "--connection", Settings.ConnectionString];

    /// <summary>A new context on this database, to check what the CLI stored.</summary>
    public DanVanDbContext NewContext() => DanVanDatabase.Create(Settings);

    /// <summary>A path in the test's folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Creates an empty database; PostgreSQL comes from DANVAN_TEST_POSTGRES (scripts/test.sh starts one).</summary>
    public static async Task<CliDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("danvan-cli-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new(new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "danvan.db")};Pooling=False"), folder, null);

        var server = PostgresServer();
        var name = $"danvan_cli_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new(new(DatabaseProvider.Postgres, cs), folder, name);
    }

    /// <summary>The PostgreSQL server of the test run; in CI its absence is a failure, never a skip.</summary>
    public static string PostgresServer()
    {
        var cs = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(cs)) return cs;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("DANVAN_TEST_POSTGRES is not set; run the tests with scripts/test.sh");
        Assert.Skip("DANVAN_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL server for the run");
        return "";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system; the temp folder is cleaned by the system.
        }
    }
}

/// <summary>What one CLI run returned and printed.</summary>
public sealed record CliRun(int Exit, string Out, string Err)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {Exit}\n--- out\n{Out}\n--- err\n{Err}";
}
