using DanVan.Data;
using Npgsql;

namespace DanVan.Tests.Data;

/// <summary>A fresh, migrated database of one provider for one test; dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseSettings settings, string? postgresName, string? sqliteFile)
    {
        Settings = settings;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    /// <summary>Where the database is.</summary>
    public DatabaseSettings Settings { get; }

    /// <summary>A new context on this database.</summary>
    public DanVanDbContext NewContext() => DanVanDatabase.Create(Settings);

    /// <summary>Creates and migrates a database; PostgreSQL comes from DANVAN_TEST_POSTGRES (scripts/test.sh starts one).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"danvan-test-{Guid.NewGuid():N}.db");
            db = new(new(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), null, file);
        }
        else
        {
            var server = PostgresServer();
            var name = $"danvan_test_{Guid.NewGuid():N}";
            await using (var conn = new NpgsqlConnection(server))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            db = new(new(DatabaseProvider.Postgres, cs), name, null);
        }

        await using var context = db.NewContext();
        await DanVanDatabase.MigrateAsync(context);
        return db;
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
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
