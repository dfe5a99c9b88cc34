using Deque.AxeCore.Playwright;
using DanVan.Criteria;

namespace DanVan.BrowserTests.Evaluations;

/// <summary>The criteria-change simulation in Chromium: a coordinator re-scores the past period under a second stored set.</summary>
[Collection<BrowserCollection>]
public sealed class SimulationTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>A revision of the test set: criterion 1 down to 30 points, a new criterion 4 (10 points), Hoàn thành tốt from 80.</summary>
    private static CriteriaSet Revision()
    {
        var set = TestWorld.Set();
        return set with
        {
            Id = "test-set-sua-doi",
            Name = "Bộ tiêu chí sửa đổi (dự thảo)",
            Decision = new DocumentRef { Number = "Dự thảo/QĐ-UBND" },
            Criteria =
            [
                set.Criteria[0] with { MaxPoints = 30 },
                set.Criteria[1],
                set.Criteria[2],
                new() { Id = "4", Name = "Ứng dụng công nghệ thông tin trong công tác dân vận", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Points, Step = 0.5m } },
            ],
            Classification = set.Classification with
            {
                Bands = [.. set.Classification.Bands.Select(b => b.Code == "HTT" ? b with { Min = 80 } : b)],
            },
        };
    }

    [Fact]
    public async Task Should_simulate_a_second_criteria_set_on_the_past_period_and_read_who_changes_class()
    {
        var w = App.World;
        await w.SubmitAsync(App.Web, w.AssessmentA);
        await w.SubmitAsync(App.Web, w.AssessmentB);
        await using (var db = App.NewDbContext()) await CriteriaSetStore.ImportAsync(db, Revision(), TestContext.Current.CancellationToken);

        await using var session = await App.SignInAsync("coord");
        var page = session.Page;
        await page.GotoAsync("/Periods");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mô phỏng tiêu chí" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mô phỏng thay đổi bộ tiêu chí", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Chọn bộ tiêu chí đã lưu").SelectOptionAsync(new SelectOptionValue { Label = "Bộ tiêu chí sửa đổi (dự thảo) (Dự thảo/QĐ-UBND, v1)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mô phỏng", Exact = true }).ClickAsync();

        await Expect(page.Locator("#simulation-summary")).ToHaveTextAsync("02 đơn vị được chấm lại, 02 đơn vị thay đổi xếp loại.");
        var rows = page.Locator("#changes tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        // 85,5 → 76,5: criterion 1 (35,5 of 40) becomes 26,5 of 30; the new criterion 4 has no data; Hoàn thành tốt now needs 80.
        await Expect(rows.First.Locator(".totals")).ToHaveTextAsync("85,5 → 76,5");
        await Expect(rows.First.Locator(".band-after")).ToHaveTextAsync("Hoàn thành (Xuống)");
        await Expect(rows.First.Locator(".why li").First).ToHaveTextAsync("1 Lãnh đạo, chỉ đạo công tác dân vận: 35,5 → 26,5");
        await Expect(page.Locator("#no-data li")).ToHaveTextAsync("4 Ứng dụng công nghệ thông tin trong công tác dân vận (10)");
        await Expect(page.Locator("table.distribution[data-group=so-ban-nganh] tr[data-band=HT] .after")).ToHaveTextAsync("02");
        await BrowserApp.ScreenshotAsync(page, "simulation-result", fullPage: true);

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải số liệu (XLSX)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = Path.Combine(BrowserApp.ArtifactsFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var changed = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: "Đơn vị đổi loại", startCell: "A2").Cast<IDictionary<string, object?>>().ToList();
        changed.Count.ShouldBe(2);
    }
}
