using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using DanVan.Accounts;
using DanVan.Reports.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Reports;

/// <summary>
/// The report template page over HTTP on the Quảng Bình reference data: the shipped template uploaded through the page gives
/// section II.2 of report 000 on the report page; the form edits it with a preview; out of scope is 404; bad input is located.
/// </summary>
public abstract class ReportTemplatePageTests(WebAppFactory app) : IAsyncLifetime
{
    private const string Password = "Matkhau2024";
    private int _province;
    private int _district;
    private readonly Dictionary<string, string> _tokens = [];

    public async ValueTask InitializeAsync()
    {
        await app.ResetAsync();
        await using (var db = app.NewDbContext())
        {
            (_, _, _province) = await QuangBinhReference.SeedAsync(db);
            _district = (await db.Units.SingleAsync(u => u.Code == "450")).Id;
        }
        await AddUserAsync("snv.tonghop", Role.Coordinator, _province);
        await AddUserAsync("donghoi.tonghop", Role.Coordinator, _district);
        await AddUserAsync("tinh.lanhdao", Role.Viewer, _province);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task AddUserAsync(string name, Role role, int scope)
    {
        await using var services = app.Services.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, FullName = name };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        await using var db = app.NewDbContext();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = scope });
        var (token, plain) = ApiToken.Create(user.Id, "test", DateTime.UtcNow, TimeSpan.FromDays(1));
        db.ApiTokens.Add(token);
        _tokens[name] = plain;
        await db.SaveChangesAsync();
    }

    private HttpClient Api(string user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    private async Task<Browser> LoginAsync(string user)
    {
        var browser = new Browser(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await browser.GetPageAsync("/Account/Login");
        (await browser.PostAsync("/Account/Login", login, new() { ["Data.UserName"] = user, ["Data.Password"] = Password })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Lines(IHtmlDocument doc, string scope) =>
        doc.QuerySelectorAll($"{scope} p, {scope} h5").Select(e => Squash(e.TextContent)).ToList();

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, string url, (HttpResponseMessage, IHtmlDocument Document) page, string fileName, string json)
    {
        var token = page.Document.QuerySelector("#template-import input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", fileName);
        return await browser.Http.PostAsync(url, form);
    }

    [Fact]
    public async Task Should_write_section_two_point_two_of_000_on_the_report_page_with_the_template_uploaded_through_the_page()
    {
        var browser = await LoginAsync("snv.tonghop");
        var url = $"/Reports/Template?scope={_province}";
        var page = await browser.GetPageAsync(url);
        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("#template-standard").ShouldNotBeNull();

        var json = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "samples", "reports", "quang-binh-000.json"));
        var saved = await UploadAsync(browser, $"/Reports/Template?handler=Import&scope={_province}", page, "quang-binh-000.json", json);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var (response, report) = await browser.GetPageAsync($"/Reports?scope={_province}&year=2018&years=1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = Lines(report, "#report");
        var y2017 = lines.IndexOf("2.1. Năm 2017:");
        var y2018 = lines.IndexOf("2.2. Năm 2018:");
        lines.Skip(y2017 + 1).Take(ReferenceLines.Year2017.Length).ShouldBe(ReferenceLines.Year2017);
        lines.Skip(y2018 + 1).Take(ReferenceLines.Year2018.Length).ShouldBe(ReferenceLines.Year2018);
        // Not every unit is approved (districts self-claimed, agencies missing): the page warns and the document says so.
        report.QuerySelector("#report-draft-warning").ShouldNotBeNull();
        report.QuerySelector("#report-actions")!.GetAttribute("data-draft-confirm").ShouldNotBeNullOrEmpty();
        lines.ShouldContain(l => l.StartsWith("DỰ THẢO — số liệu chưa phải kết quả chính thức: ", StringComparison.Ordinal));
        Squash(report.QuerySelector("#report-template")!.TextContent).ShouldContain("tỉnh Quảng Bình (v1)");
        Squash(report.QuerySelector("#report .doc-head")!.TextContent).ShouldContain("ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH");

        // A district without its own template writes with the province's, under its own name and place.
        var district = await LoginAsync("donghoi.tonghop");
        var (_, dongHoi) = await district.GetPageAsync($"/Reports?scope={_district}&year=2018&years=0");
        Squash(dongHoi.QuerySelector("#report .doc-place")!.TextContent).ShouldStartWith("Đồng Hới, ngày");
        Squash(dongHoi.QuerySelector("#report .doc-head")!.TextContent).ShouldContain("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG HỚI");
        var (inherited, templatePage) = await district.GetPageAsync($"/Reports/Template?scope={_district}");
        inherited.StatusCode.ShouldBe(HttpStatusCode.OK);
        Squash(templatePage.QuerySelector("#template-inherited")!.TextContent).ShouldContain("UBND tỉnh Quảng Bình");
    }

    [Fact]
    public async Task Should_preview_an_edit_without_saving_then_save_it_as_a_new_version()
    {
        var browser = await LoginAsync("snv.tonghop");
        var url = $"/Reports/Template?scope={_province}";
        var page = await browser.GetPageAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Form.Name"] = "Mẫu thử", ["Form.Version"] = "0",
            ["Form.Sections[0].Title"] = "Cấp huyện", ["Form.Sections[0].Style"] = "Named", ["Form.Sections[0].Parts"] = "cap-huyen | UBND cấp huyện",
            ["Form.Sections[0].RestNoun"] = "huyện", ["Form.Sections[0].CountNoun"] = "cơ quan, đơn vị", ["Form.Sections[0].OwnLevel"] = "cấp huyện", ["Form.Sections[0].MemberLevel"] = "cấp xã",
            ["Form.OnlyMembers"] = "{unit} mới chỉ chấm điểm {memberLevel}.",
        };

        var preview = await browser.PostAsync($"/Reports/Template?handler=Preview&scope={_province}", page, fields);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Lines(previewed, "#preview-doc").ShouldContain(l => l.Contains("Quảng Ninh mới chỉ chấm điểm cấp xã.", StringComparison.Ordinal));
        await using (var db = app.NewDbContext()) (await db.ReportTemplates.CountAsync()).ShouldBe(0);

        var save = await browser.PostAsync(url, page, fields);
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect, await save.Content.ReadAsStringAsync());
        await using (var db = app.NewDbContext())
        {
            var stored = await db.ReportTemplates.SingleAsync();
            stored.Version.ShouldBe(1);
            ReportTemplateFile.Parse(stored.Content).Template!.Results.Phrases.OnlyMembers.ShouldBe("{unit} mới chỉ chấm điểm {memberLevel}.");
            (await db.Audit.CountAsync(a => a.Action == "report.template")).ShouldBe(1);
        }

        // The same form again, still claiming version 0: someone (this user) saved version 1 meanwhile.
        var stale = await browser.PostAsync(url, page, fields);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staleDoc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        staleDoc.QuerySelector("#refusals li")!.GetAttribute("data-code").ShouldBe("reports.templateStale");
        staleDoc.QuerySelector("input[name='Form.Name']")!.GetAttribute("value").ShouldBe("Mẫu thử");
    }

    [Fact]
    public async Task Should_show_a_bad_group_at_its_section_and_store_nothing()
    {
        var browser = await LoginAsync("snv.tonghop");
        var url = $"/Reports/Template?scope={_province}";
        var page = await browser.GetPageAsync(url);

        var response = await browser.PostAsync(url, page, new()
        {
            ["Form.Name"] = "Mẫu sai", ["Form.Sections[0].Title"] = "Cấp thôn", ["Form.Sections[0].Parts"] = "cap-thon | thôn",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var refusal = doc.QuerySelector("#refusals li[data-code='reports.templateUnknownGroup']")!;
        refusal.TextContent.ShouldContain("Không có nhóm đơn vị cap-thon");
        doc.QuerySelector("[data-valmsg-for='Form.Sections[0].Parts']")!.TextContent.ShouldContain("cap-thon");
        await using var db = app.NewDbContext();
        (await db.ReportTemplates.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_store_the_template_and_read_the_figures_and_documents_through_the_api()
    {
        var api = Api("snv.tonghop");
        var json = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "samples", "reports", "quang-binh-000.json"));

        var current = await api.GetAsync($"/api/v1/reports/{_province}/template");
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        current.Headers.ETag!.Tag.ShouldBe("\"0\"");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{_province}/template") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var stored = await api.SendAsync(put);
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        stored.Headers.ETag!.Tag.ShouldBe("\"1\"");

        var again = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{_province}/template") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        again.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var stale = await api.SendAsync(again);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("reports.templateStale");

        var bad = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reports/{_province}/template") { Content = new StringContent(json.Replace("\"cap-xa\"", "\"cap-thon\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json") };
        var refused = await api.SendAsync(bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("code").GetString().ShouldBe("reports.templateUnknownGroup");
            problem.RootElement.GetProperty("errors").TryGetProperty("$.results.sections[0].parts[0].groupCode", out _).ShouldBeTrue();
        }

        var figures = await api.GetAsync($"/api/v1/reports/{_province}/2018?years=0");
        figures.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var body = System.Text.Json.JsonDocument.Parse(await figures.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetString()).ShouldBe(ReferenceLines.Year2018);
            body.RootElement.GetProperty("template").GetProperty("version").GetInt32().ShouldBe(1);
            body.RootElement.GetProperty("progress").GetProperty("isFinal").GetBoolean().ShouldBeFalse();
            var communes = body.RootElement.GetProperty("sections")[0];
            communes.GetProperty("title").GetString().ShouldBe("Cấp xã");
            communes.GetProperty("bands")[0].GetProperty("count").GetInt32().ShouldBe(89);
        }

        var docx = await api.GetAsync($"/api/v1/reports/{_province}/2018/document?format=docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.Content.ReadAsStreamAsync(), false))
            doc.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("Hoàn thành xuất sắc: 89/159, chiếm 56%");
        (await api.GetAsync($"/api/v1/reports/{_province}/2018/document?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Out of scope: the district's coordinator reads nothing of the province and stores nothing.
        var district = Api("donghoi.tonghop");
        (await district.GetAsync($"/api/v1/reports/{_province}/2018")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/api/v1/reports/{_province}/template")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.PutAsync($"/api/v1/reports/{_province}/template", new StringContent(json))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/api/v1/reports/{_district}/2018")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_answer_404_outside_the_scope_and_to_readers_who_do_not_edit_it()
    {
        var district = await LoginAsync("donghoi.tonghop");
        (await district.Http.GetAsync($"/Reports/Template?scope={_province}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await district.Http.GetAsync($"/Reports/Template?scope={_province}&handler=File")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var viewer = await LoginAsync("tinh.lanhdao");
        (await viewer.Http.GetAsync($"/Reports/Template?scope={_province}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);

        var coordinator = await LoginAsync("snv.tonghop");
        var file = await coordinator.Http.GetAsync($"/Reports/Template?scope={_province}&handler=File");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("mau-bao-cao-ubnd-tinh-quang-binh.json");
        ReportTemplateFile.Parse(await file.Content.ReadAsStringAsync()).IsValid.ShouldBeTrue();
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReportTemplatePageTests(SqliteWebApp app) : ReportTemplatePageTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReportTemplatePageTests(PostgresWebApp app) : ReportTemplatePageTests(app);
