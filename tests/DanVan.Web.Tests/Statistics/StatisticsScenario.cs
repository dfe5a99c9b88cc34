using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Statistics;

/// <summary>
/// Thanh Hóa with two districts: Nga Sơn (two communes) and Hậu Lộc (one commune); a provincial coordinator, Nga Sơn's
/// officer and head, a commune officer and Hậu Lộc's officer, each with a personal access token. The clock stands at
/// 10/12/2018, inside the 2018 annual window.
/// </summary>
public sealed class StatisticsScenario
{
    public const string Coordinator = "snv.tonghop";
    public const string NgaSon = "ngason.canbo";
    public const string NgaSonHead = "ngason.thutruong";
    public const string Commune = "ngathai.canbo";
    public const string CommuneHead = "ngathai.chutich";
    public const string HauLoc = "hauloc.canbo";

    /// <summary>The appendix of reference 001 as shipped.</summary>
    public static string AppendixJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "thanh-hoa-dvcq-phu-luc-2018.json"));

    /// <summary>10/12/2018 10:00 in Hà Nội: before the communes' deadline (14/12) and the districts' (19/12).</summary>
    public static readonly DateTimeOffset Now = new(2018, 12, 10, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _tokens = [];

    private StatisticsScenario(WebAppFactory app) => App = app;

    public WebAppFactory App { get; }
    public int Province { get; private set; }
    public int NgaSonId { get; private set; }
    public int NgaThai { get; private set; }
    public int NgaLien { get; private set; }
    public int HauLocId { get; private set; }

    /// <summary>A client authenticated by the user's token.</summary>
    public HttpClient As(string user)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    public static async Task<StatisticsScenario> SeedAsync(WebAppFactory app)
    {
        app.Clock.Freeze(Now);
        var s = new StatisticsScenario(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var province = new OrgUnit { Code = "38", Name = "UBND tỉnh Thanh Hóa", Kind = OrgUnitKind.Province };
        var ngaSon = new OrgUnit { Code = "38.NS", Name = "UBND huyện Nga Sơn", Kind = OrgUnitKind.District, Parent = province };
        var ngaThai = new OrgUnit { Code = "38.NS.01", Name = "UBND xã Nga Thái", Kind = OrgUnitKind.Commune, Parent = ngaSon };
        var ngaLien = new OrgUnit { Code = "38.NS.02", Name = "UBND xã Nga Liên", Kind = OrgUnitKind.Commune, Parent = ngaSon };
        var hauLoc = new OrgUnit { Code = "38.HL", Name = "UBND huyện Hậu Lộc", Kind = OrgUnitKind.District, Parent = province };
        var hoaLoc = new OrgUnit { Code = "38.HL.01", Name = "UBND xã Hòa Lộc", Kind = OrgUnitKind.Commune, Parent = hauLoc };
        db.Units.AddRange(province, ngaSon, ngaThai, ngaLien, hauLoc, hoaLoc);
        await db.SaveChangesAsync();
        (s.Province, s.NgaSonId, s.NgaThai, s.NgaLien, s.HauLocId) = (province.Id, ngaSon.Id, ngaThai.Id, ngaLien.Id, hauLoc.Id);

        (string Name, Role Role, int Unit)[] accounts =
        [
            (Coordinator, Role.Coordinator, province.Id),
            (NgaSon, Role.UnitUser, ngaSon.Id),
            (NgaSonHead, Role.UnitHead, ngaSon.Id),
            (Commune, Role.UnitUser, ngaThai.Id),
            (CommuneHead, Role.UnitHead, ngaThai.Id),
            (HauLoc, Role.UnitUser, hauLoc.Id),
        ];
        foreach (var (name, role, unit) in accounts)
        {
            var user = new AppUser { UserName = name, FullName = $"Người dùng {name}" };
            var created = await users.CreateAsync(user);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            var (token, plain) = ApiToken.Create(user.Id, "seed", DateTime.UtcNow, TimeSpan.FromDays(30));
            db.ApiTokens.Add(token);
            s._tokens[name] = plain;
        }
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>Imports the appendix and opens its 2018 period for Nga Sơn (communes and the district owe it); returns the period id.</summary>
    public async Task<int> OpenNgaSon2018Async()
    {
        var coordinator = As(Coordinator);
        (await coordinator.PostAsync("/api/v1/forms", new StringContent(AppendixJson, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var opened = await coordinator.PostAsJsonAsync("/api/v1/form-periods", new
        {
            formCode = "thanh-hoa-dvcq-phu-luc", year = 2018, scopeUnitId = NgaSonId, opensOn = "2018-11-01",
        });
        var text = await opened.Content.ReadAsStringAsync();
        ((int)opened.StatusCode).ShouldBe(201, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<int>();
    }

    /// <summary>The id of a unit's report in a period, read through the API.</summary>
    public async Task<int> ReportIdAsync(int periodId, int unitId)
    {
        var list = JsonNode.Parse(await (await As(Coordinator).GetAsync($"/api/v1/form-periods/{periodId}/reports")).Content.ReadAsStringAsync())!.AsArray();
        return list.Single(r => r!["unit"]!["id"]!.GetValue<int>() == unitId)!["id"]!.GetValue<int>();
    }
}
