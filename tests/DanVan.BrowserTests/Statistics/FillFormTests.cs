using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.BrowserTests.Statistics;

/// <summary>The statistics form in Chromium: the whole cycle from commune to province, keyboard-only entry, and a phone.</summary>
[Collection<BrowserCollection>]
public sealed class FillFormTests(BrowserApp app) : BrowserTest(app)
{
    private const string Receptions = "Số cuộc tiếp dân định kỳ và đột xuất (cuộc)";
    private const string ChairmanRule = "Số cuộc tiếp dân của Chủ tịch không vượt tổng số cuộc tiếp dân";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.World.OpenStatisticsAsync(App.Web);
    }

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static async Task FillAsync(IPage page, params (string Label, string Text)[] values)
    {
        foreach (var (label, text) in values) await Field(page, label).FillAsync(text);
    }

    private static async Task ClickAsync(IPage page, string button) =>
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private async Task ActAsync(string user, int report, string button, string status)
    {
        await using var session = await App.SignInAsync(user);
        await session.Page.GotoAsync($"/Statistics/Fill/{report}");
        await ClickAsync(session.Page, button);
        await Expect(session.Page.Locator("#status")).ToHaveTextAsync(status);
    }

    [Fact]
    public async Task Should_let_a_commune_fill_be_stopped_by_a_rule_then_the_district_consolidate_and_the_province_accept()
    {
        var w = App.World;
        var commune = w.FormReports[w.Commune];
        var district = w.FormReports[w.District];
        await using (var session = await App.SignInAsync("userC"))
        {
            var page = session.Page;
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Số liệu thống kê" }).ClickAsync();
            await page.Locator("#my-reports").GetByRole(AriaRole.Link, new() { Name = "Mở biểu" }).ClickAsync();
            await Expect(page.Locator("#status")).ToHaveTextAsync("Chưa nhập");
            await FillAsync(page, ("Tỷ lệ hộ nghèo (%)", "3,43"), ("Số xã/tổng số xã, thị trấn (xã)", "1/1"), ("Số xã đạt nông thôn mới (xã)", "1"),
                (Receptions, "15"), ("Số lượt người dân được tiếp (lượt)", "77"), ("Số cuộc tiếp dân của Chủ tịch UBND (cuộc)", "20"));
            await Expect(page.Locator("#v-ntmRate")).ToHaveTextAsync("100%"); // computed while typing, before any save
            await ClickAsync(page, "Lưu nháp");
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu nháp biểu số liệu.");
            await Expect(page.Locator("#check-summary")).ToContainTextAsync(ChairmanRule);
            await Expect(page.Locator("#v-ntmRate")).ToHaveTextAsync("100%");
            await BrowserApp.ScreenshotAsync(page, "statistics-fill-rule-error", fullPage: true);
        }
        await ActAsync("headC", commune, "Xác nhận", "Thủ trưởng đã xác nhận");
        await using (var session = await App.SignInAsync("userC"))
        {
            var page = session.Page;
            await page.GotoAsync($"/Statistics/Fill/{commune}");
            await ClickAsync(page, "Gửi");
            await Expect(page.Locator("#refusals")).ToContainTextAsync(ChairmanRule);
            await Expect(page.Locator("#status")).ToHaveTextAsync("Thủ trưởng đã xác nhận");
            await Expect(page.Locator("#refusals")).ToBeFocusedAsync();
            await FillAsync(page, ("Số cuộc tiếp dân của Chủ tịch UBND (cuộc)", "12"));
            await ClickAsync(page, "Lưu nháp");
            await Expect(page.Locator("#status")).ToHaveTextAsync("Đang soạn");
            await Expect(page.Locator("#check-summary")).ToHaveCountAsync(0);
        }
        await ActAsync("headC", commune, "Xác nhận", "Thủ trưởng đã xác nhận");
        await ActAsync("userC", commune, "Gửi", "Đã gửi");

        await using (var session = await App.SignInAsync("userH"))
        {
            var page = session.Page;
            await page.GotoAsync($"/Statistics/Fill/{district}");
            await Expect(page.Locator("#below")).ToContainTextAsync("1/1");
            await FillAsync(page, ("Tỷ lệ hộ nghèo (%)", "2,5"), ("Số xã/tổng số xã, thị trấn (xã)", "0/1"), ("Số xã đạt nông thôn mới (xã)", "0"),
                (Receptions, "5"), ("Số lượt người dân được tiếp (lượt)", "10"));
            await ClickAsync(page, "Lưu nháp");
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu nháp biểu số liệu.");
            // Own figures beside the consolidated ones: 5 + the commune's 15; 1 of the 2 communes counted in n.
            await Expect(page.Locator("[data-consolidated='receptions']")).ToHaveTextAsync("20");
            await Expect(page.Locator("[data-consolidated='ntmScope']")).ToHaveTextAsync("1/2");
            await BrowserApp.ScreenshotAsync(page, "statistics-district-consolidated", fullPage: true);
        }
        await ActAsync("headH", district, "Xác nhận", "Thủ trưởng đã xác nhận");
        await ActAsync("userH", district, "Gửi", "Đã gửi");

        await using (var session = await App.SignInAsync("coord"))
        {
            var page = session.Page;
            await page.GotoAsync("/Statistics");
            await page.Locator("#periods").GetByRole(AriaRole.Link, new() { Name = "Danh sách đơn vị" }).ClickAsync();
            await page.Locator("#reports tr[data-unit='H01']").GetByRole(AriaRole.Link).ClickAsync();
            await ClickAsync(page, "Tiếp nhận");
            await Expect(page.Locator("#status")).ToHaveTextAsync("Đã tiếp nhận");
        }
        await using var db = App.NewDbContext();
        (await db.FormReports.SingleAsync(r => r.Id == district)).Status.ShouldBe(FormReportStatus.Accepted);
    }

    [Fact]
    public async Task Should_let_a_keyboard_user_fill_and_save_with_tab_typing_and_enter_and_warn_before_leaving_unsaved()
    {
        var report = App.World.FormReports[App.World.Commune];
        await using var session = await App.SignInAsync("userC");
        var page = session.Page;
        await page.GotoAsync($"/Statistics/Fill/{report}");

        await TabToAsync(page, "v-poorRate", 60);
        await page.Keyboard.TypeAsync("3,43");
        await TabToAsync(page, "v-ntmScope", 3);
        await page.Keyboard.TypeAsync("1/1");
        await TabToAsync(page, "v-ntmCommunes", 3);
        await page.Keyboard.TypeAsync("1");
        await TabToAsync(page, "v-receptions", 40);
        await page.Keyboard.TypeAsync("mười");
        await page.Keyboard.PressAsync("Enter");

        // A wrong value: nothing saved, the text kept, focus on the summary that links to the field.
        await Expect(page.Locator("#refusals")).ToBeFocusedAsync();
        await Expect(page.Locator("#v-receptions")).ToHaveValueAsync("mười");
        await Expect(page.Locator("#v-receptions")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#v-poorRate")).ToHaveValueAsync("3,43");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#refusals a[href='#v-receptions']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#v-receptions")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("15");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu nháp biểu số liệu.");
        await Expect(page.Locator("#v-receptions")).ToHaveValueAsync("15");

        // Typed but not saved: leaving asks first, and staying keeps the text.
        await page.Locator("#v-dialogues").FillAsync("2");
        IDialog? asked = null;
        page.Dialog += (_, d) => { asked = d; _ = d.DismissAsync(); };
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Trang chủ" }).ClickAsync();
        await Expect(page.Locator("#v-dialogues")).ToHaveValueAsync("2");
        asked.ShouldNotBeNull("no warning before leaving with unsaved figures");
        asked!.Type.ShouldBe("beforeunload");
        await using var db = App.NewDbContext();
        (await db.FormValues.SingleAsync(v => v.ReportId == report && v.Indicator == "receptions")).ToValue().ShouldBe(new NumberValue(15));
    }

    [Fact]
    public async Task Should_fit_a_phone_with_wide_tables_scrolling_in_their_own_box()
    {
        var report = App.World.FormReports[App.World.Commune];
        await using var session = await App.SignInAsync("userC", new ViewportSize { Width = 375, Height = 812 });
        var page = session.Page;
        await page.GotoAsync($"/Statistics/Fill/{report}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Chưa nhập");
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the page scrolls sideways on a phone");
        // A phone zooms out a page laid out wider than itself, which scrollWidth alone does not show (an sr-only label escaping its box did).
        (await page.EvaluateAsync<int>("() => window.innerWidth")).ShouldBe(375, "the page is laid out wider than the phone and zoomed out");
        var receptions = Field(page, Receptions);
        await receptions.ScrollIntoViewIfNeededAsync();
        await receptions.TapAsync();
        await receptions.FillAsync("1.306");
        await BrowserApp.ScreenshotAsync(page, "statistics-fill-phone");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp", Exact = true });
        await save.ScrollIntoViewIfNeededAsync();
        await save.TapAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã lưu nháp biểu số liệu.");
        (await Layout.HorizontalOverflowAsync(page)).ShouldBe(0, "the page scrolls sideways on a phone after saving");
        await using var db = App.NewDbContext();
        (await db.FormValues.SingleAsync(v => v.ReportId == report && v.Indicator == "receptions")).ToValue().ShouldBe(new NumberValue(1306));
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> has focus; each press must move focus (no trap).</summary>
    private static async Task TabToAsync(IPage page, string id, int max)
    {
        var last = "";
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var now = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.id || e.tagName) + '|' + (e.getAttribute('href') || e.getAttribute('name') || ''); }");
            if (now.StartsWith(id + "|", StringComparison.Ordinal)) return;
            now.ShouldNotBe(last, "focus is trapped");
            last = now;
        }
        throw new ShouldAssertException($"#{id} not reached with {max} presses of Tab");
    }
}
