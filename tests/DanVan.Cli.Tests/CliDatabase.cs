using DanVan.Data;

namespace DanVan.Cli.Tests;

/// <summary>A test database as the CLI sees it: the --database and --connection options, and the folder for the test's files.</summary>
/// <remarks>Usually the collection's shared database (emptied before each test); <see cref="CreateAsync"/> makes one of its own.</remarks>
public sealed class CliDatabase(TestDatabase database, bool owned = false) : IAsyncDisposable
{
    /// <summary>Where the database is.</summary>
    public DatabaseSettings Settings => database.Settings;

    /// <summary>A temporary folder for the test's files (and the SQLite database); emptied by a reset.</summary>
    public string Folder => database.Folder;

    /// <summary>The global options that point the CLI at this database.</summary>
    public string[] Options => Settings.Provider == DatabaseProvider.Postgres
        ? ["--database", "postgres", "--connection", Settings.ConnectionString]
        : ["--database", "sqlite", "--connection", Settings.ConnectionString];

    /// <summary>A new context on this database, to check what the CLI stored.</summary>
    public DanVanDbContext NewContext() => database.NewContext();

    /// <summary>A path in the test's folder.</summary>
    public string PathOf(string name) => database.PathOf(name);

    /// <summary>A second, empty database of its own (not migrated: the CLI migrates it on its first command); dropped on dispose.</summary>
    public static Task<CliDatabase> CreateAsync(DatabaseProvider provider) =>
        Task.FromResult(new CliDatabase(new TestDatabase(provider, "danvan_cli"), owned: true));

    /// <summary>The PostgreSQL server of the test run; in CI its absence is a failure, never a skip.</summary>
    public static string PostgresServer() => TestPostgres.Server();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => owned ? database.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>What one CLI run returned and printed.</summary>
public sealed record CliRun(int Exit, string Out, string Err)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {Exit}\n--- out\n{Out}\n--- err\n{Err}";
}
