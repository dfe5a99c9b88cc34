using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Statistics;

/// <summary>The coordinator's statistics pages: form import (refused by JSON path, nothing stored), the paper preview, opening a period, the previous period beside.</summary>
public abstract class FormsPagesTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_refuse_a_broken_form_file_with_its_json_path_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        await w.OpenStatisticsAsync(_app);
        var coord = await TestClient.LoginAsync(_app, "coord");
        var broken = (await File.ReadAllTextAsync(TestWorld.FormSamplePath))
            .Replace("\"version\": 1", "\"version\": 3", StringComparison.Ordinal)
            .Replace("\"type\": \"percentage\"", "\"type\": \"percent\"", StringComparison.Ordinal);
        var refused = await coord.SubmitAsync(await coord.GetAsync("/Statistics/Forms"), "#form-import", files: [("Upload", "hong.json", Encoding.UTF8.GetBytes(broken))]);
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.RefusalCodes.ShouldNotBeEmpty();
        refused.Document.QuerySelectorAll("#refusals li").Select(li => li.GetAttribute("data-where")).ShouldContain(where => where!.Contains("$.indicators[0]", StringComparison.Ordinal));
        await using (var db = _app.NewDbContext()) (await db.Forms.CountAsync()).ShouldBe(1);

        // The stored one is frozen (a period uses it), laid out as paper, and downloadable.
        var list = await coord.GetAsync("/Statistics/Forms");
        list.Text("#forms tr[data-form='thanh-hoa-dvcq-phu-luc']").ShouldContain("Đã dùng cho kỳ báo cáo");
        var preview = await coord.GetAsync($"/Statistics/Forms/{w.FormId}");
        var group = preview.Document.QuerySelectorAll("th").Single(th => th.TextContent.StartsWith("Xây dựng nông thôn mới năm 2018", StringComparison.Ordinal));
        group.GetAttribute("colspan").ShouldBe("3");
        preview.Document.QuerySelectorAll("th[data-indicator='poorRate']").Single().GetAttribute("rowspan").ShouldBe("2");
        var json = await coord.Http.GetAsync($"/Statistics/Forms?handler=Download&id={w.FormId}");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await json.Content.ReadAsStringAsync()).ShouldContain("\"thanh-hoa-dvcq-phu-luc\"");
    }

    [Fact]
    public async Task Should_open_a_period_show_a_taken_one_at_its_field_and_the_previous_period_beside_the_figures()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        await w.OpenStatisticsAsync(_app);
        var coord = await TestClient.LoginAsync(_app, "coord");
        var year = DateTime.UtcNow.Year;
        var taken = await coord.SubmitAsync(await coord.GetAsync("/Statistics/Periods/Open"), "#open-form-period", new()
        {
            ["FormId"] = w.FormId.ToString(), ["Year"] = year.ToString(), ["ScopeUnitId"] = w.Province.ToString(),
        });
        taken.RefusalCodes.ShouldBe(["forms.periodTaken"]);
        taken.Find("#year").GetAttribute("aria-invalid").ShouldBe("true");
        taken.Text("#err-year").ShouldNotBeEmpty();

        var opened = await coord.SubmitAsync(taken, "#open-form-period", new() { ["Year"] = (year - 1).ToString() });
        opened.Text("#notice").ShouldContain("cho 5 đơn vị");
        opened.Document.QuerySelectorAll("#reports tbody tr").Length.ShouldBe(5);

        var figures = await coord.GetAsync($"/Statistics/Figures/{w.FormPeriodId}");
        figures.Find("#figures tr.previous").TextContent.ShouldContain("Kỳ trước");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteFormsPagesTests(SqliteWebApp app) : FormsPagesTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresFormsPagesTests(PostgresWebApp app) : FormsPagesTests(app);
