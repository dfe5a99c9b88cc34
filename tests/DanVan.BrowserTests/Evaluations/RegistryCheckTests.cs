using Deque.AxeCore.Playwright;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>
/// A criterion checked against the reception log, end to end: the unit sees the figure beside the criterion, over-scores
/// and is warned before it submits; the appraiser sees the contradiction; a count criterion takes its value from the log.
/// </summary>
[Collection<BrowserCollection>]
public sealed class RegistryCheckTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private const string Contradiction = "Tự chấm 20/20 nhưng sổ tiếp công dân ghi 3/12 buổi tiếp công dân định kỳ do người đứng đầu chủ trì.";

    [Fact]
    public async Task Should_show_the_figure_warn_the_unit_show_the_appraiser_and_take_the_count_from_the_log()
    {
        var id = await OpenLinkedPeriodAsync(periodicByHead: 3, delegations: 1);
        var violations = new List<string>();

        await using (var unit = await App.SignInAsync("userA"))
        {
            var page = unit.Page;
            await page.GotoAsync($"/Evaluations/Edit/{id}");
            await Expect(page.Locator("#figure-2-1")).ToHaveTextAsync("Theo sổ: 3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì (yêu cầu từ 12)");
            var deduction = Row(page, "Đơn thư vượt cấp");
            await Expect(deduction.Locator("#taken-T1")).ToContainTextAsync("Lấy từ sổ khi lưu: 1");
            await Expect(deduction.Locator("input[name$='.Count']")).ToHaveCountAsync(0); // not typed
            await Expect(page.Locator(".contradiction")).ToHaveCountAsync(0);

            // Full points on 2.1 although the log holds 3 of the 12 periodic receptions.
            await Row(page, "Thủ trưởng tiếp công dân định kỳ").GetByLabel("Mức đạt").SelectOptionAsync(new SelectOptionValue { Label = "A – Đầy đủ (20)" });
            await Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").GetByLabel("Điểm (tối đa 40)").FillAsync("30");
            await page.Locator("#save-draft").ClickAsync();

            await Expect(page.Locator("#contradiction-2-1")).ToHaveTextAsync(Contradiction);
            await Expect(deduction.Locator("#taken-T1")).ToContainTextAsync("Lấy từ sổ: 1");
            await Expect(deduction.Locator("[data-points-for='T1']")).ToHaveTextAsync("2");
            await Expect(page.Locator("#running-total")).ToHaveTextAsync("48");
            violations.AddRange(await ViolationsAsync(page));
            await BrowserApp.ScreenshotAsync(page, "registry-check-edit", fullPage: true);

            await page.Locator("#link-submit").ClickAsync();
            var warning = page.Locator("#contradiction-warning");
            await Expect(warning).ToContainTextAsync("Điểm tự chấm của 1 tiêu chí cao hơn số liệu trong sổ.");
            await Expect(warning.Locator("li")).ToHaveTextAsync("Tiêu chí 2.1: " + Contradiction);
            violations.AddRange(await ViolationsAsync(page));
            await BrowserApp.ScreenshotAsync(page, "registry-check-submit-warning");
        }

        // The head confirms and submits anyway: the warning does not block.
        await using (var head = await App.SignInAsync("headA"))
        {
            var page = head.Page;
            await page.GotoAsync($"/Evaluations/Submit/{id}");
            await Expect(page.Locator("#contradiction-warning")).ToBeVisibleAsync();
            await page.Locator("#confirm").ClickAsync();
            await page.Locator("#submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Evaluations/View/{id}$"));
            await Expect(page.Locator("#contradiction-2-1")).ToHaveTextAsync(Contradiction);
        }

        await using (var coordinator = await App.SignInAsync("coord"))
        {
            var page = coordinator.Page;
            await page.GotoAsync($"/Evaluations/Appraise/{id}");
            var summary = page.Locator("#contradictions");
            await Expect(summary).ToContainTextAsync("Điểm tự chấm của 1 tiêu chí chưa khớp với số liệu trong sổ; hãy xem xét khi thẩm định.");
            await Expect(summary.Locator("li")).ToHaveTextAsync("Tiêu chí 2.1: " + Contradiction);
            await Expect(page.Locator("#adj-2-1 #figure-2-1")).ToContainTextAsync("Theo sổ: 3 buổi");
            await Expect(page.Locator("#adj-T1 .self")).ToContainTextAsync("1 lần");
            violations.AddRange(await ViolationsAsync(page));
            await BrowserApp.ScreenshotAsync(page, "registry-check-appraise");
        }

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// The test world's set with 2.1 checked against periodic receptions chaired by the head (at least 12) and T1 counted from
    /// delegations, a 2023 period for the agencies, and agency A's 2023 receptions recorded through the reception log.
    /// </summary>
    private async Task<int> OpenLinkedPeriodAsync(int periodicByHead, int delegations)
    {
        var w = App.World;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
        var plain = TestWorld.Set();
        Criterion Link(Criterion c) => c.Id switch
        {
            "2.1" => c with { Registry = new() { Figure = "receptions.periodic.byHead", AtLeast = 12 } },
            _ => c with { Children = c.Children.Select(Link).ToList() },
        };
        var set = plain with
        {
            Id = "test-set-so",
            Criteria = plain.Criteria.Select(Link).ToList(),
            Deductions = [plain.Deductions[0] with { Registry = new() { Figure = "receptions.delegations", TakeValue = true } }],
        };
        CriteriaSetValidator.Validate(set).ShouldBeEmpty();
        var (stored, _) = await CriteriaSetStore.ImportAsync(db, set);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(2023, "Đánh giá năm 2023 (đối chiếu sổ)", w.Province,
            today.AddDays(-10), today.AddDays(20), true, [new PeriodGroupChoice(w.AgencyGroup, stored.Id)]), "test");

        var unit = await db.Units.SingleAsync(u => u.Id == w.AgencyA);
        var actor = new RegistryActor("vanthu", DateTime.UtcNow, TimeZoneInfo.Utc, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());
        for (var i = 0; i < periodicByHead; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(2023, i + 1, 10), Kind = "định kỳ", ByHead = true, ReceivedByName = "Giám đốc Sở Nội vụ", VisitorCount = 2,
                Summary = "Kiến nghị về chế độ chính sách", MatterKind = "kiến nghị", Outcome = "giải thích",
            }, actor);
        for (var i = 0; i < delegations; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(2023, 6, 10 + i), Kind = "đột xuất", ReceivedByName = "Phó Giám đốc Sở Nội vụ", VisitorCount = 15, IsDelegation = true,
                Summary = "Khiếu nại về bồi thường giải phóng mặt bằng", MatterKind = "khiếu nại", Outcome = "tiếp nhận đơn",
            }, actor);
        return await db.Assessments.Where(a => a.PeriodId == period.Id && a.UnitId == w.AgencyA).Select(a => a.Id).SingleAsync();
    }

    private static ILocator Row(IPage page, string criterion) =>
        page.Locator("tr[data-criterion]").Filter(new() { HasText = criterion });

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
