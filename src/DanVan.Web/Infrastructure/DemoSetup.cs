using DanVan.Accounts;
using DanVan.Data;
using DanVan.Demo;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>The demo province (from the core's <see cref="DemoData"/>) and one account per role, created once (--demo).</summary>
/// <remarks>The accounts and their password are listed in README.md; they are for trying the system, never for production.</remarks>
public static class DemoSetup
{
    /// <summary>Password of every demo account.</summary>
    public const string Password = "DanVan@2026";

    /// <summary>One demo account: its role and where it is held ("agency" is the demo agency chosen below).</summary>
    public sealed record DemoAccount(string UserName, string FullName, Role Role, string? Scope);

    /// <summary>The demo accounts, one per role.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "Quản trị hệ thống", Role.Administrator, null),
        new("snv.tonghop", "Cán bộ tổng hợp Sở Nội vụ", Role.Coordinator, DemoData.ProvinceCode),
        new("donghoi.tonghop", "Cán bộ tổng hợp phòng Nội vụ thành phố Đồng Hới", Role.Coordinator, DistrictCode),
        new("canbo.donvi", "Cán bộ đơn vị", Role.UnitUser, AgencyScope),
        new("thutruong.donvi", "Thủ trưởng đơn vị", Role.UnitHead, AgencyScope),
        new("kiemtra", "Thành viên đoàn kiểm tra", Role.Inspector, DemoData.ProvinceCode),
        new("lanhdao", "Lãnh đạo Ban Dân vận Tỉnh ủy", Role.Viewer, DemoData.ProvinceCode),
        new("tiepdan", "Cán bộ Ban Tiếp công dân tỉnh", Role.RegistryClerk, DemoData.ProvinceCode),
    ];

    /// <summary>The district of the district coordinator (thành phố Đồng Hới).</summary>
    public const string DistrictCode = DanVan.Demo.DemoData.DemoDistrictCode;

    /// <summary>Stands for the demo agency of the unit user and the unit head.</summary>
    public const string AgencyScope = "agency";

    /// <summary>The preferred demo agency (Văn phòng UBND tỉnh, a draft in 2024); another agency whose latest assessment is still open is taken if it is not.</summary>
    public const string PreferredAgencyCode = DemoRegistries.DemoAgencyCode;

    /// <summary>Seeds the demo province when the database holds no units, then makes sure the demo accounts exist.</summary>
    public static async Task SeedOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<DanVanDbContext>();
        if (!await db.Units.AnyAsync(ct))
        {
            logger.LogInformation("Creating the demo province");
            var progress = new Progress<string>(line => logger.LogInformation("{Line}", line));
            await DemoData.SeedAsync(db, new DemoOptions(), progress, ct);
            db.ChangeTracker.Clear();
        }
        else if (!await db.Units.AnyAsync(u => u.Code == DemoData.ProvinceCode, ct))
        {
            logger.LogWarning("The database already holds other units; the demo province is not created");
            return;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var agency = await DemoAgencyAsync(db, ct);
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            int? scope = account.Scope switch
            {
                null => null,
                AgencyScope => agency,
                var code => await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct),
            };
            if (account.Scope is not null && scope is null)
            {
                logger.LogWarning("Demo account {User} skipped: unit {Unit} not found", account.UserName, account.Scope);
                continue;
            }

            var user = new AppUser { UserName = account.UserName, FullName = account.FullName, LockoutEnabled = true };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException($"demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = account.Role, ScopeUnitId = scope });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Demo account {User} ({Role})", account.UserName, account.Role);
        }
    }

    /// <summary>The agency of the unit accounts: Văn phòng UBND tỉnh when its latest assessment is still open to the unit, else the first agency whose is.</summary>
    private static async Task<int?> DemoAgencyAsync(DanVanDbContext db, CancellationToken ct)
    {
        var latest = await db.Periods.OrderByDescending(p => p.Year).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var open = await db.Assessments
            .Where(a => a.PeriodId == latest && a.Unit!.Kind == OrgUnitKind.ProvincialAgency
                && (a.Status == AssessmentStatus.NotStarted || a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.Returned))
            .Select(a => new { a.UnitId, a.Unit!.Code }).ToListAsync(ct);
        var preferred = await db.Units.Where(u => u.Code == PreferredAgencyCode).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (open.Count == 0 || open.Any(o => o.Code == PreferredAgencyCode)) return preferred;
        return open.OrderBy(o => o.Code, StringComparer.Ordinal).First().UnitId;
    }
}
