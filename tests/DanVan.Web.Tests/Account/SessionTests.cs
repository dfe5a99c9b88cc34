using System.Net;
using System.Net.Http.Headers;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Account;

/// <summary>Sessions and tokens end when they should: at logout, at a password change (other sessions and every API token),
/// and the app behind a TLS proxy marks its cookie Secure and sends HSTS.</summary>
public abstract class SessionTests(DatabaseProvider provider) : IDisposable
{
    private readonly WebAppFactory _app = new(provider);

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Should_end_the_session_on_the_server_at_logout_so_a_copied_cookie_no_longer_works()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var browser = RawBrowser.Of(_app);
        (await browser.SignInAsync("userA", TestWorld.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.IsSignedInAsync()).ShouldBeTrue();
        var copied = browser.CopyTo(_app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

        var token = await browser.FormTokenAsync("/", "form[action='/Account/Logout']");
        (await browser.SendAsync(HttpMethod.Post, "/Account/Logout", [("__RequestVerificationToken", token)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await browser.IsSignedInAsync()).ShouldBeFalse();
        (await copied.IsSignedInAsync()).ShouldBeFalse("the cookie copied before logout must be refused by the server");
    }

    [Fact]
    public async Task Should_end_the_other_sessions_and_revoke_the_tokens_when_the_password_changes_and_audit_it()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var other = await TestClient.LoginAsync(_app, "userA");
        var client = await TestClient.LoginAsync(_app, "userA");
        string plain;
        await using (var db = _app.NewDbContext())
        {
            var id = await db.Users.Where(u => u.UserName == "userA").Select(u => u.Id).SingleAsync();
            (_, plain) = await ApiTokens.CreateAsync(db, id, "userA", "máy tổng hợp", 30, DateTime.UtcNow);
        }
        var api = _app.CreateClient(new() { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        (await api.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var form = await client.GetAsync("/Account/ChangePassword");
        var done = await client.SubmitAsync(form, "#change-password-form", new()
        {
            ["Data.CurrentPassword"] = TestWorld.Password, ["Data.NewPassword"] = "MatKhauMoi2026", ["Data.ConfirmPassword"] = "MatKhauMoi2026",
        });
        done.Text("#notice").ShouldBe("Đã đổi mật khẩu.");

        (await client.GetAsync("/Evaluations")).Url.AbsolutePath.ShouldBe("/Evaluations", "the session that changed the password goes on");
        (await other.GetAsync("/Evaluations")).Url.AbsolutePath.ShouldBe("/Account/Login", "the other session must end");
        (await api.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var check = _app.NewDbContext();
        var line = await check.Audit.SingleAsync(a => a.Action == "account.change-password");
        (line.User, line.SubjectType).ShouldBe(("userA", "AppUser"));
        line.NewValue.ShouldBe("1 token thu hồi");
    }

    [Fact]
    public async Task Should_mark_the_cookie_Secure_and_send_HSTS_when_the_configured_proxy_says_https()
    {
        using var proxied = _app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Proxy:KnownProxies:0", "10.0.0.7");
            // The test server has no network peer: a header names the address the request comes from.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress()));
        });
        await TestWorld.SeedAsync(_app, openPeriod: false);

        static Action<HttpRequestMessage> From(string peer, string? proto) => r =>
        {
            r.Headers.Add(PeerAddress.Header, peer);
            if (proto is not null) r.Headers.Add("X-Forwarded-Proto", proto);
        };

        var client = proxied.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://danvan.example/") });
        var viaProxy = new RawBrowser(client);
        (await viaProxy.SignInAsync("userA", TestWorld.Password, From("10.0.0.7", "https"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = viaProxy.LastSetCookies.Single(c => c.StartsWith("danvan.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        var home = await viaProxy.SendAsync(HttpMethod.Get, "/", adjust: From("10.0.0.7", "https"));
        home.Headers.TryGetValues("Strict-Transport-Security", out var hsts).ShouldBeTrue();
        hsts!.Single().ShouldStartWith("max-age=");

        // Anyone else claiming https is not believed.
        var direct = new RawBrowser(proxied.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://danvan.example/") }));
        (await direct.SignInAsync("userA", TestWorld.Password, From("10.0.0.8", "https"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        direct.LastSetCookies.Single(c => c.StartsWith("danvan.auth=", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
    }

    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextStep) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextStep(context);
            });
            next(app);
        };
    }
}

public sealed class SqliteSessionTests() : SessionTests(DatabaseProvider.Sqlite);

public sealed class PostgresSessionTests() : SessionTests(DatabaseProvider.Postgres);
