using Deque.AxeCore.Playwright;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>
/// The self-assessment as its users live it: each criterion saved as it is left, nothing lost by leaving the page,
/// errors seen where they are, and the clerk and the head on one sheet at the same time.
/// </summary>
[Collection<BrowserCollection>]
public sealed class NoLostWorkTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task Should_keep_what_was_typed_when_leaving_by_an_evidence_link_the_submit_link_or_the_menu()
    {
        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        var id = App.World.AssessmentA;
        await page.GotoAsync($"/Evaluations/Edit/{id}");

        // Left by tabbing: the criterion is saved and says so.
        var reform = Row(page, "Cải cách hành chính");
        await reform.GetByLabel("Điểm (tối đa 20)").FillAsync("15");
        await reform.GetByLabel("Điểm (tối đa 20)").PressAsync("Tab");
        await Expect(reform.Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Không áp dụng đối với đơn vị — tiêu chí 3" })).ToBeFocusedAsync();
        (await PointsAsync("3")).ShouldBe(15);

        // Typed, then straight to an evidence link: the value is saved before the page changes.
        var leadership = Row(page, "Lãnh đạo, chỉ đạo công tác dân vận");
        await leadership.GetByLabel("Điểm (tối đa 40)").FillAsync("35,5");
        await leadership.GetByRole(AriaRole.Link, new() { Name = "+ Thêm tài liệu kiểm chứng" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Evaluations/Evidence/{id}"));
        (await PointsAsync("1")).ShouldBe(35.5m);
        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại hồ sơ tự đánh giá" }).ClickAsync();
        await Expect(Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").GetByLabel("Điểm (tối đa 40)")).ToHaveValueAsync("35,5");

        // A wrong value does not leave by the menu: the page stays, says why and puts the focus on the field.
        leadership = Row(page, "Lãnh đạo, chỉ đạo công tác dân vận");
        var points = leadership.GetByLabel("Điểm (tối đa 40)");
        await points.FillAsync("41");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
        await Expect(page.Locator("#unsaved-alert")).ToHaveTextAsync("Còn tiêu chí chưa lưu được: 1. Hãy sửa lỗi hoặc chọn cách xử lý trước khi rời trang, để không mất nội dung đã nhập.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Evaluations/Edit/{id}$"));
        await Expect(points).ToBeFocusedAsync();
        await Expect(points).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#e-1-points-error")).ToHaveTextAsync("41 nằm ngoài khoảng [0; 40] của tiêu chí 1.");
        await Expect(leadership.Locator(".save-status")).ToHaveTextAsync("Chưa lưu: giá trị chưa đúng");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xác nhận và nộp" })).ToHaveAttributeAsync("aria-disabled", "true");
        (await PointsAsync("1")).ShouldBe(35.5m);
        await BrowserApp.ScreenshotAsync(page, "self-assessment-leave-blocked");

        // Corrected, then "Xác nhận và nộp": the submit page counts the value just typed.
        await points.FillAsync("40");
        await Row(page, "Thủ trưởng tiếp công dân định kỳ").GetByLabel("Mức đạt").SelectOptionAsync(new SelectOptionValue { Label = "A – Đầy đủ (20)" });
        await page.GetByRole(AriaRole.Link, new() { Name = "Xác nhận và nộp" }).ClickAsync();
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Đã chấm 3/7 tiêu chí.");
        await Expect(page.Locator("#empty-criteria li")).ToHaveCountAsync(4);
        (await PointsAsync("1")).ShouldBe(40);
        await ViolationsAsync(page, "submit page");
    }

    [Fact]
    public async Task Should_show_a_failed_save_in_a_summary_at_the_top_and_focus_the_field_above_the_totals_card()
    {
        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        await page.GotoAsync($"/Evaluations/Edit/{App.World.AssessmentA}");
        await page.Locator("#e-T1-count").FillAsync("1,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).First.ClickAsync();

        var summary = page.Locator("#refusals");
        await Expect(summary).ToContainTextAsync("“1,5” không phải số nguyên.");
        var field = page.Locator("#e-T1-count");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", "e-T1-count-error");
        await Expect(page.Locator("#e-T1-count-error")).ToHaveTextAsync("“1,5” không phải số nguyên.");
        await Expect(field).ToBeInViewportAsync();
        var card = await page.Locator("#totals").BoundingBoxAsync();
        var box = await field.BoundingBoxAsync();
        box!.Y.ShouldBeGreaterThanOrEqualTo(card!.Y + card.Height, "the focused field is under the sticky totals card");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-failed-save");
        await ViolationsAsync(page, "edit page with errors");

        // The summary's link leads to the field.
        await page.Locator("h1").ClickAsync();
        await Expect(field).Not.ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(field).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Should_let_the_clerk_and_the_head_fill_one_sheet_at_once_and_choose_on_the_criterion_both_changed()
    {
        var id = App.World.AssessmentA;
        await using var clerkSession = await App.SignInAsync("userA");
        await using var headSession = await App.SignInAsync("headA");
        var clerk = clerkSession.Page;
        var head = headSession.Page;
        await clerk.GotoAsync($"/Evaluations/Edit/{id}");
        await head.GotoAsync($"/Evaluations/Edit/{id}");

        // Different criteria: both saved, no conflict, although the sheet changed under each of them.
        await SaveAsync(clerk, "Lãnh đạo, chỉ đạo công tác dân vận", "Điểm (tối đa 40)", "30");
        await Expect(Row(clerk, "Lãnh đạo, chỉ đạo công tác dân vận").Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        var level = Row(head, "Thủ trưởng tiếp công dân định kỳ").GetByLabel("Mức đạt");
        await level.SelectOptionAsync(new SelectOptionValue { Label = "B – Chưa đầy đủ (10)" });
        await level.PressAsync("Tab");
        await Expect(Row(head, "Thủ trưởng tiếp công dân định kỳ").Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        await Expect(head.Locator(".conflict")).ToHaveCountAsync(0);

        // The same criterion: the head's typed value stays, the clerk's is shown beside it with a choice.
        await SaveAsync(head, "Lãnh đạo, chỉ đạo công tác dân vận", "Điểm (tối đa 40)", "20");
        var conflict = head.Locator("#conflict-1");
        await Expect(conflict).ToContainTextAsync("Tiêu chí 1 vừa được người khác sửa");
        await Expect(conflict).ToContainTextAsync($"{TestWorld.FullNames["userA"]} đã lưu: 30 điểm");
        await Expect(Row(head, "Lãnh đạo, chỉ đạo công tác dân vận").GetByLabel("Điểm (tối đa 40)")).ToHaveValueAsync("20");
        await Expect(Row(head, "Lãnh đạo, chỉ đạo công tác dân vận").Locator(".save-status")).ToHaveTextAsync("Chưa lưu: người khác vừa sửa tiêu chí này");
        (await PointsAsync("1")).ShouldBe(30);
        await BrowserApp.ScreenshotAsync(head, "self-assessment-conflict");
        await ViolationsAsync(head, "edit page with a conflict");

        await conflict.GetByLabel("Giữ giá trị của tôi").ClickAsync();
        await Expect(Row(head, "Lãnh đạo, chỉ đạo công tác dân vận").Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        (await PointsAsync("1")).ShouldBe(20);

        // The clerk, still on the old value, changes it too and takes the head's instead.
        await SaveAsync(clerk, "Lãnh đạo, chỉ đạo công tác dân vận", "Điểm (tối đa 40)", "25");
        var theirs = clerk.Locator("#conflict-1");
        await Expect(theirs).ToContainTextAsync($"{TestWorld.FullNames["headA"]} đã lưu: 20 điểm");
        await theirs.GetByLabel("Lấy giá trị của họ").ClickAsync();
        await Expect(Row(clerk, "Lãnh đạo, chỉ đạo công tác dân vận").GetByLabel("Điểm (tối đa 40)")).ToHaveValueAsync("20");
        await Expect(Row(clerk, "Lãnh đạo, chỉ đạo công tác dân vận").Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        (await PointsAsync("1")).ShouldBe(20);
        await using var db = App.NewDbContext();
        (await db.Entries.SingleAsync(e => e.AssessmentId == id && e.CriterionId == "2.1" && e.Layer == ScoreLayer.Self)).Level.ShouldBe("B");
    }

    [Fact]
    public async Task Should_offer_a_skip_link_to_the_main_content_and_name_every_input_with_its_criterion()
    {
        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        await page.GotoAsync($"/Evaluations/Edit/{App.World.AssessmentA}");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Bỏ qua, đến nội dung chính" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();

        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Giải trình — tiêu chí 2.2" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Nội dung đã thực hiện — tiêu chí 2.2" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Không áp dụng đối với đơn vị — tiêu chí 3" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Mức đạt — tiêu chí 2.1" })).ToHaveCountAsync(1);
    }

    private static async Task SaveAsync(IPage page, string row, string label, string value)
    {
        var input = Row(page, row).GetByLabel(label);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private async Task<decimal?> PointsAsync(string criterion)
    {
        await using var db = App.NewDbContext();
        return (await db.Entries.SingleOrDefaultAsync(e => e.AssessmentId == App.World.AssessmentA && e.CriterionId == criterion && e.Layer == ScoreLayer.Self))?.Points;
    }

    private static async Task ViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{what}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ShouldBeEmpty();
    }

    private static ILocator Row(IPage page, string criterion) =>
        page.Locator("#assessment-form").GetByRole(AriaRole.Row).Filter(new() { HasText = criterion });
}
