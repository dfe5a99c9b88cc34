using System.Net.Http.Headers;
using System.Text;
using DanVan.Accounts;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Registries;

/// <summary>Quảng Bình as report 000 counts it: 22 provincial agencies (khối sở, ban, ngành) and 8 districts (khối huyện), two communes
/// under each district; a coordinator of the province, a unit user of Sở Nội vụ and of Lệ Thủy, an inspector of the province.</summary>
public sealed class WorkScenario
{
    public const string Coordinator = "snv.tonghop";
    public const string Agency = "snv.canbo";
    public const string District = "lethuy.canbo";
    public const string Inspector = "thanhtra";

    /// <summary>The province's short names in its order (codes 44.01 …): the first sixteen as 000 names them.</summary>
    public static readonly string[] Agencies =
    [
        "Ban Dân tộc", "Sở KH&ĐT", "Sở GTVT", "Sở LĐTBXH", "Sở Nông nghiệp và PTNT", "Sở Nội vụ", "Sở Ngoại vụ", "Sở Tài chính", "Sở Tư pháp",
        "Sở TNMT", "Sở VHTT", "Sở Xây dựng", "Sở Y tế", "Thanh tra tỉnh", "VP UBND tỉnh", "Ban QLKKT tỉnh",
        "Sở Công Thương", "Sở TTTT", "Sở Du lịch", "Sở KHCN", "Sở GDĐT", "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    ];

    /// <summary>Districts in the province's order (codes 44.H1 …), as units name them in sentences; Đồng Hới as 000 writes it in 2018.</summary>
    public static readonly string[] Districts =
        ["huyện Lệ Thủy", "huyện Quảng Ninh", "Đồng Hới", "huyện Bố Trạch", "huyện Quảng Trạch", "thị xã Ba Đồn", "huyện Minh Hóa", "huyện Tuyên Hóa"];

    public static readonly DateTimeOffset Now = new(2020, 3, 2, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _tokens = [];

    private WorkScenario(WebAppFactory app) => App = app;

    public WebAppFactory App { get; }

    public int Province { get; private set; }

    public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Agency codes by short name, district codes by name.</summary>
    public Dictionary<string, string> Codes { get; } = new(StringComparer.Ordinal);

    public List<string> Communes { get; } = [];

    public HttpClient As(string user)
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    public static ByteArrayContent Csv(string text) => new(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    public static async Task<WorkScenario> SeedAsync(WebAppFactory app)
    {
        app.Clock.Freeze(Now);
        var s = new WorkScenario(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var agencies = new UnitGroup { Code = "so-nganh", Name = "Sở, ban, ngành cấp tỉnh", SortOrder = 1 };
        var districts = new UnitGroup { Code = "cap-huyen", Name = "UBND cấp huyện", SortOrder = 2 };
        var communes = new UnitGroup { Code = "cap-xa", Name = "UBND cấp xã", SortOrder = 3 };
        var province = new OrgUnit { Code = "44", Name = "UBND tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        db.Units.Add(province);
        var units = new List<OrgUnit>();
        for (var i = 0; i < Agencies.Length; i++)
        {
            var u = new OrgUnit { Code = $"44.{i + 1:00}", Name = Agencies[i], ShortName = Agencies[i], Kind = OrgUnitKind.ProvincialAgency, Parent = province };
            u.Groups.Add(agencies);
            units.Add(u);
            s.Codes[Agencies[i]] = u.Code;
        }
        for (var i = 0; i < Districts.Length; i++)
        {
            var d = new OrgUnit { Code = $"44.H{i + 1}", Name = "UBND " + Districts[i], ShortName = Districts[i], Kind = OrgUnitKind.District, Parent = province };
            d.Groups.Add(districts);
            units.Add(d);
            s.Codes[Districts[i]] = d.Code;
            for (var j = 1; j <= 2; j++)
            {
                var c = new OrgUnit { Code = $"44.H{i + 1}.{j:00}", Name = $"UBND xã {j} của {Districts[i]}", Kind = OrgUnitKind.Commune, Parent = d };
                c.Groups.Add(communes);
                units.Add(c);
                s.Communes.Add(c.Code);
            }
        }
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        s.Province = province.Id;
        foreach (var u in units.Append(province)) s.Ids[u.Code] = u.Id;

        (string Name, Role Role, int Unit)[] accounts =
        [
            (Coordinator, Role.Coordinator, province.Id),
            (Agency, Role.UnitUser, s.Ids["44.06"]),
            (District, Role.UnitUser, s.Ids["44.H1"]),
            (Inspector, Role.Inspector, province.Id),
        ];
        foreach (var (name, role, unit) in accounts)
        {
            var user = new AppUser { UserName = name, FullName = $"Người dùng {name}" };
            (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            var (token, plain) = ApiToken.Create(user.Id, "seed", DateTime.UtcNow, TimeSpan.FromDays(30));
            db.ApiTokens.Add(token);
            s._tokens[name] = plain;
        }
        await db.SaveChangesAsync();
        return s;
    }
}
