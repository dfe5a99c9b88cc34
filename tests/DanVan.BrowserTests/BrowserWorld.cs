using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests;

/// <summary>
/// A small province seeded through the DbContext: three agencies and two communes in two groups, a criteria set with every
/// input kind the sheet shows, one account per role, and the 2024 period open for both groups.
/// </summary>
public sealed class BrowserWorld
{
    /// <summary>Password of every account.</summary>
    public const string Password = "Matkhau@2026";

    /// <summary>Assessment ids by unit code (SO-A, SO-B, SO-C, X01, X02).</summary>
    public Dictionary<string, int> Assessments { get; } = [];

    /// <summary>Accounts: user name, full name, role, unit code (null for none).</summary>
    public static readonly (string User, string FullName, Role Role, string? Unit)[] Accounts =
    [
        ("coord", "Trần Thị Thu Hà", Role.Coordinator, "T01"),
        ("viewer", "Lê Văn Đức", Role.Viewer, "T01"),
        ("userA", "Nguyễn Thị Hồng Nhung", Role.UnitUser, "SO-A"),
        ("headA", "Phạm Quốc Việt", Role.UnitHead, "SO-A"),
        ("userB", "Đặng Minh Khôi", Role.UnitUser, "SO-B"),
        ("headB", "Võ Thị Ánh Tuyết", Role.UnitHead, "SO-B"),
        ("userC", "Hoàng Văn Lợi", Role.UnitUser, "SO-C"),
        ("headC", "Bùi Thị Hương", Role.UnitHead, "SO-C"),
    ];

    /// <summary>The criteria set: 1 points (40, step 0,5); 2 = 2.1 levels (20) + 2.2 checklist (10) + 2.3 ratio (10); 3 points (20); bonus B1; deduction T1.</summary>
    public static CriteriaSet Set() => new()
    {
        Id = "bo-tieu-chi-thu",
        Name = "Bộ tiêu chí đánh giá công tác dân vận chính quyền",
        Decision = new DocumentRef { Number = "01/QĐ-UBND", Date = new DateOnly(2024, 1, 15) },
        AppliesTo = ["so-ban-nganh", "cap-xa"],
        MaxPoints = 100,
        Criteria =
        [
            new() { Id = "1", Name = "Lãnh đạo, chỉ đạo công tác dân vận", MaxPoints = 40, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } },
            new()
            {
                Id = "2", Name = "Tiếp công dân, đối thoại với Nhân dân", MaxPoints = 40,
                Children =
                [
                    new()
                    {
                        Id = "2.1", Name = "Thủ trưởng tiếp công dân định kỳ", MaxPoints = 20,
                        Method = new()
                        {
                            Type = ScoringMethodType.Levels,
                            Levels = [new() { Code = "A", Label = "Đầy đủ", Points = 20 }, new() { Code = "B", Label = "Chưa đầy đủ", Points = 10 }, new() { Code = "C", Label = "Không thực hiện", Points = 0 }],
                        },
                    },
                    new()
                    {
                        Id = "2.2", Name = "Công khai quy chế dân chủ", MaxPoints = 10,
                        Method = new() { Type = ScoringMethodType.Checklist, Items = [new() { Id = "a", Label = "Ban hành quy chế", Points = 6 }, new() { Id = "b", Label = "Niêm yết công khai", Points = 4 }] },
                    },
                    new() { Id = "2.3", Name = "Tỷ lệ đơn thư được giải quyết", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Ratio, Target = 100, Unit = "%" } },
                ],
            },
            new() { Id = "3", Name = "Cải cách hành chính", MaxPoints = 20, MayNotApply = true, Method = new() { Type = ScoringMethodType.Points, Step = 1 } },
        ],
        Bonus = [new() { Id = "B1", Name = "Mô hình “Dân vận khéo”", MaxPoints = 5, Method = new() { Type = ScoringMethodType.Points, Step = 1 } }],
        BonusCap = 5,
        Deductions = [new() { Id = "T1", Name = "Đơn thư vượt cấp", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Count, PointsEach = 2 } }],
        DeductionCap = 10,
        Classification = new()
        {
            Bands =
            [
                new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
                new() { Code = "HTT", Label = "Hoàn thành tốt", Min = 75 },
                new() { Code = "HT", Label = "Hoàn thành", Min = 50 },
                new() { Code = "KHT", Label = "Không hoàn thành", Min = 0 },
            ],
            Rules = [new() { Type = RuleType.NotSubmitted, SetTo = "KHT" }],
        },
    };

    /// <summary>A full self-assessment worth 85,5 (Hoàn thành tốt): 35,5 + 20 + 6 + 9 + 15, bonus 2, deduction 2.</summary>
    public static EntryInput[] FullEntries() =>
    [
        new() { CriterionId = "1", Points = 35.5m, Note = "Ban hành Kế hoạch số 12/KH-UBND ngày 10/01/2024" },
        new() { CriterionId = "2.1", Level = "A" },
        new() { CriterionId = "2.2", Checked = ["a"] },
        new() { CriterionId = "2.3", Achieved = 90 },
        new() { CriterionId = "3", Points = 15 },
        new() { CriterionId = "B1", Points = 2 },
        new() { CriterionId = "T1", Count = 1 },
    ];

    /// <summary>Seeds the world into the app's empty database.</summary>
    public static async Task<BrowserWorld> SeedAsync(BrowserApp app)
    {
        var w = new BrowserWorld();
        var units = new Dictionary<string, int>();
        int province, setId;
        List<UnitGroup> groups;
        await using (var db = app.NewDbContext())
        {
            var agencies = new UnitGroup { Code = "so-ban-nganh", Name = "Sở, ban, ngành", SortOrder = 1 };
            var communes = new UnitGroup { Code = "cap-xa", Name = "Cấp xã", SortOrder = 2 };
            var t = new OrgUnit { Code = "T01", Name = "Tỉnh Quảng Bình (thử nghiệm)", Kind = OrgUnitKind.Province };
            var district = new OrgUnit { Code = "H01", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = t };
            OrgUnit Agency(string code, string name) => new() { Code = code, Name = name, Kind = OrgUnitKind.ProvincialAgency, Parent = t, Groups = { agencies } };
            OrgUnit Commune(string code, string name) => new() { Code = code, Name = name, Kind = OrgUnitKind.Commune, Parent = district, Groups = { communes } };
            db.AddRange(t, district, Agency("SO-A", "Sở Nội vụ"), Agency("SO-B", "Sở Tư pháp"), Agency("SO-C", "Sở Y tế"),
                Commune("X01", "UBND xã Kiến Giang"), Commune("X02", "UBND xã Phong Thủy"));
            await db.SaveChangesAsync();
            foreach (var u in await db.Units.ToListAsync()) units[u.Code] = u.Id;
            province = t.Id;
            groups = [agencies, communes];
            setId = (await CriteriaSetStore.ImportAsync(db, Set())).Stored.Id;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            foreach (var (name, fullName, role, unit) in Accounts)
            {
                var user = new AppUser { UserName = name, FullName = fullName, LockoutEnabled = true };
                var result = await users.CreateAsync(user, Password);
                result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit is null ? null : units[unit] });
            }
            await db.SaveChangesAsync();
        }

        await using (var db = app.NewDbContext())
        {
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2024, "Đánh giá công tác dân vận chính quyền năm 2024", province,
                deadline.AddDays(-30), deadline, true, [.. groups.Select(g => new PeriodGroupChoice(g.Id, setId))]), "seed");
            var codes = units.ToDictionary(u => u.Value, u => u.Key);
            foreach (var a in await db.Assessments.Where(x => x.PeriodId == period.Id).ToListAsync())
                w.Assessments[codes[a.UnitId]] = a.Id;
        }
        return w;
    }

    /// <summary>Fills a unit's self-assessment through the core (arranging, not testing); optionally confirms and submits it.</summary>
    public async Task FillAsync(BrowserApp app, string unit, bool submit)
    {
        await using var db = app.NewDbContext();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == Assessments[unit]);
        var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
        var at = DateTime.UtcNow;
        string Holder(Role role) => Accounts.FirstOrDefault(x => x.Unit == unit && x.Role == role).User ?? "seed";
        foreach (var e in FullEntries()) AssessmentEntries.Set(db, a, set, e, Holder(Role.UnitUser), at);
        if (submit)
        {
            AssessmentWorkflow.Confirm(db, a, Holder(Role.UnitHead), at);
            AssessmentWorkflow.Submit(db, a, a.Period!, set, Holder(Role.UnitUser), at);
        }
        await db.SaveChangesAsync();
    }
}
