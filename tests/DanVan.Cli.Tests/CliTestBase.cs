using DanVan.Data;

namespace DanVan.Cli.Tests;

/// <summary>Runs the CLI in process against a fresh database of one provider.</summary>
public abstract class CliTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The test's database and folder.</summary>
    protected CliDatabase Db { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Db = await CliDatabase.CreateAsync(provider);
        // Migrated up front so that a test can count rows after a command refused before opening the database.
        await using var db = Db.NewContext();
        await DanVanDatabase.MigrateAsync(db);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Db.DisposeAsync();

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
