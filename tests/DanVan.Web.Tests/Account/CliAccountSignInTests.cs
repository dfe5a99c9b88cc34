using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Account;

/// <summary>A database built with the CLI alone can be signed into: "danvan accounts create" on a fresh database, then the web app.</summary>
public abstract class CliAccountSignInTests(DatabaseProvider provider) : IDisposable
{
    private readonly WebAppFactory _app = new(provider);

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Should_sign_in_with_an_account_created_by_the_cli_on_a_fresh_database()
    {
        Directory.CreateDirectory(_app.DataFolder);
        string connection;
        await using (var db = _app.NewDbContext()) connection = db.Database.GetConnectionString()!;
        var options = new[] { "--database", provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", "--connection", connection };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DanVan.Cli.Cli.RunAsync(
            [.. options, "accounts", "create", "quantri", "--full-name", "Quản trị viên", "--role", "administrator", "--password", "KhoiDau@2026"],
            output, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("Created account quantri");

        var admin = await TestClient.LoginAsync(_app, "quantri", "KhoiDau@2026");
        (await admin.GetAsync("/Admin/Accounts")).Text("tr[data-user='quantri']").ShouldContain("Quản trị viên");

        await using var check = _app.NewDbContext();
        var line = await check.Audit.SingleAsync(a => a.Action == "account.create");
        (line.User, line.SubjectType).ShouldBe(("cli", "AppUser"));
    }
}

public sealed class SqliteCliAccountSignInTests() : CliAccountSignInTests(DatabaseProvider.Sqlite);

public sealed class PostgresCliAccountSignInTests() : CliAccountSignInTests(DatabaseProvider.Postgres);
