using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static DanVan.Web.Tests.Registries.WorkScenario;

namespace DanVan.Web.Tests.Registries;

/// <summary>The work registries' API and pages: scope (404), role (403), bad input located in Vietnamese, versions (409), forms that keep what was typed.</summary>
public abstract class WorkWebTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static object Model(string name = "Một cửa thân thiện") => new { modelName = name, field = "kinh tế", yearStarted = 2018, awards = new[] { new { level = "tỉnh", decision = "12/QĐ-UBND", awardedOn = "2019-05-01", recipient = "tập thể" } } };

    [Fact]
    public async Task Should_answer_404_out_of_scope_and_403_to_a_role_that_may_not_record()
    {
        var s = await SeedAsync(_app);
        var created = await s.As(Agency).PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.06"]}/models", Model());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();

        // Lệ Thủy's officer reads nothing of Sở Nội vụ: its model, its unit and its list are not found.
        (await s.As(District).GetAsync($"/api/v1/registries/work/models/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(District).PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.06"]}/models", Model())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(District).PutAsJsonAsync($"/api/v1/registries/work/models/{id}?version=0", Model())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(District).GetAsync($"/api/v1/registries/work/figures?scope={s.Province}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonNode.Parse(await s.As(District).GetStringAsync("/api/v1/registries/work/models"))!.AsArray().Count.ShouldBe(0);
        // The province's inspector reads it but may not record: 403.
        (await s.As(Inspector).GetAsync($"/api/v1/registries/work/models/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.As(Inspector).PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.06"]}/models", Model())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.As(Inspector).PutAsJsonAsync($"/api/v1/registries/work/models/{id}?version=0", Model())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The unit's officer records only for their own unit; the coordinator for every unit of the province.
        (await s.As(Agency).PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.01"]}/plans", new { year = 2019, planKind = "dvcq" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(Coordinator).PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.01"]}/plans", new { year = 2019, planKind = "dvcq" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // An import row for a unit the caller may not record for is refused at its cell, as unknown.
        var import = await s.As(Agency).PostAsync("/api/v1/registries/work/plans/import", Csv("unit_code,year,kind\n44.06,2019,dvcq\n44.H1,2019,dvcq\n"));
        import.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await import.Content.ReadAsStringAsync()).ShouldContain("file:upload.csv/row:3/column:unit_code");
    }

    [Fact]
    public async Task Should_refuse_bad_input_at_its_fields_in_vietnamese_and_a_stale_version_with_409()
    {
        var s = await SeedAsync(_app);
        var client = s.As(Coordinator);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var bad = await client.PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.06"]}/recommendations",
            new { issuer = "Ủy ban MTTQ tỉnh", issuerLevel = "liên xã", issuedOn = "2019-05-01", topic = "Giám sát tiếp công dân", recommendationStatus = "không tiếp thu" });
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToJsonString());
        problem["errors"]!["issuerLevel"]![0]!.GetValue<string>().ShouldStartWith("'liên xã' không phải cấp của cơ quan kiến nghị hợp lệ");
        problem["errors"]!["reason"]![0]!.GetValue<string>().ShouldBe("Kiến nghị không tiếp thu phải ghi rõ lý do.");

        var ok = await client.PostAsJsonAsync($"/api/v1/registries/work/units/{s.Ids["44.06"]}/recommendations",
            new { issuer = "Ủy ban MTTQ tỉnh", issuerLevel = "tỉnh", issuedOn = "2019-05-01", topic = "Giám sát tiếp công dân", dueOn = "2019-06-01" });
        var id = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        var answer = new { issuer = "Ủy ban MTTQ tỉnh", issuerLevel = "tỉnh", issuedOn = "2019-05-01", topic = "Giám sát tiếp công dân", dueOn = "2019-06-01",
            responseReference = "45/UBND-NC", respondedOn = "2019-05-20", recommendationStatus = "đã giải quyết" };
        (await client.PutAsJsonAsync($"/api/v1/registries/work/recommendations/{id}?version=0", answer)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await client.PutAsJsonAsync($"/api/v1/registries/work/recommendations/{id}?version=0", answer);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await stale.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().ShouldBe("registries.staleVersion");
        var figures = JsonNode.Parse(await client.GetStringAsync($"/api/v1/registries/work/figures?scope={s.Province}&year=2019"))!;
        figures["paragraphs"]!["recommendations"]!.GetValue<string>().ShouldBe(
            "Năm 2019, đã tiếp nhận 01 kiến nghị của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội sau giám sát, phản biện xã hội; đã trả lời đúng hạn 1/1 kiến nghị; đã giải quyết xong 01 kiến nghị.");
        (await client.GetAsync("/api/v1/registries/work/dossiers/export")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var export = await client.GetAsync($"/api/v1/registries/work/recommendations/export?scope={s.Province}&format=csv");
        (await export.Content.ReadAsStringAsync()).ShouldContain("44.06,Ủy ban MTTQ tỉnh,Tỉnh,Giám sát,,01/05/2019,Giám sát tiếp công dân");
    }

    [Fact]
    public async Task Should_keep_what_was_typed_on_a_refused_form_and_guard_the_pages_by_scope_and_role()
    {
        var s = await SeedAsync(_app);
        var coord = await TestClient.LoginAsync(_app, Coordinator);
        var form = await coord.GetAsync("/Registries/Work/Model");
        form.Status.ShouldBe(HttpStatusCode.OK);
        var refused = await coord.SubmitAsync(form, "#model-form", new() { ["UnitId"] = s.Ids["44.06"].ToString(), ["ModelName"] = "", ["Field"] = "Bảo vệ môi trường", ["YearStarted"] = "2030" });
        refused.RefusalCodes.ShouldBe(["request.required", "registries.work.yearOutOfRange"], ignoreOrder: true);
        refused.Find("#field").GetAttribute("value").ShouldBe("Bảo vệ môi trường");
        refused.Find("#year-started").GetAttribute("value").ShouldBe("2030");
        refused.Text("#err-YearStarted").ShouldBe("Năm 2030 nằm ngoài khoảng 1990–2020.");
        var saved = await coord.SubmitAsync(refused, "#model-form", new() { ["ModelName"] = "Xanh - sạch - đẹp", ["YearStarted"] = "2019" });
        saved.Url.AbsolutePath.ShouldBe("/Registries/Work");
        saved.Text("#records tbody tr").ShouldContain("Xanh - sạch - đẹp");
        var id = saved.Find("#records tbody tr").GetAttribute("data-id");

        var district = await TestClient.LoginAsync(_app, District);
        (await district.GetAsync($"/Registries/Work/Model/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var inspector = await TestClient.LoginAsync(_app, Inspector);
        (await inspector.GetAsync($"/Registries/Work?scope={s.Province}")).Status.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/Registries/Work/Figures")).Status.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync($"/Registries/Work/Model/{id}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await district.GetAsync($"/Registries/Work?scope={s.Province}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync("/Registries/Work?registry=dossiers")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteWorkWebTests(SqliteWebApp app) : WorkWebTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresWorkWebTests(PostgresWebApp app) : WorkWebTests(app);
