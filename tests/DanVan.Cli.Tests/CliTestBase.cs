namespace DanVan.Cli.Tests;

/// <summary>Runs the CLI in process against the collection's database of one provider, emptied before each test.</summary>
public abstract class CliTestBase(TestDatabase database) : IAsyncLifetime
{
    private readonly TestDatabase _database = database;

    /// <summary>The test's database and folder.</summary>
    protected CliDatabase Db { get; } = new(database);

    /// <summary>The provider of the test's database.</summary>
    protected DanVan.Data.DatabaseProvider Provider => _database.Provider;

    /// <inheritdoc />
    // Migrated (once) and emptied up front, so that a test can count rows after a command refused before opening the database.
    public virtual async ValueTask InitializeAsync() => await _database.ResetAsync();

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs "danvan ARGS" on the test database.</summary>
    protected async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync([.. Db.Options, .. args], output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs and requires success.</summary>
    protected async Task<CliRun> RunOkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        return run;
    }

    /// <summary>Writes a file in the test's folder and returns its path.</summary>
    protected string Write(string name, string text)
    {
        var path = Db.PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }
}
