using System.Net;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Security;

public abstract class FormsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_refuse_a_post_without_the_anti_forgery_token_and_put_one_in_every_form()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var edit = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        foreach (var form in edit.Document.QuerySelectorAll("form[method=post]"))
            form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();

        var forged = await userA.PostAsync($"/Evaluations/Edit/{w.AssessmentA}?handler=Save",
            [("Data.Version", "0"), ("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "10")]);
        forged.Status.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_send_security_headers_and_keep_the_last_administrator()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var home = await admin.GetAsync("/");
        home.Response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        home.Response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");

        string id;
        await using (var db = _app.NewDbContext()) id = (await db.Users.SingleAsync(u => u.UserName == "admin")).Id;
        var page = await admin.GetAsync($"/Admin/Accounts/Edit/{id}");
        var refused = await admin.SubmitAsync(page, "#roles form");
        refused.Errors.ShouldContain("Không thể bỏ vai trò quản trị hệ thống của tài khoản quản trị cuối cùng.");
        await using (var db = _app.NewDbContext())
            (await db.RoleAssignments.CountAsync(r => r.Role == Role.Administrator)).ShouldBe(1);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteFormsTests(SqliteWebApp app) : FormsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresFormsTests(PostgresWebApp app) : FormsTests(app);
