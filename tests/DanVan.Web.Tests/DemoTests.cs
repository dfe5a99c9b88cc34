using System.Net;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests;

/// <summary>Starting with Demo:Seed (what --demo sets) creates the demo province once, with one account per role as the README states.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly WebAppFactory _app = new(DatabaseProvider.Sqlite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Should_create_the_demo_province_and_one_signed_in_account_per_role()
    {
        _app.ExtraSettings["Demo:Seed"] = "true";
        DemoSetup.Accounts.Select(a => a.Role).Distinct().Count().ShouldBe(Enum.GetValues<Role>().Length);

        var unit = await TestClient.LoginAsync(_app, "canbo.donvi", DemoSetup.Password);
        var home = await unit.GetAsync("/");
        home.Text("#my-roles").ShouldBe("Cán bộ đơn vị — Văn phòng UBND tỉnh");
        var mine = await unit.GetAsync("/Evaluations");
        mine.Find("#my-assessments tr[data-status='Draft'] a.button");

        var coordinator = await TestClient.LoginAsync(_app, "snv.tonghop", DemoSetup.Password);
        var dashboard = await coordinator.GetAsync("/Dashboard");
        dashboard.Text("#participation-total").ShouldEndWith("cơ quan, đơn vị đã nộp hồ sơ tự đánh giá.");
        foreach (var account in DemoSetup.Accounts)
        {
            var client = await TestClient.LoginAsync(_app, account.UserName, DemoSetup.Password);
            (await client.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
        }

        // Seeding again (a restart with --demo) changes nothing.
        await using var db = _app.NewDbContext();
        var units = await db.Units.CountAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        await DemoSetup.SeedOnceAsync(scope.ServiceProvider, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        (await db.Units.CountAsync()).ShouldBe(units);
        (await db.Users.CountAsync()).ShouldBe(DemoSetup.Accounts.Count);
    }
}
