using Deque.AxeCore.Playwright;

namespace DanVan.BrowserTests.Registries;

/// <summary>The work registries in Chromium: a coordinator records a "Dân vận khéo" model (a refusal keeps what was typed) and finds it in the list;
/// axe-core finds no serious or critical violation on any of the registries' pages.</summary>
[Collection<BrowserCollection>]
public sealed class WorkRegistryPagesTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task Should_record_a_model_see_it_in_the_list_and_pass_axe_on_every_page()
    {
        var found = new List<string>();
        await using var session = await App.SignInAsync("coord");
        var page = session.Page;
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sổ theo dõi công tác dân vận" }).ClickAsync();
        found.AddRange(await ViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm mới", Exact = true }).ClickAsync();
        found.AddRange(await ViolationsAsync(page));
        await page.GetByLabel("Lĩnh vực", new() { Exact = true }).FillAsync("Xây dựng hệ thống chính trị");
        await page.GetByLabel("Năm bắt đầu", new() { Exact = true }).FillAsync("2019");
        await page.GetByLabel("Số quyết định 1", new() { Exact = true }).FillAsync("125/QĐ-UBND");
        await page.GetByLabel("Ngày quyết định 1", new() { Exact = true }).FillAsync("2020-05-12");
        await page.GetByLabel("Cấp khen thưởng 1", new() { Exact = true }).SelectOptionAsync("province");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        // Refused for the missing name: the field says why and what was typed is still there.
        await Expect(page.Locator("#err-ModelName")).ToHaveTextAsync("Cần nhập tên mô hình.");
        await Expect(page.GetByLabel("Lĩnh vực", new() { Exact = true })).ToHaveValueAsync("Xây dựng hệ thống chính trị");
        await Expect(page.GetByLabel("Số quyết định 1", new() { Exact = true })).ToHaveValueAsync("125/QĐ-UBND");
        found.AddRange(await ViolationsAsync(page));
        await page.GetByLabel("Tên mô hình", new() { Exact = true }).FillAsync("Dân vận khéo trong xây dựng chi bộ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        var row = page.Locator("#records tbody tr", new() { HasText = "Dân vận khéo trong xây dựng chi bộ" });
        await Expect(row).ToContainTextAsync("Xây dựng hệ thống chính trị");
        await Expect(row).ToContainTextAsync("2019");
        await BrowserApp.ScreenshotAsync(page, "work-registries-models", fullPage: true);
        var id = await row.GetAttributeAsync("data-id");

        foreach (var path in new[] { $"/Registries/Work/Model/{id}", "/Registries/Work/Plan", "/Registries/Work/Recommendation", "/Registries/Work?registry=plans",
                     "/Registries/Work?registry=recommendations", "/Registries/Work/Figures", "/Registries/Work/Import?registry=models" })
        {
            var response = await page.GotoAsync(path);
            (response?.Status ?? 0).ShouldBeLessThan(400, $"{path} answered {response?.Status}");
            found.AddRange(await ViolationsAsync(page));
        }
        await page.GotoAsync("/Registries/Work/Figures");
        await Expect(page.Locator("#figure-table tr[data-code='models.count'] td.num")).ToContainTextAsync("01 mô hình");
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{page.Url}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
