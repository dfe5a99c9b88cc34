namespace DanVan.BrowserTests.Account;

/// <summary>Signing in through a real browser, on an office screen and on a phone.</summary>
[Collection<BrowserCollection>]
public sealed class LoginTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_refuse_a_wrong_password_in_Vietnamese_and_sign_in_to_the_home_page()
    {
        await using var session = await App.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        // Anonymous users are sent to the Vietnamese login page.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page).ToHaveTitleAsync("Đăng nhập — DanVan");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "login-desktop");

        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("userA");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("SaiMatKhau99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Tên đăng nhập hoặc mật khẩu không đúng.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Tên đăng nhập", new() { Exact = true })).ToHaveValueAsync("userA");
        await BrowserApp.ScreenshotAsync(page, "login-wrong-password");

        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(TestWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "DanVan — Đánh giá công tác dân vận chính quyền" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Xin chào, userA")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Cán bộ đơn vị — Sở Nội vụ" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tự đánh giá" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "home-unit-user");
    }

    [Fact]
    public async Task Should_sign_in_on_a_phone_with_the_form_and_button_on_screen()
    {
        await using var session = await App.OpenAsync(BrowserApp.Phone);
        var page = session.Page;
        await page.GotoAsync("/Account/Login");

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true });
        await Expect(button).ToBeInViewportAsync();
        await Expect(page.GetByLabel("Tên đăng nhập", new() { Exact = true })).ToBeInViewportAsync();
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the login page scrolls sideways on a phone");
        await BrowserApp.ScreenshotAsync(page, "login-phone");

        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("coord");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(TestWorld.Password);
        await button.TapAsync();

        await Expect(page.GetByText("Xin chào, coord")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ đánh giá" }).First).ToBeVisibleAsync();
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the home page scrolls sideways on a phone");
        await BrowserApp.ScreenshotAsync(page, "home-coordinator-phone");
    }
}
