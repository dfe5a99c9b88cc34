using Deque.AxeCore.Playwright;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Registries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests.Registries;

/// <summary>The citizen registries in Chromium: a reception with two visitors recorded through the form, and axe-core on every registry page.</summary>
[Collection<BrowserCollection>]
public sealed class ReceptionFormTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Should_record_a_reception_with_two_visitors_through_the_form_and_see_it_in_the_list()
    {
        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sổ tiếp dân, đơn thư" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi lượt tiếp mới" }).ClickAsync();
        await page.Locator("#f-ReceivedOn").FillAsync(Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Hình thức tiếp").SelectOptionAsync(new SelectOptionValue { Label = "Tiếp định kỳ" });
        await page.Locator("#f-ReceivedByName").FillAsync("Phạm Quốc Việt");
        await page.Locator("#f-Visitors-0-Name").FillAsync("Trần Thị Lan");
        await page.Locator("#f-Visitors-0-IdNumber").FillAsync("038190004321");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người đến" }).ClickAsync();
        await Expect(page.Locator("#f-Visitors-1-Name")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-Visitors-0-Name")).ToHaveValueAsync("Trần Thị Lan");
        await page.Locator("#f-Visitors-1-Name").FillAsync("Lê Văn Hùng");
        await page.GetByLabel("Loại vụ việc").SelectOptionAsync(new SelectOptionValue { Label = "Khiếu nại" });
        await page.GetByLabel("Kết quả tiếp").SelectOptionAsync(new SelectOptionValue { Label = "Hướng dẫn" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        // The summary is empty: the refusal lists both missing pieces at their fields and keeps the two visitors.
        await Expect(page.Locator("#refusals")).ToContainTextAsync("Nội dung");
        await Expect(page.Locator("#f-Visitors-1-Name")).ToHaveValueAsync("Lê Văn Hùng");
        await page.Locator("#refusals a[href='#f-Summary']").ClickAsync();
        await Expect(page.Locator("#f-Summary")).ToBeFocusedAsync();
        await page.Locator("#f-Summary").FillAsync("Khiếu nại việc bồi thường khi thu hồi đất");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã ghi lượt tiếp công dân.");
        await Expect(page.Locator("#visitor-count")).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại danh sách" }).ClickAsync();
        await Expect(page.Locator("#receptions tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#receptions tbody tr [data-names]")).ToHaveTextAsync("T. T. L.; L. V. H.");
        await BrowserApp.ScreenshotAsync(page, "registries-receptions-list", fullPage: true);

        await using var db = App.NewDbContext();
        (await db.Receptions.SingleAsync()).Citizens.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_have_no_serious_or_critical_violation_on_any_registry_page()
    {
        var w = App.World;
        var (reception, petition, dialogue, caseId) = await ArrangeAsync(w);
        var byUser = new Dictionary<string, string[]>
        {
            ["userA"] = ["/Registries/Receptions", "/Registries/Receptions/Edit", $"/Registries/Receptions/View/{reception}", $"/Registries/Receptions/Edit/{reception}",
                "/Registries/Petitions", "/Registries/Petitions/Edit", $"/Registries/Petitions/View/{petition}", $"/Registries/Petitions/Edit/{petition}",
                "/Registries/Dialogues", "/Registries/Dialogues/Edit", $"/Registries/Dialogues/View/{dialogue}", $"/Registries/Dialogues/Edit/{dialogue}",
                "/Registries/Cases", $"/Registries/Cases/View/{caseId}", "/Registries/Figures"],
            ["viewer"] = [$"/Registries/Receptions/View/{reception}", "/Registries/Petitions?overdue=true"],
            ["clerk"] = [$"/Registries/Cases/View/{caseId}", "/Registries/Settings"],
            ["coord"] = ["/Registries/Settings", $"/Registries/Figures?unit={w.Province}"],
        };
        var found = new List<string>();
        foreach (var (user, paths) in byUser)
        {
            await using var session = await App.SignInAsync(user);
            foreach (var path in paths) found.AddRange(await ViolationsAsync(session.Page, path));
        }
        // A refused form: errors at the fields and the summary at the top.
        await using (var session = await App.SignInAsync("userA"))
        {
            foreach (var (path, form) in new[] { ("/Registries/Receptions/Edit", "#reception-form"), ("/Registries/Petitions/Edit", "#petition-form"), ("/Registries/Dialogues/Edit", "#dialogue-form") })
            {
                await session.Page.GotoAsync(path);
                await session.Page.Locator($"{form} #save").ClickAsync();
                await Expect(session.Page.Locator("#refusals")).ToBeVisibleAsync();
                found.AddRange(await ViolationsAsync(session.Page, null));
            }
        }
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private async Task<(int Reception, int Petition, int Dialogue, int Case)> ArrangeAsync(TestWorld w)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var clerk = new AppUser { UserName = "clerk", FullName = "Cán bộ tiếp dân", LockoutEnabled = true };
        (await users.CreateAsync(clerk, TestWorld.Password)).Succeeded.ShouldBeTrue();
        db.RoleAssignments.Add(new RoleAssignment { UserId = clerk.Id, Role = Role.RegistryClerk, ScopeUnitId = w.Province });
        await db.SaveChangesAsync();

        var actor = new RegistryActor("userA", DateTime.UtcNow, TimeZoneInfo.Utc, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());
        var a = await db.Units.SingleAsync(u => u.Id == w.AgencyA);
        var b = await db.Units.SingleAsync(u => u.Id == w.AgencyB);
        ReceptionInput Reception(int n) => new()
        {
            ReceivedOn = Today.AddDays(-n), Kind = "periodic", ReceivedByName = "Phạm Quốc Việt", VisitorCount = 6,
            Visitors = [new CitizenInput("Nguyễn Văn Bình", "038090001234", "thôn Tân Phong, xã Kiến Giang", "0912345678")],
            Summary = "Đề nghị bồi thường đất nông nghiệp", Field = "đất đai", MatterKind = "complaint", Outcome = "guided",
        };
        var r1 = await ReceptionLog.RecordAsync(db, a, Reception(2), actor);
        var r2 = await ReceptionLog.RecordAsync(db, b, Reception(3), actor);
        var p = await PetitionLog.RecordAsync(db, a, new PetitionInput
        {
            ReceivedOn = Today.AddDays(-41), Channel = "post", Petitioners = [new CitizenInput("Nguyễn Văn Bình")], MatterKind = "complaint",
            Summary = "Khiếu nại quyết định thu hồi đất", WithinCompetence = true, Handling = "accepted", AcceptedOn = Today.AddDays(-40),
        }, actor, new TimeLimitTable());
        var d = await DanVan.Registries.Dialogues.RecordAsync(db, a, new DialogueInput
        {
            HeldOn = Today.AddDays(-5), ChairedBy = "Phạm Quốc Việt", ByHead = true, Participants = 40, Topics = "Giải phóng mặt bằng",
            FollowUps = [new FollowUpInput("Trả lời kiến nghị", "Văn phòng Sở", Today.AddDays(-1))],
        }, actor);
        var merged = await Cases.MergeAsync(db, r1, r2, 0.97, "clerk", DateTime.UtcNow);
        return (r1.Id, p.Id, d.Id, merged.CaseId!.Value);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            (response?.Status ?? 0).ShouldBeLessThan(400, $"{path} answered {response?.Status}");
        }
        var result = await page.RunAxe();
        var where = path ?? page.Url;
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{where}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
