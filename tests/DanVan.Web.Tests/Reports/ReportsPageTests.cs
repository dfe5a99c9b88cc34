using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Demo;
using DanVan.Reports;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Reports;

/// <summary>The demo province in the web app, with one account per kind of report reader.</summary>
public sealed class ReportsApp(WebAppFactory app)
{
    /// <summary>The password of every account.</summary>
    public const string Password = "Matkhau2024";

    /// <summary>The app.</summary>
    public WebAppFactory App { get; } = app;

    /// <summary>The province and a district of the demo.</summary>
    public (int Province, int District, int Commune) Units { get; private set; }

    /// <summary>Creates the demo data and the accounts in the app's emptied database.</summary>
    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        await using (var db = App.NewDbContext())
        {
            await DemoData.SeedAsync(db, new DemoOptions());
            var province = await db.Units.SingleAsync(u => u.Code == DemoData.ProvinceCode);
            var district = await db.Units.SingleAsync(u => u.Code == "450");
            var commune = await db.Units.FirstAsync(u => u.ParentId == district.Id);
            Units = (province.Id, district.Id, commune.Id);
        }

        await AddUserAsync("tinh.tonghop", Role.Coordinator, Units.Province);
        await AddUserAsync("tinh.lanhdao", Role.Viewer, Units.Province);
        await AddUserAsync("huyen.tonghop", Role.Coordinator, Units.District);
        await AddUserAsync("xa.canbo", Role.UnitUser, Units.Commune);
        await AddUserAsync("quantri", Role.Administrator, null);
    }

    private async Task AddUserAsync(string name, Role role, int? scope)
    {
        await using var services = App.Services.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = name, FullName = name };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        await using var db = App.NewDbContext();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = scope });
        await db.SaveChangesAsync();
    }

    /// <summary>A client signed in as <paramref name="user"/>, not following redirects.</summary>
    public async Task<Browser> LoginAsync(string user)
    {
        var browser = new Browser(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await browser.GetPageAsync("/Account/Login");
        var response = await browser.PostAsync("/Account/Login", login, new() { ["Data.UserName"] = user, ["Data.Password"] = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {user}");
        return browser;
    }
}

/// <summary>A signed-in client: pages parsed with AngleSharp, forms posted with their anti-forgery token.</summary>
public sealed class Browser(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The client.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>Gets a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts fields with the anti-forgery token of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, (HttpResponseMessage Response, IHtmlDocument Document) page, Dictionary<string, string> fields)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new ShouldAssertException($"no anti-forgery token on {page.Response.RequestMessage?.RequestUri}");
        return Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }
}

/// <summary>The consolidated report page over HTTP: what each reader sees, downloads, edits, and is refused.</summary>
public abstract class ReportsPageTests(WebAppFactory app) : IAsyncLifetime
{
    private readonly ReportsApp _data = new(app);

    public async ValueTask InitializeAsync() => await _data.InitializeAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private string Url(int scope, int year = 2024, string? handler = null, int years = 1) =>
        $"/Reports?scope={scope}&year={year}&years={years}" + (handler is null ? "" : $"&handler={handler}");

    private static string Text(IHtmlDocument doc, string selector) =>
        string.Join('\n', doc.QuerySelectorAll(selector).Select(e => string.Join(' ', e.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))));

    private async Task<ReportContent> ExpectedAsync(int scope, int years = 1)
    {
        await using var db = _data.App.NewDbContext();
        return await ReportDocuments.LoadAsync(db, new ReportRequest(2024, scope, years), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_show_the_provincial_report_with_the_results_written_from_data()
    {
        var browser = await _data.LoginAsync("tinh.lanhdao");
        var (response, doc) = await browser.GetPageAsync(Url(_data.Units.Province));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = await ExpectedAsync(_data.Units.Province);
        var paragraphs = doc.QuerySelectorAll("#report p, #report h3, #report h4, #report h5")
            .Select(e => string.Join(' ', e.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        paragraphs.ShouldContain("2. Kết quả đánh giá, phân loại năm 2023, 2024");
        paragraphs.ShouldContain("2.2. Năm 2024:");
        foreach (var line in ResultsNarrative.Lines(expected.Report, expected.Scope.Kind)) paragraphs.ShouldContain(line);
        foreach (var line in AnalysisNarrative.GapLines(expected.Report)) paragraphs.ShouldContain(line);
        Text(doc, "#report table.doc-table th").ShouldContain("Tỷ lệ tham gia (%)");
        doc.QuerySelectorAll("#report figure img").Length.ShouldBe(2);
        doc.QuerySelector("#edit-report").ShouldBeNull();
        doc.QuerySelector("#download-docx")!.GetAttribute("href")!.ShouldContain("handler=Docx");
        doc.QuerySelectorAll("script[src^='http'], link[href^='http']").Length.ShouldBe(0);
        doc.QuerySelector("#menu-reports").ShouldNotBeNull();
    }

    [Fact]
    public async Task Should_offer_the_readable_scopes_and_the_years_with_a_period()
    {
        var browser = await _data.LoginAsync("huyen.tonghop");
        var (response, doc) = await browser.GetPageAsync("/Reports");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        doc.QuerySelectorAll("#scope option").Select(o => o.GetAttribute("value")).ShouldBe([$"{_data.Units.District}"]);
        doc.QuerySelectorAll("#year option").Select(o => o.TextContent).ShouldBe(["2024", "2023"]);
        Text(doc, "#report .doc-head").ShouldContain("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG HỚI");

        (response, doc) = await browser.GetPageAsync(Url(_data.Units.District, 2019));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Text(doc, "#report-no-period").ShouldBe("Chưa có kỳ đánh giá năm 2019 cho UBND thành phố Đồng Hới.");
    }

    [Fact]
    public async Task Should_download_docx_xlsx_and_markdown_with_their_content_types()
    {
        var browser = await _data.LoginAsync("tinh.tonghop");

        var docx = await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Docx"));
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("bao-cao-dan-van-2024-44.docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain("2.2. Năm 2024:");

        var xlsx = await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Xlsx"));
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            book.WorkbookPart!.WorksheetParts.Count().ShouldBe(8);

        var md = await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Markdown"));
        md.Content.Headers.ContentType!.ToString().ShouldBe("text/markdown; charset=utf-8");
        (await md.Content.ReadAsStringAsync()).ShouldContain("#### 2.2. Năm 2024:");

        var svg = await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Chart") + "&key=classes");
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldContain("<svg");
        (await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Chart") + "&key=none")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_refuse_a_unit_user_any_province_or_district_report()
    {
        var browser = await _data.LoginAsync("xa.canbo");
        (await browser.GetPageAsync("/")).Document.QuerySelector("#menu-reports").ShouldBeNull();

        foreach (var url in new[]
        {
            "/Reports",
            Url(_data.Units.Province),
            Url(_data.Units.District),
            Url(_data.Units.Province, handler: "Docx"),
            Url(_data.Units.District, handler: "Xlsx"),
            Url(_data.Units.Province, handler: "Markdown"),
            Url(_data.Units.Province, handler: "Chart") + "&key=classes",
            $"/Reports/Edit?scope={_data.Units.Province}&year=2024",
        })
        {
            (await browser.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task Should_refuse_a_district_coordinator_the_province_report()
    {
        var browser = await _data.LoginAsync("huyen.tonghop");

        (await browser.Http.GetAsync(Url(_data.Units.Province))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync(Url(_data.Units.Province, handler: "Docx"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync($"/Reports/Edit?scope={_data.Units.Province}&year=2024")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync(Url(_data.Units.District))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_let_only_the_scope_coordinator_edit_and_save_the_text()
    {
        var viewer = await _data.LoginAsync("tinh.lanhdao");
        (await viewer.Http.GetAsync($"/Reports/Edit?scope={_data.Units.Province}&year=2024")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var browser = await _data.LoginAsync("tinh.tonghop");
        var edit = $"/Reports/Edit?scope={_data.Units.Province}&year=2024";
        var form = await browser.GetPageAsync(edit);
        form.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.Document.QuerySelector("input[name='Data.Version']")!.GetAttribute("value").ShouldBe("0");

        var saved = await browser.PostAsync(edit, form, new()
        {
            ["Data.Version"] = "0",
            ["Data.Leadership"] = "Ủy ban nhân dân tỉnh đã chỉ đạo <script>alert('x')</script> các sở, ban, ngành.\r\n\r\nĐoạn thứ hai.",
            ["Data.Tasks"] = "- Nhiệm vụ một.\r\n- Nhiệm vụ hai.",
            ["Data.SignerPosition"] = "PHÓ CHỦ TỊCH",
            ["Data.SignerName"] = "Nguyễn Văn A",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/Reports?scope={_data.Units.Province}&year=2024");

        var (_, doc) = await browser.GetPageAsync(saved.Headers.Location.ToString());
        Text(doc, "#report-notice").ShouldBe("Đã lưu nội dung báo cáo.");
        var paragraphs = doc.QuerySelectorAll("#report p").Select(p => p.TextContent.Trim()).ToList();
        paragraphs.ShouldContain("Ủy ban nhân dân tỉnh đã chỉ đạo <script>alert('x')</script> các sở, ban, ngành.");
        paragraphs.ShouldContain("Đoạn thứ hai.");
        paragraphs.ShouldContain("- Nhiệm vụ hai.");
        doc.QuerySelectorAll("#report script").Length.ShouldBe(0);
        Text(doc, "#report .doc-signer").ShouldContain("Nguyễn Văn A");
        doc.QuerySelector("#edit-report").ShouldNotBeNull();

        await using var db = _data.App.NewDbContext();
        var draft = await db.ReportDrafts.SingleAsync(d => d.ScopeUnitId == _data.Units.Province && d.Year == 2024);
        draft.Version.ShouldBe(1);
        draft.UpdatedBy.ShouldBe("tinh.tonghop");
        draft.Tasks.ShouldBe("- Nhiệm vụ một.\n- Nhiệm vụ hai.");
    }

    [Fact]
    public async Task Should_refuse_a_stale_save_and_text_too_long_in_vietnamese()
    {
        var browser = await _data.LoginAsync("tinh.tonghop");
        var edit = $"/Reports/Edit?scope={_data.Units.Province}&year=2024";
        var form = await browser.GetPageAsync(edit);
        (await browser.PostAsync(edit, form, new() { ["Data.Version"] = "0", ["Data.Leadership"] = "Bản thứ nhất." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await browser.PostAsync(edit, form, new() { ["Data.Version"] = "0", ["Data.Leadership"] = "Bản sửa từ bản cũ." });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await new HtmlParser().ParseDocumentAsync(await stale.Content.ReadAsStringAsync());
        Text(html, ".error-summary li").ShouldStartWith("Nội dung báo cáo đã được người khác lưu trong lúc bạn soạn thảo");
        html.QuerySelector("textarea[name='Data.Leadership']")!.TextContent.Trim().ShouldBe("Bản sửa từ bản cũ.");

        var tooLong = await browser.PostAsync(edit, form, new() { ["Data.Version"] = "1", ["Data.Tasks"] = new string('a', ReportDraft.MaxBlockLength + 1) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.OK);
        html = await new HtmlParser().ParseDocumentAsync(await tooLong.Content.ReadAsStringAsync());
        Text(html, "[data-valmsg-for='Data.Tasks']").ShouldBe("IV. Nhiệm vụ, giải pháp không được dài quá 20000 ký tự.");

        await using var db = _data.App.NewDbContext();
        (await db.ReportDrafts.SingleAsync(d => d.ScopeUnitId == _data.Units.Province)).Leadership.ShouldBe("Bản thứ nhất.");
    }

    [Fact]
    public async Task Should_refuse_a_post_without_the_anti_forgery_token()
    {
        var browser = await _data.LoginAsync("tinh.tonghop");
        var response = await browser.Http.PostAsync($"/Reports/Edit?scope={_data.Units.Province}&year=2024",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Data.Version"] = "0", ["Data.Leadership"] = "x" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _data.App.NewDbContext();
        (await db.ReportDrafts.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_start_next_year_from_this_year_text_on_the_page()
    {
        var browser = await _data.LoginAsync("quantri");
        var edit2023 = $"/Reports/Edit?scope={_data.Units.Province}&year=2023";
        var form = await browser.GetPageAsync(edit2023);
        (await browser.PostAsync(edit2023, form, new() { ["Data.Version"] = "0", ["Data.Advantages"] = "Ưu điểm viết năm 2023." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, next) = await browser.GetPageAsync($"/Reports/Edit?scope={_data.Units.Province}&year=2024");
        Text(next, "#report-carried").ShouldBe("Nội dung được lấy từ báo cáo năm 2023 làm điểm xuất phát; lưu lại để dùng cho năm nay.");
        next.QuerySelector("textarea[name='Data.Advantages']")!.TextContent.Trim().ShouldBe("Ưu điểm viết năm 2023.");
        var (_, report) = await browser.GetPageAsync(Url(_data.Units.Province));
        report.QuerySelectorAll("#report p").Select(p => p.TextContent.Trim()).ShouldContain("Ưu điểm viết năm 2023.");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReportsPageTests(SqliteWebApp app) : ReportsPageTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReportsPageTests(PostgresWebApp app) : ReportsPageTests(app);
