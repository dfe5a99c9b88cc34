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
        var a = w.AssessmentA;
        var b = w.AssessmentB;
        string[] anonymous = ["/Account/Login"];
        var byUser = new Dictionary<string, string[]>
        {
            ["userA"] = ["/", "/Evaluations", $"/Evaluations/Edit/{a}", $"/Evaluations/Evidence/{a}", $"/Evaluations/Submit/{a}",
                $"/Evaluations/View/{a}", $"/Evaluations/Audit/{a}", "/Account/ChangePassword", "/Obligations"],
            ["userC"] = ["/Statistics", $"/Statistics/Fill/{commune}"],
            ["coord"] = ["/", "/Periods", "/Periods/Open", $"/Evaluations/Queue?periodId={w.PeriodId}", $"/Dashboard?periodId={w.PeriodId}",
                $"/Evaluations/Appraise/{b}", $"/Evaluations/Return/{b}", $"/Evaluations/Approve/{b}", $"/Evaluations/Flags/{b}", "/Reports", "/Obligations?show=all",
                $"/Evaluations/Simulation/{w.PeriodId}", $"/Evaluations/Inflation/{w.PeriodId}",
                "/Statistics", "/Statistics/Forms", $"/Statistics/Forms/{w.FormId}", "/Statistics/Periods/Open", $"/Statistics/Reports/{w.FormPeriodId}",
                $"/Statistics/Figures/{w.FormPeriodId}", $"/Statistics/Fill/{commune}"],
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

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        (response?.Status ?? 0).ShouldBeLessThan(400, $"{path} answered {response?.Status}");
        var result = await page.RunAxe();
        return result.Violations.Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{path}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }
}
