using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.OrgUnits;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Reports;

/// <summary>
/// 004: a province's Sở Nội vụ asks each district, by Công văn, for its report on four years of a decision; Bình Sơn's report opens
/// with that Công văn, lists each year's documents from its plan registry, and goes up without any evaluation result to wait for.
/// </summary>
public abstract class ReportCallRequestTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private const string Subject = "báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh ban hành quy định tiêu chí, " +
        "cách đánh giá, xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi";

    // 004, section II.2: what Bình Sơn issued each year (số, ngày, trích yếu), as its registry holds them.
    private static readonly (int Year, string Kind, string Number, string Date, string Title)[] Issued =
    [
        (2019, "phối hợp", "16-KH/BDVHU-UBND", "2019-03-07", "việc phối hợp thực hiện công tác dân vận giữa Ban Dân vận Huyện ủy và UBND huyện Bình Sơn năm 2019"),
        (2019, "dvcq", "503/UBND", "2019-03-15", "việc đề nghị các cơ quan, đơn vị, địa phương xây dựng kế hoạch và triển khai thực hiện “Năm dân vận chính quyền năm 2019”"),
        (2019, "dvcq", "904/UBND", "2019-04-22", "triển khai thực hiện công tác dân vận chính quyền năm 2019"),
        (2019, "dvcq", "2632/UBND", "2019-10-14", "việc triển khai thực hiện kế hoạch phối hợp \"Năm dân vận chính quyền\" 2019"),
        (2020, "phối hợp", "20-KH/BDVHU-UBND", "2020-02-28", "thực hiện công tác dân vận năm 2020"),
        (2020, "dvcq", "811/UBND", "2020-04-14", "việc chỉ đạo triển khai thực hiện công tác dân vận chính quyền năm 2020 ở các cơ quan, đơn vị thuộc huyện, UBND các xã, thị trấn trên địa bàn"),
        (2021, "qcdc", "31/KH-UBND", "2021-03-15", "thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021"),
        (2021, "dvcq", "3630/UBND", "2021-11-19", "việc triển khai thực hiện quy chế công tác dân vận"),
        (2022, "dvcq", "06/KH-UBND", "2022-01-17", "nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp trong tình hình mới"),
        (2022, "dvcq", "486/UBND-VX", "2022-03-03", "triển khai thực hiện công tác dân vận chính quyền năm 2022"),
        (2022, "qcdc", "47/KH-UBND", "2022-04-04", "thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022"),
        (2022, "phối hợp", "14-KH/BDV&UBND", "2022-04-07", "phối hợp thực hiện công tác dân vận giữa Ban Dân vận Huyện ủy và UBND huyện năm 2022"),
    ];

    private const string Leadership = "Ban Dân vận Huyện ủy đã phối hợp với UBND huyện xây dựng kế hoạch phối hợp thực hiện công tác dân vận hằng năm.";

    private static List<string> Paragraphs(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    private async Task<(int Province, int District)> SeedAsync()
    {
        _app.Clock.Freeze(new DateTimeOffset(2022, 6, 1, 3, 0, 0, TimeSpan.Zero));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.DanVanDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var province = new OrgUnit { Code = "51", Name = "UBND tỉnh Quảng Ngãi", Kind = OrgUnitKind.Province };
        var district = new OrgUnit { Code = "51.H1", Name = "UBND huyện Bình Sơn", ShortName = "Bình Sơn", Kind = OrgUnitKind.District, Parent = province };
        var other = new OrgUnit { Code = "51.H2", Name = "UBND huyện Sơn Tịnh", Kind = OrgUnitKind.District, Parent = province };
        db.Units.AddRange(province, district, other,
            new OrgUnit { Code = "51.H1.01", Name = "UBND xã Bình Thạnh", Kind = OrgUnitKind.Commune, Parent = district });
        await db.SaveChangesAsync();
        foreach (var (name, unit) in new[] { ("snv.qn", province.Id), ("binhson.tonghop", district.Id), ("sontinh.tonghop", other.Id) })
        {
            var user = new AppUser { UserName = name, FullName = $"Người dùng {name}" };
            (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.Coordinator, ScopeUnitId = unit });
        }
        await db.SaveChangesAsync();
        return (province.Id, district.Id);
    }

    [Fact]
    public async Task Should_send_004s_four_year_report_opening_with_the_provinces_request_and_listing_each_years_documents()
    {
        var (province, district) = await SeedAsync();
        var binhSon = await TestClient.ApiAsync(_app, "binhson.tonghop");
        foreach (var d in Issued)
        {
            var created = await binhSon.PostAsJsonAsync($"/api/v1/registries/work/units/{district}/plans",
                new { year = d.Year, planKind = d.Kind, documentNumber = d.Number, issuedOn = d.Date, issuedBy = "UBND huyện Bình Sơn", planTitle = d.Title });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        // The call cites Công văn 826/SNV-XDCQ and covers 2019 to the day it was signed; a request without its number is refused at that field.
        var snv = await TestClient.ApiAsync(_app, "snv.qn");
        var request = new { kind = "Công văn", number = "826/SNV-XDCQ", date = "2022-05-25", issuer = "Sở Nội vụ tỉnh Quảng Ngãi", title = "việc " + Subject };
        var call = new { scopeUnitId = province, year = 2022, level = "District", opensOn = "2022-05-25", deadline = "2022-06-10", from = "2019-01-01", to = "2022-05-25", kind = "đột xuất", request };
        var noNumber = await snv.PostAsJsonAsync("/api/v1/report-calls", call with { request = request with { number = " " } });
        noNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await noNumber.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().ShouldBe("reportCalls.requestNumber");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["request.number"]);
        var reversed = await snv.PostAsJsonAsync("/api/v1/report-calls", call with { from = "2022-06-01" });
        JsonNode.Parse(await reversed.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().ShouldBe("reports.spanReversed");

        var opened = await snv.PostAsJsonAsync("/api/v1/report-calls", call);
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var view = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        view["name"]!.GetValue<string>().ShouldBe("Báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh ban hành quy định tiêu chí, " +
            "cách đánh giá, xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi");
        (view["from"]!.GetValue<string>(), view["to"]!.GetValue<string>(), view["kind"]!.GetValue<string>()).ShouldBe(("2019-01-01", "2022-05-25", "adHoc"));
        view["request"]!["number"]!.GetValue<string>().ShouldBe("826/SNV-XDCQ");
        var submission = view["submissions"]!.AsArray().Single(s => s!["unit"]!["code"]!.GetValue<string>() == "51.H1")!["id"]!.GetValue<int>();

        // The district's send page names the request and the span, and shows no approval count: there is no evaluation to wait for.
        var page = await (await TestClient.LoginAsync(_app, "binhson.tonghop")).GetAsync($"/Reports/Calls/Send/{submission}");
        page.Text("#send-request").ShouldBe("Theo Công văn số 826/SNV-XDCQ ngày 25/05/2022 của Sở Nội vụ tỉnh Quảng Ngãi; thời gian báo cáo từ ngày 01/01/2019 đến ngày 25/05/2022");
        page.Document.QuerySelectorAll("#send-progress").ShouldBeEmpty();
        page.Document.QuerySelectorAll("#blocking li").ShouldBeEmpty();

        // The coordinator writes the review's prose from the preview; the year's own report keeps its own (empty) text.
        var clerk = await TestClient.LoginAsync(_app, "binhson.tonghop");
        var preview = await clerk.GetAsync(page.Find("#preview").GetAttribute("href")!);
        var edit = await clerk.GetAsync(preview.Find("#edit-report").GetAttribute("href")!);
        edit.Text("#report-edit-span").ShouldBe("Báo cáo từ ngày 01/01/2019 đến ngày 25/5/2022: nội dung soạn riêng, không ghi đè báo cáo năm.");
        var saved = await clerk.SubmitAsync(edit, "#report-edit", new() { ["Data.Leadership"] = Leadership });
        saved.Url.Query.ShouldContain("from=2019-01-01");
        (await clerk.GetAsync($"/Reports/Edit?scope={district}&year=2022")).Find("#Data_Leadership").TextContent.Trim().ShouldBeEmpty();

        // The send page offers the very document a send would send now.
        var sendPage = await clerk.GetAsync($"/Reports/Calls/Send/{submission}");
        var previewed = Paragraphs(await clerk.Http.GetByteArrayAsync(sendPage.Find("#preview-docx").GetAttribute("href")!));

        var sent = await binhSon.PostAsJsonAsync($"/api/v1/report-submissions/{submission}/send", new { version = 0 });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        var sentView = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        sentView["coverage"].ShouldBeNull();

        // The province reads exactly what was sent.
        var sentBytes = await snv.GetByteArrayAsync(sentView["documentUrl"]!.GetValue<string>());
        var paragraphs = Paragraphs(sentBytes);
        using (var word = WordprocessingDocument.Open(new MemoryStream(sentBytes), false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(word).ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }
        paragraphs.ShouldBe(previewed);
        (await clerk.Http.GetAsync(sendPage.Find("#preview-docx").GetAttribute("href")!)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        paragraphs.ShouldContain("Kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh ban hành quy định tiêu chí, " +
            "cách đánh giá, xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi");
        paragraphs.ShouldContain("Thực hiện Công văn số 826/SNV-XDCQ ngày 25/5/2022 của Sở Nội vụ tỉnh Quảng Ngãi về việc " + Subject +
            "; UBND huyện Bình Sơn báo cáo kết quả như sau:");
        paragraphs.ShouldContain("Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi."); // addressed to whoever asked, as 004 is
        paragraphs.ShouldNotContain(p => p.StartsWith("DỰ THẢO", StringComparison.Ordinal));
        paragraphs.ShouldContain(Leadership);
        var y2019 = paragraphs.IndexOf("- Năm 2019:");
        y2019.ShouldBeGreaterThan(0, string.Join("\n", paragraphs));
        paragraphs[y2019 + 2].ShouldBe("UBND huyện Bình Sơn đã ban hành: Kế hoạch số 16-KH/BDVHU-UBND ngày 07/3/2019 về việc phối hợp thực hiện công tác dân vận " +
            "giữa Ban Dân vận Huyện ủy và UBND huyện Bình Sơn năm 2019; Công văn số 503/UBND ngày 15/3/2019 về việc đề nghị các cơ quan, đơn vị, địa phương xây dựng " +
            "kế hoạch và triển khai thực hiện “Năm dân vận chính quyền năm 2019”; Công văn số 904/UBND ngày 22/4/2019 về triển khai thực hiện công tác dân vận chính " +
            "quyền năm 2019; Công văn số 2632/UBND ngày 14/10/2019 về việc triển khai thực hiện kế hoạch phối hợp \"Năm dân vận chính quyền\" 2019.");
        var y2022 = paragraphs.IndexOf("- Năm 2022 (đến ngày 25/5/2022):");
        y2022.ShouldBeGreaterThan(y2019, string.Join("\n", paragraphs));
        paragraphs[y2022 + 2].ShouldBe("UBND huyện Bình Sơn đã ban hành: Kế hoạch số 06/KH-UBND ngày 17/01/2022 về nâng cao hiệu quả công tác dân vận của cơ quan nhà " +
            "nước các cấp trong tình hình mới; Công văn số 486/UBND-VX ngày 03/3/2022 về triển khai thực hiện công tác dân vận chính quyền năm 2022; Kế hoạch số " +
            "47/KH-UBND ngày 04/4/2022 về thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2022; Kế hoạch số 14-KH/BDV&UBND ngày 07/4/2022 về " +
            "phối hợp thực hiện công tác dân vận giữa Ban Dân vận Huyện ủy và UBND huyện năm 2022.");
        paragraphs.ShouldContain("Trên đây là báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh ban hành quy định tiêu chí, " +
            "cách đánh giá, xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi của UBND huyện Bình Sơn./.");

        // The province's board of what each unit owes: Bình Sơn's report is in, Sơn Tịnh's is missing and, after the deadline, overdue.
        var board = await TestClient.LoginAsync(_app, "snv.qn");
        _app.Clock.Freeze(new DateTimeOffset(2022, 6, 15, 3, 0, 0, TimeSpan.Zero));
        var owed = await board.GetAsync("/Obligations?show=all");
        var rows = owed.Document.QuerySelectorAll("tr[data-kind='Report']")
            .Select(r => (Unit: r.QuerySelectorAll("td")[1].TextContent.Trim(), State: r.GetAttribute("data-state"), Overdue: r.ClassList.Contains("overdue"))).ToList();
        rows.ShouldBe([("Bình Sơn", "Submitted", false), ("UBND huyện Sơn Tịnh", "NotStarted", true)], ignoreOrder: true);

        // The province's own report of 2022 says which districts' reports came in, counted from the call.
        var own = JsonNode.Parse(await snv.GetStringAsync($"/api/v1/reports/{province}/2022"))!;
        own["registries"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(
        [
            "- Chế độ báo cáo của cấp dưới (theo các yêu cầu báo cáo):",
            "Báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND ngày 11/6/2019 của UBND tỉnh ban hành quy định tiêu chí, cách đánh giá, " +
            "xếp loại công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi (hạn 10/6/2022): đã nhận 01/02 báo cáo; chưa gửi: UBND huyện Sơn Tịnh.",
        ]);

        // Another district's coordinator neither sees nor sends Bình Sơn's report.
        var sonTinh = await TestClient.ApiAsync(_app, "sontinh.tonghop");
        (await sonTinh.GetAsync($"/api/v1/report-submissions/{submission}/document")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_open_a_call_citing_its_request_from_the_page_and_keep_what_was_typed_when_refused()
    {
        var (province, _) = await SeedAsync();
        var snv = await TestClient.LoginAsync(_app, "snv.qn");
        var page = await snv.GetAsync("/Reports/Calls");
        var fields = new Dictionary<string, string?>
        {
            ["Data.ScopeUnitId"] = province.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Data.Year"] = "2022", ["Data.Level"] = "District",
            ["Data.OpensOn"] = "2022-05-25", ["Data.Deadline"] = "2022-06-10", ["Data.From"] = "2019-01-01", ["Data.To"] = "2022-05-25", ["Data.Kind"] = "adHoc",
            ["Data.RequestKind"] = "Công văn", ["Data.RequestNumber"] = "", ["Data.RequestDate"] = "2022-05-25",
            ["Data.RequestIssuer"] = "Sở Nội vụ tỉnh Quảng Ngãi", ["Data.RequestTitle"] = "việc " + Subject,
        };
        var refused = await snv.SubmitAsync(page, "#open-call", fields);
        refused.Text("#err-request-number").ShouldBe("Thiếu số, ký hiệu văn bản yêu cầu báo cáo (ví dụ 826/SNV-XDCQ).");
        refused.Find("#request-number").GetAttribute("aria-invalid").ShouldBe("true");
        refused.Find("#request-title").TextContent.ShouldBe("việc " + Subject);
        refused.Find("#call-from").GetAttribute("value").ShouldBe("2019-01-01");

        fields["Data.RequestNumber"] = "826/SNV-XDCQ";
        var opened = await snv.SubmitAsync(refused, "#open-call", fields);
        opened.Text("#notice").ShouldBe("Đã gửi yêu cầu báo cáo tới 2 đơn vị.");
        await using var db = _app.NewDbContext();
        var call = db.ReportCalls.Single();
        (call.Year, call.SpanFrom, call.SpanTo, call.Kind, call.RequestNumber).ShouldBe((2022, new DateOnly(2019, 1, 1), new DateOnly(2022, 5, 25), DanVan.Reports.Templates.ReportKind.AdHoc, "826/SNV-XDCQ"));
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReportCallRequestTests(SqliteWebApp app) : ReportCallRequestTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReportCallRequestTests(PostgresWebApp app) : ReportCallRequestTests(app);
