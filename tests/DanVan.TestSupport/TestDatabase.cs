using System.Data.Common;
using DanVan.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Respawn;

namespace DanVan.TestSupport;

/// <summary>
/// A test database of one provider and its folder (the SQLite file, evidence, files a test writes): created on first use,
/// migrated once, emptied by <see cref="ResetAsync"/> between tests, dropped on dispose.
/// </summary>
/// <remarks>
/// One instance serves a whole test collection (see <see cref="SqliteDatabase"/>, <see cref="PostgresDatabase"/>);
/// collections run in parallel, each with its own database, so nothing is shared across them.
/// </remarks>
public class TestDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>Tables a reset keeps: the schema's history, and the data protection keys that signed the host's cookies.</summary>
    private static readonly Respawn.Graph.Table[] Kept = ["__EFMigrationsHistory", "__EFMigrationsLock", "DataProtectionKeys"];

    private readonly Lock _lock = new();
    private readonly string _prefix;
    private DatabaseSettings? _settings;
    private string? _postgresName;
    private bool _migrated;
    private Respawner? _respawner;

    /// <summary>A database to be created on first use; <paramref name="prefix"/> names PostgreSQL databases (danvan_web_…).</summary>
    public TestDatabase(DatabaseProvider provider, string prefix = "danvan_test")
    {
        Provider = provider;
        _prefix = prefix;
        Folder = Directory.CreateTempSubdirectory(prefix.Replace('_', '-') + "-").FullName;
    }

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The database's folder: the SQLite file, and any file a test writes (emptied by a reset).</summary>
    public string Folder { get; }

    /// <summary>Where the database is; creates it on first use (PostgreSQL: skips the test when DANVAN_TEST_POSTGRES is not set).</summary>
    public DatabaseSettings Settings
    {
        get
        {
            lock (_lock) return _settings ??= Create();
        }
    }

    /// <summary>A new context on this database.</summary>
    public DanVanDbContext NewContext() => DanVanDatabase.Create(Settings);

    /// <summary>A path in the database's folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Creates and migrates a database at once (one per test: the old, slow way; prefer a shared one and <see cref="ResetAsync"/>).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string prefix = "danvan_test")
    {
        var db = new TestDatabase(provider, prefix);
        await db.MigrateAsync();
        return db;
    }

    /// <summary>Applies the migrations, once.</summary>
    public async Task MigrateAsync()
    {
        if (_migrated) return;
        await using var context = NewContext();
        await DanVanDatabase.MigrateAsync(context);
        _migrated = true;
    }

    /// <summary>Marks the schema as migrated by someone else (the web host migrates on start).</summary>
    public void Migrated() => _migrated = true;

    /// <summary>
    /// Empties every table (but the schema history and data protection keys), restarts the identity counters so ids are
    /// the same as on a fresh database, and empties the folder but for the database file. Migrates first if needed.
    /// </summary>
    public async Task ResetAsync()
    {
        await MigrateAsync();
        await using (var connection = OpenForReset())
        {
            await connection.OpenAsync();
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = Provider == DatabaseProvider.Postgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
                SchemasToInclude = Provider == DatabaseProvider.Postgres ? ["public"] : [],
                TablesToIgnore = Kept,
                WithReseed = true,
            });
            await _respawner.ResetAsync(connection);
        }
        EmptyFolder();
    }

    // SQLite ignores "PRAGMA foreign_keys" inside the transaction Respawn opens: the connection itself turns the checks off,
    // so rows that point at each other (unit successors, parents) are deleted in any order.
    private DbConnection OpenForReset() => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(Settings.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(Settings.ConnectionString) { ForeignKeys = false, Pooling = false }.ConnectionString);

    private void EmptyFolder()
    {
        foreach (var file in Directory.EnumerateFiles(Folder))
            if (!Path.GetFileName(file).StartsWith(SqliteFile, StringComparison.Ordinal)) File.Delete(file);
        foreach (var dir in Directory.EnumerateDirectories(Folder)) Directory.Delete(dir, recursive: true);
    }

    private const string SqliteFile = "danvan.db";

    private DatabaseSettings Create()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Folder, SqliteFile)}");
        var name = $"{_prefix}_{Guid.NewGuid():N}";
        var cs = TestPostgres.CreateDatabase(name);
        _postgresName = name;
        return new(DatabaseProvider.Postgres, cs);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops the database and deletes the folder.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            TestPostgres.DropDatabase(_postgresName);
            _postgresName = null;
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

/// <summary>The shared SQLite database of a test collection (a collection fixture).</summary>
public sealed class SqliteDatabase() : TestDatabase(DatabaseProvider.Sqlite);

/// <summary>The shared PostgreSQL database of a test collection (a collection fixture).</summary>
public sealed class PostgresDatabase() : TestDatabase(DatabaseProvider.Postgres);
