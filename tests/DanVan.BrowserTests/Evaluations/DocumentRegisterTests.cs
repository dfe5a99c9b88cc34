using System.Text;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>Issue 13: a document registered once, linked to a criterion, marked "chưa đủ căn cứ" by the appraiser,
/// and the unit reads the reason.</summary>
[Collection<BrowserCollection>]
public sealed class DocumentRegisterTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_register_a_document_link_it_and_show_the_unit_the_appraisers_reason()
    {
        var w = App.World;
        var a = w.AssessmentA;
        await using (var unit = await App.SignInAsync("userA"))
        {
            var page = unit.Page;
            await page.GotoAsync($"/Evaluations/Evidence/{a}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sổ văn bản kiểm chứng của đơn vị" }).First.ClickAsync();
            await page.GetByLabel("Số, ký hiệu", new() { Exact = true }).FillAsync("44-KH/UBND");
            await page.GetByLabel("Ngày ban hành", new() { Exact = true }).FillAsync("2024-02-11");
            await page.GetByLabel("Cơ quan ban hành", new() { Exact = true }).FillAsync("UBND tỉnh Thử Nghiệm");
            await page.GetByLabel("Trích yếu", new() { Exact = true }).FillAsync("Kế hoạch công tác dân vận chính quyền năm 2024");
            await page.GetByLabel("Tệp văn bản (không bắt buộc)").SetInputFilesAsync(new FilePayload
            {
                Name = "ke-hoach-44.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký văn bản" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã đăng ký văn bản 44-KH/UBND.");
            await Expect(page.Locator("#documents")).ToContainTextAsync("ke-hoach-44.pdf");

            await page.GotoAsync($"/Evaluations/Evidence/{a}");
            await page.Locator("#link-criterion").SelectOptionAsync("1");
            await page.GetByLabel("Văn bản", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Gắn văn bản" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã gắn văn bản cho tiêu chí 1.");
            await Expect(page.Locator("#evidence")).ToContainTextAsync("44-KH/UBND ngày 11/02/2024 của UBND tỉnh Thử Nghiệm");
        }

        await w.SubmitAsync(App.Web, a);

        await using (var coord = await App.SignInAsync("coord"))
        {
            var page = coord.Page;
            await page.GotoAsync($"/Evaluations/Evidence/{a}");
            await page.Locator("#evidence a.mark-link").First.ClickAsync();
            await page.GetByLabel("Lý do (đơn vị sẽ đọc được)").FillAsync("Kế hoạch chưa có chữ ký, đóng dấu.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu chưa đủ căn cứ" }).ClickAsync();
            await Expect(page.Locator("#notice")).ToHaveTextAsync("Đã đánh dấu tài liệu chưa đủ căn cứ.");
        }

        await using (var unit = await App.SignInAsync("userA"))
        {
            var page = unit.Page;
            await page.GotoAsync($"/Evaluations/View/{a}");
            await Expect(page.Locator("p.insufficient").First).ToContainTextAsync("Chưa đủ căn cứ: Kế hoạch chưa có chữ ký, đóng dấu.");
            await page.GotoAsync($"/Evaluations/Evidence/{a}");
            await Expect(page.Locator("#evidence p.insufficient")).ToContainTextAsync("Kế hoạch chưa có chữ ký, đóng dấu.");
            await BrowserApp.ScreenshotAsync(page, "evidence-insufficient");
        }
    }
}
