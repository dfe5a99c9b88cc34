using Deque.AxeCore.Playwright;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>Reconsideration after publication (phúc tra) in the browser: the coordinator opens the window, the unit head
/// contests a criterion, the coordinator rules and publishes again, and the unit reads the new result.</summary>
[Collection<BrowserCollection>]
public sealed class ReconsiderationTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task Should_go_from_contest_to_republication_with_every_page_accessible()
    {
        var w = App.World;
        var id = w.AssessmentA;
        await w.SubmitAsync(App.Web, id);
        await using (var db = App.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).Include(x => x.Unit).SingleAsync(x => x.Id == id);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
            await AssessmentWorkflow.ApproveAsync(db, a, set, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using (var coordinator = await App.SignInAsync("coord"))
        {
            var page = coordinator.Page;
            await page.GotoAsync("/Periods");
            await page.Locator("a.reconsiderations").First.ClickAsync();
            await ViolationsAsync(page, "reconsideration board");
            await page.GetByLabel("Số ngày kể từ ngày công bố kết quả").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu thời hạn phúc tra.");
        }

        await using (var head = await App.SignInAsync("headA"))
        {
            var page = head.Page;
            await page.GotoAsync($"/Evaluations/View/{id}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Phúc tra", Exact = true }).ClickAsync();
            await Expect(page.Locator("#reconsideration-window")).ToContainTextAsync("Đơn vị có thể đề nghị phúc tra đến hết ngày");
            await ViolationsAsync(page, "reconsideration request");
            await page.GetByLabel("Lý do đề nghị phúc tra — tiêu chí 1", new() { Exact = true }).FillAsync("Đơn vị đã ban hành đủ kế hoạch năm 2024");
            await page.GetByLabel("Văn bản kiểm chứng — tiêu chí 1", new() { Exact = true }).FillAsync("Kế hoạch số 12/KH-SNV ngày 10/01/2024");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị phúc tra" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã gửi đề nghị phúc tra.");
            await Expect(page.Locator("#reconsideration-status")).ToHaveTextAsync("Đang xem xét");
            await ViolationsAsync(page, "reconsideration sent");
        }

        await using (var coordinator = await App.SignInAsync("coord"))
        {
            var page = coordinator.Page;
            await page.GotoAsync($"/Evaluations/ReconsiderationBoard/{w.PeriodId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sở Nội vụ" }).ClickAsync();
            await ViolationsAsync(page, "rulings");
            var ruling = page.Locator("#ruling-1");
            await ruling.GetByLabel("Chấp nhận", new() { Exact = true }).CheckAsync();
            await ruling.GetByLabel("Điểm (tối đa 40)").FillAsync("40");
            await ruling.GetByLabel("Lý do kết luận — tiêu chí 1", new() { Exact = true }).FillAsync("Kế hoạch số 12/KH-SNV đủ căn cứ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kết luận" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu kết luận 1 tiêu chí.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Công bố lại kết quả" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã công bố lại kết quả (lần 2).");
            await Expect(page.Locator("#republished")).ToContainTextAsync("85,5 điểm, Hoàn thành tốt → 90 điểm, Hoàn thành xuất sắc.");
            await page.GotoAsync($"/Evaluations/ReconsiderationBoard/{w.PeriodId}");
            await Expect(page.Locator("#publication-2")).ToContainTextAsync("Sở Nội vụ: 85,5 điểm, Hoàn thành tốt → 90 điểm, Hoàn thành xuất sắc (tiêu chí 1)");
            await ViolationsAsync(page, "board after republication");
            await BrowserApp.ScreenshotAsync(page, "reconsideration-board");
        }

        await using (var head = await App.SignInAsync("headA"))
        {
            var page = head.Page;
            await page.GotoAsync($"/Evaluations/View/{id}");
            await Expect(page.Locator("#published")).ToContainTextAsync("90 điểm, xếp loại Hoàn thành xuất sắc");
            await Expect(page.Locator("#layer-1 td.reconsideration")).ToContainTextAsync("Kế hoạch số 12/KH-SNV đủ căn cứ");
            await ViolationsAsync(page, "assessment after republication");
        }
    }

    private static async Task ViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{what}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }
}
