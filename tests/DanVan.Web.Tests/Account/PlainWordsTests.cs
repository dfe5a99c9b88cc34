using System.Net;
using System.Text.RegularExpressions;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Account;

/// <summary>Issue 13: no "Markdown", "JSON" or "API" in the way of a unit's clerk or head; the access-token page only
/// for those who need it (administrators, coordinators, an account that already holds a token).</summary>
public abstract partial class PlainWordsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_not_offer_the_token_page_to_a_units_clerk_and_answer_403_to_a_direct_visit()
    {
        await TestWorld.SeedAsync(_app);
        var clerk = await TestClient.LoginAsync(_app, "userA");
        var home = await clerk.GetAsync("/");
        home.Document.QuerySelector("#menu-tokens").ShouldBeNull();
        (await clerk.Http.GetAsync("/Account/Tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = TestClient.Token(home);
        (await clerk.PostAsync("/Account/Tokens?handler=Create", [("__RequestVerificationToken", token), ("Data.Name", "x"), ("Data.LifetimeDays", "30")]))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = _app.NewDbContext();
        (await db.ApiTokens.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("coord")]
    [InlineData("admin")]
    public async Task Should_offer_the_token_page_to_administrators_and_coordinators(string user)
    {
        await TestWorld.SeedAsync(_app);
        var client = await TestClient.LoginAsync(_app, user);
        (await client.GetAsync("/")).Document.QuerySelector("#menu-tokens").ShouldNotBeNull();
        (await client.GetAsync("/Account/Tokens")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_offer_the_token_page_to_a_clerk_who_already_holds_a_token_so_it_can_be_revoked()
    {
        await TestWorld.SeedAsync(_app);
        await using (var db = _app.NewDbContext())
        {
            var id = await db.Users.Where(u => u.UserName == "userA").Select(u => u.Id).SingleAsync();
            await ApiTokens.CreateAsync(db, id, "userA", "máy tổng hợp", 30, DateTime.UtcNow);
        }
        var clerk = await TestClient.LoginAsync(_app, "userA");
        (await clerk.GetAsync("/")).Document.QuerySelector("#menu-tokens").ShouldNotBeNull();
        var page = await clerk.GetAsync("/Account/Tokens");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.AllText.ShouldContain("máy tổng hợp");
    }

    [Theory]
    [InlineData("userA")]
    [InlineData("headA")]
    public async Task Should_show_a_units_clerk_and_head_no_technical_words(string user)
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentA, submit: false);
        var client = await TestClient.LoginAsync(_app, user);
        var home = await client.GetAsync("/");
        var urls = home.Document.QuerySelectorAll("nav a[href^='/'], header a[href^='/'], a[id^='menu-']")
            .Select(a => a.GetAttribute("href")!).Where(h => !h.Contains("Logout", StringComparison.OrdinalIgnoreCase))
            .Concat(["/", $"/Evaluations/Edit/{w.AssessmentA}", $"/Evaluations/View/{w.AssessmentA}", $"/Evaluations/Evidence/{w.AssessmentA}", "/Account/ChangePassword"])
            .Distinct().ToList();
        urls.Count.ShouldBeGreaterThan(4);
        foreach (var url in urls)
        {
            var page = await client.GetAsync(url);
            if (page.Status != HttpStatusCode.OK) continue;
            var visible = page.AllText + " " + string.Join(" ", page.Document.QuerySelectorAll("[title],[aria-label],[placeholder]")
                .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("placeholder") }));
            Technical().Matches(visible).Select(m => m.Value).ShouldBeEmpty($"{url} shows a technical word to {user}");
        }
    }

    [GeneratedRegex(@"\b(Markdown|JSON|API)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Technical();
}

[Collection<SqliteWeb>]
public sealed class SqlitePlainWordsTests(SqliteWebApp app) : PlainWordsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresPlainWordsTests(PostgresWebApp app) : PlainWordsTests(app);
