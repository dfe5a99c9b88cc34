namespace DanVan.BrowserTests.Evaluations;

/// <summary>From the unit's submission to the coordinator's published result.</summary>
[Collection<BrowserCollection>]
public sealed class ReviewTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_let_the_unit_submit_only_after_the_head_confirms()
    {
        await App.World.SubmitAsync(App.Web, App.World.AssessmentB, submit: false);
        var id = App.World.AssessmentB;

        await using var user = await App.SignInAsync("userB");
        await user.Page.GotoAsync($"/Evaluations/Edit/{id}");
        await user.Page.GetByRole(AriaRole.Link, new() { Name = "Xác nhận và nộp", Exact = true }).ClickAsync();
        await Expect(user.Page.GetByText("Kết quả tự đánh giá: 85,5/100 điểm, tự xếp loại: Hoàn thành tốt.")).ToBeVisibleAsync();
        await Expect(user.Page.GetByText("Đang chờ thủ trưởng đơn vị xác nhận.")).ToBeVisibleAsync();
        await Expect(user.Page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" })).ToBeDisabledAsync();
        await BrowserApp.ScreenshotAsync(user.Page, "submit-awaiting-head");

        await using (var head = await App.SignInAsync("headB"))
        {
            var page = head.Page;
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Tư pháp" }).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Xác nhận và nộp", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Thủ trưởng xác nhận" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Thủ trưởng đơn vị đã xác nhận kết quả tự đánh giá.");
            await Expect(page.GetByText("Thủ trưởng đơn vị headB đã xác nhận lúc")).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "submit-confirmed-by-head");
        }

        await user.Page.ReloadAsync();
        var submit = user.Page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" });
        await Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
        await Expect(user.Page.Locator("#notice")).ToHaveTextAsync("Đã nộp hồ sơ tự đánh giá.");
        await Expect(user.Page.Locator("#status")).ToHaveTextAsync("Đã nộp");
        await Expect(user.Page.GetByText("Đã nộp lúc")).ToBeVisibleAsync();
        await Expect(user.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá", Exact = true }))
            .ToHaveCountAsync(0); // no way back to editing
        await BrowserApp.ScreenshotAsync(user.Page, "submitted-view");

        await user.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).ClickAsync();
        var row = user.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Tư pháp" });
        await Expect(row).ToContainTextAsync("Đã nộp");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "Xem" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Should_let_the_coordinator_adjust_with_a_reason_approve_and_then_only_read()
    {
        await App.World.SubmitAsync(App.Web, App.World.AssessmentA);

        await using var session = await App.SignInAsync("coord");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hồ sơ đánh giá" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đã nộp" }).First.ClickAsync();
        var queued = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Nội vụ" });
        await Expect(queued).ToContainTextAsync("Đã nộp");
        await Expect(queued).ToContainTextAsync("85,5");
        await Expect(queued).ToContainTextAsync("Hoàn thành tốt");
        await BrowserApp.ScreenshotAsync(page, "queue-submitted");
        await queued.GetByRole(AriaRole.Link, new() { Name = "Thẩm định" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sở Nội vụ" })).ToBeVisibleAsync();
        var leadership = page.Locator("#appraise-form").GetByRole(AriaRole.Row).Filter(new() { HasText = "Lãnh đạo, chỉ đạo công tác dân vận" });
        await Expect(leadership).ToContainTextAsync("35,5 điểm");
        await leadership.GetByLabel("Điểm (tối đa 40)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" }).ClickAsync();

        await Expect(leadership.GetByText("Vui lòng nhập lý do điều chỉnh.")).ToBeVisibleAsync();
        await Expect(leadership.GetByLabel("Điểm (tối đa 40)")).ToHaveValueAsync("20");
        await Expect(page.Locator("#notice")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "appraise-reason-missing-top");
        await leadership.ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(page, "appraise-reason-missing");

        await leadership.GetByLabel("Lý do điều chỉnh").FillAsync("Kế hoạch ban hành chậm, chưa có báo cáo sơ kết 6 tháng.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu điều chỉnh thẩm định (1 tiêu chí).");
        await Expect(page.GetByText("Kết quả sau thẩm định, kiểm tra (tạm tính): 70 điểm, xếp loại Hoàn thành.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Phê duyệt, công bố" }).ClickAsync();
        await Expect(page.GetByText("Kết quả cuối cùng khi phê duyệt: 70 điểm, xếp loại Hoàn thành.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "approve-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt, công bố" }).ClickAsync();

        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã phê duyệt và công bố: 70 điểm, xếp loại Hoàn thành.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Đã phê duyệt");
        await Expect(page.Locator("#published")).ToContainTextAsync("Kết quả đã phê duyệt và công bố: 70 điểm, xếp loại Hoàn thành");
        await Expect(page.Locator("#published")).ToContainTextAsync("Kết quả chỉ được xem, không sửa được.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thẩm định" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "approved-view");

        // Even at the appraisal address, nothing can be changed any more.
        await page.GotoAsync($"/Evaluations/Appraise/{App.World.AssessmentA}");
        await Expect(page.GetByText("Chỉ hồ sơ đã nộp (chưa phê duyệt) mới được thẩm định, kiểm tra.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu điều chỉnh" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hồ sơ đánh giá" }).ClickAsync();
        var approved = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Nội vụ" });
        await Expect(approved).ToContainTextAsync("Đã phê duyệt");
        await Expect(approved).ToContainTextAsync("Hoàn thành");
        await Expect(approved.GetByRole(AriaRole.Link, new() { Name = "Thẩm định" })).ToHaveCountAsync(0);
    }
}
