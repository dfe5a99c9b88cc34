namespace DanVan.BrowserTests.Security;

/// <summary>What a unit user sees when typing addresses outside their unit or their role.</summary>
[Collection<BrowserCollection>]
public sealed class ScopeTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_show_not_found_not_the_data_for_another_units_assessment()
    {
        await App.World.SubmitAsync(App.Web, App.World.AssessmentB, submit: false);
        var other = App.World.AssessmentB;

        await using var session = await App.SignInAsync("userA");
        var page = session.Page;
        foreach (var address in new[] { $"/Evaluations/Edit/{other}", $"/Evaluations/View/{other}", $"/Evaluations/Evidence/{other}", $"/Evaluations/Audit/{other}" })
        {
            var response = await page.GotoAsync(address);
            response!.Status.ShouldBe(404, address);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Không tìm thấy nội dung yêu cầu, hoặc nội dung nằm ngoài phạm vi của bạn.")).ToBeVisibleAsync();
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Sở Tư pháp");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Ban hành Kế hoạch số 12/KH-SNV");
        }
        await BrowserApp.ScreenshotAsync(page, "scope-not-found");

        // Their own unit, but a coordinator's page: refused, in Vietnamese.
        var forbidden = await page.GotoAsync($"/Evaluations/Appraise/{App.World.AssessmentA}");
        forbidden!.Status.ShouldBe(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Sở Nội vụ")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "scope-forbidden");

        await page.GetByRole(AriaRole.Link, new() { Name = "Về trang chủ" }).ClickAsync();
        await Expect(page.GetByText("Xin chào, userA")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Should_send_an_anonymous_visitor_to_the_login_page_and_back_after_signing_in()
    {
        var own = $"/Evaluations/Edit/{App.World.AssessmentA}";
        await using var session = await App.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(own);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Sở Nội vụ");

        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("userA");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(TestWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + own);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sở Nội vụ" })).ToBeVisibleAsync();
    }
}
