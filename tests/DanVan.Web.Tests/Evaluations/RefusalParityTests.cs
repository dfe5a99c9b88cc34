extern alias cli;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>
/// One table of the evaluation cycle's refusals, each run through the page, the API and the CLI: every surface must
/// give the same code (page: <c>#refusals li[data-code]</c>, or the status for a role that may not; API: problem+json
/// <c>code</c>; CLI: <c>error[code]</c>). A new rule is added to this table, not to a surface: the table must name every
/// write route of evaluation entry and submission, so a new route fails until it has its rows.
/// </summary>
public abstract class RefusalParityTests(DatabaseProvider provider) : IDisposable
{
    private readonly WebAppFactory _app = new(provider);

    public void Dispose() => _app.Dispose();

    /// <summary>How a case is arranged: the period's dates, and whether the unit's values are entered and confirmed first.</summary>
    private sealed record World(TestWorld W, WebAppFactory App, Dictionary<string, string> Tokens);

    /// <summary>One refusal case: the code every surface must give and one action per surface; a null CLI (or API) action says why it has no such operation.</summary>
    private sealed record Case(
        string Name, string Code, string[] Routes, Func<WebAppFactory, Task<World>> Arrange,
        Func<World, Task<string>> Page, Func<World, Task<string>>? Api, Func<World, Task<string>>? Cli, string? NoCli = null, string? NoApi = null);

    private static string Today(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    private static IReadOnlyList<Case> Cases() =>
    [
        new("not open yet", "entry.notOpenYet", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostSaveAsync", "cli scores import"],
            app => ArrangeAsync(app, deadlineDays: 60),
            w => PageEntryAsync(w, "1", "Points", "30"), w => ApiEntryAsync(w, "1", new { points = 30 }), w => CliImportAsync(w, "1", points: "30")),
        new("outside [0, max]", "entry.outOfRange", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostSaveAsync", "cli scores import"],
            app => ArrangeAsync(app),
            w => PageEntryAsync(w, "1", "Points", "41"), w => ApiEntryAsync(w, "1", new { points = 41 }), w => CliImportAsync(w, "1", points: "41")),
        new("off step", "entry.offStep", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostSaveAsync", "cli scores import"],
            app => ArrangeAsync(app),
            w => PageEntryAsync(w, "1", "Points", "30,25"), w => ApiEntryAsync(w, "1", new { points = 30.25m }), w => CliImportAsync(w, "1", points: "30.25")),
        new("a field of another scoring method", "entry.wrongMethodField", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostSaveAsync", "cli scores import"],
            app => ArrangeAsync(app),
            w => PageEntryAsync(w, "2.1", "Points", "5"), w => ApiEntryAsync(w, "2.1", new { points = 5 }), w => CliImportAsync(w, "2.1", points: "5")),
        new("late and refused", "submission.lateRefused", ["POST /api/v1/assessments/{id:int}/submit", "Submit.OnPostSubmitAsync", "cli scores import --submit"],
            app => ArrangeAsync(app, deadlineDays: -2, acceptLate: false, confirmed: true),
            w => PageSubmitAsync(w), w => ApiAsync(w, "userA", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/submit", new { }),
            w => CliImportAsync(w, "1", points: "30", "--submit", "--submitted-on", Today(0))),
        new("flags by a role that may not", "403", ["PUT /api/v1/assessments/{id:int}/flags", "Flags.OnPostAsync"],
            app => ArrangeAsync(app, submitted: true),
            w => PageFlagsAsync(w), w => ApiAsync(w, "userA", HttpMethod.Put, $"/api/v1/assessments/{w.W.AssessmentA}/flags", new { flags = new[] { "ky-luat" }, reason = "Quyết định kỷ luật" }),
            null, "the CLI records no flags"),
        new("evidence on a criterion the unit does not score", "evidence.criterionNotScored", ["POST /api/v1/assessments/{id:int}/evidence", "Evidence.OnPostAsync"],
            app => ArrangeAsync(app),
            w => PageEvidenceAsync(w, "2"), w => ApiAsync(w, "userA", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/evidence", new { criterionId = "2", documentRef = "Công văn số 5/CV" }),
            null, "the CLI adds no evidence"),
        new("a document reference too long", "evidence.referenceTooLong", ["POST /api/v1/assessments/{id:int}/evidence", "Evidence.OnPostAsync"],
            app => ArrangeAsync(app),
            w => PageEvidenceAsync(w, "1", new string('x', 501)),
            w => ApiAsync(w, "userA", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/evidence", new { criterionId = "1", documentRef = new string('x', 501) }),
            null, "the CLI adds no evidence"),
        new("a file whose content is none of the accepted types", "evidence.fileWrongType", ["POST /api/v1/assessments/{id:int}/evidence", "Evidence.OnPostAsync"],
            app => ArrangeAsync(app),
            w => PageEvidenceFileAsync(w, "bao-cao.doc", "Chi la van ban"u8.ToArray()), w => ApiEvidenceFileAsync(w, "bao-cao.doc", "Chi la van ban"u8.ToArray()),
            null, "the CLI adds no evidence"),
        new("return without a comment", "assessment.commentRequired", ["POST /api/v1/assessments/{id:int}/return", "Return.OnPostAsync"],
            app => ArrangeAsync(app, submitted: true),
            w => PageReviewAsync(w, "Return", "#return-form", ("Data.Comment", "  ")),
            w => ApiAsync(w, "coord", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/return", new { comment = "  " }),
            null, "the CLI has no return operation"),
        new("reopen without a reason", "assessment.reasonRequired", ["POST /api/v1/assessments/{id:int}/reopen", "Reopen.OnPostAsync"],
            app => ArrangeAsync(app, approved: true),
            w => PageReviewAsync(w, "Reopen", "#reopen-form", ("Data.Reason", "")),
            w => ApiAsync(w, "coord", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/reopen", new { reason = "" }),
            null, "the CLI has no reopen operation"),
        new("reconsideration: a criterion contested without a reason", "reconsideration.reasonRequired", ["POST /api/v1/assessments/{id:int}/reconsideration", "Reconsider.OnPostAsync"],
            app => ArrangeAsync(app, approved: true, window: 30),
            w => PagePostAsync(w, "headA", "Reconsider", "#reconsider-form", ("Rows[0].DocumentRef", "Kế hoạch số 12/KH-SNV")),
            w => ApiAsync(w, "headA", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/reconsideration",
                new { items = new[] { new { criterionId = "1", documentRef = "Kế hoạch số 12/KH-SNV" } } }),
            null, "the CLI sends no reconsideration (the unit head signs it on the page or through the API)"),
        new("reconsideration: a ruling without reasons", "reconsideration.rulingRequired", ["PUT /api/v1/assessments/{id:int}/reconsideration/rulings/{criterionId}", "Rulings.OnPostRuleAsync"],
            app => ArrangeAsync(app, approved: true, window: 30, contested: true),
            w => PagePostAsync(w, "coord", "Rulings", "#rule-form", ("Rows[0].Decision", "Accepted"), ("Rows[0].Field.Points", "35")),
            w => ApiAsync(w, "coord", HttpMethod.Put, $"/api/v1/assessments/{w.W.AssessmentA}/reconsideration/rulings/1",
                new JsonObject { ["decision"] = "Accepted", ["points"] = 35, ["version"] = null }),
            null, "the CLI rules on no reconsideration"),
        new("reconsideration: publishing again before every ruling", "reconsideration.notAllRuled", ["POST /api/v1/assessments/{id:int}/reconsideration/publish", "Rulings.OnPostPublishAsync"],
            app => ArrangeAsync(app, approved: true, window: 30, contested: true),
            w => PagePostAsync(w, "coord", "Rulings", "#publish-form"),
            w => ApiAsync(w, "coord", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/reconsideration/publish", new JsonObject { ["version"] = null }),
            null, "the CLI publishes no reconsideration"),
        new("reconsideration: a window out of range", "reconsideration.windowDays", ["PUT /api/v1/periods/{id:int}/reconsideration-window", "ReconsiderationBoard.OnPostAsync"],
            app => ArrangeAsync(app, approved: true),
            async w =>
            {
                var coordinator = await TestClient.LoginAsync(w.App, "coord");
                var board = await coordinator.GetAsync($"/Evaluations/ReconsiderationBoard/{w.W.PeriodId}");
                return PageCode(await coordinator.SubmitAsync(board, "#window-form", new() { ["Days"] = "0" }));
            },
            w => ApiAsync(w, "coord", HttpMethod.Put, $"/api/v1/periods/{w.W.PeriodId}/reconsideration-window", new JsonObject { ["days"] = 0, ["version"] = null }),
            null, "the CLI sets no reconsideration window"),
        new("link a document not in the unit's register", "evidence.documentNotFound", ["POST /api/v1/assessments/{id:int}/evidence", "Evidence.OnPostLinkAsync"],
            app => ArrangeAsync(app),
            w => PageLinkAsync(w, 999), w => ApiAsync(w, "userA", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/evidence", new { criterionId = "1", documentId = 999 }),
            null, "the CLI adds no evidence"),
        new("register a document without its number", "documents.numberRequired", ["POST /api/v1/units/{unitId:int}/documents", "Documents.OnPostAsync"],
            app => ArrangeAsync(app),
            w => PageRegisterAsync(w), w => ApiRegisterAsync(w),
            null, "the CLI registers no documents"),
        new("mark evidence insufficient without a reason", "evidence.reasonRequired", ["POST /api/v1/evidence/{id:int}/insufficient", "EvidenceMark.OnPostAsync"],
            app => ArrangeEvidenceAsync(app, approved: false),
            async w =>
            {
                var coord = await TestClient.LoginAsync(w.App, "coord");
                var page = await coord.GetAsync($"/Evaluations/EvidenceMark/{await EvidenceOfAAsync(w)}");
                return PageCode(await coord.SubmitAsync(page, "#mark-form", new() { ["Reason"] = " " }));
            },
            async w => await ApiAsync(w, "coord", HttpMethod.Post, $"/api/v1/evidence/{await EvidenceOfAAsync(w)}/insufficient", new { reason = " " }),
            null, "the CLI does not appraise evidence"),
        new("clear a mark after approval", "evidence.markWrongStatus", ["DELETE /api/v1/evidence/{id:int}/insufficient", "EvidenceMark.OnPostClearAsync"],
            app => ArrangeEvidenceAsync(app, approved: true),
            async w =>
            {
                var coord = await TestClient.LoginAsync(w.App, "coord");
                var id = await EvidenceOfAAsync(w);
                var page = await coord.GetAsync($"/Evaluations/EvidenceMark/{id}");
                return PageCode(await coord.PostAsync($"/Evaluations/EvidenceMark/{id}?handler=Clear", [("__RequestVerificationToken", TestClient.Token(page))]));
            },
            async w => await ApiAsync(w, "coord", HttpMethod.Delete, $"/api/v1/evidence/{await EvidenceOfAAsync(w)}/insufficient", new { }),
            null, "the CLI does not appraise evidence"),
        new("a stale version", "assessment.staleVersion", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostSaveAsync"],
            app => ArrangeAsync(app),
            w => PageEntryAsync(w, "1", "Points", "30", versionOffset: -1), w => ApiEntryAsync(w, "1", new { points = 30 }, versionOffset: -1),
            null, "the CLI reads the current version itself; it has no versioned change"),
        new("a criterion someone else changed meanwhile", "entry.changedByOther", ["PUT /api/v1/assessments/{id:int}/entries/{criterionId}", "Edit.OnPostFieldAsync", "Edit.OnPostSaveAsync"],
            app => ArrangeAsync(app),
            w => PageChangedByOtherAsync(w), w => ApiAsync(w, "headA", HttpMethod.Put, $"/api/v1/assessments/{w.W.AssessmentA}/entries/1", new { points = 20, basedOn = "0" }),
            null, "the CLI reads the current values itself; it has no change based on a read"),
        new("council: a ballot submitted with criteria unscored", "council.scoreRequired", ["PUT /api/v1/assessments/{id:int}/council/ballot", "Ballot.OnPostSubmitAsync"],
            app => ArrangeAsync(app, submitted: true, council: true),
            w => PageBallotAsync(w),
            w => ApiAsync(w, "inspector", HttpMethod.Put, $"/api/v1/assessments/{w.W.AssessmentA}/council/ballot", new { scores = Array.Empty<object>(), submit = true, version = 0 }),
            null, "the CLI has no council operation"),
        new("council: consensus before every member submitted", "council.ballotsMissing", ["POST /api/v1/assessments/{id:int}/council/consensus", "Council.OnPostRecordAsync"],
            app => ArrangeAsync(app, submitted: true, council: true),
            w => PageConsensusAsync(w),
            w => ApiAsync(w, "coord", HttpMethod.Post, $"/api/v1/assessments/{w.W.AssessmentA}/council/consensus", new { }),
            null, "the CLI has no council operation"),
    ];

    /// <summary>
    /// Write routes of evaluation entry and submission with no refusal row of their own, and why. Every other write
    /// route must appear in some row's <see cref="Case.Routes"/>.
    /// </summary>
    private static readonly Dictionary<string, string> RoutesWithoutRows = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/assessments/{id:int}/confirm"] = "refusals of state only (not editable), covered by the workflow's core tests",
        ["POST /api/v1/assessments/{id:int}/appraised"] = "review step without input",
        ["POST /api/v1/assessments/{id:int}/approve"] = "review step without input",
        ["DELETE /api/v1/evidence/{id:int}"] = "removal without input",
        ["Submit.OnPostConfirmAsync"] = "refusals of state only, as the API's confirm",
        ["Appraise.OnPostSaveAsync"] = "the same core entry rules as Edit (reviewer layer)",
        ["Appraise.OnPostDoneAsync"] = "review step without input",
        ["Inspect.OnPostAsync"] = "the same core entry rules as Edit (inspection layer)",
        ["Approve.OnPostAsync"] = "review step without input",
        ["Evidence.OnPostDeleteAsync"] = "removal without input",
        ["Ballot.OnPostSaveAsync"] = "the same core ballot rules as Ballot.OnPostSubmitAsync (a draft needs no complete ballot)",
        ["Edit.OnPostTotalAsync"] = "stores nothing: the live total shows the same core refusals per field",
        ["Simulation.OnPostAsync"] = "stores nothing: the core's simulation refusals (draft at its JSON path, mapping at its row), as the CLI's simulate",
        ["Simulation.OnPostXlsxAsync"] = "stores nothing: the same simulation, sent as XLSX",
    };

    [Fact]
    public void Should_have_a_row_for_every_write_route_of_evaluation_entry_and_submission()
    {
        _ = _app.Server;
        var api = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && (t.StartsWith("/api/v1/assessments", StringComparison.Ordinal) || t.StartsWith("/api/v1/evidence", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !r.StartsWith("HEAD ", StringComparison.Ordinal));
        var pages = typeof(DanVan.Web.Pages.Evaluations.Edit).Assembly.GetTypes()
            .Where(t => t.Namespace == "DanVan.Web.Pages.Evaluations" && typeof(PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)).Select(m => $"{t.Name}.{m.Name}"));
        var covered = Cases().SelectMany(c => c.Routes).Concat(RoutesWithoutRows.Keys).ToHashSet(StringComparer.Ordinal);

        api.Concat(pages).Distinct().Where(r => !covered.Contains(r)).Order(StringComparer.Ordinal)
            .ShouldBeEmpty("a write route without a row in the refusal table: add its cases to Cases() (or say why it has none)");
    }

    public static TheoryData<string> CaseNames() => [.. Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Should_give_the_same_code_on_every_surface(string name)
    {
        var c = Cases().Single(x => x.Name == name);
        var world = await c.Arrange(_app);

        (await c.Page(world)).ShouldBe(c.Code, $"page, case '{name}'");
        if (c.Api is null) c.NoApi.ShouldNotBeNullOrWhiteSpace("a case without an API call says why the API has no such operation");
        else (await c.Api(world)).ShouldBe(c.Code, $"API, case '{name}'");
        if (c.Cli is null) c.NoCli.ShouldNotBeNullOrWhiteSpace("a case without a CLI run says why the CLI has no such operation");
        else (await c.Cli(world)).ShouldBe(c.Code, $"CLI, case '{name}'");

        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == world.W.AssessmentA && e.Layer == DanVan.Evaluations.Scoring.ScoreLayer.Self))
            .ShouldBe(c.Name is "late and refused" or "mark evidence insufficient without a reason" or "clear a mark after approval" or "a criterion someone else changed meanwhile" or "return without a comment" or "reopen without a reason"
                || c.Name.StartsWith("flags", StringComparison.Ordinal) || c.Name.StartsWith("council", StringComparison.Ordinal) || c.Name.StartsWith("reconsideration", StringComparison.Ordinal) ? 1 : 0, "a refusal stores nothing");
        (await db.Entries.CountAsync(e => e.AssessmentId == world.W.AssessmentA && e.Layer == DanVan.Evaluations.Scoring.ScoreLayer.Reconsideration)).ShouldBe(0, "a refusal stores nothing");
        (await db.Reconsiderations.CountAsync()).ShouldBe(c.Name.Contains("rul", StringComparison.Ordinal) ? 1 : 0, "a refused request stores nothing");
    }

    private static async Task<World> ArrangeAsync(WebAppFactory app, int deadlineDays = 10, bool acceptLate = true, bool confirmed = false, bool submitted = false, bool approved = false,
        int? window = null, bool contested = false, bool council = false)
    {
        var w = await TestWorld.SeedAsync(app, deadline: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(deadlineDays), acceptLate: acceptLate);
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var db = app.NewDbContext();
        foreach (var user in new[] { "userA", "headA", "coord", "inspector" })
        {
            var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
            var (token, plain) = ApiToken.Create(id, "parity", DateTime.UtcNow, TimeSpan.FromDays(1));
            db.ApiTokens.Add(token);
            tokens[user] = plain;
        }
        submitted |= approved;
        if (confirmed || submitted)
        {
            var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == w.AssessmentA);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
            // Entered while the period was open: the arrangement is history, not the case.
            var at = a.Period!.OpensOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
            AssessmentEntries.Set(db, a, set, new EntryInput { CriterionId = "1", Points = 30 }, "userA", at);
            AssessmentWorkflow.Confirm(db, a, "headA", at);
            if (submitted) AssessmentWorkflow.Submit(db, a, a.Period!, set, "userA", at);
            if (approved) AssessmentWorkflow.Approve(db, a, set, null, "coord", at);
            a.Period!.ReconsiderationDays = window;
            if (contested)
            {
                await db.SaveChangesAsync();
                DanVan.Evaluations.Reconsiderations.Reconsiderations.Request(db, a, a.Period!, set, false,
                    [new("1", "Đã ban hành đủ kế hoạch")], "headA", at.AddDays(1));
            }
        }
        await db.SaveChangesAsync();
        // A council of the inspector (chair) and the viewer; the coordinator runs the meeting.
        if (council) await DanVan.Evaluations.Council.Councils.SetAsync(db, w.PeriodId,
            new(true, DanVan.Evaluations.Council.ConsensusRule.Median, 2, ["inspector", "viewer"], "inspector"), null, "coord", DateTime.UtcNow);
        await db.SaveChangesAsync();
        return new(w, app, tokens);
    }

    /// <summary>Assessment A submitted (or approved) with one evidence reference, marked insufficient.</summary>
    private static async Task<World> ArrangeEvidenceAsync(WebAppFactory app, bool approved)
    {
        var world = await ArrangeAsync(app, submitted: true, approved: approved);
        await using var db = app.NewDbContext();
        db.Evidence.Add(new Evidence
        {
            AssessmentId = world.W.AssessmentA, CriterionId = "1", DocumentRef = "Kế hoạch số 12/KH-SNV", AddedBy = "userA", AddedAt = DateTime.UtcNow,
            InsufficientReason = "Thiếu chữ ký", InsufficientBy = "coord", InsufficientAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return world;
    }

    private static async Task<int> EvidenceOfAAsync(World w)
    {
        await using var db = w.App.NewDbContext();
        return await db.Evidence.Where(e => e.AssessmentId == w.W.AssessmentA).Select(e => e.Id).FirstAsync();
    }

    private static async Task<string> PageLinkAsync(World w, int documentId)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var page = await user.GetAsync($"/Evaluations/Evidence/{w.W.AssessmentA}");
        return PageCode(await user.PostAsync($"/Evaluations/Evidence/{w.W.AssessmentA}?handler=Link",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Link.CriterionId", "1"), ("Link.DocumentId", documentId.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
    }

    private static async Task<string> PageRegisterAsync(World w)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var page = await user.GetAsync($"/Evaluations/Documents/{w.W.AgencyA}");
        return PageCode(await user.SubmitAsync(page, "#document-form", new() { ["Data.Number"] = " ", ["Data.IssuedOn"] = "2024-01-02", ["Data.Issuer"] = "Sở Nội vụ" }));
    }

    private static async Task<string> ApiRegisterAsync(World w)
    {
        using var client = w.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", w.Tokens["userA"]);
        using var form = new MultipartFormDataContent { { new StringContent(" "), "number" }, { new StringContent("2024-01-02"), "issuedOn" }, { new StringContent("Sở Nội vụ"), "issuer" } };
        using var response = await client.PostAsync($"/api/v1/units/{w.W.AgencyA}/documents", form);
        if (response.IsSuccessStatusCode) return $"accepted ({(int)response.StatusCode})";
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]?.GetValue<string>() ?? $"no code ({(int)response.StatusCode})";
    }

    private static string PageCode(Page page)
    {
        if (page.Status != HttpStatusCode.OK) return ((int)page.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var codes = page.RefusalCodes;
        return codes.Count > 0 ? codes[0] : $"no refusal on {page.Url}: {string.Join(" | ", page.Errors)}";
    }

    private static async Task<int> VersionAsync(World w)
    {
        await using var db = w.App.NewDbContext();
        return (await db.Assessments.SingleAsync(a => a.Id == w.W.AssessmentA)).Version;
    }

    private static async Task<string> PageEntryAsync(World w, string criterion, string property, string value, int versionOffset = 0)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var form = await user.GetAsync($"/Evaluations/Edit/{w.W.AssessmentA}");
        var posted = await user.PostAsync($"/Evaluations/Edit/{w.W.AssessmentA}?handler=Save",
            [("__RequestVerificationToken", TestClient.Token(form)), ("Data.Version", (await VersionAsync(w) + versionOffset).ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("Data.Entries[0].CriterionId", criterion), ($"Data.Entries[0].{property}", value)]);
        return PageCode(posted);
    }

    /// <summary>The head saves criterion 1 from the page read before the unit's clerk saved it (per-field save, then the whole form).</summary>
    private static async Task<string> PageChangedByOtherAsync(World w)
    {
        var head = await TestClient.LoginAsync(w.App, "headA");
        var form = await head.GetAsync($"/Evaluations/Edit/{w.W.AssessmentA}");
        await using (var db = w.App.NewDbContext())
        {
            var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == w.W.AssessmentA);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == a.CriteriaSetId)).Parse();
            AssessmentEntries.Set(db, a, set, new EntryInput { CriterionId = "1", Points = 30 }, "userA", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var fields = TestClient.Fields(form, "#assessment-form");
        fields.RemoveAll(f => f.Name == form.Field("1", "Points"));
        fields.Add((form.Field("1", "Points"), "20"));
        fields.Add(("criterion", "1"));
        var field = await head.Http.PostAsync($"/Evaluations/Edit/{w.W.AssessmentA}?handler=Field",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        var fieldCode = System.Text.Json.JsonDocument.Parse(await field.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString() == "conflict"
            ? "entry.changedByOther" : $"field save answered {(int)field.StatusCode}";
        var page = PageCode(await head.SubmitAsync(form, "#assessment-form", new() { [form.Field("1", "Points")] = "20" }, "#save-draft"));
        await using (var db = w.App.NewDbContext())
            if ((await db.Entries.SingleAsync(e => e.AssessmentId == w.W.AssessmentA)).Points != 30) return "the head's value was stored over the clerk's";
        return fieldCode == page ? page : $"field: {fieldCode}, form: {page}";
    }

    private static async Task<string> PageBallotAsync(World w)
    {
        var inspector = await TestClient.LoginAsync(w.App, "inspector");
        var page = await inspector.GetAsync($"/Evaluations/Ballot/{w.W.AssessmentA}");
        return PageCode(await inspector.SubmitAsync(page, "#ballot-form", submitSelector: "#submit-ballot"));
    }

    private static async Task<string> PageConsensusAsync(World w)
    {
        var coordinator = await TestClient.LoginAsync(w.App, "coord");
        var page = await coordinator.GetAsync($"/Evaluations/Council/{w.W.AssessmentA}");
        return PageCode(await coordinator.PostAsync($"/Evaluations/Council/{w.W.AssessmentA}?handler=Record",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Data.Version", (await VersionAsync(w)).ToString(System.Globalization.CultureInfo.InvariantCulture))]));
    }

    private static async Task<string> PageSubmitAsync(World w)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var page = await user.GetAsync($"/Evaluations/Submit/{w.W.AssessmentA}");
        return PageCode(await user.SubmitAsync(page, "#submit-form", submitSelector: "#submit"));
    }

    private static async Task<string> PageFlagsAsync(World w)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var home = await user.GetAsync($"/Evaluations/Edit/{w.W.AssessmentA}");
        var posted = await user.PostAsync($"/Evaluations/Flags/{w.W.AssessmentA}",
            [("__RequestVerificationToken", TestClient.Token(home)), ("Data.Version", (await VersionAsync(w)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("Data.Codes", "ky-luat"), ("Data.Reason", "Quyết định kỷ luật")]);
        return PageCode(posted);
    }

    /// <summary><paramref name="user"/> posts a form of a page of assessment A with <paramref name="fields"/>.</summary>
    private static async Task<string> PagePostAsync(World w, string user, string page, string form, params (string Name, string Value)[] fields)
    {
        var client = await TestClient.LoginAsync(w.App, user);
        var shown = await client.GetAsync($"/Evaluations/{page}/{w.W.AssessmentA}");
        return PageCode(await client.SubmitAsync(shown, form, fields.ToDictionary(f => f.Name, f => (string?)f.Value)));
    }

    /// <summary>The coordinator posts a review form (return, reopen) of assessment A with <paramref name="field"/>.</summary>
    private static async Task<string> PageReviewAsync(World w, string page, string form, (string Name, string Value) field)
    {
        var coordinator = await TestClient.LoginAsync(w.App, "coord");
        var shown = await coordinator.GetAsync($"/Evaluations/{page}/{w.W.AssessmentA}");
        return PageCode(await coordinator.SubmitAsync(shown, form, new() { [field.Name] = field.Value }));
    }

    private static async Task<string> PageEvidenceAsync(World w, string criterion, string reference = "Công văn số 5/CV")
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var page = await user.GetAsync($"/Evaluations/Evidence/{w.W.AssessmentA}");
        var posted = await user.PostAsync($"/Evaluations/Evidence/{w.W.AssessmentA}",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Data.CriterionId", criterion), ("Data.DocumentRef", reference)]);
        return PageCode(posted);
    }

    private static async Task<string> PageEvidenceFileAsync(World w, string fileName, byte[] content)
    {
        var user = await TestClient.LoginAsync(w.App, "userA");
        var page = await user.GetAsync($"/Evaluations/Evidence/{w.W.AssessmentA}");
        var posted = await user.PostAsync($"/Evaluations/Evidence/{w.W.AssessmentA}",
            [("__RequestVerificationToken", TestClient.Token(page)), ("Data.CriterionId", "1")], [("Data.Files", fileName, content)]);
        return PageCode(posted);
    }

    private static async Task<string> ApiEvidenceFileAsync(World w, string fileName, byte[] content)
    {
        using var client = w.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", w.Tokens["userA"]);
        using var form = new MultipartFormDataContent { { new StringContent("1"), "criterionId" }, { new ByteArrayContent(content), "file", fileName } };
        using var response = await client.PostAsync($"/api/v1/assessments/{w.W.AssessmentA}/evidence", form);
        if (response.IsSuccessStatusCode) return $"accepted ({(int)response.StatusCode})";
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]?.GetValue<string>() ?? $"no code ({(int)response.StatusCode})";
    }

    private static async Task<string> ApiEntryAsync(World w, string criterion, object body, int versionOffset = 0)
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        json["version"] = await VersionAsync(w) + versionOffset;
        return await ApiAsync(w, "userA", HttpMethod.Put, $"/api/v1/assessments/{w.W.AssessmentA}/entries/{criterion}", json);
    }

    private static async Task<string> ApiAsync(World w, string user, HttpMethod method, string url, object body)
    {
        var json = body as JsonObject ?? JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        if (!json.ContainsKey("version") && !url.Contains("/evidence", StringComparison.Ordinal)) json["version"] = await VersionAsync(w);
        using var client = w.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", w.Tokens[user]);
        using var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(json) });
        if (response.IsSuccessStatusCode) return $"accepted ({(int)response.StatusCode})";
        if (response.StatusCode == HttpStatusCode.Forbidden) return "403";
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["code"]?.GetValue<string>() ?? $"no code ({(int)response.StatusCode})";
    }

    private static async Task<string> CliImportAsync(World w, string criterion, string points, params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("danvan-parity-").FullName;
        try
        {
            var file = Path.Combine(folder, "diem.csv");
            await File.WriteAllTextAsync(file, string.Join(',', ScoreList.Columns) + "\n" + $"SO-A,{criterion},self,{points},,,,,,,\n");
            await using var db = w.App.NewDbContext();
            var connection = db.Database.GetConnectionString()!;
            var database = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? "postgres" : "sqlite";
            using var output = new StringWriter();
            using var error = new StringWriter();
            await cli::DanVan.Cli.Cli.RunAsync(
                ["scores", "import", file, "--period-id", w.W.PeriodId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options,
                 "--database", database, "--connection", connection, "--lang", "en"], output, error);
            var line = error.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("error[", StringComparison.Ordinal));
            return line is null ? $"no error[code] line: {error}{output}" : line[6..line.IndexOf(']', StringComparison.Ordinal)];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class SqliteRefusalParityTests() : RefusalParityTests(DatabaseProvider.Sqlite);

public sealed class PostgresRefusalParityTests() : RefusalParityTests(DatabaseProvider.Postgres);
