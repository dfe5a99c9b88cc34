using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Api;

/// <summary>A small province seeded through the DbContext: province P with agencies A and B (group "so-nganh"),
/// district D with commune X (group "cap-xa"), one criteria set, a provincial period (A, B) and a district period (X),
/// and one account with a personal access token per role.</summary>
public sealed class ApiScenario
{
    public const string Admin = "quantri";
    public const string Coordinator = "snv.tonghop";
    public const string UnitA = "soa.canbo";
    public const string HeadA = "soa.thutruong";
    public const string UnitB = "sob.canbo";
    public const string Inspector = "doan.kiemtra";
    public const string Viewer = "bdv.lanhdao";
    public const string DistrictCoordinator = "huyen.tonghop";

    /// <summary>Password of every seeded account (for cookie sign-in).</summary>
    public const string Password = "Matkhau2025";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, string> _tokens = [];

    private ApiScenario(WebAppFactory app) => App = app;

    public WebAppFactory App { get; }
    public int ProvinceId { get; private set; }
    public int AgencyA { get; private set; }
    public int AgencyB { get; private set; }
    public int DistrictId { get; private set; }
    public int CommuneX { get; private set; }
    public int AgencyGroup { get; private set; }
    public int CommuneGroup { get; private set; }
    public int CriteriaSetId { get; private set; }
    public int PeriodId { get; private set; }
    public int DistrictPeriodId { get; private set; }
    public int AssessmentA { get; private set; }
    public int AssessmentB { get; private set; }
    public int AssessmentX { get; private set; }

    /// <summary>The plain token of a seeded user.</summary>
    public string TokenOf(string user) => _tokens[user];

    /// <summary>A client authenticated by the user's personal access token.</summary>
    public HttpClient As(string user)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => App.CreateClient(new() { AllowAutoRedirect = false });

    public static async Task<ApiScenario> SeedAsync(WebAppFactory app)
    {
        var s = new ApiScenario(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        var agencies = new UnitGroup { Code = "so-nganh", Name = "Khối sở, ban, ngành", SortOrder = 1 };
        var communes = new UnitGroup { Code = "cap-xa", Name = "Khối xã, phường", SortOrder = 2 };
        var province = new OrgUnit { Code = "99", Name = "UBND tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
        var a = new OrgUnit { Code = "99.SA", Name = "Sở A", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
        var b = new OrgUnit { Code = "99.SB", Name = "Sở B", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
        var district = new OrgUnit { Code = "99.D1", Name = "UBND huyện Một", Kind = OrgUnitKind.District, Parent = province };
        var commune = new OrgUnit { Code = "99.D1.X1", Name = "UBND xã Một", Kind = OrgUnitKind.Commune, Parent = district };
        a.Groups.Add(agencies);
        b.Groups.Add(agencies);
        commune.Groups.Add(communes);
        db.Units.AddRange(province, a, b, district, commune);
        await db.SaveChangesAsync();
        (s.ProvinceId, s.AgencyA, s.AgencyB, s.DistrictId, s.CommuneX) = (province.Id, a.Id, b.Id, district.Id, commune.Id);
        (s.AgencyGroup, s.CommuneGroup) = (agencies.Id, communes.Id);

        var read = CriteriaSetFile.Read(Path.Combine(AppContext.BaseDirectory, "Api", "criteria-set.json"));
        read.Refusals.ShouldBeEmpty();
        var (stored, _) = await CriteriaSetStore.ImportAsync(db, read.Set!);
        s.CriteriaSetId = stored.Id;

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(
            today.Year, "Đánh giá công tác dân vận chính quyền (thử)", province.Id, today.AddDays(-10), today.AddDays(30), true,
            [new PeriodGroupChoice(agencies.Id, stored.Id)]), "seed");
        var districtPeriod = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(
            today.Year, "Đánh giá cấp xã huyện Một (thử)", district.Id, today.AddDays(-10), today.AddDays(30), true,
            [new PeriodGroupChoice(communes.Id, stored.Id)]), "seed");
        s.PeriodId = period.Id;
        s.DistrictPeriodId = districtPeriod.Id;
        var assessments = await db.Assessments.AsNoTracking().ToListAsync();
        s.AssessmentA = assessments.Single(x => x.UnitId == a.Id).Id;
        s.AssessmentB = assessments.Single(x => x.UnitId == b.Id).Id;
        s.AssessmentX = assessments.Single(x => x.UnitId == commune.Id).Id;

        (string Name, Role Role, int? Unit)[] accounts =
        [
            (Admin, Role.Administrator, null),
            (Coordinator, Role.Coordinator, province.Id),
            (UnitA, Role.UnitUser, a.Id),
            (HeadA, Role.UnitHead, a.Id),
            (UnitB, Role.UnitUser, b.Id),
            (Inspector, Role.Inspector, province.Id),
            (Viewer, Role.Viewer, province.Id),
            (DistrictCoordinator, Role.Coordinator, district.Id),
        ];
        foreach (var (name, role, unit) in accounts)
        {
            var user = new AppUser { UserName = name, FullName = $"Người dùng {name}" };
            var created = await users.CreateAsync(user, Password);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            var (token, plain) = ApiToken.Create(user.Id, "seed", DateTime.UtcNow, TimeSpan.FromDays(30));
            db.ApiTokens.Add(token);
            s._tokens[name] = plain;
        }

        await db.SaveChangesAsync();
        return s;
    }
}

/// <summary>Reading answers in tests.</summary>
public static class Http
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode} {response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, ApiScenario.Json)!;
    }

    /// <summary>Checks the status and the problem+json shape; returns the problem.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["title"].ShouldNotBeNull();
        return problem;
    }

    /// <summary>The messages of a validation problem, by field or criterion.</summary>
    public static Dictionary<string, string[]> Errors(this JsonObject problem) =>
        problem["errors"].ShouldNotBeNull(problem.ToJsonString()).AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, ApiScenario.Json);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, ApiScenario.Json);
}

/// <summary>Every API test class: the collection's app on an emptied database, seeded with <see cref="ApiScenario"/> before each test.</summary>
public abstract class ApiTestBase(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;
    private ApiScenario? _scenario;

    protected ApiScenario S => _scenario!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await ApiScenario.SeedAsync(_app);
    }
}
