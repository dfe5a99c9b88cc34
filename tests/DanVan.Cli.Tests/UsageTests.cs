namespace DanVan.Cli.Tests;

/// <summary>Command-line mistakes exit with 2 before touching any database.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("units", "import")]
    [InlineData("units", "import", "units.txt")]
    [InlineData("units", "import", "a.csv", "--bogus")]
    [InlineData("compute")]
    [InlineData("compute", "--period", "năm-nay")]
    [InlineData("compute", "--period", "2024", "--format", "pdf")]
    [InlineData("--database", "mysql", "units", "list")]
    [InlineData("periods", "create", "--year", "2024", "--opens", "31/02/2024", "--deadline", "2024-11-30")]
    [InlineData("periods", "create", "--year", "2024", "--opens", "2024-11-01")]
    [InlineData("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30", "--group", "cap-xa")]
    [InlineData("scores", "template", "t.csv", "--period", "2024", "--layer", "ban-dan-van")]
    [InlineData("demo", "--seed", "abc")]
    public async Task Should_exit_with_2_on_a_usage_error(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync(["--data", Path.Combine(Path.GetTempPath(), "danvan-never-created"), .. args], output, error,
            TestContext.Current.CancellationToken);

        exit.ShouldBe(ExitCodes.Usage, $"{string.Join(' ', args)}\n{output}\n{error}");
        error.ToString().ShouldContain("error: ");
        error.ToString().ShouldContain("--help' for usage.");
        Directory.Exists(Path.Combine(Path.GetTempPath(), "danvan-never-created")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_print_help_and_exit_0()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync(["scores", "import", "--help"], output, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(ExitCodes.Ok);
        output.ToString().ShouldContain("--approve");
        output.ToString().ShouldContain("--submitted-on");
    }

    [Fact]
    public async Task Should_refuse_postgres_without_a_connection_string()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var saved = Environment.GetEnvironmentVariable("DANVAN_CONNECTION");
        Environment.SetEnvironmentVariable("DANVAN_CONNECTION", null);
        try
        {
            var exit = await Cli.RunAsync(["--database", "postgres", "criteria", "list"], output, error, TestContext.Current.CancellationToken);
            exit.ShouldBe(ExitCodes.Refused, error.ToString());
            error.ToString().ShouldContain("error[cli.connectionRequired]");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DANVAN_CONNECTION", saved);
        }
    }
}
