using Deque.AxeCore.Playwright;

namespace DanVan.BrowserTests.Accessibility;

/// <summary>axe-core on every page a role reaches: no serious or critical violation.</summary>
[Collection<BrowserCollection>]
public sealed class AxeTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task Should_have_no_serious_or_critical_violation_on_any_page()
    {
        var w = App.World;
        await w.SubmitAsync(App.Web, w.AssessmentB);
        await w.OpenStatisticsAsync(App.Web);
        var commune = w.FormReports[w.Commune];
        int call, sent;
        await using (var db = App.Web.NewDbContext())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var opened = await DanVan.Reports.Submissions.ReportCalls.OpenAsync(db,
                new(null, 2024, w.Province, DanVan.OrgUnits.OrgUnitKind.District, today.AddDays(-1), today.AddDays(5),
                    Request: new DanVan.Criteria.DocumentRef { Kind = "Công văn", Number = "826/SNV-XDCQ", Date = today.AddDays(-2), Issuer = "Sở Nội vụ", Title = "việc báo cáo kết quả năm 2024" }),
                "coord", DateTime.UtcNow);
            (call, sent) = (opened.Id, opened.Submissions.Single().Id);
        }
        var a = w.AssessmentA;
        var b = w.AssessmentB;
        int marked;
        await using (var db = App.Web.NewDbContext())
        {
            var document = await DanVan.Evaluations.UnitDocuments.RegisterAsync(db, w.AgencyB, new("5/KH-STP", new DateOnly(2024, 1, 5), "Sở Tư pháp", "Kế hoạch dân vận"),
                null, "userB", DateTime.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
            var evidence = new DanVan.Evaluations.Evidence
            {
                AssessmentId = b, CriterionId = "1", UnitDocumentId = document.Id, AddedBy = "userB", AddedAt = DateTime.UtcNow,
                InsufficientReason = "Thiếu chữ ký", InsufficientBy = "coord", InsufficientAt = DateTime.UtcNow,
            };
            db.Evidence.Add(evidence);
            await db.SaveChangesAsync();
            marked = evidence.Id;
        }
        string[] anonymous = ["/Account/Login"];
        var byUser = new Dictionary<string, string[]>
        {
            ["userA"] = ["/", "/Evaluations", $"/Evaluations/Edit/{a}", $"/Evaluations/Evidence/{a}", $"/Evaluations/Submit/{a}",
                $"/Evaluations/View/{a}", $"/Evaluations/Audit/{a}", "/Account/ChangePassword", "/Obligations", $"/Evaluations/Documents/{w.AgencyA}"],
            ["userB"] = [$"/Evaluations/Documents/{w.AgencyB}", $"/Evaluations/View/{b}"],
            ["userC"] = ["/Statistics", $"/Statistics/Fill/{commune}"],
            ["coord"] = ["/", "/Periods", "/Periods/Open", $"/Evaluations/Queue?periodId={w.PeriodId}", $"/Dashboard?periodId={w.PeriodId}",
                $"/Evaluations/Appraise/{b}", $"/Evaluations/Evidence/{b}", $"/Evaluations/EvidenceMark/{marked}", "/Account/Tokens", $"/Evaluations/Return/{b}", $"/Evaluations/Approve/{b}", $"/Evaluations/Flags/{b}", "/Reports", "/Obligations?show=all",
                $"/Evaluations/Simulation/{w.PeriodId}", $"/Evaluations/Inflation/{w.PeriodId}",
                $"/Periods/Council/{w.PeriodId}", $"/Evaluations/Council/{b}", $"/Evaluations/Ballot/{b}",
                "/Statistics", "/Statistics/Forms", $"/Statistics/Forms/{w.FormId}", "/Statistics/Periods/Open", $"/Statistics/Reports/{w.FormPeriodId}",
                $"/Statistics/Figures/{w.FormPeriodId}", $"/Statistics/Fill/{commune}", $"/Reports/Template?scope={w.Province}",
                "/Reports/Calls", $"/Reports/Calls/Board/{call}", $"/Reports?scope={w.Province}&year=2024&from=2024-01-01&to=2024-10-31&kind=thematic",
                $"/Reports/Edit?scope={w.Province}&year=2024&from=2024-01-01&to=2024-10-31&kind=thematic"],
            ["dcoord"] = ["/Reports/Calls", $"/Reports/Calls/Send/{sent}"],
            ["inspector"] = [$"/Evaluations/Inspect/{b}"],
            ["admin"] = ["/Admin/Accounts", "/Admin/Accounts/Create", "/Admin/Units", "/Admin/Units/Import", "/Admin/Groups",
                "/Admin/CriteriaSets", "/Admin/CriteriaSets/Import"],
        };

        var found = new List<string>();
        await using (var session = await App.OpenAsync())
            foreach (var path in anonymous) found.AddRange(await ViolationsAsync(session.Page, path));
        foreach (var (user, paths) in byUser)
        {
            await using var session = await App.SignInAsync(user);
            foreach (var path in paths) found.AddRange(await ViolationsAsync(session.Page, path));
        }

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    [Fact]
    public async Task Should_name_the_queue_landmarks_apart_and_order_the_criteria_set_headings()
    {
        var w = App.World;
        await using var coord = await App.SignInAsync("coord");
        await using var admin = await App.SignInAsync("admin");
        var found = new List<string>();
        foreach (var (page, path, rule) in new[]
        {
            (coord.Page, $"/Evaluations/Queue?periodId={w.PeriodId}", "landmark-unique"),
            (admin.Page, $"/Admin/CriteriaSets/Details/{w.CriteriaSetId}", "heading-order"),
        })
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();
            found.AddRange(result.Violations.Where(v => v.Id == rule).Select(v => $"{path}: {v.Impact} {v.Id} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            result.Passes.Select(p => p.Id).ShouldContain(rule, $"axe checked {rule} on {path}");
        }
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        (response?.Status ?? 0).ShouldBeLessThan(400, $"{path} answered {response?.Status}");
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
