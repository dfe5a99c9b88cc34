using System.Net;
using System.Text.Json.Nodes;

namespace DanVan.Web.Tests.Api;

/// <summary>Issue 13 through the API: register, list, read and download a unit's documents; link one as evidence in
/// two years' assessments; mark and clear "chưa đủ căn cứ"; another unit gets 404.</summary>
public abstract class DocumentsApiTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static MultipartFormDataContent Form(string number, string issuedOn = "2024-02-11", byte[]? file = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(number), "number" }, { new StringContent(issuedOn), "issuedOn" },
            { new StringContent("UBND tỉnh Thử Nghiệm"), "issuer" }, { new StringContent("Kế hoạch công tác dân vận"), "summary" },
        };
        if (file is not null) form.Add(new ByteArrayContent(file), "file", "ke-hoach.pdf");
        return form;
    }

    [Fact]
    public async Task Should_register_a_document_link_it_in_two_years_and_mark_it_insufficient_through_the_api()
    {
        var w = await TestWorld.SeedAsync(_app);
        int second;
        await using (var db = _app.NewDbContext())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, new DanVan.Evaluations.OpenPeriodRequest(2025, "Đánh giá năm 2025", w.Province,
                today.AddDays(-20), today.AddDays(10), true, [new DanVan.Evaluations.PeriodGroupChoice(w.AgencyGroup, w.CriteriaSetId)]), "test");
            second = db.Assessments.Where(a => a.PeriodId == period.Id && a.UnitId == w.AgencyA).Select(a => a.Id).Single();
        }
        var userA = await TestClient.ApiAsync(_app, "userA");

        var created = await userA.PostAsync($"/api/v1/units/{w.AgencyA}/documents", Form("44-KH/UBND", file: Samples.Pdf));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = document["id"]!.GetValue<int>();
        document["label"]!.GetValue<string>().ShouldBe("44-KH/UBND ngày 11/02/2024 của UBND tỉnh Thử Nghiệm — Kế hoạch công tác dân vận");
        (await (await userA.GetAsync(document["contentUrl"]!.GetValue<string>())).Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);

        var list = JsonNode.Parse(await userA.GetStringAsync($"/api/v1/units/{w.AgencyA}/documents?q=44-KH"))!;
        list["count"]!.GetValue<int>().ShouldBe(1);
        JsonNode.Parse(await userA.GetStringAsync($"/api/v1/units/{w.AgencyA}/documents?q=khong-co"))!["count"]!.GetValue<int>().ShouldBe(0);

        var links = new List<int>();
        foreach (var (assessment, criterion) in new[] { (w.AssessmentA, "1"), (second, "2.1") })
        {
            var linked = await userA.PostJsonAsync($"/api/v1/assessments/{assessment}/evidence", new { criterionId = criterion, documentId = id });
            linked.StatusCode.ShouldBe(HttpStatusCode.Created, await linked.Content.ReadAsStringAsync());
            var item = JsonNode.Parse(await linked.Content.ReadAsStringAsync())!;
            item["documentId"]!.GetValue<int>().ShouldBe(id);
            item["fileName"]!.GetValue<string>().ShouldBe("ke-hoach.pdf");
            links.Add(item["id"]!.GetValue<int>());
            (await (await userA.GetAsync(item["contentUrl"]!.GetValue<string>())).Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);
        }
        var twice = await (await userA.PostJsonAsync($"/api/v1/assessments/{w.AssessmentA}/evidence", new { criterionId = "1", documentId = id })).ProblemAsync(400);
        twice["code"]!.GetValue<string>().ShouldBe("evidence.documentAlreadyLinked");
        twice.Errors().Keys.ShouldBe(["documentId"]);

        // Another unit: 404 for the register, the document, its file and the linked evidence's file; refused to link it.
        var userB = await TestClient.ApiAsync(_app, "userB");
        await (await userB.GetAsync($"/api/v1/units/{w.AgencyA}/documents")).ProblemAsync(404);
        await (await userB.GetAsync($"/api/v1/documents/{id}")).ProblemAsync(404);
        await (await userB.GetAsync($"/api/v1/documents/{id}/content")).ProblemAsync(404);
        await (await userB.GetAsync($"/api/v1/evidence/{links[0]}/content")).ProblemAsync(404);
        await (await userB.PostAsync($"/api/v1/units/{w.AgencyA}/documents", Form("1/QĐ"))).ProblemAsync(404);
        var foreign = await (await userB.PostJsonAsync($"/api/v1/assessments/{w.AssessmentB}/evidence", new { criterionId = "1", documentId = id })).ProblemAsync(400);
        foreign["code"]!.GetValue<string>().ShouldBe("evidence.documentNotFound");

        // The appraiser marks, the unit reads the reason; then it is cleared.
        await w.SubmitAsync(_app, w.AssessmentA);
        var coord = await TestClient.ApiAsync(_app, "coord");
        await (await userA.PostJsonAsync($"/api/v1/evidence/{links[0]}/insufficient", new { reason = "x" })).ProblemAsync(403);
        var marked = await coord.PostJsonAsync($"/api/v1/evidence/{links[0]}/insufficient", new { reason = "Thiếu chữ ký, đóng dấu" });
        marked.StatusCode.ShouldBe(HttpStatusCode.OK, await marked.Content.ReadAsStringAsync());
        var seen = JsonNode.Parse(await userA.GetStringAsync($"/api/v1/assessments/{w.AssessmentA}/evidence"))!["items"]!.AsArray().Single()!;
        seen["insufficient"]!["reason"]!.GetValue<string>().ShouldBe("Thiếu chữ ký, đóng dấu");
        seen["insufficient"]!["by"]!.GetValue<string>().ShouldBe("coord");
        (await coord.DeleteAsync($"/api/v1/evidence/{links[0]}/insufficient")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        JsonNode.Parse(await userA.GetStringAsync($"/api/v1/assessments/{w.AssessmentA}/evidence"))!["items"]!.AsArray().Single()!["insufficient"].ShouldBeNull();
        // The second year's assessment is a draft: no mark yet.
        var early = await (await coord.PostJsonAsync($"/api/v1/evidence/{links[1]}/insufficient", new { reason = "x" })).ProblemAsync(400);
        early["code"]!.GetValue<string>().ShouldBe("evidence.markWrongStatus");
    }

    [Fact]
    public async Task Should_locate_the_refusals_of_a_registration()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.ApiAsync(_app, "userA");
        using var empty = new MultipartFormDataContent { { new StringContent(""), "number" } };
        var problem = await (await userA.PostAsync($"/api/v1/units/{w.AgencyA}/documents", empty)).ProblemAsync(400);
        problem["code"]!.GetValue<string>().ShouldBe("documents.numberRequired");
        problem.Errors().Keys.ShouldBe(["number", "issuedOn", "issuer"], ignoreOrder: true);
        var badDate = await (await userA.PostAsync($"/api/v1/units/{w.AgencyA}/documents", Form("1/QĐ", issuedOn: "11/02/2024"))).ProblemAsync(400);
        badDate["code"]!.GetValue<string>().ShouldBe("documents.issuedOnFormat");
        var wrongFile = await (await userA.PostAsync($"/api/v1/units/{w.AgencyA}/documents", Form("1/QĐ", file: Samples.Png))).ProblemAsync(400);
        wrongFile["code"]!.GetValue<string>().ShouldBe("evidence.fileNameMismatch");
        await using var db = _app.NewDbContext();
        db.UnitDocuments.Count().ShouldBe(0);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteDocumentsApiTests(SqliteWebApp app) : DocumentsApiTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresDocumentsApiTests(PostgresWebApp app) : DocumentsApiTests(app);
