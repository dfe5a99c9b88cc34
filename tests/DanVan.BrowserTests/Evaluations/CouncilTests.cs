using Deque.AxeCore.Playwright;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>Appraisal by a council of three: set on the period, each member scores alone, a disagreement is highlighted, the chair records the consensus.</summary>
[Collection<BrowserCollection>]
public sealed class CouncilTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>A member's values: criterion 1 (points), 2.1 (level), 3 (points); the rest alike for everyone.</summary>
    private sealed record Ballot(string One, string Level, string Three, string Note);

    [Fact]
    public async Task Should_let_a_council_of_three_reach_consensus_into_the_appraisal_layer()
    {
        var w = App.World;
        await w.SubmitAsync(App.Web, w.AssessmentA);
        var a = w.AssessmentA;
        var axe = new List<string>();

        await using var chair = await App.SignInAsync("coord");
        var page = chair.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Kỳ đánh giá" }).ClickAsync();
        await page.Locator($"tr[data-period='{w.PeriodId}']").GetByRole(AriaRole.Link, new() { Name = "Hội đồng thẩm định" }).ClickAsync();
        await page.GetByLabel("Hội đồng thẩm định: các thành viên chấm độc lập").CheckAsync();
        await page.GetByLabel("Cách thống nhất điểm").SelectOptionAsync(new SelectOptionValue { Label = "Trung vị" });
        await page.GetByLabel("Ngưỡng chênh lệch (điểm)").FillAsync("2");
        foreach (var member in new[] { "coord", "inspector", "viewer" }) await page.Locator($"#member-{member}").CheckAsync();
        await page.GetByLabel("Trần Thị Thu Hà làm chủ tịch hội đồng").CheckAsync();
        axe.AddRange(await ViolationsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu hình thức thẩm định của kỳ đánh giá.");
        await Expect(page.Locator("#member-inspector")).ToBeCheckedAsync();
        await BrowserApp.ScreenshotAsync(page, "council-settings");

        // The inspector scores first: until the ballot is submitted, no other score is shown.
        await using (var inspector = await App.SignInAsync("inspector"))
        {
            var p = inspector.Page;
            await p.GotoAsync($"/Evaluations/Queue?periodId={w.PeriodId}");
            await p.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Nội vụ" }).GetByRole(AriaRole.Link, new() { Name = "Hội đồng thẩm định" }).ClickAsync();
            await Expect(p.Locator("#scores-hidden")).ToHaveTextAsync("Bạn sẽ thấy điểm của các thành viên khác sau khi nộp phiếu chấm của mình.");
            await Expect(p.Locator("#council-table")).ToHaveCountAsync(0);
            axe.AddRange(await ViolationsAsync(p));
            await p.GetByRole(AriaRole.Link, new() { Name = "Phiếu chấm của thành viên hội đồng" }).ClickAsync();
            await FillAsync(p, new Ballot("35", "A", "14", "Kế hoạch ban hành đúng hạn, có sơ kết."));
            axe.AddRange(await ViolationsAsync(p));
            await p.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu chấm" }).ClickAsync();
            await Expect(p.Locator("#notice")).ToHaveTextAsync("Đã nộp phiếu chấm.");
            // Submitted: the own column shows, the others' ballots are awaited.
            await Expect(p.Locator("#council-table thead")).ToContainTextAsync("Ngô Đức Thắng (inspector)");
            await Expect(p.Locator("#consensus-waits")).ToContainTextAsync("Lê Văn Đức (viewer)");
            await Expect(p.Locator("#record-consensus")).ToHaveCountAsync(0);
        }

        await using (var viewer = await App.SignInAsync("viewer"))
        {
            var p = viewer.Page;
            await p.GotoAsync($"/Evaluations/Ballot/{a}");
            await FillAsync(p, new Ballot("31", "A", "15", "Chưa có báo cáo sơ kết 6 tháng."));
            await p.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
            await Expect(p.Locator("#notice")).ToHaveTextAsync("Đã lưu phiếu chấm.");
            await Expect(p.Locator("#ballot-draft")).ToBeVisibleAsync();
            await Expect(p.Locator("#e-1-adj-points")).ToHaveValueAsync("31");
            await p.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu chấm" }).ClickAsync();
            await Expect(p.Locator("#notice")).ToHaveTextAsync("Đã nộp phiếu chấm.");
        }

        // The chair's own ballot: a refusal at its field first (off the step), then submitted.
        await page.GotoAsync($"/Evaluations/Ballot/{a}");
        await FillAsync(page, new Ballot("30,25", "B", "15", "Chỉ đạo còn chậm."));
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu chấm" }).ClickAsync();
        await Expect(page.Locator("#ballot-1")).ToContainTextAsync("30,25");
        await Expect(page.Locator("#e-1-adj-points")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#e-1-adj-points").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp phiếu chấm" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã nộp phiếu chấm.");

        // Every member submitted: per criterion the three scores, the spread, the disagreement beyond 2 points, the median.
        var leadership = page.Locator("#council-1");
        await Expect(leadership).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("disagreement"));
        await Expect(leadership.Locator(".spread")).ToContainTextAsync("5");
        await Expect(leadership.Locator(".spread")).ToContainTextAsync("Chênh lệch vượt ngưỡng");
        await Expect(leadership.Locator(".consensus")).ToContainTextAsync("Hội đồng 3 thành viên, trung vị: 31; 35; 30 → 31");
        await Expect(page.Locator("#council-3 .spread")).Not.ToContainTextAsync("Chênh lệch vượt ngưỡng");
        await Expect(page.Locator("#council-2-1 .consensus")).ToContainTextAsync("Mức A");
        await Expect(page.Locator("#disagreements")).ToContainTextAsync("2 tiêu chí có chênh lệch giữa các thành viên vượt ngưỡng 2 điểm");
        axe.AddRange(await ViolationsAsync(page));
        await BrowserApp.ScreenshotAsync(page, "council-meeting", fullPage: true);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả thống nhất vào thẩm định" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã ghi kết quả thống nhất của hội đồng vào tầng thẩm định (7 tiêu chí thay đổi).");
        await Expect(leadership).ToContainTextAsync("31 điểm");

        // The assessment's appraisal layer shows the consensus with its basis.
        await page.GotoAsync($"/Evaluations/View/{a}");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Lãnh đạo, chỉ đạo công tác dân vận" });
        await Expect(row).ToContainTextAsync("31 điểm");
        await Expect(row).ToContainTextAsync("Hội đồng 3 thành viên, trung vị: 31; 35; 30 → 31");
        await page.GotoAsync($"/Evaluations/Appraise/{a}");
        await Expect(page.Locator("#by-council")).ToBeVisibleAsync();
        await Expect(page.GetByText("Kết quả sau thẩm định, kiểm tra (tạm tính): 81 điểm")).ToBeVisibleAsync();

        axe.ShouldBeEmpty(string.Join(Environment.NewLine, axe));
    }

    private static async Task FillAsync(IPage p, Ballot b)
    {
        await p.Locator("#e-1-adj-points").FillAsync(b.One);
        await p.Locator("#e-1-adj-note").FillAsync(b.Note);
        await p.Locator("#e-2-1-adj-level").SelectOptionAsync(b.Level);
        await p.Locator("#e-2-2-adj-checked-0").CheckAsync();
        await p.Locator("#e-2-3-adj-achieved").FillAsync("90");
        await p.Locator("#e-3-adj-points").FillAsync(b.Three);
        await p.Locator("#e-B1-adj-points").FillAsync("2");
        await p.Locator("#e-T1-adj-count").FillAsync("1");
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
