using System.Net;
using DanVan.Data;

namespace DanVan.Web.Tests.Account;

public abstract class LoginTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_send_an_anonymous_visitor_to_the_Vietnamese_login_page()
    {
        var client = _app.CreateClient();
        var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Tên đăng nhập");
        html.ShouldContain("Mật khẩu");
        html.ShouldContain("__RequestVerificationToken");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteLoginTests(SqliteWebApp app) : LoginTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresLoginTests(PostgresWebApp app) : LoginTests(app);
