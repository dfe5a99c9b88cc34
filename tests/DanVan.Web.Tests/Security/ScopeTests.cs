using System.Net.Http.Json;
using System.Net;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Security;

/// <summary>A unit user of agency A can never read or change agency B's data, by any page, handler, export or download URL.</summary>
public abstract class ScopeTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>Pages anyone signed in may open (they show only the user's own things).</summary>
    /// <remarks>Not the access-token page: a unit's clerk without a token is answered 403 (Account/PlainWordsTests).</remarks>
    private static readonly HashSet<string> OwnPages =
    [
        "/", "/Index", "/Account/Login", "/Account/AccessDenied", "/Account/ChangePassword", "/Error", "/Evaluations", "/Evaluations/Index",
        "/Statistics", "/Statistics/Index",
        "/Obligations", "/Obligations/Index",
        // The reports sent up: a unit sees the calls and reports of its own scope only (tested in Reports/ReportCallTests).
        "/Reports/Calls", "/Reports/Calls/Index",
        // The registries' lists and figures show a unit its own records (others' are filtered out, tested in Registries/).
        "/Registries/Receptions", "/Registries/Receptions/Index", "/Registries/Petitions", "/Registries/Petitions/Index",
        "/Registries/Dialogues", "/Registries/Dialogues/Index", "/Registries/Cases", "/Registries/Cases/Index", "/Registries/Figures",
        // A unit reads and records its own work registries (a list, its figures, a file to import); the forms answer 404 for another id.
        "/Registries/Work", "/Registries/Work/Index", "/Registries/Work/Figures", "/Registries/Work/Import",
    ];

    private async Task<(TestWorld World, int EvidenceB)> ArrangeAsync()
    {
        var w = await TestWorld.SeedAsync(_app);
        await w.SubmitAsync(_app, w.AssessmentB, submit: false);
        await using var db = _app.NewDbContext();
        var evidence = new DanVan.Evaluations.Evidence { AssessmentId = w.AssessmentB, CriterionId = "1", FileName = "b.pdf", StoredName = "0123456789abcdef0123456789abcdef", FileType = EvidenceFileType.Pdf, Size = Samples.Pdf.Length, AddedBy = "userB" };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync();
        Directory.CreateDirectory(Path.Combine(_app.DataFolder, "evidence"));
        await File.WriteAllBytesAsync(Path.Combine(_app.DataFolder, "evidence", evidence.StoredName), Samples.Pdf);
        return (w, evidence.Id);
    }

    [Fact]
    public async Task Should_answer_404_to_every_page_of_another_units_assessment_and_its_evidence()
    {
        var (w, evidenceB) = await ArrangeAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        string[] pages = ["Edit", "View", "Evidence", "Submit", "Appraise", "Inspect", "Return", "Approve", "Reopen", "Flags", "Audit"];
        foreach (var page in pages)
        {
            (await userA.GetAsync($"/Evaluations/{page}/{w.AssessmentB}")).Status.ShouldBe(HttpStatusCode.NotFound, page);
            (await userA.GetAsync($"/Evaluations/{page}/{w.AssessmentA}")).Status.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Forbidden], page);
        }
        var download = await userA.Http.GetAsync($"/Evaluations/Download/{evidenceB}");
        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await download.Content.ReadAsByteArrayAsync()).ShouldNotBe(Samples.Pdf);
        (await userA.GetAsync("/Evaluations/Download/999999")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The unit user of B downloads it.
        var userB = await TestClient.LoginAsync(_app, "userB");
        (await (await userB.Http.GetAsync($"/Evaluations/Download/{evidenceB}")).Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);
    }

    [Fact]
    public async Task Should_refuse_every_post_handler_on_another_units_assessment_and_change_nothing()
    {
        var (w, evidenceB) = await ArrangeAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        var own = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var token = TestClient.Token(own);
        string version;
        await using (var db = _app.NewDbContext()) version = (await db.Assessments.SingleAsync(a => a.Id == w.AssessmentB)).Version.ToString();

        (string Url, (string, string)[] Fields)[] posts =
        [
            ($"/Evaluations/Edit/{w.AssessmentB}?handler=Save", [("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "1")]),
            ($"/Evaluations/Edit/{w.AssessmentB}?handler=Total", [("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "1")]),
            ($"/Evaluations/Evidence/{w.AssessmentB}", [("Data.CriterionId", "1"), ("Data.DocumentRef", "Công văn số 1/CV")]),
            ($"/Evaluations/Evidence/{w.AssessmentB}?handler=Delete&evidenceId={evidenceB}", []),
            ($"/Evaluations/Evidence/{w.AssessmentA}?handler=Delete&evidenceId={evidenceB}", []),
            ($"/Evaluations/Submit/{w.AssessmentB}?handler=Confirm", []),
            ($"/Evaluations/Submit/{w.AssessmentB}?handler=Submit", []),
            ($"/Evaluations/Appraise/{w.AssessmentB}?handler=Save", [("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "1"), ("Data.Entries[0].Note", "x")]),
            ($"/Evaluations/Appraise/{w.AssessmentB}?handler=Done", []),
            ($"/Evaluations/Inspect/{w.AssessmentB}", [("Data.Entries[0].CriterionId", "1"), ("Data.Entries[0].Points", "1"), ("Data.Entries[0].Note", "x")]),
            ($"/Evaluations/Return/{w.AssessmentB}", [("Data.Comment", "x")]),
            ($"/Evaluations/Approve/{w.AssessmentB}", []),
            ($"/Evaluations/Reopen/{w.AssessmentB}", [("Data.Reason", "x")]),
            ($"/Evaluations/Flags/{w.AssessmentB}", [("Data.Codes", "ky-luat"), ("Data.Reason", "x")]),
            ($"/Evaluations/Evidence/{w.AssessmentB}?handler=Link", [("Link.CriterionId", "1"), ("Link.DocumentId", "1")]),
            ($"/Evaluations/EvidenceMark/{evidenceB}", [("Reason", "x")]),
            ($"/Evaluations/EvidenceMark/{evidenceB}?handler=Clear", []),
            ($"/Evaluations/Documents/{w.AgencyB}", [("Data.Number", "1/QĐ"), ("Data.IssuedOn", "2024-01-02"), ("Data.Issuer", "UBND")]),
        ];
        foreach (var (url, fields) in posts)
        {
            var response = await userA.PostAsync(url, [("__RequestVerificationToken", token), ("Data.Version", version), .. fields]);
            response.Status.ShouldBe(HttpStatusCode.NotFound, url);
        }

        await using var check = _app.NewDbContext();
        var b = await check.Assessments.Include(a => a.Entries).SingleAsync(a => a.Id == w.AssessmentB);
        b.Status.ShouldBe(AssessmentStatus.Draft);
        b.Entries.Single(e => e.CriterionId == "1").Points.ShouldBe(35.5m);
        (await check.Evidence.CountAsync(e => e.AssessmentId == w.AssessmentB)).ShouldBe(1);
        (await check.UnitDocuments.CountAsync()).ShouldBe(0);
        (await check.Audit.CountAsync(a => a.AssessmentId == w.AssessmentB && a.User == "userA")).ShouldBe(7); // the arrangement's own lines only
        (await check.Audit.AnyAsync(a => a.Action.StartsWith("assessment.") || a.Action.StartsWith("evidence."))).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_answer_403_to_a_unit_user_on_coordinator_pages_of_the_own_unit_and_on_lists_and_exports()
    {
        var (w, _) = await ArrangeAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        foreach (var page in new[] { "Appraise", "Inspect", "Return", "Approve", "Reopen", "Flags" })
            (await userA.GetAsync($"/Evaluations/{page}/{w.AssessmentA}")).Status.ShouldBe(HttpStatusCode.Forbidden, page);
        string[] lists =
        [
            "/Evaluations/Queue", $"/Evaluations/Queue?periodId={w.PeriodId}", $"/Evaluations/Queue?handler=Export&periodId={w.PeriodId}",
            "/Dashboard", $"/Dashboard?periodId={w.PeriodId}", "/Periods", "/Periods/Open",
            "/Admin", "/Admin/Accounts", "/Admin/Units", "/Admin/Units?handler=Export", "/Admin/Groups", "/Admin/CriteriaSets", $"/Admin/CriteriaSets/Details/{w.CriteriaSetId}",
        ];
        foreach (var url in lists)
        {
            var response = await userA.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html", url);
        }
        var forbidden = await userA.GetAsync("/Admin/Units?handler=Export");
        forbidden.Text("#status-page h1").ShouldBe("Không có quyền truy cập");
    }

    [Fact]
    public async Task Should_keep_lists_and_exports_within_the_scope()
    {
        var w = await TestWorld.SeedAsync(_app);
        var district = await TestClient.LoginAsync(_app, "dcoord");
        var queue = await district.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}");
        queue.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-unit")).ShouldBe(["X01"]);
        // A district coordinator reads the commune but does not coordinate the provincial period.
        queue.Document.QuerySelector("#queue a.appraise").ShouldBeNull();
        var export = await district.Http.GetAsync($"/Evaluations/Queue?handler=Export&periodId={w.PeriodId}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["Mã"]).ShouldBe(["X01"]);
        (await district.GetAsync($"/Evaluations/View/{w.AssessmentA}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await district.GetAsync($"/Evaluations/Appraise/{w.Assessments[w.Commune]}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var userA = await TestClient.LoginAsync(_app, "userA");
        var mine = await userA.GetAsync("/Evaluations");
        mine.Document.QuerySelectorAll("#my-assessments tbody tr").Select(r => r.GetAttribute("data-assessment")).ShouldBe([w.AssessmentA.ToString()]);
    }

    [Fact]
    public async Task Should_guard_every_page_route_the_app_has()
    {
        var (w, evidenceB) = await ArrangeAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        string accountId;
        await using (var db = _app.NewDbContext()) accountId = (await db.Users.SingleAsync(u => u.UserName == "userB")).Id;

        var routes = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order().ToList();
        routes.Count.ShouldBeGreaterThan(25);
        foreach (var route in routes)
        {
            if (route.StartsWith("/Status", StringComparison.Ordinal) || route == "/Account/Logout") continue;
            var url = route
                .Replace("Download/{id:int}", $"Download/{evidenceB}", StringComparison.Ordinal)
                .Replace("EvidenceMark/{id:int}", $"EvidenceMark/{evidenceB}", StringComparison.Ordinal)
                .Replace("Documents/{id:int}", $"Documents/{w.AgencyB}", StringComparison.Ordinal)
                .Replace("{id:int}", w.AssessmentB.ToString(), StringComparison.Ordinal)
                .Replace("{id:int?}", w.AssessmentB.ToString(), StringComparison.Ordinal)
                .Replace("{id}", accountId, StringComparison.Ordinal);
            if (url.StartsWith("/Admin/CriteriaSets/Details", StringComparison.Ordinal)) url = url.Replace(w.AssessmentB.ToString(), w.CriteriaSetId.ToString(), StringComparison.Ordinal);
            var status = (await userA.Http.GetAsync(url)).StatusCode;
            if (OwnPages.Contains(route)) status.ShouldBe(HttpStatusCode.OK, url);
            else status.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], url);
        }
    }

    /// <summary>Regression: the API let a district coordinator or an inspector set the disciplinary flag that moves a
    /// provincial class, while the page did not. One rule now: a coordinator of the unit and of the period's scope unit.</summary>
    [Fact]
    public async Task Should_let_only_a_coordinator_of_the_unit_and_of_the_period_set_flags_on_page_and_api()
    {
        var w = await TestWorld.SeedAsync(_app);
        var commune = w.Assessments[w.Commune];
        await w.SubmitAsync(_app, w.AssessmentA);
        await w.SubmitAsync(_app, commune);

        foreach (var (user, assessment) in new[] { ("dcoord", commune), ("inspector", w.AssessmentA), ("inspector", commune) })
        {
            var page = await TestClient.LoginAsync(_app, user);
            (await page.Http.GetAsync($"/Evaluations/Flags/{assessment}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"page, {user}");
            var api = await TestClient.ApiAsync(_app, user);
            var version = await VersionAsync(assessment);
            var response = await api.PutAsJsonAsync($"/api/v1/assessments/{assessment}/flags",
                new { version, flags = new[] { "ky-luat" }, reason = "Quyết định kỷ luật số 5/QĐ-UBND" });
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"API, {user}");
            (await _app.NewDbContext().Assessments.SingleAsync(a => a.Id == assessment)).Flags.ShouldBeEmpty($"{user} changed the flags");
        }

        // The provincial coordinator decides in the provincial period, on both paths; the buttons say so too.
        var coordinator = await TestClient.ApiAsync(_app, "coord");
        (await coordinator.PutAsJsonAsync($"/api/v1/assessments/{commune}/flags",
            new { version = await VersionAsync(commune), flags = new[] { "ky-luat" }, reason = "Quyết định kỷ luật số 5/QĐ-UBND" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var details = await (await coordinator.GetAsync($"/api/v1/assessments/{w.AssessmentA}")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        details!["actions"]!["setFlags"]!.GetValue<bool>().ShouldBeTrue();
        var inspectorView = await (await (await TestClient.ApiAsync(_app, "inspector")).GetAsync($"/api/v1/assessments/{w.AssessmentA}")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        inspectorView!["actions"]!["setFlags"]!.GetValue<bool>().ShouldBeFalse();
        var coordPage = await TestClient.LoginAsync(_app, "coord");
        (await coordPage.Http.GetAsync($"/Evaluations/Flags/{w.AssessmentA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<int> VersionAsync(int assessmentId)
    {
        await using var db = _app.NewDbContext();
        return (await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == assessmentId)).Version;
    }


    /// <summary>Every page and API route names the permission action that decides it (a folder policy, a
    /// [Permission], a [Scoped] page filter or the API's RequiresPermission), and each is registered: a new route
    /// without one fails here until it is covered by the permission model.</summary>
    [Fact]
    public void Should_declare_a_registered_permission_action_on_every_page_and_api_route()
    {
        _ = _app.Server;
        var permissions = _app.Services.GetRequiredService<DanVan.Accounts.Permissions.Permissions>();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .ToList();
        endpoints.Count(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null).ShouldBeGreaterThan(20);
        var undeclared = new List<string>();
        var unknown = new List<string>();
        foreach (var e in endpoints)
        {
            if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) continue;
            var declared = e.Metadata.OfType<DanVan.Web.Infrastructure.RequiresPermission>().Select(r => r.Action)
                .Concat(e.Metadata.OfType<DanVan.Web.Infrastructure.ScopedAttribute>().SelectMany(x => new[] { x.Action, x.PostAction }))
                .Concat(e.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).Select(p => p!))
                .Where(a => a != DanVan.Web.Api.ApiAuthentication.Policy)
                .ToList();
            var name = $"{string.Join(",", e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["PAGE"])} /{e.RoutePattern.RawText!.TrimStart('/')}";
            if (declared.Count == 0) undeclared.Add(name);
            unknown.AddRange(declared.Where(a => !permissions.Actions.ContainsKey(a)).Select(a => $"{name}: {a}"));
        }
        undeclared.ShouldBeEmpty("routes without a permission action");
        unknown.ShouldBeEmpty("actions not registered by any capability");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteScopeTests(SqliteWebApp app) : ScopeTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresScopeTests(PostgresWebApp app) : ScopeTests(app);
