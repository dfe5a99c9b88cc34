using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Api;
using DanVan.Web.Api.Accounts;
using DanVan.Web.Api.Periods;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

/// <summary>Authentication of the API: tokens made from a signed-in session, their use, expiry and revocation; 401/403 as
/// problem+json; cookie writes need the antiforgery token.</summary>
public abstract partial class TokenTests(WebAppFactory app) : ApiTestBase(app)
{
    [Fact]
    public async Task Should_answer_401_problem_json_without_credentials_never_a_login_redirect()
    {
        var anonymous = S.Anonymous();
        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/api/v1/periods"),
                     await anonymous.GetAsync($"/api/v1/assessments/{S.AssessmentA}"),
                     await anonymous.PutJsonAsync($"/api/v1/assessments/{S.AssessmentA}/entries/1.1", new { points = 1, version = 0 }),
                     await anonymous.GetAsync("/api/v1/evidence/1/content"),
                 })
        {
            var problem = await response.ProblemAsync(401);
            problem["code"]!.GetValue<string>().ShouldBe("unauthenticated");
            response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
            response.Headers.Location.ShouldBeNull();
        }

        var wrong = S.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dv_khong-phai-ma-that");
        (await (await wrong.GetAsync("/api/v1/periods")).ProblemAsync(401))["detail"]!.GetValue<string>().ShouldContain("unknown, expired or revoked");
        (await anonymous.GetAsync("/api/v1/openapi.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_create_use_and_revoke_a_token_from_a_signed_in_session()
    {
        var browser = await SignInAsync(UnitA);
        var session = await (await browser.GetAsync("/api/v1/session")).ReadAsync<SessionView>();
        session.Authentication.ShouldBe("cookie");
        session.UserName.ShouldBe(UnitA);
        session.Roles.Single().Role.ShouldBe(Role.UnitUser);
        session.Roles.Single().ScopeUnit!.Name.ShouldBe("Sở A");
        var antiforgery = session.Antiforgery!;

        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new CreateTokenBody { Name = "Máy tổng hợp", ExpiresInDays = 30 }, options: Json),
        };
        create.Headers.Add(antiforgery.HeaderName, antiforgery.Token);
        var createdResponse = await browser.SendAsync(create);
        createdResponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await createdResponse.ReadAsync<CreatedToken>();
        created.PlainToken.ShouldStartWith("dv_");
        created.Token.Prefix.ShouldBe(created.PlainToken[..8]);
        created.Token.ExpiresAt.ShouldBe(created.Token.CreatedAt.AddDays(30), TimeSpan.FromSeconds(1));

        var machine = S.Anonymous();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.PlainToken);
        var asToken = await (await machine.GetAsync("/api/v1/session")).ReadAsync<SessionView>();
        asToken.Authentication.ShouldBe("token");
        asToken.UserName.ShouldBe(UnitA);
        asToken.Antiforgery.ShouldBeNull();
        (await machine.GetAsync($"/api/v1/assessments/{S.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await machine.GetAsync($"/api/v1/assessments/{S.AssessmentB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await machine.PostJsonAsync("/api/v1/tokens", new CreateTokenBody { Name = "con" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var tokens = await (await browser.GetAsync("/api/v1/tokens")).ReadAsync<PagedList<TokenView>>();
        tokens.Items.ShouldContain(t => t.Id == created.Token.Id && t.Active);
        (await browser.GetStringAsync("/api/v1/tokens")).ShouldNotContain(created.PlainToken);

        var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tokens/{created.Token.Id}");
        revoke.Headers.Add(antiforgery.HeaderName, antiforgery.Token);
        (await browser.SendAsync(revoke)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await machine.GetAsync("/api/v1/session")).ProblemAsync(401);

        await using var db = S.App.NewDbContext();
        (await db.ApiTokens.SingleAsync(t => t.Id == created.Token.Id)).TokenHash.ShouldBe(ApiToken.Hash(created.PlainToken));
        (await db.Audit.CountAsync(x => x.Action == "token.create" || x.Action == "token.revoke")).ShouldBe(2);
    }

    [Fact]
    public async Task Should_refuse_an_expired_token_and_a_token_of_a_locked_out_account()
    {
        await using (var db = S.App.NewDbContext())
        {
            var token = await db.ApiTokens.SingleAsync(t => t.TokenHash == ApiToken.Hash(S.TokenOf(UnitA)));
            token.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            var viewer = await db.Users.SingleAsync(u => u.UserName == Viewer);
            viewer.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
        }

        await (await S.As(UnitA).GetAsync("/api/v1/periods")).ProblemAsync(401);
        await (await S.As(Viewer).GetAsync("/api/v1/periods")).ProblemAsync(401);
        (await S.As(UnitB).GetAsync("/api/v1/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_cookie_writes_without_the_antiforgery_token_but_not_bearer_writes()
    {
        var browser = await SignInAsync(Coordinator);
        (await browser.GetAsync("/api/v1/periods")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = new OpenPeriodBody
        {
            Year = 2031, Name = "Kỳ thử CSRF", ScopeUnitId = S.ProvinceId, OpensOn = new(2031, 1, 1), Deadline = new(2031, 12, 1),
            Groups = [new PeriodGroupBody(S.AgencyGroup, S.CriteriaSetId)],
        };
        var forged = await browser.PostJsonAsync("/api/v1/periods", body);
        (await forged.ProblemAsync(400)).Errors().ShouldContainKey("RequestVerificationToken");
        (await browser.PostJsonAsync("/api/v1/tokens", new CreateTokenBody { Name = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A Bearer header decides alone, even with the cookie present.
        var both = await SignInAsync(Coordinator);
        both.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", S.TokenOf(Coordinator));
        (await both.PostJsonAsync("/api/v1/periods", body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var db = S.App.NewDbContext();
        (await db.Periods.CountAsync(p => p.Year == 2031)).ShouldBe(1);
        (await db.ApiTokens.CountAsync(t => t.Name == "x")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_manage_tokens_on_the_page_showing_the_token_once()
    {
        var browser = await SignInAsync(HeadA);
        var page = await browser.GetStringAsync("/Account/Tokens");
        page.ShouldContain("Mã truy cập API");
        page.ShouldContain("seed");
        page.ShouldNotContain("Báo cáo tự động");

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.Name"] = "Báo cáo tự động",
            ["Data.LifetimeDays"] = "60",
            ["__RequestVerificationToken"] = FormToken(page),
        });
        var created = await browser.PostAsync("/Account/Tokens?handler=Create", form);
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        var plain = PlainToken().Match(html).Value;
        plain.ShouldStartWith("dv_");
        html.ShouldContain("chỉ hiển thị một lần");
        html.ShouldContain("Báo cáo tự động");

        var again = await browser.GetStringAsync("/Account/Tokens");
        again.ShouldNotContain(plain);
        again.ShouldContain(plain[..8]);

        var machine = S.Anonymous();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        (await machine.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK);

        int id;
        await using (var db = S.App.NewDbContext())
            id = (await db.ApiTokens.SingleAsync(t => t.TokenHash == ApiToken.Hash(plain))).Id;
        var revoke = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormToken(again) });
        (await browser.PostAsync($"/Account/Tokens?handler=Revoke&id={id}", revoke)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync("/Account/Tokens")).ShouldContain("Đã thu hồi");
        await (await machine.GetAsync("/api/v1/session")).ProblemAsync(401);

        var other = await SignInAsync(UnitB);
        var otherPage = await other.GetStringAsync("/Account/Tokens");
        otherPage.ShouldNotContain("Báo cáo tự động");
        var foreign = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = FormToken(otherPage) });
        (await other.PostAsync($"/Account/Tokens?handler=Revoke&id={id}", foreign)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_send_an_anonymous_visitor_of_the_token_page_to_the_login_page()
    {
        var response = await S.Anonymous().GetAsync("/Account/Tokens");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = S.Anonymous();
        var login = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.UserName"] = user,
            ["Data.Password"] = Password,
            ["__RequestVerificationToken"] = FormToken(login),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    private static string FormToken(string html) => FormTokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("dv_[A-Za-z0-9_-]{40,}")]
    private static partial Regex PlainToken();
}

[Collection<SqliteWeb>]
public sealed class SqliteTokenTests(SqliteWebApp app) : TokenTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresTokenTests(PostgresWebApp app) : TokenTests(app);
