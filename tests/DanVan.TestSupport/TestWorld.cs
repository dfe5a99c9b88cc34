using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace DanVan.TestSupport;

/// <summary>
/// A minimal province seeded straight through the DbContext: a province, two agencies (A, B), a district with one
/// commune, two groups, a small criteria set with every scoring method, one account per role, and optionally an open period.
/// The web tests and the browser tests share it.
/// </summary>
public sealed class TestWorld
{
    /// <summary>Password of every test account.</summary>
    public const string Password = "Matkhau@2026";

    /// <summary>Unit ids.</summary>
    public int Province { get; private set; }

    /// <summary>Agency A (its unit user and head are userA, headA).</summary>
    public int AgencyA { get; private set; }

    /// <summary>Agency B (its unit user and head are userB, headB).</summary>
    public int AgencyB { get; private set; }

    /// <summary>District.</summary>
    public int District { get; private set; }

    /// <summary>Commune under the district.</summary>
    public int Commune { get; private set; }

    /// <summary>Group of the agencies.</summary>
    public int AgencyGroup { get; private set; }

    /// <summary>Group of the communes.</summary>
    public int CommuneGroup { get; private set; }

    /// <summary>The stored criteria set.</summary>
    public int CriteriaSetId { get; private set; }

    /// <summary>The open period, when one was opened.</summary>
    public int PeriodId { get; private set; }

    /// <summary>Assessment ids by unit id, when a period was opened.</summary>
    public Dictionary<int, int> Assessments { get; } = [];

    /// <summary>Assessment of agency A.</summary>
    public int AssessmentA => Assessments[AgencyA];

    /// <summary>Assessment of agency B.</summary>
    public int AssessmentB => Assessments[AgencyB];

    /// <summary>The criteria set: 1 points (40, step 0,5); 2 = 2.1 levels (20) + 2.2 checklist (10) + 2.3 ratio (10); 3 points (20, may not apply); bonus B1; deduction T1 (count).</summary>
    public static CriteriaSet Set() => new()
    {
        Id = "test-set",
        Name = "Bộ tiêu chí thử nghiệm",
        Decision = new DocumentRef { Number = "01/QĐ-UBND", Date = new DateOnly(2024, 1, 15) },
        AppliesTo = ["so-ban-nganh", "cap-xa"],
        MaxPoints = 100,
        Criteria =
        [
            new() { Id = "1", Name = "Lãnh đạo, chỉ đạo công tác dân vận", MaxPoints = 40, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } },
            new()
            {
                Id = "2", Name = "Tiếp công dân, đối thoại", MaxPoints = 40,
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
                        Id = "2.2", Name = "Công khai quy chế", MaxPoints = 10,
                        Method = new() { Type = ScoringMethodType.Checklist, Items = [new() { Id = "a", Label = "Ban hành quy chế", Points = 6 }, new() { Id = "b", Label = "Niêm yết công khai", Points = 4 }] },
                    },
                    new() { Id = "2.3", Name = "Tỷ lệ đơn thư được giải quyết", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Ratio, Target = 100, Unit = "%" } },
                ],
            },
            new() { Id = "3", Name = "Cải cách hành chính", MaxPoints = 20, MayNotApply = true, Method = new() { Type = ScoringMethodType.Points, Step = 1 } },
        ],
        Bonus = [new() { Id = "B1", Name = "Mô hình Dân vận khéo", MaxPoints = 5, Method = new() { Type = ScoringMethodType.Points, Step = 1 } }],
        BonusCap = 5,
        Deductions = [new() { Id = "T1", Name = "Đơn thư vượt cấp", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Count, PointsEach = 2 } }],
        DeductionCap = 10,
        Flags = [new() { Code = "ky-luat", Label = "Tập thể lãnh đạo bị kỷ luật trong năm" }],
        Classification = new()
        {
            Bands =
            [
                new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
                new() { Code = "HTT", Label = "Hoàn thành tốt", Min = 75 },
                new() { Code = "HT", Label = "Hoàn thành", Min = 50 },
                new() { Code = "KHT", Label = "Không hoàn thành", Min = 0 },
            ],
            Rules =
            [
                new() { Type = RuleType.NotSubmitted, SetTo = "KHT" },
                new() { Type = RuleType.Flag, Flag = "ky-luat", SetTo = "KHT", Description = "Tập thể lãnh đạo bị kỷ luật thì xếp loại Không hoàn thành" },
            ],
        },
    };

    /// <summary>The stored 001 appendix form, when <see cref="OpenStatisticsAsync"/> ran.</summary>
    public int FormId { get; private set; }

    /// <summary>The form's period opened for the province, when <see cref="OpenStatisticsAsync"/> ran.</summary>
    public int FormPeriodId { get; private set; }

    /// <summary>Form report ids by unit id, when <see cref="OpenStatisticsAsync"/> ran.</summary>
    public Dictionary<int, int> FormReports { get; } = [];

    /// <summary>The accounts <see cref="OpenStatisticsAsync"/> adds: the commune's head and the district's own user and head.</summary>
    public IReadOnlyList<(string User, string FullName, Role Role, int Unit)> StatisticsAccounts => [
        ("headC", "Lương Văn Tâm", Role.UnitHead, Commune),
        ("userH", "Trịnh Thị Mai", Role.UnitUser, District),
        ("headH", "Mai Xuân Thành", Role.UnitHead, District),
    ];

    /// <summary>
    /// Imports samples/forms/thanh-hoa-dvcq-phu-luc-2018.json and opens its period of this year for the province (opened
    /// yesterday, late accepted): every unit gets a report. Adds headC, userH and headH (see <see cref="StatisticsAccounts"/>).
    /// </summary>
    public async Task OpenStatisticsAsync(WebAppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            foreach (var (name, fullName, role, unit) in StatisticsAccounts)
            {
                var user = new AppUser { UserName = name, FullName = fullName, LockoutEnabled = true };
                var result = await users.CreateAsync(user, Password);
                result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            }
            await db.SaveChangesAsync();
        }
        await using var context = app.NewDbContext();
        var now = DateTime.UtcNow;
        var form = await FormLibrary.ImportAsync(context, await File.ReadAllTextAsync(FormSamplePath), "thanh-hoa-dvcq-phu-luc-2018.json", "test", now);
        var today = DateOnly.FromDateTime(now);
        var period = await FormPeriods.OpenAsync(context, new OpenFormPeriodRequest(form.Id, today.Year, 1, Province, today.AddDays(-1)), "test", now);
        (FormId, FormPeriodId) = (form.Id, period.Id);
        foreach (var r in await context.FormReports.Where(x => x.PeriodId == period.Id).ToListAsync()) FormReports[r.UnitId] = r.Id;
    }

    /// <summary>samples/forms/thanh-hoa-dvcq-phu-luc-2018.json, found from the test's folder up to the repository.</summary>
    public static string FormSamplePath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "samples", "forms", "thanh-hoa-dvcq-phu-luc-2018.json");
                if (File.Exists(path)) return path;
            }
            throw new FileNotFoundException("samples/forms/thanh-hoa-dvcq-phu-luc-2018.json not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Accounts: user name → (role, unit).</summary>
    public IReadOnlyList<(string User, Role Role, int? Unit)> Accounts => [
        ("admin", Role.Administrator, null),
        ("coord", Role.Coordinator, Province),
        ("dcoord", Role.Coordinator, District),
        ("userA", Role.UnitUser, AgencyA),
        ("headA", Role.UnitHead, AgencyA),
        ("userB", Role.UnitUser, AgencyB),
        ("headB", Role.UnitHead, AgencyB),
        ("userC", Role.UnitUser, Commune),
        ("inspector", Role.Inspector, Province),
        ("viewer", Role.Viewer, Province),
    ];

    /// <summary>The full name of each account (what a screenshot shows).</summary>
    public static readonly IReadOnlyDictionary<string, string> FullNames = new Dictionary<string, string>
    {
        ["admin"] = "Quản trị hệ thống",
        ["coord"] = "Trần Thị Thu Hà",
        ["dcoord"] = "Hoàng Văn Lợi",
        ["userA"] = "Nguyễn Thị Hồng Nhung",
        ["headA"] = "Phạm Quốc Việt",
        ["userB"] = "Đặng Minh Khôi",
        ["headB"] = "Võ Thị Ánh Tuyết",
        ["userC"] = "Bùi Thị Hương",
        ["inspector"] = "Ngô Đức Thắng",
        ["viewer"] = "Lê Văn Đức",
    };

    /// <summary>Seeds units, groups, the set and the accounts; opens a period unless told not to.</summary>
    public static async Task<TestWorld> SeedAsync(WebAppFactory app, bool openPeriod = true, DateOnly? deadline = null, bool acceptLate = true)
    {
        _ = app.Services; // starts the host (in memory or on Kestrel), which migrates the database
        var w = new TestWorld();
        await using (var db = app.NewDbContext())
        {
            var agencies = new UnitGroup { Code = "so-ban-nganh", Name = "Sở, ban, ngành", SortOrder = 1 };
            var communes = new UnitGroup { Code = "cap-xa", Name = "Cấp xã", SortOrder = 2 };
            var province = new OrgUnit { Code = "T01", Name = "Tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
            var a = new OrgUnit { Code = "SO-A", Name = "Sở Nội vụ", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
            var b = new OrgUnit { Code = "SO-B", Name = "Sở Tư pháp", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
            var district = new OrgUnit { Code = "H01", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = province };
            var commune = new OrgUnit { Code = "X01", Name = "UBND xã Kiến Giang", Kind = OrgUnitKind.Commune, Parent = district };
            a.Groups.Add(agencies);
            b.Groups.Add(agencies);
            commune.Groups.Add(communes);
            db.AddRange(province, a, b, district, commune);
            await db.SaveChangesAsync();
            (w.Province, w.AgencyA, w.AgencyB, w.District, w.Commune) = (province.Id, a.Id, b.Id, district.Id, commune.Id);
            (w.AgencyGroup, w.CommuneGroup) = (agencies.Id, communes.Id);

            var (stored, _) = await CriteriaSetStore.ImportAsync(db, Set());
            w.CriteriaSetId = stored.Id;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            foreach (var (name, role, unit) in w.Accounts)
            {
                var user = new AppUser { UserName = name, FullName = FullNames[name], LockoutEnabled = true };
                var result = await users.CreateAsync(user, Password);
                result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = unit });
            }
            await db.SaveChangesAsync();
        }

        if (openPeriod) await w.OpenPeriodAsync(app, deadline ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), acceptLate);
        return w;
    }

    /// <summary>Fills an assessment through the core (fast arrangement), has the head confirm it and the unit submit it.</summary>
    /// <remarks>userA and headA act for every unit (tests count the arrangement's audit lines by them).</remarks>
    public async Task SubmitAsync(WebAppFactory app, int assessmentId, bool submit = true, params EntryInput[] entries)
    {
        await using var db = app.NewDbContext();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == assessmentId);
        var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
        var at = DateTime.UtcNow;
        const string user = "userA", head = "headA";
        foreach (var e in entries.Length > 0 ? entries : DefaultEntries()) AssessmentEntries.Set(db, a, set, e, user, at);
        if (submit)
        {
            AssessmentWorkflow.Confirm(db, a, head, at);
            AssessmentWorkflow.Submit(db, a, a.Period!, set, user, at);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A full self-assessment worth 85,5 (Hoàn thành tốt): 35,5 + 20 + 6 + 9 + 15, bonus 2, deduction 2.</summary>
    public static EntryInput[] DefaultEntries() =>
    [
        new() { CriterionId = "1", Points = 35.5m, Note = "Ban hành Kế hoạch số 12/KH-SNV" },
        new() { CriterionId = "2.1", Level = "A" },
        new() { CriterionId = "2.2", Checked = ["a"] },
        new() { CriterionId = "2.3", Achieved = 90 },
        new() { CriterionId = "3", Points = 15 },
        new() { CriterionId = "B1", Points = 2 },
        new() { CriterionId = "T1", Count = 1 },
    ];

    /// <summary>Opens the 2024 period for both groups.</summary>
    public async Task OpenPeriodAsync(WebAppFactory app, DateOnly deadline, bool acceptLate)
    {
        await using var db = app.NewDbContext();
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2024, "Đánh giá năm 2024", Province,
            deadline.AddDays(-30), deadline, acceptLate,
            [new PeriodGroupChoice(AgencyGroup, CriteriaSetId), new PeriodGroupChoice(CommuneGroup, CriteriaSetId)]), "test");
        PeriodId = period.Id;
        foreach (var a in await db.Assessments.Where(x => x.PeriodId == period.Id).ToListAsync())
            Assessments[a.UnitId] = a.Id;
    }
}
