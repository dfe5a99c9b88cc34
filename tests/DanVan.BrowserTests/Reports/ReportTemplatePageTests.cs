namespace DanVan.BrowserTests.Reports;

/// <summary>The report template page in Chromium: the preview follows the typing, nothing is stored until saved, a draft download asks first.</summary>
[Collection<BrowserCollection>]
public sealed class ReportTemplatePageTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Should_preview_the_typed_wording_then_save_it_and_ask_before_downloading_a_draft()
    {
        await using var session = await App.SignInAsync("coord");
        var page = session.Page;
        await page.GotoAsync($"/Reports/Template?scope={App.World.Province}");
        await Expect(page.Locator("#template-standard")).ToBeVisibleAsync();

        await page.Locator("#Form_Summary").FillAsync("Báo cáo thử nghiệm mẫu năm {year}");
        await Expect(page.Locator("#template-preview .doc-summary")).ToContainTextAsync("Báo cáo thử nghiệm mẫu năm 20");
        await using (var db = App.Web.NewDbContext()) db.ReportTemplates.Count().ShouldBe(0);

        await page.Locator("#Form_Name").FillAsync("Mẫu của tỉnh");
        await page.Locator("#template-save").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("phiên bản 1");
        await Expect(page.Locator("#template-versions li")).ToHaveCountAsync(1);

        // The period is open: the report is a draft, and a download asks first (dismissed here: nothing downloads).
        await page.GotoAsync($"/Reports?scope={App.World.Province}");
        await Expect(page.Locator("#report-draft-warning")).ToBeVisibleAsync();
        await Expect(page.Locator("#report-template")).ToContainTextAsync("Mẫu của tỉnh (v1)");
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.DismissAsync(); };
        await page.Locator("#download-docx").ClickAsync();
        asked.ShouldNotBeNull().ShouldContain("dự thảo");
    }
}
