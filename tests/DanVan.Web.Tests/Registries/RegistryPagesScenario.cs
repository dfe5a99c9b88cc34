using DanVan.Accounts;
using DanVan.Data;
using DanVan.Registries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Registries;

/// <summary>The test province with registry clerks (province, district) and records arranged through the core, as a unit would enter them.</summary>
public sealed class RegistryPagesScenario
{
    /// <summary>The citizen whose data the personal-data tests look for everywhere.</summary>
    public const string Name = "Nguyễn Văn Bình";

    /// <summary>His CCCD.</summary>
    public const string IdNumber = "038090001234";

    /// <summary>His phone.</summary>
    public const string Phone = "0912345678";

    /// <summary>His address (the street part never shows masked).</summary>
    public const string Address = "thôn Tân Phong, xã Kiến Giang, huyện Lệ Thủy";

    /// <summary>The part of the address masking hides.</summary>
    public const string Street = "thôn Tân Phong";

    private RegistryPagesScenario(WebAppFactory app, TestWorld world)
    {
        App = app;
        World = world;
    }

    /// <summary>The app.</summary>
    public WebAppFactory App { get; }

    /// <summary>The seeded province.</summary>
    public TestWorld World { get; }

    /// <summary>Today (UTC date; the province is 7 hours ahead, so a day earlier is always in the past there).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Seeds the province and adds "clerk" (registry clerk of the province) and "clerkH" (of the district).</summary>
    public static async Task<RegistryPagesScenario> SeedAsync(WebAppFactory app)
    {
        var w = await TestWorld.SeedAsync(app, openPeriod: false);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        foreach (var (name, unit) in new[] { ("clerk", w.Province), ("clerkH", w.District) })
        {
            var user = new AppUser { UserName = name, FullName = "Cán bộ tiếp dân " + name, LockoutEnabled = true };
            (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.RegistryClerk, ScopeUnitId = unit });
        }
        await db.SaveChangesAsync();
        return new RegistryPagesScenario(app, w);
    }

    /// <summary>The app's personal-data key.</summary>
    public PersonalDataProtector Protector => App.Services.GetRequiredService<PersonalDataProtector>();

    private RegistryActor Actor(string user = "userA") => new(user, DateTime.UtcNow, TimeZoneInfo.Utc, Protector);

    /// <summary>Records a reception for a unit (agency A by default) naming <see cref="Name"/>.</summary>
    public async Task<int> ReceptionAsync(int? unit = null, DateOnly? on = null, string kind = "periodic", int visitors = 1, int? caseId = null)
    {
        await using var db = App.NewDbContext();
        var u = await db.Units.SingleAsync(x => x.Id == (unit ?? World.AgencyA));
        var r = await ReceptionLog.RecordAsync(db, u, new ReceptionInput
        {
            ReceivedOn = on ?? Today.AddDays(-2), Kind = kind, ReceivedByName = "Phạm Quốc Việt", ReceivedByPosition = "Giám đốc Sở", ByHead = true,
            VisitorCount = visitors, Visitors = [new CitizenInput(Name, IdNumber, Address, Phone)], Summary = "Đề nghị xem xét bồi thường đất nông nghiệp",
            Field = "đất đai", MatterKind = "complaint", Outcome = "guided", CaseId = caseId,
        }, Actor());
        return r.Id;
    }

    /// <summary>Records a petition for agency A, accepted <paramref name="acceptedDaysAgo"/> days ago when given.</summary>
    public async Task<int> PetitionAsync(int? acceptedDaysAgo = null, DateOnly? received = null)
    {
        await using var db = App.NewDbContext();
        var u = await db.Units.SingleAsync(x => x.Id == World.AgencyA);
        var on = received ?? Today.AddDays(-(acceptedDaysAgo ?? 2) - 1);
        var p = await PetitionLog.RecordAsync(db, u, new PetitionInput
        {
            ReceivedOn = on, Channel = "post", Petitioners = [new CitizenInput(Name, IdNumber, Address, Phone)], MatterKind = "complaint",
            Summary = "Khiếu nại quyết định thu hồi đất", WithinCompetence = true,
            Handling = acceptedDaysAgo is null ? null : "accepted", AcceptedOn = acceptedDaysAgo is { } d ? Today.AddDays(-d) : null,
        }, Actor(), new TimeLimitTable());
        return p.Id;
    }
}
