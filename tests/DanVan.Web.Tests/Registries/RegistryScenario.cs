using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Registries;

/// <summary>
/// Quảng Bình (the province's citizen reception office keeps the log at the province unit) with Lệ Thủy and Đồng Hới, and
/// Hà Tĩnh beside it; registry clerks of the province and of Lệ Thủy, a unit officer of each district, a leader (viewer),
/// the province's coordinator (no registry role) and Hà Tĩnh's coordinator, each with a token. The clock stands at 28/12/2022.
/// </summary>
public sealed class RegistryScenario
{
    public const string ProvinceClerk = "tiepdan.tinh";
    public const string LeThuyClerk = "tiepdan.lethuy";
    public const string LeThuyOfficer = "lethuy.canbo";
    public const string DongHoiOfficer = "donghoi.canbo";
    public const string Leader = "lanhdao";
    public const string Coordinator = "snv";
    public const string OtherProvince = "hatinh.snv";

    public static readonly DateTimeOffset Now = new(2022, 12, 28, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _tokens = [];

    private RegistryScenario(WebAppFactory app) => App = app;

    public WebAppFactory App { get; }
    public int Province { get; private set; }
    public int LeThuy { get; private set; }
    public int DongHoi { get; private set; }
    public int HaTinh { get; private set; }

    /// <summary>A client authenticated by the user's token.</summary>
    public HttpClient As(string user)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    public static async Task<RegistryScenario> SeedAsync(WebAppFactory app)
    {
        app.Clock.Freeze(Now);
        var s = new RegistryScenario(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var province = new OrgUnit { Code = "44", Name = "UBND tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        var leThuy = new OrgUnit { Code = "44.LT", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = province };
        var dongHoi = new OrgUnit { Code = "44.DH", Name = "UBND thành phố Đồng Hới", Kind = OrgUnitKind.District, Parent = province };
        var haTinh = new OrgUnit { Code = "42", Name = "UBND tỉnh Hà Tĩnh", Kind = OrgUnitKind.Province };
        db.Units.AddRange(province, leThuy, dongHoi, haTinh);
        await db.SaveChangesAsync();
        (s.Province, s.LeThuy, s.DongHoi, s.HaTinh) = (province.Id, leThuy.Id, dongHoi.Id, haTinh.Id);
        (string Name, Role Role, int Unit)[] accounts =
        [
            (ProvinceClerk, Role.RegistryClerk, province.Id),
            (LeThuyClerk, Role.RegistryClerk, leThuy.Id),
            (LeThuyOfficer, Role.UnitUser, leThuy.Id),
            (DongHoiOfficer, Role.UnitUser, dongHoi.Id),
            (Leader, Role.Viewer, province.Id),
            (Coordinator, Role.Coordinator, province.Id),
            (OtherProvince, Role.Coordinator, haTinh.Id),
        ];
        foreach (var (name, role, unit) in accounts)
        {
            var user = new AppUser { UserName = name, FullName = $"Người dùng {name}" };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            var (token, plain) = ApiToken.Create(user.Id, "seed", DateTime.UtcNow, TimeSpan.FromDays(30));
            db.ApiTokens.Add(token);
            s._tokens[name] = plain;
        }
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>Posts a reception; returns the answer's body (status asserted).</summary>
    public async Task<JsonNode> RecordAsync(string user, object body, int expected = 201)
    {
        var response = await As(user).PostAsJsonAsync("/api/v1/receptions", body);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Uploads a CSV logbook through the API; returns the status and body.</summary>
    public async Task<(int Status, JsonNode Body)> ImportAsync(string user, string book, string csv)
    {
        using var content = new MultipartFormDataContent();
        var file = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        content.Add(file, "file", $"{book}.csv");
        var response = await As(user).PostAsync($"/api/v1/registries/import?book={book}", content);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
