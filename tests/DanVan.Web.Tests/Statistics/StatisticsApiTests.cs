using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Statistics.StatisticsScenario;

namespace DanVan.Web.Tests.Statistics;

/// <summary>Statistics forms through the REST API: forms, periods, a unit's values with ETag/If-Match, the cycle, aggregates.</summary>
public abstract class StatisticsApiTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>Nga Sơn's 2018 figures (reference 001, PHỤ LỤC SỐ LIỆU) typed as its officer would, Vietnamese text where natural.</summary>
    public static readonly Dictionary<string, object> NgaSon2018 = new()
    {
        ["poorRate"] = "3,43",
        ["ntmScope"] = "26/27",
        ["ntmCommunes"] = 15,
        ["proceduresCut"] = 77,
        ["proceduresCutRate"] = "38,5",
        ["satisfactionUnits"] = JsonNode.Parse("""{ "n": 20, "N": 28 }""")!,
        ["civilServantsCut"] = 5,
        ["publicEmployeesCut"] = 9,
        ["receptions"] = 342,
        ["receptionVisitors"] = "390",
        ["receptionsByChairman"] = 17,
        ["dialogues"] = 2,
        ["dialogueParticipants"] = 2,
        ["dialoguesByChairman"] = 1,
        ["petitionsEscalated"] = 0,
        ["petitionsResolved"] = 10,
        ["petitionsResolvedRate"] = "100",
    };

    private static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Code(JsonNode? problem) => problem?["code"]?.GetValue<string>() ?? "(no code)";

    private static async Task<(int Id, string ETag)> ReadAsync(HttpClient client, int report)
    {
        var response = await client.GetAsync($"/api/v1/form-reports/{report}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (report, response.Headers.ETag!.Tag);
    }

    /// <summary>Nga Sơn's officer types 001's figures, its head confirms, the officer submits and the province accepts; returns the period id.</summary>
    private static async Task<int> EnterNgaSon2018Async(StatisticsScenario s)
    {
        var period = await s.OpenNgaSon2018Async();
        var report = await s.ReportIdAsync(period, s.NgaSonId);
        var officer = s.As(NgaSon);

        var (_, etag) = await ReadAsync(officer, report);
        var (put, saved) = await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values = NgaSon2018 }, etag);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, saved?.ToJsonString());
        saved!["values"]!["poorRate"]!.GetValue<decimal>().ShouldBe(3.43m);
        saved["values"]!["ntmScope"]!["n"]!.GetValue<int>().ShouldBe(26);
        saved["computed"]!["ntmRate"]!.GetValue<decimal>().ShouldBe(100m * 15 / 26);
        saved["check"]!["canSubmit"]!.GetValue<bool>().ShouldBeTrue(saved["check"]!.ToJsonString());
        saved["actions"]!["confirm"]!.GetValue<bool>().ShouldBeFalse(); // the officer is not the head

        (await SendAsync(s.As(NgaSonHead), HttpMethod.Post, $"/api/v1/form-reports/{report}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (submit, submitted) = await SendAsync(officer, HttpMethod.Post, $"/api/v1/form-reports/{report}/submit");
        submit.StatusCode.ShouldBe(HttpStatusCode.OK, submitted?.ToJsonString());
        submitted!["status"]!.GetValue<string>().ShouldBe("Submitted");
        submitted["isLate"]!.GetValue<bool>().ShouldBeFalse();
        (await SendAsync(s.As(Coordinator), HttpMethod.Post, $"/api/v1/form-reports/{report}/accept")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return period;
    }

    [Fact]
    public async Task Should_write_001s_report_with_its_statistics_appendix_from_figures_entered_through_the_api()
    {
        var s = await SeedAsync(_app);
        await EnterNgaSon2018Async(s);
        var coordinator = s.As(Coordinator);

        // No evaluation period covers Thanh Hóa in 2018: the report holds what the statistics form holds.
        var figures = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/reports/{s.NgaSonId}/2018"))!;
        figures["hasEvaluation"]!.GetValue<bool>().ShouldBeFalse();
        figures["kind"]!.GetValue<string>().ShouldBe("periodic");
        figures["lines"]!.AsArray().Count.ShouldBe(0);
        var tables = figures["appendix"]!.AsArray().Single()!["tables"]!.AsArray();
        string[] Row(int table) => [.. tables[table]!["rows"]!.AsArray().Single()!.AsArray().Select(c => c?.GetValue<string>() ?? "")];
        Row(0).ShouldBe(["Huyện Nga Sơn", "3,43%", "26/27", "15", "57,7%"]); // 001 prints 57,6% (15/26 truncated)
        Row(1).ShouldBe(["77", "38,5%", "", "", "", "20/28"]);
        Row(2).ShouldBe(["5", "9", "", "", "", "", ""]);
        Row(3).ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);

        var md = await coordinator.GetStringAsync($"/api/v1/reports/{s.NgaSonId}/2018/document?format=md");
        md.ShouldContain("**Kết quả triển khai thực hiện “Năm dân vận chính quyền” 2018**");
        md.ShouldContain("Thực hiện Công văn số 1527/SNV-VP ngày 28/9/2018 của Sở Nội vụ tỉnh Thanh Hóa về báo cáo kết quả triển khai thực hiện " +
            "“Năm dân vận chính quyền” 2018; UBND huyện Nga Sơn báo cáo kết quả như sau:");
        md.ShouldContain("| Huyện Nga Sơn | 3,43% | 26/27 | 15 | 57,7% |");
        md.ShouldContain("| 342 | 390 | 17 | 02 | 02 | 01 | 0 | 10 | 100% |");
        md.ShouldNotContain("DỰ THẢO");
        md.ShouldNotContain("đánh giá, phân loại năm");

        var docx = await coordinator.GetAsync($"/api/v1/reports/{s.NgaSonId}/2018/document");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var cells = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        cells.ShouldContain("Số xã đạt nông thôn mới");
        cells.ShouldContain("26/27");
        cells.ShouldContain("20/28");

        // A year with nothing in it at all is not a report.
        (await coordinator.GetAsync($"/api/v1/reports/{s.NgaSonId}/2016")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_enter_nga_sons_2018_appendix_and_give_the_appendix_rows_back()
    {
        var s = await SeedAsync(_app);
        var period = await EnterNgaSon2018Async(s);

        var figures = JsonNode.Parse(await s.As(Coordinator).GetStringAsync($"/api/v1/form-periods/{period}/figures?scope={s.NgaSonId}"))!;
        var rows = figures["sections"]!.AsArray().Select(r => r!["cells"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray()).ToArray();
        rows[0].ShouldBe(["3,43%", "26/27", "15", "57,7%"]); // 15/26 = 57,69…%: the source prints 57,6% (truncated); DanVan rounds half away from zero
        rows[1].ShouldBe(["77", "38,5%", "", "", "", "20/28"]);
        rows[2].ShouldBe(["5", "9", "", "", "", "", ""]);
        rows[3].ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);
        // Its communes owe the form too and have not submitted: Nga Sơn's figures are its own, and completeness says so.
        figures["completeness"]!["ratio"]!.GetValue<string>().ShouldBe("1/3");
        figures["completeness"]!["onTime"]!.GetValue<int>().ShouldBe(1);
        figures["units"]!.AsArray().Select(u => u!["completeness"]!["ratio"]!.GetValue<string>()).ShouldBe(["0/1", "0/1"]);
    }

    [Fact]
    public async Task Should_refuse_a_broken_form_file_with_its_json_paths_and_store_nothing()
    {
        var s = await SeedAsync(_app);
        var coordinator = s.As(Coordinator);
        var broken = JsonNode.Parse(AppendixJson)!;
        broken["indicators"]![0]!["aggregation"] = "median";
        var content = () => new StringContent(broken.ToJsonString(), Encoding.UTF8, "application/json");

        var validate = await coordinator.PostAsync("/api/v1/forms/validate", content());
        var problem = JsonNode.Parse(await validate.Content.ReadAsStringAsync())!;
        validate.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToJsonString());
        Code(problem).ShouldBe("forms.unknownValue");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(k => k.EndsWith("$.indicators[0].aggregation", StringComparison.Ordinal));

        var import = await coordinator.PostAsync("/api/v1/forms", content());
        import.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using (var db = _app.NewDbContext()) (await db.Forms.CountAsync()).ShouldBe(0);

        var ok = await coordinator.PostAsync("/api/v1/forms/validate", new StringContent(AppendixJson, Encoding.UTF8, "application/json"));
        JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["indicators"]!.GetValue<int>().ShouldBe(28);
        await using (var db = _app.NewDbContext()) (await db.Forms.CountAsync()).ShouldBe(0);

        // Once a period uses the version it is frozen (409); a unit user may not import at all (403).
        await s.OpenNgaSon2018Async();
        var frozen = await coordinator.PostAsync("/api/v1/forms", new StringContent(AppendixJson, Encoding.UTF8, "application/json"));
        frozen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Code(JsonNode.Parse(await frozen.Content.ReadAsStringAsync())).ShouldBe("forms.versionFrozen");
        (await s.As(NgaSon).PostAsync("/api/v1/forms", new StringContent(AppendixJson, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var list = JsonNode.Parse(await coordinator.GetStringAsync("/api/v1/forms"))!.AsArray();
        list.Single()!["frozen"]!.GetValue<bool>().ShouldBeTrue();
        var exported = await coordinator.GetStringAsync($"/api/v1/forms/{list.Single()!["id"]}");
        JsonNode.Parse(exported)!["code"]!.GetValue<string>().ShouldBe("thanh-hoa-dvcq-phu-luc");
    }

    [Fact]
    public async Task Should_answer_404_outside_the_scope_and_403_to_a_role_that_may_not()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var report = await s.ReportIdAsync(period, s.NgaSonId);
        var hauLoc = s.As(HauLoc);
        var missing = await SendAsync(hauLoc, HttpMethod.Get, "/api/v1/form-reports/987654");
        foreach (var (method, url) in new[]
        {
            (HttpMethod.Get, $"/api/v1/form-reports/{report}"), (HttpMethod.Put, $"/api/v1/form-reports/{report}"),
            (HttpMethod.Post, $"/api/v1/form-reports/{report}/submit"), (HttpMethod.Get, $"/api/v1/form-periods/{period}"),
            (HttpMethod.Get, $"/api/v1/form-periods/{period}/reports"), (HttpMethod.Get, $"/api/v1/form-periods/{period}/figures"),
        })
        {
            var (response, problem) = await SendAsync(hauLoc, method, url, method == HttpMethod.Get ? null : new { values = new { receptions = 1 } }, "\"0\"");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url}");
            problem!["title"]!.GetValue<string>().ShouldBe(missing.Body!["title"]!.GetValue<string>());
        }
        JsonNode.Parse(await hauLoc.GetStringAsync("/api/v1/form-periods"))!.AsArray().ShouldBeEmpty();

        // Nga Sơn's officer may not accept, open periods or follow the province; its own consolidation is its to see.
        (await SendAsync(s.As(NgaSon), HttpMethod.Post, $"/api/v1/form-reports/{report}/accept")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(s.As(NgaSon), HttpMethod.Post, $"/api/v1/form-reports/{report}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(s.As(NgaSon), HttpMethod.Post, "/api/v1/form-periods", new { formCode = "thanh-hoa-dvcq-phu-luc", year = 2019, scopeUnitId = s.NgaSonId, opensOn = "2019-11-01" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.As(NgaSon).GetAsync($"/api/v1/form-periods/{period}/figures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.As(NgaSon).GetAsync($"/api/v1/form-periods/{period}/figures?scope={s.Province}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var reports = JsonNode.Parse(await s.As(Commune).GetStringAsync($"/api/v1/form-periods/{period}/reports"))!.AsArray();
        reports.Select(r => r!["unit"]!["id"]!.GetValue<int>()).ShouldBe([s.NgaThai]);
        (await s.As(Commune).GetAsync($"/api/v1/form-periods/{period}/figures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = _app.NewDbContext();
        (await db.FormValues.CountAsync()).ShouldBe(0);
        (await db.Audit.CountAsync(a => a.Action.StartsWith("form."))).ShouldBe(1); // the import only
    }

    [Fact]
    public async Task Should_round_trip_the_etag_and_refuse_a_stale_a_missing_version_and_a_value_of_the_wrong_type()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var report = await s.ReportIdAsync(period, s.NgaThai);
        var officer = s.As(Commune);
        var (_, etag) = await ReadAsync(officer, report);

        (await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values = new { receptions = "1.306" } })).Response.StatusCode
            .ShouldBe(HttpStatusCode.PreconditionRequired);
        var (wrong, refused) = await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values = new { receptions = true, poorRate = "120" } }, etag);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused!["refusals"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["where"]!.GetValue<string>()))
            .ShouldBe([("forms.valueWrongType", "$.values.receptions"), ("forms.percentageRange", "$.values.poorRate")]);

        var (ok, saved) = await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values = new { receptions = "1.306", receptionVisitors = 1400, ntmScope = "1/1" } }, etag);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, saved?.ToJsonString());
        saved!["values"]!["receptions"]!.GetValue<decimal>().ShouldBe(1306m);
        var newTag = ok.Headers.ETag!.Tag;
        newTag.ShouldNotBe(etag);
        saved["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(newTag.Trim('"'));

        var (stale, conflict) = await SendAsync(officer, HttpMethod.Patch, $"/api/v1/form-reports/{report}", new { values = new { receptions = 5 } }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Code(conflict).ShouldBe("forms.staleVersion");

        // PATCH keeps what it does not name; PUT replaces the whole form.
        var (_, patched) = await SendAsync(officer, HttpMethod.Patch, $"/api/v1/form-reports/{report}", new { values = new { dialogues = "3" } }, newTag);
        patched!["values"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal).ShouldBe(["dialogues", "ntmScope", "receptionVisitors", "receptions"]);
        var (_, replaced) = await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values = new { dialogues = 4 }, version = patched["version"]!.GetValue<int>() });
        replaced!["values"]!.AsObject().Select(v => v.Key).ShouldBe(["dialogues"]);
    }

    [Fact]
    public async Task Should_block_submission_with_the_broken_rule_at_its_indicator_and_require_an_explanation_for_a_warning()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var report = await s.ReportIdAsync(period, s.NgaSonId);
        var (_, etag) = await ReadAsync(s.As(NgaSon), report);
        var values = new Dictionary<string, object>(NgaSon2018) { ["receptionsByChairman"] = 400, ["receptionVisitors"] = 300 };
        var (_, saved) = await SendAsync(s.As(NgaSon), HttpMethod.Put, $"/api/v1/form-reports/{report}", new { values }, etag);
        saved!["check"]!["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), e["indicator"]!.GetValue<string>())).ShouldBe([("forms.ruleBroken", "receptionsByChairman")]);
        (await SendAsync(s.As(NgaSonHead), HttpMethod.Post, $"/api/v1/form-reports/{report}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (blocked, problem) = await SendAsync(s.As(NgaSon), HttpMethod.Post, $"/api/v1/form-reports/{report}/submit");
        blocked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem!["refusals"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["where"]!.GetValue<string>(), r["args"]!["rule"]!.GetValue<string>()))
            .ShouldBe([("forms.ruleBroken", "$.values.receptionsByChairman", "chairmanReceptions"), ("forms.warningUnexplained", "$.values.receptionVisitors", "visitorsPerReception")]);

        var (_, fixedUp) = await SendAsync(s.As(NgaSon), HttpMethod.Patch, $"/api/v1/form-reports/{report}",
            new { values = new { receptionsByChairman = 17 }, explanations = new { visitorsPerReception = "Nhiều cuộc tiếp không có công dân đến" } }, (await ReadAsync(s.As(NgaSon), report)).ETag);
        fixedUp!["status"]!.GetValue<string>().ShouldBe("Draft"); // a change clears the confirmation
        fixedUp["check"]!["canSubmit"]!.GetValue<bool>().ShouldBeTrue();
        var (notConfirmed, why) = await SendAsync(s.As(NgaSon), HttpMethod.Post, $"/api/v1/form-reports/{report}/submit");
        notConfirmed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Code(why).ShouldBe("forms.notConfirmed");
        (await SendAsync(s.As(NgaSonHead), HttpMethod.Post, $"/api/v1/form-reports/{report}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(s.As(NgaSon), HttpMethod.Post, $"/api/v1/form-reports/{report}/submit")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_accept_return_with_a_comment_extend_a_deadline_and_count_completeness()
    {
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var commune = await s.ReportIdAsync(period, s.NgaThai);
        var officer = s.As(Commune);
        var (_, etag) = await ReadAsync(officer, commune);
        (await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{commune}",
            new { values = new { poorRate = "2,5", ntmScope = "1/1", ntmCommunes = 1, receptions = 12, receptionVisitors = 30 } }, etag)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Only the unit's head confirms; the coordinator may not do it for the commune.
        (await SendAsync(s.As(Coordinator), HttpMethod.Post, $"/api/v1/form-reports/{commune}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(s.As(CommuneHead), HttpMethod.Post, $"/api/v1/form-reports/{commune}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(officer, HttpMethod.Post, $"/api/v1/form-reports/{commune}/submit")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var coordinator = s.As(Coordinator);
        var (noComment, problem) = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/form-reports/{commune}/return", new { comment = " " });
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Code(problem).ShouldBe("forms.commentRequired");
        var (returned, back) = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/form-reports/{commune}/return", new { comment = "Số lượt tiếp chưa khớp sổ" });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        back!["status"]!.GetValue<string>().ShouldBe("Returned");
        back["returnComment"]!.GetValue<string>().ShouldBe("Số lượt tiếp chưa khớp sổ");
        var (cannot, notSubmitted) = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/form-reports/{commune}/accept");
        cannot.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Code(notSubmitted).ShouldBe("forms.notSubmitted");

        var other = await s.ReportIdAsync(period, s.NgaLien);
        var (extended, view) = await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/form-reports/{other}/extend", new { until = "2018-12-28", reason = "Xã bị ảnh hưởng bão số 3" });
        extended.StatusCode.ShouldBe(HttpStatusCode.OK, view?.ToJsonString());
        view!["deadline"]!.GetValue<string>().ShouldBe("2018-12-28");

        // Returned is not submitted: completeness counts none; after resubmission and acceptance it counts one of three.
        var figures = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/form-periods/{period}/figures"))!;
        figures["completeness"]!["ratio"]!.GetValue<string>().ShouldBe("0/3");
        (await SendAsync(s.As(CommuneHead), HttpMethod.Post, $"/api/v1/form-reports/{commune}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(officer, HttpMethod.Post, $"/api/v1/form-reports/{commune}/submit")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(coordinator, HttpMethod.Post, $"/api/v1/form-reports/{commune}/accept")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        figures = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/form-periods/{period}/figures"))!;
        figures["completeness"]!["ratio"]!.GetValue<string>().ShouldBe("1/3");
        figures["completeness"]!["percent"]!.GetValue<decimal>().ShouldBe(33.3m);
        figures["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "receptions")!["cell"]!.GetValue<string>().ShouldBe("12");
        figures["units"]!.AsArray().Select(u => (u!["unit"]!["code"]!.GetValue<string>(), u["completeness"]!["ratio"]!.GetValue<string>()))
            .ShouldBe([("38.NS.01", "1/1"), ("38.NS.02", "0/1")]);
        figures["previousPeriod"].ShouldBeNull();

        // The same form's 2017 period for the same scope is the previous period: its figures come alongside.
        var opened = await coordinator.PostAsJsonAsync("/api/v1/form-periods", new { formCode = "thanh-hoa-dvcq-phu-luc", year = 2017, scopeUnitId = s.NgaSonId, opensOn = "2017-11-01" });
        var earlier = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        var old = await s.ReportIdAsync(earlier, s.NgaThai);
        (await SendAsync(officer, HttpMethod.Put, $"/api/v1/form-reports/{old}",
            new { values = new { poorRate = "3,1", ntmScope = "0/1", ntmCommunes = 0, receptions = 8, receptionVisitors = 8 } }, (await ReadAsync(officer, old)).ETag)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(s.As(CommuneHead), HttpMethod.Post, $"/api/v1/form-reports/{old}/confirm")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (lateSubmit, late) = await SendAsync(officer, HttpMethod.Post, $"/api/v1/form-reports/{old}/submit");
        lateSubmit.StatusCode.ShouldBe(HttpStatusCode.OK);
        late!["isLate"]!.GetValue<bool>().ShouldBeTrue(); // a year after its deadline: accepted, marked late
        figures = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/form-periods/{period}/figures"))!;
        figures["previousPeriod"]!["id"]!.GetValue<int>().ShouldBe(earlier);
        var receptions = figures["indicators"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "receptions")!;
        (receptions["cell"]!.GetValue<string>(), receptions["previousCell"]!.GetValue<string>()).ShouldBe(("12", "8"));

        var list = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/form-periods/{period}/reports"))!.AsArray();
        list.Select(r => r!["status"]!.GetValue<string>()).ShouldBe(["NotStarted", "Accepted", "NotStarted"]);
        list.Single(r => r!["id"]!.GetValue<int>() == other)!["extended"]!.GetValue<bool>().ShouldBeTrue();
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteStatisticsApiTests(SqliteWebApp app) : StatisticsApiTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresStatisticsApiTests(PostgresWebApp app) : StatisticsApiTests(app);
