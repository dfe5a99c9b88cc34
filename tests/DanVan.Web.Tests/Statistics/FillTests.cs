using DanVan;
using System.Net;
using System.Net.Http.Json;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Statistics;

/// <summary>The statistics form page as a unit and a coordinator use it: Vietnamese numbers, wrong values kept at their field, rules at their indicator, the cycle, scope.</summary>
public abstract class FillTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private async Task<(TestWorld World, int Commune)> ArrangeAsync()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        await w.OpenStatisticsAsync(_app);
        return (w, w.FormReports[w.Commune]);
    }

    private static Dictionary<string, string?> Typed(params (string Code, string Text)[] values) =>
        values.ToDictionary(v => $"Values[{v.Code}]", v => (string?)v.Text);

    private static readonly (string, string)[] Complete =
        [("poorRate", "3,43"), ("ntmScope", "1/1"), ("ntmCommunes", "1"), ("receptions", "1.306"), ("receptionVisitors", "1.400"), ("receptionsByChairman", "12")];

    private async Task<Page> SaveAsync(TestClient client, int report, params (string, string)[] values)
    {
        var page = await client.GetAsync($"/Statistics/Fill/{report}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        return await client.SubmitAsync(page, "#fill-form", Typed(values), "#save");
    }

    [Fact]
    public async Task Should_save_vietnamese_numbers_and_show_them_back_with_the_computed_rate()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var saved = await SaveAsync(userC, report, Complete);
        saved.Text("#notice").ShouldBe("Đã lưu nháp biểu số liệu.");
        saved.Text("#status").ShouldBe("Đang soạn");
        saved.Find("#v-receptions").GetAttribute("value").ShouldBe("1306"); // re-read as typed: no separator to confuse with a decimal point
        saved.Find("#v-poorRate").GetAttribute("value").ShouldBe("3,43");
        saved.Text("#v-ntmRate").ShouldBe("100%"); // computed, read-only
        saved.Document.QuerySelector("input[name='Values[ntmRate]']").ShouldBeNull();
        saved.Find("label[for='v-receptions']").TextContent.ShouldBe("Số cuộc tiếp dân định kỳ và đột xuất (cuộc)");

        // The computed rate of figures as typed, nothing stored (the page's script shows it while typing).
        var computed = await userC.Http.PostAsync($"/Statistics/Fill/{report}?handler=Compute", new FormUrlEncodedContent(
            [KeyValuePair.Create("__RequestVerificationToken", TestClient.Token(saved)), KeyValuePair.Create("Values[ntmScope]", "20/28"), KeyValuePair.Create("Values[ntmCommunes]", "15")]));
        (await computed.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["ntmRate"].ShouldBe("75%");

        await using var db = _app.NewDbContext();
        var values = await db.FormValues.Where(v => v.ReportId == report).ToListAsync();
        values.Single(v => v.Indicator == "receptions").ToValue().ShouldBe(new NumberValue(1306));
        values.Single(v => v.Indicator == "poorRate").ToValue().ShouldBe(new NumberValue(3.43m));
        values.Single(v => v.Indicator == "ntmScope").ToValue().ShouldBe(new RatioValue(1, 1));
        (await db.Audit.CountAsync(a => a.Action == "form.save")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_a_wrong_value_in_its_field_mark_it_and_link_it_from_the_summary_and_store_nothing()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var refused = await SaveAsync(userC, report, ("receptions", "mười"), ("poorRate", "120"), ("receptionVisitors", "1.400"));

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.RefusalCodes.ShouldBe(["forms.valueUnreadable", "forms.percentageRange"], ignoreOrder: true);
        var field = refused.Find("#v-receptions");
        field.GetAttribute("value").ShouldBe("mười");
        field.GetAttribute("aria-invalid").ShouldBe("true");
        field.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("err-receptions");
        refused.Text("#err-receptions").ShouldNotBeEmpty();
        refused.Find("#v-poorRate").GetAttribute("value").ShouldBe("120");
        refused.Find("#v-receptionVisitors").GetAttribute("value").ShouldBe("1.400"); // a right value typed beside is kept too
        refused.Find("#refusals a[href='#v-receptions']").TextContent.ShouldStartWith("Số cuộc tiếp dân định kỳ và đột xuất (cuộc): ");
        refused.Find("#fill-form").GetAttribute("data-unsaved").ShouldBe("true");

        await using var db = _app.NewDbContext();
        (await db.FormValues.CountAsync(v => v.ReportId == report)).ShouldBe(0);
        (await db.Audit.CountAsync(a => a.Action == "form.save")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_download_the_form_as_xlsx_and_take_it_back_filled_or_list_its_problems_at_their_cells()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var page = await userC.GetAsync($"/Statistics/Fill/{report}");
        var xlsx = await userC.Http.GetByteArrayAsync(page.Find("#download-xlsx").GetAttribute("href"));
        var table = TableFile.ReadXlsx(new MemoryStream(xlsx), "bieu-mau.xlsx");
        table.Records.Select(r => r["indicator"]).ShouldContain("receptions");

        var bad = await userC.PostAsync($"/Statistics/Fill/{report}?handler=Upload", [("__RequestVerificationToken", TestClient.Token(page))],
            [("upload", "bieu-mau.csv", System.Text.Encoding.UTF8.GetBytes("unit_code,indicator,value\nX01,receptions,mười\nX01,poorRate,120\n"))]);
        bad.RefusalCodes.ShouldBe(["forms.valueUnreadable", "forms.percentageRange"]);
        bad.Document.QuerySelectorAll("#refusals li").Select(li => li.GetAttribute("data-where")).ShouldBe(["file:bieu-mau.csv/row:2/column:value", "file:bieu-mau.csv/row:3/column:value"]);
        (await _app.NewDbContext().FormValues.CountAsync(v => v.ReportId == report)).ShouldBe(0);

        var ok = await userC.PostAsync($"/Statistics/Fill/{report}?handler=Upload", [("__RequestVerificationToken", TestClient.Token(page))],
            [("upload", "bieu-mau.csv", System.Text.Encoding.UTF8.GetBytes("unit_code,indicator,value\nX01,receptions,\"1.306\"\nX01,poorRate,\"3,43\"\n"))]);
        ok.Text("#notice").ShouldBe("Đã nhập số liệu từ tệp.");
        ok.Find("#v-receptions").GetAttribute("value").ShouldBe("1306");
    }

    [Fact]
    public async Task Should_let_a_coordinator_import_many_units_figures_from_one_file_all_or_nothing()
    {
        var (w, commune) = await ArrangeAsync();
        var coord = await TestClient.LoginAsync(_app, "coord");
        var page = await coord.GetAsync($"/Statistics/Reports/{w.FormPeriodId}");
        var token = ("__RequestVerificationToken", TestClient.Token(page));

        var bad = await coord.PostAsync($"/Statistics/Reports/{w.FormPeriodId}?handler=Import", [token],
            [("upload", "toan-tinh.csv", System.Text.Encoding.UTF8.GetBytes("unit_code,indicator,value\nX01,receptions,12\nH01,receptions,mười\nZZ9,receptions,1\n"))]);
        bad.Document.QuerySelectorAll("#refusals li").Select(li => (li.GetAttribute("data-code"), li.GetAttribute("data-where")))
            .ShouldBe([("forms.valueUnreadable", "file:toan-tinh.csv/row:3/column:value")]);
        (await _app.NewDbContext().FormValues.CountAsync()).ShouldBe(0);

        var ok = await coord.PostAsync($"/Statistics/Reports/{w.FormPeriodId}?handler=Import", [token],
            [("upload", "toan-tinh.csv", System.Text.Encoding.UTF8.GetBytes("unit_code,indicator,value\nX01,receptions,12\nH01,receptions,\"1.020\"\n"))]);
        ok.Text("#notice").ShouldBe("Đã nhập số liệu của 2 đơn vị.");
        (await _app.NewDbContext().FormValues.SingleAsync(v => v.ReportId == commune)).ToValue().ShouldBe(new NumberValue(12));

        // The export gives them back in the same layout; a unit's clerk may not import for others.
        var csv = await coord.Http.GetStringAsync($"/Statistics/Reports/{w.FormPeriodId}?handler=Export&format=csv");
        csv.ShouldContain("H01,UBND huyện Lệ Thủy,receptions,");
        var userC = await TestClient.LoginAsync(_app, "userC");
        var refused = await userC.PostAsync($"/Statistics/Reports/{w.FormPeriodId}?handler=Import", [("__RequestVerificationToken", TestClient.Token(await userC.GetAsync($"/Statistics/Fill/{commune}")))],
            [("upload", "x.csv", System.Text.Encoding.UTF8.GetBytes("unit_code,indicator,value\nX01,receptions,1\n"))]);
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_block_submission_with_the_broken_error_rule_shown_at_its_indicator()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var saved = await SaveAsync(userC, report, [.. Complete.Where(c => c.Item1 != "receptionsByChairman"), ("receptionsByChairman", "1.307")]);
        saved.Find("#check-summary li[data-code='forms.ruleBroken'] a[href='#v-receptionsByChairman']");
        saved.Text("#err-receptionsByChairman").ShouldContain("Số cuộc tiếp dân của Chủ tịch không vượt tổng số cuộc tiếp dân");

        var headC = await TestClient.LoginAsync(_app, "headC");
        var confirmed = await headC.SubmitAsync(await headC.GetAsync($"/Statistics/Fill/{report}"), "#confirm-form");
        confirmed.Text("#status").ShouldBe("Thủ trưởng đã xác nhận");

        var refused = await userC.SubmitAsync(await userC.GetAsync($"/Statistics/Fill/{report}"), "#submit-form");
        refused.RefusalCodes.ShouldBe(["forms.ruleBroken"]);
        refused.Text("#refusals").ShouldContain("Số cuộc tiếp dân của Chủ tịch không vượt tổng số cuộc tiếp dân");
        refused.Find("#v-receptionsByChairman").GetAttribute("aria-invalid").ShouldBe("true");
        await using var db = _app.NewDbContext();
        (await db.FormReports.SingleAsync(r => r.Id == report)).Status.ShouldBe(FormReportStatus.Confirmed);
        (await db.Audit.CountAsync(a => a.Action == "form.submit")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_ask_for_an_explanation_of_a_broken_warning_rule_before_submission()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var saved = await SaveAsync(userC, report, [.. Complete.Where(c => c.Item1 != "receptionVisitors"), ("receptionVisitors", "1.000")]);
        saved.Text("#warn-receptionVisitors").ShouldContain("Mỗi cuộc tiếp dân thường có ít nhất một lượt người dân");
        saved.Find("label[for='e-visitorsPerReception']").TextContent.ShouldContain("Giải trình");

        var headC = await TestClient.LoginAsync(_app, "headC");
        await headC.SubmitAsync(await headC.GetAsync($"/Statistics/Fill/{report}"), "#confirm-form");
        var refused = await userC.SubmitAsync(await userC.GetAsync($"/Statistics/Fill/{report}"), "#submit-form");
        refused.RefusalCodes.ShouldBe(["forms.warningUnexplained"]);
        refused.Find("#refusals a[href='#e-visitorsPerReception']");

        var explained = await userC.SubmitAsync(refused, "#fill-form", new() { ["Explanations[visitorsPerReception]"] = "Nhiều cuộc tiếp tập thể, mỗi đoàn tính một lượt" }, "#save");
        explained.Text("#notice").ShouldBe("Đã lưu nháp biểu số liệu.");
        await headC.SubmitAsync(await headC.GetAsync($"/Statistics/Fill/{report}"), "#confirm-form");
        var submitted = await userC.SubmitAsync(await userC.GetAsync($"/Statistics/Fill/{report}"), "#submit-form");
        submitted.Text("#notice").ShouldBe("Đã gửi biểu số liệu.");
        submitted.Text("#status").ShouldBe("Đã gửi");
        submitted.Document.QuerySelector("#fill-form input[name^='Values']").ShouldBeNull(); // read-only once submitted
    }

    [Fact]
    public async Task Should_show_a_stale_version_and_keep_the_typed_values()
    {
        var (_, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        var page = await userC.GetAsync($"/Statistics/Fill/{report}");
        await SaveAsync(userC, report, ("receptions", "5"));
        var stale = await userC.SubmitAsync(page, "#fill-form", Typed(("receptions", "7"), ("dialogues", "2")), "#save");
        stale.RefusalCodes.ShouldBe(["forms.staleVersion"]);
        stale.Find("#v-receptions").GetAttribute("value").ShouldBe("7");
        stale.Find("#v-dialogues").GetAttribute("value").ShouldBe("2");
    }

    [Fact]
    public async Task Should_answer_404_out_of_scope_and_403_to_a_role_that_may_not_act()
    {
        var (w, report) = await ArrangeAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        (await userA.GetAsync($"/Statistics/Fill/{report}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await userA.GetAsync($"/Statistics/Fill/{w.FormReports[w.AgencyA]}")).Status.ShouldBe(HttpStatusCode.OK);
        var own = await userA.GetAsync($"/Statistics/Fill/{w.FormReports[w.AgencyA]}");
        var posted = await userA.PostAsync($"/Statistics/Fill/{report}?handler=Save", [("__RequestVerificationToken", TestClient.Token(own)), ("Version", "0"), ("Values[receptions]", "1")]);
        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        (await userA.GetAsync($"/Statistics/Reports/{w.FormPeriodId}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await userA.GetAsync($"/Statistics/Figures/{w.FormPeriodId}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await userA.GetAsync("/Statistics/Forms")).Status.ShouldBe(HttpStatusCode.Forbidden);

        // A coordinator reads the unit's form but may not type into it; the district coordinator sees nothing of an agency.
        var coord = await TestClient.LoginAsync(_app, "coord");
        var view = await coord.GetAsync($"/Statistics/Fill/{report}");
        view.Status.ShouldBe(HttpStatusCode.OK);
        view.Document.QuerySelector("#fill-form input[name^='Values']").ShouldBeNull();
        (await coord.PostAsync($"/Statistics/Fill/{report}?handler=Save", [("__RequestVerificationToken", TestClient.Token(view)), ("Version", "0"), ("Values[receptions]", "1")]))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        var dcoord = await TestClient.LoginAsync(_app, "dcoord");
        (await dcoord.GetAsync($"/Statistics/Fill/{w.FormReports[w.AgencyA]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await dcoord.GetAsync($"/Statistics/Figures/{w.FormPeriodId}?scope={w.AgencyA}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var districtFigures = await dcoord.GetAsync($"/Statistics/Figures/{w.FormPeriodId}?scope={w.District}");
        districtFigures.Status.ShouldBe(HttpStatusCode.OK);
        await using var db = _app.NewDbContext();
        (await db.FormValues.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_list_reports_and_aggregate_figures_with_completeness_and_an_xlsx_export()
    {
        var (w, report) = await ArrangeAsync();
        var userC = await TestClient.LoginAsync(_app, "userC");
        await SaveAsync(userC, report, Complete);
        var headC = await TestClient.LoginAsync(_app, "headC");
        await headC.SubmitAsync(await headC.GetAsync($"/Statistics/Fill/{report}"), "#confirm-form");
        (await userC.SubmitAsync(await userC.GetAsync($"/Statistics/Fill/{report}"), "#submit-form")).Text("#status").ShouldBe("Đã gửi");

        var coord = await TestClient.LoginAsync(_app, "coord");
        var list = await coord.GetAsync($"/Statistics/Reports/{w.FormPeriodId}?status=submitted");
        list.Document.QuerySelectorAll("#reports tbody tr").Select(r => r.GetAttribute("data-unit")).ShouldBe(["X01"]);
        var figures = await coord.GetAsync($"/Statistics/Figures/{w.FormPeriodId}");
        figures.Text($"#figures tr[data-unit='{w.Province}'] [data-submitted]").ShouldBe("1/5 (20%)");
        figures.Text($"#figures tr[data-unit='{w.Province}'] td[data-indicator='receptions']").ShouldBe("1.306");
        figures.Find($"#figures a[href*='scope={w.District}']");
        var export = await coord.Http.GetAsync($"/Statistics/Figures/{w.FormPeriodId}?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows[0]["Đơn vị"].ShouldBe("Tỉnh Thử Nghiệm");
        rows[0]["Số cuộc tiếp dân định kỳ và đột xuất (cuộc)"].ShouldBe("1.306");

        var accepted = await coord.SubmitAsync(await coord.GetAsync($"/Statistics/Fill/{report}"), "#accept-form");
        accepted.Text("#status").ShouldBe("Đã tiếp nhận");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteFillTests(SqliteWebApp app) : FillTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresFillTests(PostgresWebApp app) : FillTests(app);
