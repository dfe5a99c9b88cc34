using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Api.Accounts;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Periods;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using DanVan.Web.Tests.Api;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Audit;

/// <summary>
/// Every write endpoint of the running app, page handler or API route, is called once successfully and must leave its
/// declared number of audit lines (one for a change; none for sign-in, sign-out and previews), written in the same
/// transaction as the change. A new write endpoint fails this test until a case is added to the table.
/// </summary>
public abstract class AuditPerWriteTests(DatabaseProvider provider) : IDisposable
{
    private readonly WebAppFactory _app = new(provider);

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Case(string Endpoint, int Lines, Func<Task> Act, Func<Task>? Arrange = null);

    /// <summary>A figures CSV (unit_code, unit_name, indicator, name, measure, value) with one indicator's value changed.</summary>
    private static string WithFigure(string csv, string indicator, string value) =>
        string.Join('\n', csv.Split('\n').Select(l => l.Split(',') is { Length: 6 } f && f[2] == indicator ? string.Join(',', f[..5]) + "," + value : l));

    [Fact]
    public async Task Every_write_endpoint_leaves_its_audit_lines_in_the_same_transaction_as_the_change()
    {
        var recorder = new WriteRecorder();
        var w = await TestWorld.SeedAsync(_app);
        using var host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteDanVanDbContext>(o => o.AddInterceptors(recorder));
            s.ConfigureDbContext<PostgresDanVanDbContext>(o => o.AddInterceptors(recorder));
        }));
        var cases = await CasesAsync(w, host);

        var endpoints = await WriteEndpointsAsync(host.Services);
        var table = cases.Select(c => c.Endpoint).ToHashSet();
        endpoints.Where(e => !table.Contains(e)).Select(e => $"new route {e} has no audit case").ShouldBeEmpty();
        table.Where(e => !endpoints.Contains(e)).Select(e => $"the case {e} names no route of the app").ShouldBeEmpty();

        foreach (var c in cases)
        {
            if (c.Arrange is not null) await c.Arrange();
            var before = await AuditCountAsync();
            recorder.Start();
            await c.Act();
            var writes = recorder.Stop();
            (await AuditCountAsync() - before).ShouldBe(c.Lines, $"{c.Endpoint}: audit lines written");
            if (c.Lines == 0) continue;
            var described = string.Join("\n", writes.Select(x => $"[tx {x.Transaction}] {x.Sql}"));
            writes.ShouldContain(x => x.Audit, $"{c.Endpoint}: the audit line was not written through the app's context\n{described}");
            var oneTransaction = writes.Count == 1 || (writes.All(x => x.Transaction != 0) && writes.Select(x => x.Transaction).Distinct().Count() == 1);
            oneTransaction.ShouldBeTrue($"{c.Endpoint}: the change and its audit line must be one transaction\n{described}");
        }
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = _app.NewDbContext();
        return await db.Audit.CountAsync();
    }

    /// <summary>"POST /Page?handler=Name" for every page handler that accepts POST; "METHOD /route" for every API write.</summary>
    private static async Task<HashSet<string>> WriteEndpointsAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var h in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                    found.Add($"POST {page.ViewEnginePath}" + (string.IsNullOrEmpty(h.Name) ? "" : $"?handler={h.Name}"));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var m in methods.Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
                found.Add($"{m} /{endpoint.RoutePattern.RawText!.Trim('/')}");
        }
        return found;
    }

    private async Task<List<Case>> CasesAsync(TestWorld w, WebApplicationFactory<Program> host)
    {
        var a = w.AssessmentA;
        var b = w.AssessmentB;
        var now = DateTime.UtcNow;
        var tokens = new Dictionary<string, string>();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
            foreach (var name in new[] { "userB", "headB", "coord", "dcoord", "inspector" })
            {
                var id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
                tokens[name] = (await ApiTokens.CreateAsync(db, id, name, "kiểm thử", 30, now)).Plain;
            }
        }

        var pages = new Dictionary<string, TestClient>();
        async Task<TestClient> As(string user) => pages.TryGetValue(user, out var c) ? c : pages[user] = await LoginAsync(host, user);
        HttpClient Api(string user)
        {
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
            return client;
        }
        async Task<int> VersionOf(int id)
        {
            await using var db = _app.NewDbContext();
            return await db.Assessments.Where(x => x.Id == id).Select(x => x.Version).SingleAsync();
        }
        static void Ok(Page page, string what)
        {
            page.Status.ShouldBe(HttpStatusCode.OK, $"{what}: {page.AllText}");
            page.Errors.ShouldBeEmpty($"{what} was refused");
        }
        static async Task Success(HttpResponseMessage response, string what) =>
            response.IsSuccessStatusCode.ShouldBeTrue($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        async Task Fill(int id, string user, bool submit, string head)
        {
            await using var db = _app.NewDbContext();
            var x = await db.Assessments.Include(e => e.Entries).Include(e => e.Period).SingleAsync(e => e.Id == id);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == x.CriteriaSetId)).Parse();
            foreach (var e in TestWorld.DefaultEntries()) AssessmentEntries.Set(db, x, set, e, user, DateTime.UtcNow);
            if (submit)
            {
                AssessmentWorkflow.Confirm(db, x, head, DateTime.UtcNow);
                AssessmentWorkflow.Submit(db, x, x.Period!, set, user, DateTime.UtcNow);
            }
            await db.SaveChangesAsync();
        }

        async Task Approve(int id)
        {
            await using var db = _app.NewDbContext();
            var x = await db.Assessments.Include(e => e.Entries).Include(e => e.Period).Include(e => e.Unit).SingleAsync(e => e.Id == id);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == x.CriteriaSetId)).Parse();
            await AssessmentWorkflow.ApproveAsync(db, x, set, "coord", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        int callId = 0, callSubmission = 0;
        async Task<(int Submission, int Call)> LatestSubmissionAsync()
        {
            await using var db = _app.NewDbContext();
            var last = await db.ReportSubmissions.OrderByDescending(x => x.Id).Select(x => new { x.Id, x.CallId }).FirstAsync();
            return (last.Id, last.CallId);
        }
        async Task ResendAsync(int id)
        {
            await using var db = _app.NewDbContext();
            var sub = await db.ReportSubmissions.Include(x => x.Unit).Include(x => x.Call).SingleAsync(x => x.Id == id);
            await DanVan.Reports.Submissions.ReportCalls.SendAsync(db, sub, "dcoord", DateTime.UtcNow, DanVan.Periods.ProvinceClock.FindZone(null));
        }
        int markedId = 0;
        async Task<int> LinkedEvidenceAsync()
        {
            await using var db = _app.NewDbContext();
            return await db.Evidence.Where(e => e.UnitDocumentId != null).Select(e => e.Id).FirstAsync();
        }
        int evidenceId = 0, tokenId = 0, formReport = 0, petitionId = 0, dialogueId = 0, decisionId = 0, caseId = 0;
        var receptions = new List<int>();
        var day = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");
        object Reception(int unit, int? version = null) => new
        {
            unitId = unit, version, receivedOn = day, kind = "định kỳ", receivedByName = "Giám đốc", summary = "Kiến nghị về thủ tục", matterKind = "kiến nghị",
            outcome = "hướng dẫn", visitors = new[] { new { name = "Nguyễn Văn An", idNumber = "044190001234" } },
        };
        object Petition(int unit, int? version = null) => new
        {
            unitId = unit, version, receivedOn = day, channel = "bưu chính", matterKind = "khiếu nại", summary = "Khiếu nại quyết định", withinCompetence = true,
            handling = "thụ lý", acceptedOn = day, petitioners = new[] { new { name = "Trần Thị Bình" } },
        };
        object Dialogue(int unit, int? version = null) => new
        {
            unitId = unit, version, heldOn = day, chairedBy = "Giám đốc", byHead = true, participants = 40, topics = "Cải cách hành chính",
            followUps = new[] { new { item = "Trả lời kiến nghị", owner = "Văn phòng", dueOn = (string?)null, done = false } },
        };
        int modelId = 0, planId = 0, recommendationId = 0;
        object WorkModel(string name = "Một cửa thân thiện") => new { modelName = name, field = "kinh tế", yearStarted = 2018 };
        object Recommendation() => new { issuer = "Ủy ban MTTQ tỉnh", issuerLevel = "tỉnh", issuedOn = "2024-05-01", topic = "Giám sát tiếp công dân", dueOn = "2024-06-01" };
        async Task<TestClient> Unfollowed(string user)
        {
            var client = new TestClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
            var signedIn = await client.SubmitAsync(await client.GetAsync("/Account/Login"), "form", new() { ["Data.UserName"] = user, ["Data.Password"] = TestWorld.Password });
            ((int)signedIn.Status).ShouldBe(302, $"sign-in of {user}");
            return client;
        }
        async Task<Page> DuplicatePost(string handler, params (string Name, string Value)[] fields)
        {
            var c = await Unfollowed("coord");
            // The token from a list (masked, no read logged): the duplicates page itself logs the reads of the names it shows.
            var page = await c.GetAsync("/Registries/Receptions");
            return await c.PostAsync($"/Registries/Duplicates?handler={handler}",
                [("__RequestVerificationToken", TestClient.Token(page)), ("unit", w.Province.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. fields]);
        }
        static void Moved(Page page, string what) =>
            ((int)page.Status).ShouldBeOneOf([302, 303], $"{what}: {(int)page.Status} {page.AllText}");
        async Task<string> UnitCode(int id)
        {
            await using var db = _app.NewDbContext();
            return await db.Units.Where(u => u.Id == id).Select(u => u.Code).SingleAsync();
        }
        async Task<string> FormETag()
        {
            var read = await Api("userB").GetAsync($"/api/v1/form-reports/{formReport}");
            await Success(read, "read the form");
            return read.Headers.ETag!.Tag;
        }
        async Task<HttpResponseMessage> FormSend(string user, HttpMethod method, string url, object? body = null, bool ifMatch = false)
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            if (ifMatch) request.Headers.IfMatch.Add(new EntityTagHeaderValue(await FormETag()));
            return await Api(user).SendAsync(request);
        }
        // A council member's full ballot (the period's council: coord, the chair, and the inspector).
        object[] BallotScores(decimal one) =>
        [
            new { criterionId = "1", points = one, note = "Nhận xét" }, new { criterionId = "2.1", level = "A" }, new { criterionId = "2.2", @checked = new[] { "a" } },
            new { criterionId = "2.3", achieved = 90 }, new { criterionId = "3", points = 15 }, new { criterionId = "B1", points = 2 }, new { criterionId = "T1", count = 1 },
        ];
        async Task ChairBallot(int id)
        {
            await using var db = _app.NewDbContext();
            var x = await db.Assessments.Include(e => e.Entries).Include(e => e.Period).SingleAsync(e => e.Id == id);
            var set = (await db.CriteriaSets.SingleAsync(s => s.Id == x.CriteriaSetId)).Parse();
            DanVan.Evaluations.Council.Councils.SaveBallot(db, x, await DanVan.Evaluations.Council.Councils.FindAsync(db, w.PeriodId), set, null, "coord",
            [
                new EntryInput { CriterionId = "1", Points = 34 }, new EntryInput { CriterionId = "2.1", Level = "B" }, new EntryInput { CriterionId = "2.2", Checked = ["a", "b"] },
                new EntryInput { CriterionId = "2.3", Achieved = 100 }, new EntryInput { CriterionId = "3", Points = 17 }, new EntryInput { CriterionId = "B1", Points = 3 },
                new EntryInput { CriterionId = "T1", Count = 0 },
            ], submit: true, version: null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var formValues = new { poorRate = "3,43", ntmScope = "26/27", ntmCommunes = 15, receptions = 342, receptionVisitors = "390" };
        return
        [
            // ---- pages ----
            new("POST /Account/Login", 0, async () => await As("userA")),
            new("POST /Evaluations/Edit?handler=Save", 1, async () =>
            {
                var c = await As("userA");
                var edit = await c.GetAsync($"/Evaluations/Edit/{a}");
                Ok(await c.SubmitAsync(edit, "#assessment-form", new() { [edit.Field("1", "Points")] = "30" }, "#save-draft"), "save");
            }),
            new("POST /Evaluations/Edit?handler=Field", 1, async () =>
            {
                var c = await As("userA");
                var edit = await c.GetAsync($"/Evaluations/Edit/{a}");
                var fields = TestClient.Fields(edit, "#assessment-form");
                fields.RemoveAll(f => f.Name == edit.Field("1", "Points"));
                fields.Add((edit.Field("1", "Points"), "32"));
                fields.Add(("criterion", "1"));
                var saved = await c.Http.PostAsync($"/Evaluations/Edit/{a}?handler=Field", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
                saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            }),
            new("POST /Evaluations/Edit?handler=Total", 0, async () =>
            {
                var c = await As("userA");
                var edit = await c.GetAsync($"/Evaluations/Edit/{a}");
                var total = await c.PostAsync($"/Evaluations/Edit/{a}?handler=Total", [("__RequestVerificationToken", TestClient.Token(edit)), (edit.Field("1", "Points"), "31")]);
                total.Status.ShouldBe(HttpStatusCode.OK);
            }),
            new("POST /Evaluations/Evidence", 1, async () =>
            {
                var c = await As("userA");
                var page = await c.GetAsync($"/Evaluations/Evidence/{a}");
                Ok(await c.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1", ["Data.DocumentRef"] = "Kế hoạch số 12/KH-SNV ngày 10/01/2024" }), "evidence");
            }),
            new("POST /Evaluations/Evidence?handler=Delete", 1, async () =>
            {
                var c = await As("userA");
                var list = await c.GetAsync($"/Evaluations/Evidence/{a}?criterion=1");
                // "Xóa" asks first; the confirmation's form deletes.
                var ask = await c.GetAsync($"/Evaluations/Evidence/{a}?remove={list.Find("input[name='remove']").GetAttribute("value")}");
                Ok(await c.SubmitAsync(ask, "#remove-form"), "remove evidence");
            }),
            new("POST /Evaluations/Documents", 1, async () =>
            {
                var c = await As("userA");
                var page = await c.GetAsync($"/Evaluations/Documents/{w.AgencyA}");
                Ok(await c.SubmitAsync(page, "#document-form", new() { ["Data.Number"] = "12/KH-SNV", ["Data.IssuedOn"] = "2024-01-10", ["Data.Issuer"] = "Sở Nội vụ", ["Data.Summary"] = "Kế hoạch dân vận" },
                    files: [("Data.File", "ke-hoach.pdf", Samples.Pdf)]), "register document");
            }),
            new("POST /Evaluations/Evidence?handler=Link", 1, async () =>
            {
                var c = await As("userA");
                var page = await c.GetAsync($"/Evaluations/Evidence/{a}");
                Ok(await c.SubmitAsync(page, "#link-form", new() { ["Link.CriterionId"] = "2.1", ["Link.DocumentId"] = page.Find("#link-document option[value]:not([value=''])").GetAttribute("value") }), "link document");
            }),
            new("POST /Evaluations/Submit?handler=Confirm", 1, async () =>
            {
                var c = await As("headA");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Submit/{a}"), "#submit-form", submitSelector: "#confirm"), "confirm");
            }, () => Fill(a, "userA", submit: false, "headA")),
            new("POST /Evaluations/Submit?handler=Submit", 1, async () =>
            {
                var c = await As("userA");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Submit/{a}"), "#submit-form", submitSelector: "#submit"), "submit");
            }),
            new("POST /Evaluations/EvidenceMark", 1, async () =>
            {
                var c = await As("coord");
                var page = await c.GetAsync($"/Evaluations/EvidenceMark/{await LinkedEvidenceAsync()}");
                Ok(await c.SubmitAsync(page, "#mark-form", new() { ["Reason"] = "Thiếu chữ ký" }), "mark insufficient");
            }),
            new("POST /Evaluations/EvidenceMark?handler=Clear", 1, async () =>
            {
                var c = await As("coord");
                var page = await c.GetAsync($"/Evaluations/EvidenceMark/{await LinkedEvidenceAsync()}");
                Ok(await c.SubmitAsync(page, "#clear-form"), "clear mark");
            }),
            new("POST /Evaluations/Appraise?handler=Save", 1, async () =>
            {
                var c = await As("coord");
                var page = await c.GetAsync($"/Evaluations/Appraise/{a}");
                Ok(await c.SubmitAsync(page, "#appraise-form", new()
                {
                    [page.Field("1", "Points")] = "30", [page.Field("1", "Note")] = "Kế hoạch ban hành chậm",
                }, "#save-adjustments"), "appraise");
            }),
            new("POST /Evaluations/Appraise?handler=Done", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Appraise/{a}"), "#appraise-form", submitSelector: "#appraisal-done"), "appraisal done");
            }),
            new("POST /Evaluations/Approve", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Approve/{a}"), "#approve-form"), "approve");
            }),
            new("POST /Evaluations/Reopen", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Reopen/{a}"), "#reopen-form", new() { ["Data.Reason"] = "Đơn vị khiếu nại" }), "reopen");
            }),
            new("POST /Evaluations/Flags", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Flags/{a}"), "#flags-form", new() { ["Data.Codes"] = "ky-luat", ["Data.Reason"] = "Quyết định kỷ luật số 15/QĐ-UBND" }), "flags");
            }),
            new("POST /Periods/Council", 1, async () =>
            {
                var c = await As("coord");
                var page = await c.GetAsync($"/Periods/Council/{w.PeriodId}");
                Ok(await c.PostAsync($"/Periods/Council/{w.PeriodId}",
                    [("__RequestVerificationToken", TestClient.Token(page)), ("Data.Version", "0"), ("Data.ByCouncil", "true"), ("Data.Rule", "Median"),
                     ("Data.Threshold", "2"), ("Data.Members", "coord"), ("Data.Members", "inspector"), ("Data.Chair", "coord")]), "council settings");
            }),
            new("POST /Evaluations/Ballot?handler=Save", 1, async () =>
            {
                var c = await As("inspector");
                var page = await c.GetAsync($"/Evaluations/Ballot/{a}");
                Ok(await c.SubmitAsync(page, "#ballot-form", new() { [page.Field("1", "Points")] = "30" }, "#save-ballot"), "ballot draft");
            }),
            // Every leaf needs a score: the other fields are filled the same way for everyone.
            new("POST /Evaluations/Ballot?handler=Submit", 1, async () =>
            {
                var c = await As("inspector");
                var page = await c.GetAsync($"/Evaluations/Ballot/{a}");
                Ok(await c.SubmitAsync(page, "#ballot-form", new()
                {
                    [page.Field("2.1", "Level")] = "A", [page.Field("2.2", "Checked")] = "a", [page.Field("2.3", "Achieved")] = "90",
                    [page.Field("3", "Points")] = "15", [page.Field("B1", "Points")] = "2", [page.Field("T1", "Count")] = "1",
                }, "#submit-ballot"), "ballot submitted");
            }),
            // The consensus writes each leaf's appraisal entry (one line each, 7 leaves) and one line for the council.
            new("POST /Evaluations/Council?handler=Record", 8, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Council/{a}"), "#council-form", submitSelector: "#record-consensus"), "consensus");
            }, () => ChairBallot(a)),
            // The simulation only computes: a read, no audit line, nothing stored.
            new("POST /Evaluations/Simulation", 0, async () =>
            {
                var c = await As("coord");
                var draft = Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(TestWorld.Set() with { Id = "test-set-du-thao", Name = "Dự thảo" }));
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Simulation/{w.PeriodId}"), "#simulation-form", files: [("Data.DraftFile", "du-thao.json", draft)]), "simulate");
            }),
            new("POST /Evaluations/Simulation?handler=Xlsx", 0, async () =>
            {
                var c = await As("coord");
                var json = CriteriaSetFile.Serialize(TestWorld.Set() with { Id = "test-set-du-thao", Name = "Dự thảo" });
                var page = await c.GetAsync($"/Evaluations/Simulation/{w.PeriodId}");
                var response = await c.Http.PostAsync($"/Evaluations/Simulation/{w.PeriodId}?handler=Xlsx", new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", TestClient.Token(page)), new("Data.DraftJson", json)]));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, "simulation export");
            }),
            new("POST /Evaluations/Inspect", 1, async () =>
            {
                var c = await As("inspector");
                var page = await c.GetAsync($"/Evaluations/Inspect/{a}");
                Ok(await c.SubmitAsync(page, "#inspect-form", new()
                {
                    [page.Field("2.1", "Level")] = "B", [page.Field("2.1", "Note")] = "Tiếp công dân 8/12 kỳ",
                }), "inspect");
            }),
            new("POST /Evaluations/Return", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Return/{a}"), "#return-form", new() { ["Data.Comment"] = "Bổ sung minh chứng tiêu chí 1" }), "return");
            }),
            // Reconsideration (phúc tra) of A's result, published again: the window, the request, a ruling, the re-publication
            // (the accepted value's entry and the publication's line).
            new("POST /Evaluations/ReconsiderationBoard", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/ReconsiderationBoard/{w.PeriodId}"), "#window-form", new() { ["Days"] = "30" }), "window");
            }, async () =>
            {
                await Fill(a, "userA", submit: true, "headA");
                await Approve(a);
            }),
            new("POST /Evaluations/Reconsider", 1, async () =>
            {
                var c = await As("headA");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Reconsider/{a}"), "#reconsider-form", new() { ["Rows[0].Reason"] = "Đủ kế hoạch" }), "reconsider");
            }),
            new("POST /Evaluations/Rulings?handler=Rule", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Rulings/{a}"), "#rule-form",
                    new() { ["Rows[0].Decision"] = "Accepted", ["Rows[0].Field.Points"] = "38", ["Rows[0].Reason"] = "Đủ căn cứ" }), "rule");
            }),
            new("POST /Evaluations/Rulings?handler=Publish", 2, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Evaluations/Rulings/{a}"), "#publish-form"), "publish again");
            }),
            new("POST /Periods/Open", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync("/Periods/Open"), "#open-period-form", new()
                {
                    ["Data.Year"] = "2025", ["Data.Name"] = "Đánh giá năm 2025", ["Data.ScopeUnitId"] = w.Province.ToString(),
                    ["Data.OpensOn"] = "2025-12-01", ["Data.Deadline"] = "2026-01-15", ["Data.AcceptLate"] = "false",
                    ["Data.Groups[0].Selected"] = "true", ["Data.Groups[0].CriteriaSetId"] = w.CriteriaSetId.ToString(),
                }), "open period");
            }),
            new("POST /Reports/Edit", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Reports/Edit?scope={w.Province}&year=2024"), "#report-edit", new() { ["Data.Leadership"] = "Ủy ban nhân dân tỉnh đã chỉ đạo." }), "report");
            }),
            new("POST /Reports/Template", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Reports/Template?scope={w.Province}"), "#template-form", new() { ["Form.Name"] = "Mẫu của tỉnh" }), "template");
            }),
            new("POST /Reports/Template?handler=Preview", 0, async () =>
            {
                var c = await As("coord");
                var url = $"/Reports/Template?scope={w.Province}";
                var page = await c.GetAsync(url);
                Ok(await c.PostAsync($"/Reports/Template?handler=Preview&scope={w.Province}", [("__RequestVerificationToken", TestClient.Token(page)), ("Form.Name", "Thử")]), "preview");
            }),
            new("POST /Reports/Template?handler=Import", 1, async () =>
            {
                var c = await As("coord");
                var page = await c.GetAsync($"/Reports/Template?scope={w.Province}");
                var json = Encoding.UTF8.GetBytes(DanVan.Reports.Templates.ReportTemplateFile.Serialize(DanVan.Reports.Templates.ReportTemplate.Standard with { Name = "Mẫu tải lên" }));
                Ok(await c.PostAsync($"/Reports/Template?handler=Import&scope={w.Province}", [("__RequestVerificationToken", TestClient.Token(page))],
                    [("Upload", "mau.json", json)]), "import template");
            }),
            new("POST /Admin/CriteriaSets/Details?handler=Deactivate", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Admin/CriteriaSets/Details/{w.CriteriaSetId}"), "#active-form"), "deactivate");
            }),
            new("POST /Admin/CriteriaSets/Details?handler=Activate", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Admin/CriteriaSets/Details/{w.CriteriaSetId}"), "#active-form"), "activate");
            }),
            new("POST /Admin/CriteriaSets/Import?handler=Preview", 0, async () =>
            {
                var c = await As("admin");
                var json = Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(TestWorld.Set() with { Id = "test-set-2", Name = "Bộ thứ hai" }));
                Ok(await c.SubmitAsync(await c.GetAsync("/Admin/CriteriaSets/Import"), "#criteria-upload-form", files: [("Data.File", "bo-2.json", json)]), "preview");
            }),
            new("POST /Admin/CriteriaSets/Import?handler=Save", 1, async () =>
            {
                var c = await As("admin");
                var json = Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(TestWorld.Set() with { Id = "test-set-3", Name = "Bộ thứ ba" }));
                var preview = await c.SubmitAsync(await c.GetAsync("/Admin/CriteriaSets/Import"), "#criteria-upload-form", files: [("Data.File", "bo-3.json", json)]);
                Ok(await c.SubmitAsync(preview, "#criteria-save-form"), "store criteria");
            }),
            new("POST /Admin/Groups/Edit", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync("/Admin/Groups/Edit"), "#group-form", new() { ["Data.Code"] = "cap-huyen", ["Data.Name"] = "Cấp huyện", ["Data.SortOrder"] = "3" }), "group");
            }),
            new("POST /Admin/Units/Edit", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync("/Admin/Units/Edit"), "#unit-form", new()
                {
                    ["Data.Code"] = "SO-C", ["Data.Name"] = "Sở Y tế", ["Data.Kind"] = "ProvincialAgency", ["Data.ParentId"] = w.Province.ToString(),
                }), "unit");
            }),
            new("POST /Admin/Units/Import", 1, async () =>
            {
                var c = await As("admin");
                var csv = Encoding.UTF8.GetBytes("code,name,kind,parent_code\nSO-D,Sở Giáo dục và Đào tạo,ProvincialAgency,T01\n");
                Ok(await c.SubmitAsync(await c.GetAsync("/Admin/Units/Import"), "#import-form", files: [("Data.File", "don-vi.csv", csv)]), "unit import");
            }),
            new("POST /Admin/Accounts/Create", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync("/Admin/Accounts/Create"), "#create-account-form", new()
                {
                    ["Data.UserName"] = "canbo.moi", ["Data.FullName"] = "Cán bộ mới", ["Data.Password"] = "KhoiDau@2026",
                    ["Data.Role"] = nameof(Role.UnitUser), ["Data.ScopeUnitId"] = w.AgencyB.ToString(),
                }), "create account");
            }),
            new("POST /Admin/Accounts/Edit?handler=AddRole", 1, async () =>
            {
                var c = await As("admin");
                var page = await c.GetAsync($"/Admin/Accounts/Edit/{await UserIdAsync("canbo.moi")}");
                Ok(await c.SubmitAsync(page, "#add-role-form", new() { ["Data.Role"] = nameof(Role.Viewer), ["Data.ScopeUnitId"] = w.Province.ToString() }), "add role");
            }),
            new("POST /Admin/Accounts/Edit?handler=RemoveRole", 1, async () =>
            {
                var c = await As("admin");
                var page = await c.GetAsync($"/Admin/Accounts/Edit/{await UserIdAsync("canbo.moi")}");
                Ok(await c.SubmitAsync(page, "form[action*='handler=RemoveRole']"), "remove role");
            }),
            new("POST /Admin/Accounts/Edit?handler=Unlock", 1, async () =>
            {
                var c = await As("admin");
                var page = await c.GetAsync($"/Admin/Accounts/Edit/{await UserIdAsync("canbo.moi")}");
                Ok(await c.SubmitAsync(page, "form[action*='handler=Unlock']"), "unlock");
            }, async () =>
            {
                await using var scope = _app.Services.CreateAsyncScope();
                var accounts = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
                await accounts.LockAsync(await accounts.FindAsync("canbo.moi"), "test", DateTime.UtcNow);
            }),
            new("POST /Admin/Accounts/ResetPassword", 1, async () =>
            {
                var c = await As("admin");
                var page = await c.GetAsync($"/Admin/Accounts/ResetPassword/{await UserIdAsync("canbo.moi")}");
                Ok(await c.SubmitAsync(page, "#reset-password-form", new() { ["Data.NewPassword"] = "MatKhauMoi2026" }), "reset password");
            }),
            new("POST /Account/Tokens?handler=Create", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync("/Account/Tokens"), "form[action*='handler=Create']", new() { ["Data.Name"] = "máy tổng hợp", ["Data.LifetimeDays"] = "30" }), "create token");
            }),
            new("POST /Account/Tokens?handler=Revoke", 1, async () =>
            {
                var c = await As("admin");
                Ok(await c.SubmitAsync(await c.GetAsync("/Account/Tokens"), "form[action*='handler=Revoke']"), "revoke token");
            }),
            new("POST /Account/ChangePassword", 1, async () =>
            {
                var c = await As("userA");
                Ok(await c.SubmitAsync(await c.GetAsync("/Account/ChangePassword"), "#change-password-form", new()
                {
                    ["Data.CurrentPassword"] = TestWorld.Password, ["Data.NewPassword"] = "MatKhauMoi2026", ["Data.ConfirmPassword"] = "MatKhauMoi2026",
                }), "change password");
            }),
            new("POST /Account/Logout", 0, async () =>
            {
                var c = await As("userA");
                var home = await c.GetAsync("/");
                (await c.SubmitAsync(home, "form[action='/Account/Logout']")).Url.AbsolutePath.ShouldBe("/Account/Login");
            }),

            // ---- API ----
            new("PUT /api/v1/assessments/{id:int}/entries/{criterionId}", 1, async () =>
                await Success(await Api("userB").PutJsonAsync($"/api/v1/assessments/{b}/entries/1", new EntryBody { Points = 20, Version = await VersionOf(b) }), "entry")),
            new("POST /api/v1/assessments/{id:int}/evidence", 1, async () =>
            {
                var response = await Api("userB").PostJsonAsync($"/api/v1/assessments/{b}/evidence", new { criterionId = "1", documentRef = "Báo cáo số 5/BC-STP" });
                await Success(response, "evidence");
                evidenceId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("DELETE /api/v1/evidence/{id:int}", 1, async () =>
                await Success(await Api("userB").DeleteAsync($"/api/v1/evidence/{evidenceId}"), "remove evidence")),
            new("POST /api/v1/assessments/{id:int}/confirm", 1, async () =>
                await Success(await Api("headB").PostJsonAsync($"/api/v1/assessments/{b}/confirm", new VersionBody { Version = await VersionOf(b) }), "confirm"),
                () => Fill(b, "userB", submit: false, "headB")),
            new("POST /api/v1/assessments/{id:int}/submit", 1, async () =>
                await Success(await Api("userB").PostJsonAsync($"/api/v1/assessments/{b}/submit", new VersionBody { Version = await VersionOf(b) }), "submit")),
            new("POST /api/v1/evidence/{id:int}/insufficient", 1, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/evidence/{markedId}/insufficient", new { reason = "Thiếu chữ ký" }), "mark insufficient"),
                async () =>
                {
                    await using var db = _app.NewDbContext();
                    var item = new Evidence { AssessmentId = b, CriterionId = "1", DocumentRef = "Báo cáo số 6/BC-STP", AddedBy = "userB", AddedAt = DateTime.UtcNow };
                    db.Evidence.Add(item);
                    await db.SaveChangesAsync();
                    markedId = item.Id;
                }),
            new("DELETE /api/v1/evidence/{id:int}/insufficient", 1, async () =>
                await Success(await Api("coord").DeleteAsync($"/api/v1/evidence/{markedId}/insufficient"), "clear mark")),
            new("POST /api/v1/units/{unitId:int}/documents", 1, async () =>
            {
                using var form = new MultipartFormDataContent
                {
                    { new StringContent("5/BC-STP"), "number" }, { new StringContent("2024-03-01"), "issuedOn" }, { new StringContent("Sở Tư pháp"), "issuer" },
                    { new ByteArrayContent(Samples.Pdf), "file", "bao-cao.pdf" },
                };
                await Success(await Api("userB").PostAsync($"/api/v1/units/{w.AgencyB}/documents", form), "register document");
            }),
            new("POST /api/v1/assessments/{id:int}/return", 1, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/return", new ReturnBody { Version = await VersionOf(b), Comment = "Bổ sung" }), "return")),
            new("POST /api/v1/assessments/{id:int}/appraised", 1, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/appraised", new VersionBody { Version = await VersionOf(b) }), "appraised"),
                () => Fill(b, "userB", submit: true, "headB")),
            new("POST /api/v1/assessments/{id:int}/approve", 1, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/approve", new VersionBody { Version = await VersionOf(b) }), "approve")),
            new("POST /api/v1/assessments/{id:int}/reopen", 1, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/reopen", new ReopenBody { Version = await VersionOf(b), Reason = "Khiếu nại" }), "reopen")),
            new("PUT /api/v1/assessments/{id:int}/flags", 1, async () =>
                await Success(await Api("coord").PutJsonAsync($"/api/v1/assessments/{b}/flags", new FlagsBody { Version = await VersionOf(b), Flags = ["ky-luat"], Reason = "Kỷ luật" }), "flags")),
            new("PUT /api/v1/periods/{id:int}/council", 1, async () =>
                await Success(await Api("coord").PutJsonAsync($"/api/v1/periods/{w.PeriodId}/council",
                    new { byCouncil = true, rule = "Mean", threshold = 3, members = new[] { "coord", "inspector" }, chair = "coord", version = 0 }), "council settings")),
            new("PUT /api/v1/assessments/{id:int}/council/ballot", 1, async () =>
                await Success(await Api("inspector").PutJsonAsync($"/api/v1/assessments/{b}/council/ballot", new { scores = BallotScores(31), submit = true, version = 0 }), "ballot")),
            new("POST /api/v1/assessments/{id:int}/council/consensus", 8, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/council/consensus", new { version = await VersionOf(b) }), "consensus"),
                () => ChairBallot(b)),
            new("PUT /api/v1/periods/{id:int}/reconsideration-window", 1, async () =>
                await Success(await Api("coord").PutJsonAsync($"/api/v1/periods/{w.PeriodId}/reconsideration-window", new ReconsiderationWindowBody { Days = 20 }), "window"),
                () => Approve(b)),
            new("POST /api/v1/assessments/{id:int}/reconsideration", 1, async () =>
                await Success(await Api("headB").PostJsonAsync($"/api/v1/assessments/{b}/reconsideration",
                    new ReconsiderationRequestBody { Items = [new ContestedItemBody { CriterionId = "1", Reason = "Đủ kế hoạch" }] }), "reconsider")),
            new("PUT /api/v1/assessments/{id:int}/reconsideration/rulings/{criterionId}", 1, async () =>
                await Success(await Api("coord").PutJsonAsync($"/api/v1/assessments/{b}/reconsideration/rulings/1",
                    new RulingBody { Decision = DanVan.Evaluations.Reconsiderations.ReconsiderationDecision.Accepted, Reason = "Đủ căn cứ", Points = 38 }), "rule")),
            new("POST /api/v1/assessments/{id:int}/reconsideration/publish", 2, async () =>
                await Success(await Api("coord").PostJsonAsync($"/api/v1/assessments/{b}/reconsideration/publish", new PublishBody()), "publish again")),
            new("POST /api/v1/periods", 1, async () =>
                await Success(await Api("coord").PostJsonAsync("/api/v1/periods", new OpenPeriodBody
                {
                    Year = 2026, Name = "Đánh giá năm 2026", ScopeUnitId = w.Province, OpensOn = new DateOnly(2026, 12, 1), Deadline = new DateOnly(2027, 1, 15),
                    Groups = [new PeriodGroupBody(w.AgencyGroup, w.CriteriaSetId)],
                }), "open period")),
            new("POST /api/v1/tokens", 1, async () =>
            {
                var (browser, session) = await CookieSessionAsync(host, "userB");
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens") { Content = JsonContent.Create(new CreateTokenBody { Name = "máy", ExpiresInDays = 30 }, options: Json) };
                request.Headers.Add(session.Antiforgery!.HeaderName, session.Antiforgery.Token);
                var response = await browser.SendAsync(request);
                await Success(response, "create token");
                tokenId = (await response.Content.ReadFromJsonAsync<CreatedToken>(Json))!.Token.Id;
            }),
            new("PUT /api/v1/reports/{scope:int}/template", 1, async () =>
                await Success(await Api("coord").PutAsync($"/api/v1/reports/{w.Province}/template", new StringContent(
                    DanVan.Reports.Templates.ReportTemplateFile.Serialize(DanVan.Reports.Templates.ReportTemplate.Standard with { Name = "Mẫu qua API" }), Encoding.UTF8, "application/json")), "put template")),
            new("POST /api/v1/forms/validate", 0, async () =>
                await Success(await Api("coord").PostAsync("/api/v1/forms/validate", new StringContent(Statistics.StatisticsScenario.AppendixJson, Encoding.UTF8, "application/json")), "validate form")),
            // Version 1 is used by the world's statistics period and version 2 by the page's import: the API stores a version 3.
            new("POST /api/v1/forms", 1, async () =>
                await Success(await Api("coord").PostAsync("/api/v1/forms", new StringContent(
                    Statistics.StatisticsScenario.AppendixJson.Replace("\"version\": 1,", "\"version\": 3,", StringComparison.Ordinal), Encoding.UTF8, "application/json")), "import form")),
            new("POST /api/v1/form-periods", 1, async () =>
            {
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var response = await Api("coord").PostJsonAsync("/api/v1/form-periods", new { formCode = "thanh-hoa-dvcq-phu-luc", year = today.Year, scopeUnitId = w.AgencyB, opensOn = today.AddDays(-1) });
                await Success(response, "open form period");
                var period = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
                var reports = await Api("coord").GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/v1/form-periods/{period}/reports");
                formReport = reports!.Single()!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/form-reports/{id:int}", 1, async () =>
                await Success(await FormSend("userB", HttpMethod.Put, $"/api/v1/form-reports/{formReport}", new { values = formValues }, ifMatch: true), "put form values")),
            new("PATCH /api/v1/form-reports/{id:int}", 1, async () =>
                await Success(await FormSend("userB", HttpMethod.Patch, $"/api/v1/form-reports/{formReport}", new { values = new { dialogues = "2" } }, ifMatch: true), "patch form values")),
            new("PUT /api/v1/form-reports/{id:int}/file", 1, async () =>
            {
                // The unit's own form downloaded as CSV, one figure changed offline, uploaded back.
                var csv = await Api("userB").GetStringAsync($"/api/v1/form-reports/{formReport}/file?format=csv");
                var changed = WithFigure(csv, "dialogues", "3");
                changed.ShouldNotBe(csv, csv);
                await Success(await Api("userB").PutAsync($"/api/v1/form-reports/{formReport}/file", new StringContent(changed, Encoding.UTF8, "text/csv")), "upload form file");
            }),
            new("POST /api/v1/form-periods/{id:int}/import", 1, async () =>
            {
                var csv = WithFigure(await Api("coord").GetStringAsync($"/api/v1/form-reports/{formReport}/file?format=csv"), "dialogues", "4");
                await using var db = _app.NewDbContext();
                var period = await db.FormReports.Where(r => r.Id == formReport).Select(r => r.PeriodId).SingleAsync();
                await Success(await Api("coord").PostAsync($"/api/v1/form-periods/{period}/import", new StringContent(csv, Encoding.UTF8, "text/csv")), "import figures");
            }),
            new("POST /api/v1/form-reports/{id:int}/confirm", 1, async () =>
                await Success(await FormSend("headB", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/confirm"), "confirm form")),
            new("POST /api/v1/form-reports/{id:int}/submit", 1, async () =>
                await Success(await FormSend("userB", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/submit"), "submit form")),
            new("POST /api/v1/form-reports/{id:int}/return", 1, async () =>
                await Success(await FormSend("coord", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/return", new { comment = "Bổ sung số liệu" }), "return form")),
            new("POST /api/v1/form-reports/{id:int}/extend", 1, async () =>
                await Success(await FormSend("coord", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/extend", new { until = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), reason = "Đơn vị đang kiện toàn bộ máy" }), "extend deadline")),
            new("POST /api/v1/form-reports/{id:int}/accept", 1, async () =>
                await Success(await FormSend("coord", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/accept"), "accept form"),
                async () =>
                {
                    await Success(await FormSend("headB", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/confirm"), "confirm again");
                    await Success(await FormSend("userB", HttpMethod.Post, $"/api/v1/form-reports/{formReport}/submit"), "submit again");
                }),
            new("POST /api/v1/receptions", 1, async () =>
            {
                var response = await Api("userB").PostJsonAsync("/api/v1/receptions", Reception(w.AgencyB));
                await Success(response, "record reception");
                receptions.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>());
            }),
            new("PUT /api/v1/receptions/{id:int}", 1, async () =>
                await Success(await Api("userB").PutAsJsonAsync($"/api/v1/receptions/{receptions[0]}", Reception(w.AgencyB, version: 0)), "update reception")),
            new("POST /api/v1/petitions", 1, async () =>
            {
                var response = await Api("userB").PostJsonAsync("/api/v1/petitions", Petition(w.AgencyB));
                await Success(response, "record petition");
                petitionId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/petitions/{id:int}", 1, async () =>
                await Success(await Api("userB").PutAsJsonAsync($"/api/v1/petitions/{petitionId}", Petition(w.AgencyB, version: 0)), "update petition")),
            new("POST /api/v1/dialogues", 1, async () =>
            {
                var response = await Api("userB").PostJsonAsync("/api/v1/dialogues", Dialogue(w.AgencyB));
                await Success(response, "record dialogue");
                dialogueId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/dialogues/{id:int}", 1, async () =>
                await Success(await Api("userB").PutAsJsonAsync($"/api/v1/dialogues/{dialogueId}", Dialogue(w.AgencyB, version: 0)), "update dialogue")),
            new("POST /api/v1/registries/import", 1, async () =>
            {
                var csv = "Mã đơn vị,Ngày tiếp,Hình thức tiếp,Người tiếp,Nội dung,Loại vụ việc,Kết quả tiếp\n"
                    + $"{await UnitCode(w.AgencyB)},{DateTime.UtcNow.AddDays(-3):dd/MM/yyyy},định kỳ,Giám đốc,Kiến nghị,kiến nghị,hướng dẫn\n";
                await Success(await Api("userB").PostAsync("/api/v1/registries/import?book=receptions", new StringContent(csv, Encoding.UTF8, "text/csv")), "import logbook");
                await using var db = _app.NewDbContext();
                receptions.Add(await db.Receptions.MaxAsync(r => r.Id));
            }),
            // The province's coordinator also keeps the registry (a registry clerk) for merges, cases and settings.
            new("POST /api/v1/registries/merge", 1, async () =>
            {
                var response = await Api("coord").PostJsonAsync("/api/v1/registries/merge", new { left = $"R:{receptions[0]}", right = $"R:{receptions[1]}", probability = 0.95 });
                await Success(response, "merge");
                var decision = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
                (decisionId, caseId) = (decision["id"]!.GetValue<int>(), decision["caseId"]!.GetValue<int>());
            }, async () =>
            {
                await using var db = _app.NewDbContext();
                var coord = await db.Users.Where(u => u.UserName == "coord").Select(u => u.Id).SingleAsync();
                db.RoleAssignments.Add(new RoleAssignment { UserId = coord, Role = Role.RegistryClerk, ScopeUnitId = w.Province });
                await db.SaveChangesAsync();
            }),
            new("PUT /api/v1/cases/{id:int}", 1, async () =>
                await Success(await Api("coord").PutAsJsonAsync($"/api/v1/cases/{caseId}", new { status = "Resolved", result = "Đã trả lời", resolvedOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), version = 0 }), "update case")),
            new("POST /api/v1/registries/reject", 1, async () =>
                await Success(await Api("coord").PostJsonAsync("/api/v1/registries/reject", new { left = $"R:{receptions[0]}", right = $"P:{petitionId}", probability = 0.5 }), "reject")),
            new("POST /api/v1/registries/decisions/{id:int}/undo", 1, async () =>
                await Success(await Api("coord").PostAsync($"/api/v1/registries/decisions/{decisionId}/undo", null), "undo merge"),
                async () =>
                {
                    // The case was edited after the merge; undo puts both receptions back without a case.
                    await Task.CompletedTask;
                }),
            new("PUT /api/v1/registries/settings/{unitId:int}", 1, async () =>
                await Success(await Api("coord").PutAsJsonAsync($"/api/v1/registries/settings/{w.Province}", new { from = "2023-01-01", delegationThreshold = 4, retentionYears = 5 }), "registry settings")),
            // The registries' pages: a save redirects to the record's page, whose read of personal data is logged apart, so these posts are not followed.
            new("POST /Registries/Receptions/Edit?handler=AddVisitor", 0, async () =>
                Ok(await (await As("userB")).SubmitAsync(await (await As("userB")).GetAsync("/Registries/Receptions/Edit"), "#reception-form", null, "#visitors-add"), "add a visitor row")),
            new("POST /Registries/Receptions/Edit", 1, async () =>
            {
                var c = await Unfollowed("userB");
                Moved(await c.SubmitAsync(await c.GetAsync("/Registries/Receptions/Edit"), "#reception-form", new()
                {
                    ["Form.ReceivedOn"] = day, ["Form.Kind"] = "periodic", ["Form.ReceivedByName"] = "Giám đốc", ["Form.MatterKind"] = "recommendation",
                    ["Form.Outcome"] = "explained", ["Form.Summary"] = "Kiến nghị về chế độ", ["Form.Visitors[0].Name"] = "Trần Thị Lan",
                }, "#save"), "record a reception on its page");
            }),
            new("POST /Registries/Petitions/Edit?handler=AddPetitioner", 0, async () =>
                Ok(await (await As("userB")).SubmitAsync(await (await As("userB")).GetAsync("/Registries/Petitions/Edit"), "#petition-form", null, "#petitioners-add"), "add a petitioner row")),
            new("POST /Registries/Petitions/Edit", 1, async () =>
            {
                var c = await Unfollowed("userB");
                Moved(await c.SubmitAsync(await c.GetAsync("/Registries/Petitions/Edit"), "#petition-form", new()
                {
                    ["Form.ReceivedOn"] = day, ["Form.Channel"] = "post", ["Form.MatterKind"] = "complaint", ["Form.Summary"] = "Khiếu nại",
                    ["Form.Petitioners[0].Name"] = "Hoàng Thị Mai",
                }, "#save"), "record a petition on its page");
            }),
            new("POST /Registries/Dialogues/Edit?handler=AddFollowUp", 0, async () =>
                Ok(await (await As("userB")).SubmitAsync(await (await As("userB")).GetAsync("/Registries/Dialogues/Edit"), "#dialogue-form", null, "#follow-ups-add"), "add a follow-up row")),
            new("POST /Registries/Dialogues/Edit", 1, async () =>
            {
                var c = await Unfollowed("userB");
                Moved(await c.SubmitAsync(await c.GetAsync("/Registries/Dialogues/Edit"), "#dialogue-form", new()
                {
                    ["Form.HeldOn"] = day, ["Form.ChairedBy"] = "Giám đốc", ["Form.Participants"] = "30", ["Form.Topics"] = "Cải cách hành chính",
                }, "#save"), "record a dialogue on its page");
            }),
            new("POST /Registries/Cases/View", 1, async () =>
            {
                var c = await Unfollowed("coord");
                Moved(await c.SubmitAsync(await c.GetAsync($"/Registries/Cases/View/{caseId}"), "#case-form", new()
                {
                    ["Form.Status"] = "Resolved", ["Form.Result"] = "Đã trả lời bằng văn bản", ["Form.ResolvedOn"] = day,
                }, "#save-case"), "edit a case on its page");
            }, async () =>
            {
                var response = await Api("coord").PostJsonAsync("/api/v1/registries/merge", new { left = $"R:{receptions[0]}", right = $"R:{receptions[1]}", probability = 0.95 });
                await Success(response, "merge again");
                caseId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["caseId"]!.GetValue<int>();
            }),
            new("POST /Registries/Settings", 1, async () =>
            {
                var c = await Unfollowed("coord");
                var page = await c.GetAsync($"/Registries/Settings?unit={w.Province}");
                Moved(await c.SubmitAsync(page, "#settings-form", new() { ["Form.EffectiveFrom"] = "2024-01-01", ["Form.DelegationThreshold"] = "5", ["Form.RetentionYears"] = "5" }, "#save-settings"), "registry settings on the page");
            }),
            new("POST /Registries/Settings?handler=Anonymise", 0, async () =>
            {
                // Nothing is older than the retention: the confirmed action writes nothing.
                var c = await Unfollowed("coord");
                var page = await c.GetAsync($"/Registries/Settings?unit={w.Province}");
                var done = await c.SubmitAsync(page, "#anonymise-form", new() { ["Confirm"] = "true" });
                ((int)done.Status).ShouldBeOneOf(200, 302, 303);
            }),
            new("POST /Registries/Duplicates?handler=Merge", 1, async () =>
                Moved(await DuplicatePost("Merge", ("left", $"R:{receptions[^2]}"), ("right", $"R:{receptions[^1]}"), ("probability", "0.95")), "merge on the page"),
                async () =>
                {
                    foreach (var _ in new[] { 1, 2 })
                    {
                        var response = await Api("userB").PostJsonAsync("/api/v1/receptions", Reception(w.AgencyB));
                        await Success(response, "record reception");
                        receptions.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>());
                    }
                }),
            new("POST /Registries/Duplicates?handler=Reject", 1, async () =>
                Moved(await DuplicatePost("Reject", ("left", $"R:{receptions[^1]}"), ("right", $"P:{petitionId}"), ("probability", "0.5")), "reject on the page")),
            new("POST /Registries/Duplicates?handler=Undo", 1, async () =>
            {
                await using var db = _app.NewDbContext();
                var last = await db.DuplicateDecisions.Where(d => d.Merged && d.UndoneAt == null).MaxAsync(d => d.Id);
                Moved(await DuplicatePost("Undo", ("decision", last.ToString(System.Globalization.CultureInfo.InvariantCulture))), "undo on the page");
            }),
            new("POST /api/v1/registries/work/units/{unitId:int}/models", 1, async () =>
            {
                var response = await Api("coord").PostJsonAsync($"/api/v1/registries/work/units/{w.AgencyB}/models", WorkModel());
                await Success(response, "create model");
                modelId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/registries/work/models/{id:int}", 1, async () =>
                await Success(await Api("coord").PutAsJsonAsync($"/api/v1/registries/work/models/{modelId}?version=0", WorkModel("Một cửa thân thiện hơn")), "update model")),
            new("POST /api/v1/registries/work/units/{unitId:int}/plans", 1, async () =>
            {
                var response = await Api("coord").PostJsonAsync($"/api/v1/registries/work/units/{w.AgencyB}/plans", new { year = 2025, planKind = "dvcq" });
                await Success(response, "create plan");
                planId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/registries/work/plans/{id:int}", 1, async () =>
                await Success(await Api("coord").PutAsJsonAsync($"/api/v1/registries/work/plans/{planId}?version=0", new { year = 2025, planKind = "dvcq", documentNumber = "12/KH-UBND" }), "update plan")),
            new("POST /api/v1/registries/work/units/{unitId:int}/recommendations", 1, async () =>
            {
                var response = await Api("coord").PostJsonAsync($"/api/v1/registries/work/units/{w.AgencyB}/recommendations", Recommendation());
                await Success(response, "create recommendation");
                recommendationId = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
            }),
            new("PUT /api/v1/registries/work/recommendations/{id:int}", 1, async () =>
                await Success(await Api("coord").PutAsJsonAsync($"/api/v1/registries/work/recommendations/{recommendationId}?version=0", Recommendation()), "update recommendation")),
            new("POST /api/v1/registries/work/{registry}/import", 1, async () =>
                await Success(await Api("coord").PostAsync("/api/v1/registries/work/plans/import",
                    new StringContent($"unit_code,year,kind\n{await UnitCode(w.AgencyB)},2024,dvcq\n", Encoding.UTF8, "text/csv")), "import plans")),
            new("POST /Registries/Work/Model", 1, async () =>
            {
                var c = await Unfollowed("coord");
                var page = await c.GetAsync("/Registries/Work/Model");
                Moved(await c.SubmitAsync(page, "#model-form", new() { ["UnitId"] = w.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ModelName"] = "Xanh - sạch - đẹp", ["Field"] = "kinh tế", ["YearStarted"] = "2019" }), "model on its page");
            }),
            new("POST /Registries/Work/Plan", 1, async () =>
            {
                var c = await Unfollowed("coord");
                var page = await c.GetAsync("/Registries/Work/Plan");
                Moved(await c.SubmitAsync(page, "#plan-form", new() { ["UnitId"] = w.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Year"] = "2023", ["PlanKind"] = "dvcq" }), "plan on its page");
            }),
            new("POST /Registries/Work/Recommendation", 1, async () =>
            {
                var c = await Unfollowed("coord");
                var page = await c.GetAsync("/Registries/Work/Recommendation");
                Moved(await c.SubmitAsync(page, "#recommendation-form", new()
                {
                    ["UnitId"] = w.AgencyB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Issuer"] = "Ủy ban MTTQ tỉnh", ["IssuerLevel"] = "tỉnh",
                    ["IssuedOn"] = "2024-05-01", ["Topic"] = "Giám sát tiếp công dân", ["DueOn"] = "2024-06-01",
                }), "recommendation on its page");
            }),
            new("POST /Registries/Work/Import", 1, async () =>
            {
                var c = await Unfollowed("coord");
                var page = await c.GetAsync("/Registries/Work/Import?registry=plans");
                var done = await c.SubmitAsync(page, "#import-form", null, null,
                    [("Upload", "plans.csv", Encoding.UTF8.GetBytes($"unit_code,year,kind\n{await UnitCode(w.AgencyB)},2022,dvcq\n"))]);
                ((int)done.Status).ShouldBeOneOf([200, 302, 303], done.AllText);
                done.Errors.ShouldBeEmpty();
            }),
            new("DELETE /api/v1/tokens/{id:int}", 1, async () =>
            {
                var (browser, session) = await CookieSessionAsync(host, "userB");
                var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tokens/{tokenId}");
                request.Headers.Add(session.Antiforgery!.HeaderName, session.Antiforgery.Token);
                await Success(await browser.SendAsync(request), "revoke token");
            }),
            // ---- statistics pages (after the API: they freeze the sample form the API imports) ----
            new("POST /Statistics/Forms/Index?handler=Import", 1, async () =>
            {
                var c = await As("coord");
                var json = Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(TestWorld.FormSamplePath)).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal));
                Ok(await c.SubmitAsync(await c.GetAsync("/Statistics/Forms"), "#form-import", files: [("Upload", "phu-luc-v2.json", json)]), "import form");
            }, () => w.OpenStatisticsAsync(_app)),
            new("POST /Statistics/Periods/Open", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync("/Statistics/Periods/Open"), "#open-form-period", new()
                {
                    ["FormId"] = w.FormId.ToString(), ["Year"] = (DateTime.UtcNow.Year - 1).ToString(), ["ScopeUnitId"] = w.Province.ToString(),
                }), "open form period");
            }),
            new("POST /Statistics/Fill?handler=Save", 1, async () =>
            {
                var c = await As("userC");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}"), "#fill-form", new()
                {
                    ["Values[poorRate]"] = "3,43", ["Values[ntmScope]"] = "1/1", ["Values[ntmCommunes]"] = "1", ["Values[receptions]"] = "15", ["Values[receptionVisitors]"] = "77",
                }, "#save"), "save form");
            }),
            new("POST /Statistics/Fill?handler=Upload", 1, async () =>
            {
                // The form downloaded as CSV from the page, one figure changed offline, uploaded back on the page.
                var c = await As("userC");
                var url = $"/Statistics/Fill/{w.FormReports[w.Commune]}";
                var csv = await c.Http.GetStringAsync(url + "?handler=File&format=csv");
                var page = await c.GetAsync(url);
                var uploaded = await c.PostAsync(url + "?handler=Upload", [("__RequestVerificationToken", TestClient.Token(page))],
                    [("upload", "so-lieu.csv", Encoding.UTF8.GetBytes(WithFigure(csv, "receptions", "16")))]);
                Ok(uploaded, "upload form file");
            }),
            new("POST /Statistics/Reports?handler=Import", 1, async () =>
            {
                var c = await As("coord");
                var url = $"/Statistics/Reports/{w.FormPeriodId}";
                var csv = WithFigure(await c.Http.GetStringAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}?handler=File&format=csv"), "receptions", "17");
                var page = await c.GetAsync(url);
                Ok(await c.PostAsync(url + "?handler=Import", [("__RequestVerificationToken", TestClient.Token(page))],
                    [("upload", "nhieu-don-vi.csv", Encoding.UTF8.GetBytes(csv))]), "import many units");
            }),
            new("POST /Statistics/Fill?handler=Compute", 0, async () =>
            {
                var c = await As("userC");
                var page = await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}");
                var computed = await c.PostAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}?handler=Compute",
                    [("__RequestVerificationToken", TestClient.Token(page)), ("Values[ntmScope]", "20/28"), ("Values[ntmCommunes]", "15")]);
                computed.Status.ShouldBe(HttpStatusCode.OK);
            }),
            new("POST /Statistics/Fill?handler=Confirm", 1, async () =>
            {
                var c = await As("headC");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}"), "#confirm-form"), "confirm form");
            }),
            new("POST /Statistics/Fill?handler=Submit", 1, async () =>
            {
                var c = await As("userC");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}"), "#submit-form"), "submit form");
            }),
            new("POST /Statistics/Fill?handler=Accept", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}"), "#accept-form"), "accept form");
            }),
            new("POST /Statistics/Fill?handler=Return", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.Commune]}"), "#return-form", new() { ["Comment"] = "Số lượt tiếp chưa khớp sổ" }), "return form");
            }),
            new("POST /Statistics/Fill?handler=Extend", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Statistics/Fill/{w.FormReports[w.District]}"), "#extend-form", new()
                {
                    ["Until"] = $"{DateTime.UtcNow.Year + 1}-02-15", ["Reason"] = "Huyện bị ảnh hưởng bão",
                }), "extend deadline");
            }),
            // Reports sent up: the district's report needs its commune approved; each call owes one report (the district's).
            new("POST /Reports/Calls/Index", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync("/Reports/Calls"), "#open-call", new()
                {
                    ["Data.ScopeUnitId"] = w.Province.ToString(), ["Data.Year"] = "2024", ["Data.Level"] = "District",
                    ["Data.OpensOn"] = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"), ["Data.Deadline"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"),
                }), "open call");
                (callSubmission, callId) = await LatestSubmissionAsync();
            }, async () =>
            {
                await Fill(w.Assessments[w.Commune], "userA", submit: true, "headA");
                await using var db = _app.NewDbContext();
                var x = await db.Assessments.Include(e => e.Entries).SingleAsync(e => e.Id == w.Assessments[w.Commune]);
                AssessmentWorkflow.Approve(db, x, TestWorld.Set(), null, "coord", DateTime.UtcNow);
                await db.SaveChangesAsync();
            }),
            new("POST /Reports/Calls/Send", 1, async () =>
            {
                var c = await As("dcoord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Reports/Calls/Send/{callSubmission}"), "#send-form"), "send report");
            }),
            new("POST /Reports/Calls/Board?handler=Return", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Reports/Calls/Board/{callId}"), "#submissions form.return-form", new() { ["comment"] = "Bổ sung phụ lục" }), "return report");
            }),
            new("POST /Reports/Calls/Board?handler=Accept", 1, async () =>
            {
                var c = await As("coord");
                Ok(await c.SubmitAsync(await c.GetAsync($"/Reports/Calls/Board/{callId}"), "#submissions form.inline:not(.return-form)"), "accept report");
            }, () => ResendAsync(callSubmission)),
            new("POST /api/v1/report-calls", 1, async () =>
            {
                await Success(await Api("coord").PostAsJsonAsync("/api/v1/report-calls", new
                {
                    scopeUnitId = w.Province, year = 2024, level = "District", name = "Báo cáo chuyên đề tiếp công dân",
                    opensOn = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"), deadline = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"),
                }), "open call (API)");
                (callSubmission, callId) = await LatestSubmissionAsync();
            }),
            new("POST /api/v1/report-submissions/{id:int}/send", 1, async () =>
                await Success(await Api("dcoord").PostAsJsonAsync($"/api/v1/report-submissions/{callSubmission}/send", new { }), "send (API)")),
            new("POST /api/v1/report-submissions/{id:int}/return", 1, async () =>
                await Success(await Api("coord").PostAsJsonAsync($"/api/v1/report-submissions/{callSubmission}/return", new { comment = "Thiếu số liệu" }), "return (API)")),
            new("POST /api/v1/report-submissions/{id:int}/accept", 1, async () =>
                await Success(await Api("coord").PostAsJsonAsync($"/api/v1/report-submissions/{callSubmission}/accept", new { }), "accept (API)"),
                () => ResendAsync(callSubmission)),
        ];
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = _app.NewDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<TestClient> LoginAsync(WebApplicationFactory<Program> host, string user)
    {
        var client = new TestClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        var after = await client.SubmitAsync(await client.GetAsync("/Account/Login"), "form", new() { ["Data.UserName"] = user, ["Data.Password"] = TestWorld.Password });
        after.Url.AbsolutePath.ShouldNotBe("/Account/Login", $"sign-in of {user} failed");
        return client;
    }

    private static async Task<(HttpClient Browser, SessionView Session)> CookieSessionAsync(WebApplicationFactory<Program> host, string user)
    {
        var client = await LoginAsync(host, user);
        var session = await (await client.Http.GetAsync("/api/v1/session")).Content.ReadFromJsonAsync<SessionView>(Json);
        return (client.Http, session!);
    }

    /// <summary>Records every INSERT, UPDATE and DELETE the app sends, with the transaction it ran in.</summary>
    private sealed class WriteRecorder : DbCommandInterceptor
    {
        private readonly Lock _lock = new();
        private List<Write>? _writes;

        public sealed record Write(string Sql, long Transaction, bool Audit);

        public void Start()
        {
            lock (_lock) _writes = [];
        }

        public List<Write> Stop()
        {
            lock (_lock)
            {
                var writes = _writes ?? [];
                _writes = null;
                return writes;
            }
        }

        private void Record(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (!(sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                  || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))) return;
            if (sql.Contains("DataProtectionKeys", StringComparison.Ordinal)) return;
            var tx = command.Transaction is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(command.Transaction);
            lock (_lock) _writes?.Add(new Write(sql.Length > 120 ? sql[..120] : sql, tx, sql.Contains("\"Audit\"", StringComparison.Ordinal)));
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class SqliteAuditPerWriteTests() : AuditPerWriteTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditPerWriteTests() : AuditPerWriteTests(DatabaseProvider.Postgres);
