using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>A unit user fills the self-assessment: live total, draft, evidence; and the same sheet on a phone.</summary>
[Collection<BrowserCollection>]
public sealed class SelfAssessmentTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_update_the_total_while_typing_save_a_draft_and_take_a_PNG_but_refuse_a_fake_PDF()
    {
        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
        var mine = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Nội vụ" });
        await Expect(mine).ToContainTextAsync("Chưa thực hiện");
        await mine.GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sở Nội vụ" })).ToBeVisibleAsync();
        var total = page.Locator("#running-total");
        var band = page.Locator("#provisional-class");
        await Expect(total).ToHaveTextAsync("0");

        // The small script asks the server for the total as the user types; nothing is saved.
        var leadership = Row(page, "Lãnh đạo, chỉ đạo công tác dân vận");
        await leadership.GetByLabel("Điểm (tối đa 40)").FillAsync("35,5");
        await Expect(total).ToHaveTextAsync("35,5");
        await Expect(band).ToHaveTextAsync("Không hoàn thành");
        await Expect(leadership.Locator("[data-points-for]")).ToHaveTextAsync("35,5");

        await Row(page, "Thủ trưởng tiếp công dân định kỳ").GetByLabel("Mức đạt").SelectOptionAsync(new SelectOptionValue { Label = "A – Đầy đủ (20)" });
        await Expect(total).ToHaveTextAsync("55,5");
        await Expect(band).ToHaveTextAsync("Hoàn thành");

        await Row(page, "Công khai quy chế").GetByLabel("Ban hành quy chế").CheckAsync();
        await Row(page, "Cải cách hành chính").GetByLabel("Điểm (tối đa 20)").FillAsync("15");
        await Expect(total).ToHaveTextAsync("76,5");
        await Expect(band).ToHaveTextAsync("Hoàn thành tốt");
        await Expect(total).ToBeInViewportAsync(); // the totals box stays on screen while scoring lower criteria
        await Expect(page.Locator("#notice")).ToHaveCountAsync(0);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Chưa thực hiện");
        // Each field left is saved; the one still being typed in is not, until it is left.
        await Expect(Row(page, "Cải cách hành chính").Locator(".save-status")).ToHaveTextAsync("Chưa lưu");
        await Expect(Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").Locator(".save-status")).ToHaveTextAsync("Đã lưu");
        await using (var db = App.NewDbContext())
            (await db.Entries.Where(e => e.AssessmentId == App.World.AssessmentA).Select(e => e.CriterionId).OrderBy(c => c).ToListAsync())
                .ShouldBe(["1", "2.1", "2.2"], "the fields left are saved, the one being typed in is not");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-live-total");

        await leadership.GetByLabel("Giải trình").FillAsync("Ban hành Kế hoạch số 12/KH-SNV ngày 10/01/2024 về công tác dân vận");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).First.ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu bản nháp. Tổng điểm tạm tính 76,5, xếp loại tạm tính: Hoàn thành tốt.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Đang soạn");
        await Expect(Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").GetByLabel("Điểm (tối đa 40)")).ToHaveValueAsync("35,5");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-desktop");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-desktop-full", fullPage: true);

        // Evidence for criterion 1: a real PNG is listed; a text file named .pdf is refused.
        await Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").GetByRole(AriaRole.Link, new() { Name = "+ Thêm tài liệu kiểm chứng" }).ClickAsync();
        await Expect(page.GetByLabel("Tiêu chí", new() { Exact = true })).ToHaveValueAsync("1");
        await page.GetByLabel("Tệp đính kèm").SetInputFilesAsync(new FilePayload
        {
            Name = "bien-ban-doi-thoai.png", MimeType = "image/png", Buffer = Png.Solid(24, 16, 0xA3, 0x16, 0x2B),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã thêm tài liệu kiểm chứng cho tiêu chí 1.");
        var listed = page.Locator("#evidence").GetByRole(AriaRole.Row).Filter(new() { HasText = "bien-ban-doi-thoai.png" });
        await Expect(listed).ToContainTextAsync("1 — Lãnh đạo, chỉ đạo công tác dân vận");
        await Expect(listed.GetByRole(AriaRole.Link, new() { Name = "bien-ban-doi-thoai.png" })).ToBeVisibleAsync();

        await page.GetByLabel("Tiêu chí", new() { Exact = true }).SelectOptionAsync("1");
        await page.GetByLabel("Tệp đính kèm").SetInputFilesAsync(new FilePayload
        {
            Name = "ke-hoach.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("Đây không phải tệp PDF, chỉ là văn bản."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Expect(page.Locator("#evidence-file-error"))
            .ToHaveTextAsync("ke-hoach.pdf: Tệp không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG) theo nội dung tệp; tệp không được lưu.");
        await Expect(page.Locator("#evidence")).Not.ToContainTextAsync("ke-hoach.pdf");
        await BrowserApp.ScreenshotAsync(page, "evidence-refused");
        (await SeriousViolationsAsync(page)).ShouldBeEmpty("the refused file's message");

        // Xóa asks first; Hủy keeps the file.
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa “bien-ban-doi-thoai.png”" }).ClickAsync();
        await Expect(page.Locator("#confirm-remove")).ToContainTextAsync("Xóa tài liệu kiểm chứng “bien-ban-doi-thoai.png” của tiêu chí 1? Thao tác này không hoàn tác được.");
        await BrowserApp.ScreenshotAsync(page, "evidence-remove-confirm");
        (await SeriousViolationsAsync(page)).ShouldBeEmpty("the question before removing");
        await page.Locator("#confirm-remove").GetByRole(AriaRole.Link, new() { Name = "Hủy" }).ClickAsync();
        await Expect(page.Locator("#confirm-remove")).ToHaveCountAsync(0);
        await Expect(listed).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại hồ sơ tự đánh giá" }).ClickAsync();
        await Expect(Row(page, "Lãnh đạo, chỉ đạo công tác dân vận").GetByRole(AriaRole.Link, new() { Name = "bien-ban-doi-thoai.png" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Should_let_a_phone_user_score_and_save_with_the_buttons_reachable()
    {
        await using var session = await App.SignInAsync("userB", BrowserApp.Phone);
        var page = session.Page;
        await page.GotoAsync($"/Evaluations/Edit/{App.World.AssessmentB}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sở Tư pháp" })).ToBeVisibleAsync();
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the sheet scrolls sideways as a whole on a phone");
        (await Layout.HiddenWidthAsync(page.Locator("#assessment-form .table-scroll"))).ShouldBeLessThanOrEqualTo(1, "the score inputs are off screen on a phone");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-phone");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-phone-full", fullPage: true);

        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).First;
        await Expect(save).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tài liệu kiểm chứng", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xác nhận và nộp", Exact = true })).ToBeVisibleAsync();

        var leadership = Row(page, "Lãnh đạo, chỉ đạo công tác dân vận");
        var points = leadership.GetByLabel("Điểm (tối đa 40)");
        await points.ScrollIntoViewIfNeededAsync();
        await points.TapAsync();
        await points.FillAsync("30");
        await Expect(page.Locator("#running-total")).ToHaveTextAsync("30");
        await BrowserApp.ScreenshotAsync(page, "self-assessment-phone-input");

        await save.TapAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu bản nháp. Tổng điểm tạm tính 30, xếp loại tạm tính: Không hoàn thành.");
        await Expect(page.Locator("#notice")).ToBeInViewportAsync();
        await BrowserApp.ScreenshotAsync(page, "self-assessment-phone-saved");
    }

    private static ILocator Row(IPage page, string criterion) =>
        page.Locator("#assessment-form").GetByRole(AriaRole.Row).Filter(new() { HasText = criterion });

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page) =>
        (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Help})");
}
