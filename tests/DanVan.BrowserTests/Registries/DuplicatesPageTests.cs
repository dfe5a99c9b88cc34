using Deque.AxeCore.Playwright;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Registries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests.Registries;

/// <summary>Confirming a suggested duplicate and undoing it in Chromium, with axe-core on the page before and after.</summary>
[Collection<BrowserCollection>]
public sealed class DuplicatesPageTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Should_confirm_a_duplicate_and_undo_it_with_no_serious_or_critical_violation()
    {
        await ArrangeAsync(App.World);
        await using var session = await App.SignInAsync("dupclerk");
        var page = session.Page;
        await page.GotoAsync("/Registries/Receptions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vụ việc trùng" }).ClickAsync();
        var pair = page.Locator("section.duplicate-pair");
        await Expect(pair).ToHaveCountAsync(1);
        await Expect(pair.Locator("[data-reason='idNumber']")).ToHaveTextAsync("Số CCCD: trùng khớp");
        await Expect(pair.Locator("[data-reason='phone']")).ToHaveTextAsync("Điện thoại: trùng khớp");
        var found = (await ViolationsAsync(page)).ToList();

        await pair.GetByRole(AriaRole.Button, new() { Name = "Gộp vào một vụ việc" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã gộp hai hồ sơ vào một vụ việc.");
        await Expect(page.Locator("section.duplicate-pair")).ToHaveCountAsync(0);
        await Expect(page.Locator("#decisions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#decisions tbody tr [data-merged]")).ToHaveTextAsync("Đã gộp");
        found.AddRange(await ViolationsAsync(page));
        await using (var db = App.NewDbContext())
            (await db.Receptions.Select(r => r.CaseId).Distinct().ToListAsync()).ShouldHaveSingleItem().ShouldNotBeNull();

        await page.Locator("#decisions [data-undo]").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã hoàn tác quyết định.");
        await Expect(page.Locator("section.duplicate-pair")).ToHaveCountAsync(1);
        await Expect(page.Locator("#no-decisions")).ToBeVisibleAsync();
        await using (var db = App.NewDbContext())
            (await db.Receptions.CountAsync(r => r.CaseId != null)).ShouldBe(0);
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private async Task ArrangeAsync(TestWorld w)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var clerk = new AppUser { UserName = "dupclerk", FullName = "Cán bộ tiếp dân tỉnh", LockoutEnabled = true };
        (await users.CreateAsync(clerk, TestWorld.Password)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment { UserId = clerk.Id, Role = Role.RegistryClerk, ScopeUnitId = w.Province });
        await db.SaveChangesAsync();

        var actor = new RegistryActor("userA", DateTime.UtcNow, TimeZoneInfo.Utc, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());
        var a = await db.Units.SingleAsync(u => u.Id == w.AgencyA);
        var province = await db.Units.SingleAsync(u => u.Id == w.Province);
        await ReceptionLog.RecordAsync(db, a, new ReceptionInput
        {
            ReceivedOn = Today.AddDays(-20), Kind = "regular", ReceivedByName = "Hồ Văn Tiếp",
            Visitors = [new CitizenInput("Nguyễn Văn An", "044190001234", "thôn Tân Hiệp, xã Tân Thủy, huyện Lệ Thủy", "0912345678")],
            Summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi", MatterKind = "reflection", Outcome = "explained",
        }, actor);
        await ReceptionLog.RecordAsync(db, province, new ReceptionInput
        {
            ReceivedOn = Today.AddDays(-2), Kind = "periodic", ReceivedByName = "Lãnh đạo tỉnh",
            Visitors = [new CitizenInput("An Nguyễn Văn", "044 190 001 234", "Thôn Tân Hiệp, X. Tân Thủy, H. Lệ Thủy", "+84 912 345 678")],
            Summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi lợn", MatterKind = "reflection", Outcome = "explained",
        }, actor);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
