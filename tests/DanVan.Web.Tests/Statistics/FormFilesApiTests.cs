using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Statistics.StatisticsScenario;

namespace DanVan.Web.Tests.Statistics;

/// <summary>Figures as files through the API: a unit's XLSX round trip, a coordinator's CSV of many units, exports by scope.</summary>
public abstract class FormFilesApiTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static ByteArrayContent Csv(string text) => new(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Should_download_a_units_form_as_xlsx_fill_it_offline_and_upload_it_back()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var report = await s.ReportIdAsync(period, s.NgaThai);
        var clerk = s.As(Commune);

        var download = await clerk.GetAsync($"/api/v1/form-reports/{report}/file");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var table = TableFile.ReadXlsx(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), "xa.xlsx");
        table.Records.Select(r => r["indicator"]).ShouldContain("receptions");

        // Filled offline: the clerk types Vietnamese numbers in the open cells.
        var filled = new StringBuilder("unit_code,indicator,value\n");
        foreach (var (code, value) in new[] { ("receptions", "1.306"), ("receptionVisitors", "1.400"), ("ntmScope", "1/1"), ("ntmCommunes", "1"), ("poorRate", "2,5") })
            filled.Append("38.NS.01,").Append(code).Append(",\"").Append(value).Append("\"\n");
        var upload = await clerk.PutAsync($"/api/v1/form-reports/{report}/file", Csv(filled.ToString()));
        var body = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["units"]!.GetValue<int>().ShouldBe(1);

        await using var db = _app.NewDbContext();
        var saved = (await FormFilling.LoadAsync(db, report))!.ToFormValues().Values;
        saved["receptions"].ShouldBe(new NumberValue(1306));
        saved["poorRate"].ShouldBe(new NumberValue(2.5m));

        // Another unit's row in the same file is refused as not found, and nothing of the file is stored.
        var other = await clerk.PutAsync($"/api/v1/form-reports/{report}/file", Csv("unit_code,indicator,value\n38.NS.01,receptions,5\n38.NS.02,receptions,7\n"));
        var problem = await Problem(other, HttpStatusCode.BadRequest);
        problem["code"]!.GetValue<string>().ShouldBe("forms.importUnitNotFound");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file:upload.csv/row:3/column:unit_code"]);
        (await FormFilling.LoadAsync(_app.NewDbContext(), report))!.ToFormValues().Values["receptions"].ShouldBe(new NumberValue(1306));
    }

    [Fact]
    public async Task Should_import_many_units_in_one_file_all_or_nothing_with_problems_at_their_cells()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var coordinator = s.As(Coordinator);

        var bad = await coordinator.PostAsync($"/api/v1/form-periods/{period}/import",
            Csv("unit_code,indicator,value\n38.NS.01,receptions,12\n38.NS.02,receptions,mười hai\n38.NS.02,poorRate,130\n38.HL.01,receptions,3\n"));
        var problem = await Problem(bad, HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["file:upload.csv/row:3/column:value", "file:upload.csv/row:4/column:value"]);
        problem["refusals"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ShouldBe(["forms.valueUnreadable", "forms.percentageRange"]);
        (await _app.NewDbContext().FormValues.CountAsync()).ShouldBe(0);

        // A unit outside the period (Hậu Lộc's commune) is not found either: the file tells nothing of other scopes.
        var outside = await coordinator.PostAsync($"/api/v1/form-periods/{period}/import", Csv("unit_code,indicator,value\n38.NS.01,receptions,12\n38.HL.01,receptions,3\n"));
        (await Problem(outside, HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("forms.importUnitNotFound");

        var ok = await coordinator.PostAsync($"/api/v1/form-periods/{period}/import", Csv("unit_code,indicator,value\n38.NS.01,receptions,12\n38.NS.02,receptions,\"1.020\"\n"));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await _app.NewDbContext().Audit.CountAsync(a => a.Action == "form.save")).ShouldBe(2);

        // Exports: the coordinator gets every unit of Nga Sơn; a commune's clerk only their own unit.
        var all = await coordinator.GetAsync($"/api/v1/form-periods/{period}/export?format=csv");
        var rows = TableFile.ReadCsv(new MemoryStream(await all.Content.ReadAsByteArrayAsync()), "x.csv").Records;
        rows.Select(r => r["unit_code"]).Distinct().ShouldBe(["38.NS", "38.NS.01", "38.NS.02"]);
        rows.Single(r => r["unit_code"] == "38.NS.02" && r["indicator"] == "receptions")["value"].ShouldBe("1020");
        var mine = await s.As(Commune).GetAsync($"/api/v1/form-periods/{period}/export?format=csv");
        TableFile.ReadCsv(new MemoryStream(await mine.Content.ReadAsByteArrayAsync()), "x.csv").Records.Select(r => r["unit_code"]).Distinct().ShouldBe(["38.NS.01"]);

        // Hậu Lộc's officer reads nothing of Nga Sơn's period.
        (await s.As(HauLoc).GetAsync($"/api/v1/form-periods/{period}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteFormFilesApiTests(SqliteWebApp app) : FormFilesApiTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresFormFilesApiTests(PostgresWebApp app) : FormFilesApiTests(app);
