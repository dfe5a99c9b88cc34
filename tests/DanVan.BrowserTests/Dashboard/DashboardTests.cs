namespace DanVan.BrowserTests.Dashboard;

/// <summary>The progress dashboard a leader reads: n/N per group and who has not started.</summary>
[Collection<BrowserCollection>]
public sealed class DashboardTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_show_submitted_of_total_per_group_and_the_units_not_started()
    {
        await App.World.SubmitAsync(App.Web, App.World.AssessmentA);
        await App.World.SubmitAsync(App.Web, App.World.AssessmentB, submit: false);

        await using var session = await App.SignInAsync("viewer");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Theo dõi tiến độ" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Theo dõi tiến độ" })).ToBeVisibleAsync();
        await Expect(page.GetByText("01/03 cơ quan, đơn vị đã nộp hồ sơ tự đánh giá.")).ToBeVisibleAsync();
        var participation = page.Locator("#participation");
        await Expect(participation.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở, ban, ngành" })).ToContainTextAsync("01/02");
        await Expect(participation.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cấp xã" })).ToContainTextAsync("00/01");
        await Expect(participation.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tổng cộng" })).ToContainTextAsync("01/03");

        var notStarted = page.GetByRole(AriaRole.Heading, new() { Name = "Đơn vị chưa thực hiện tự đánh giá" }).Locator("xpath=..").GetByRole(AriaRole.Listitem);
        await Expect(notStarted).ToHaveTextAsync(["UBND xã Kiến Giang (Cấp xã)"]);
        await BrowserApp.ScreenshotAsync(page, "dashboard-desktop");

        await page.SetViewportSizeAsync(BrowserApp.Phone.Width, BrowserApp.Phone.Height);
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the dashboard scrolls sideways on a phone");
        await BrowserApp.ScreenshotAsync(page, "dashboard-phone", fullPage: true);
    }
}
