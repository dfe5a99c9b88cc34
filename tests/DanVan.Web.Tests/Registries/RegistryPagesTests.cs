using System.Net;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Registries;

/// <summary>Petitions (due date, overdue in words), dialogues (follow-ups), cases (status and result by a clerk) and the figures page.</summary>
public abstract class RegistryPagesTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Vi(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_record_an_accepted_petition_with_its_due_date_and_refuse_an_acceptance_without_its_date()
    {
        await RegistryPagesScenario.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync("/Registries/Petitions/Edit");
        var accepted = RegistryPagesScenario.Today.AddDays(-4);
        var typed = new Dictionary<string, string?>
        {
            ["Form.ReceivedOn"] = Iso(accepted.AddDays(-1)), ["Form.Channel"] = "post", ["Form.MatterKind"] = "denunciation",
            ["Form.Summary"] = "Tố cáo cán bộ địa chính", ["Form.WithinCompetence"] = "true", ["Form.Handling"] = "accepted", ["Form.AcceptedOn"] = "",
            ["Form.Petitioners[0].Name"] = "Hoàng Thị Mai",
        };
        var refused = await userA.SubmitAsync(form, "#petition-form", typed, "#save");
        refused.RefusalCodes.ShouldBe(["registries.acceptedOnRequired"]);
        refused.Find("#f-AcceptedOn").GetAttribute("aria-invalid").ShouldBe("true");
        refused.Find("#refusals a[href='#f-AcceptedOn']").TextContent.ShouldStartWith("Ngày thụ lý: ");
        refused.Find("#f-Petitioners-0-Name").GetAttribute("value").ShouldBe("Hoàng Thị Mai");

        typed["Form.AcceptedOn"] = Iso(accepted);
        var saved = await userA.SubmitAsync(refused, "#petition-form", typed, "#save");
        saved.Text("#notice").ShouldBe("Đã ghi đơn thư.");
        saved.Text("#due-on").ShouldBe($"{Vi(accepted.AddDays(30))} (30 ngày kể từ ngày thụ lý, Luật Tố cáo 2018, Điều 30)");
        saved.Document.QuerySelector("#overdue").ShouldBeNull();
        await using var db = _app.NewDbContext();
        (await db.Petitions.SingleAsync()).DueOn.ShouldBe(accepted.AddDays(30));
    }

    [Fact]
    public async Task Should_show_an_overdue_petition_in_words_and_find_it_with_the_overdue_filter()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var overdue = await s.PetitionAsync(acceptedDaysAgo: 40);
        var pending = await s.PetitionAsync();
        var viewer = await TestClient.LoginAsync(_app, "viewer");
        var page = await viewer.GetAsync($"/Registries/Petitions/View/{overdue}");
        page.Find("#overdue").ClassList.ShouldContain("overdue");
        page.Text("#overdue").ShouldStartWith("Quá hạn "); // said in words, not by colour alone
        page.Text("#overdue").ShouldEndWith(" ngày");
        var list = await viewer.GetAsync("/Registries/Petitions?overdue=true");
        list.Document.QuerySelectorAll("#petitions tbody tr").Select(r => r.GetAttribute("data-petition"))
            .ShouldBe([overdue.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        list.Text($"#petitions tr[data-petition='{overdue}'] [data-overdue]").ShouldBe("Quá hạn");
        (await viewer.GetAsync("/Registries/Petitions")).Document.QuerySelectorAll("#petitions tbody tr").Length.ShouldBe(2);
        _ = pending;
    }

    [Fact]
    public async Task Should_record_a_dialogue_with_its_follow_ups_leaving_blank_rows_out()
    {
        await RegistryPagesScenario.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync("/Registries/Dialogues/Edit");
        var typed = new Dictionary<string, string?>
        {
            ["Form.HeldOn"] = Iso(RegistryPagesScenario.Today.AddDays(-1)), ["Form.ChairedBy"] = "Phạm Quốc Việt, Giám đốc Sở", ["Form.ByHead"] = "true",
            ["Form.Participants"] = "45", ["Form.Topics"] = "Giải phóng mặt bằng dự án đường ven biển",
            ["Form.FollowUps[0].Item"] = "Trả lời bằng văn bản các kiến nghị", ["Form.FollowUps[0].Owner"] = "",
        };
        var added = await userA.SubmitAsync(form, "#dialogue-form", typed, "#follow-ups-add");
        added.Document.QuerySelectorAll("#follow-ups fieldset").Length.ShouldBe(2);
        var refused = await userA.SubmitAsync(added, "#dialogue-form", typed, "#save");
        refused.RefusalCodes.ShouldBe(["request.required"]);
        refused.Find("#refusals a[href='#f-FollowUps-0-Owner']").TextContent.ShouldStartWith("Việc thứ 1 — Người, đơn vị chịu trách nhiệm: ");
        refused.Find("#f-FollowUps-0-Item").GetAttribute("value").ShouldBe("Trả lời bằng văn bản các kiến nghị");

        typed["Form.FollowUps[0].Owner"] = "Văn phòng Sở";
        typed["Form.FollowUps[0].DueOn"] = Iso(RegistryPagesScenario.Today.AddDays(20));
        var saved = await userA.SubmitAsync(refused, "#dialogue-form", typed, "#save");
        saved.Text("#notice").ShouldBe("Đã ghi cuộc đối thoại.");
        saved.Document.QuerySelectorAll("#follow-ups tbody tr").Length.ShouldBe(1);
        var list = await userA.GetAsync("/Registries/Dialogues");
        list.Text("#dialogues tbody tr [data-follow-ups]").ShouldBe("1/1");
    }

    [Fact]
    public async Task Should_let_a_clerk_resolve_a_case_holding_two_units_receptions_and_count_it_once()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var day = RegistryPagesScenario.Today.AddDays(-3);
        var a = await s.ReceptionAsync(on: day, visitors: 2);
        var b = await s.ReceptionAsync(unit: s.World.AgencyB, on: day.AddDays(1), kind: "regular");
        int caseId;
        await using (var db = _app.NewDbContext())
        {
            var decision = await Cases.MergeAsync(db, (await Cases.FindAsync(db, $"R:{a}"))!, (await Cases.FindAsync(db, $"R:{b}"))!, 0.97, "clerk", DateTime.UtcNow);
            caseId = decision.CaseId!.Value;
        }

        var userA = await TestClient.LoginAsync(_app, "userA");
        var mine = await userA.GetAsync($"/Registries/Cases/View/{caseId}");
        mine.Status.ShouldBe(HttpStatusCode.OK);
        mine.Document.QuerySelectorAll("#case-receptions tbody tr").Length.ShouldBe(1); // only its own record
        mine.Text("#outside").ShouldBe("Vụ việc còn 1 hồ sơ của đơn vị ngoài phạm vi của bạn.");
        mine.Document.QuerySelector("#case-form").ShouldBeNull();
        (await (await TestClient.LoginAsync(_app, "dcoord")).GetAsync($"/Registries/Cases/View/{caseId}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var clerk = await TestClient.LoginAsync(_app, "clerk");
        var page = await clerk.GetAsync($"/Registries/Cases/View/{caseId}");
        page.Document.QuerySelectorAll("#case-receptions tbody tr").Length.ShouldBe(2);
        var refused = await clerk.SubmitAsync(page, "#case-form", new() { ["Form.Status"] = "Resolved", ["Form.Result"] = "Đã trả lời bằng văn bản" }, "#save-case");
        refused.RefusalCodes.ShouldBe(["registries.resolvedOnRequired"]);
        refused.Find("#f-ResolvedOn").GetAttribute("aria-invalid").ShouldBe("true");
        refused.Find("#f-Result").TextContent.ShouldBe("Đã trả lời bằng văn bản");
        var saved = await clerk.SubmitAsync(page, "#case-form", new()
        {
            ["Form.Status"] = "Resolved", ["Form.Result"] = "Đã trả lời bằng văn bản", ["Form.ResolvedOn"] = Iso(RegistryPagesScenario.Today.AddDays(-1)),
        }, "#save-case");
        saved.Text("#notice").ShouldBe("Đã lưu vụ việc.");
        saved.Text("#status").ShouldBe("Đã giải quyết");

        var figures = await clerk.GetAsync($"/Registries/Figures?unit={s.World.Province}&from={Iso(day.AddDays(-7))}&to={Iso(RegistryPagesScenario.Today)}");
        figures.Text("#figures tr[data-figure='receptions'] [data-now]").ShouldBe("2 lượt/3 người/1 vụ việc");
    }

    [Fact]
    public async Task Should_show_the_figures_of_a_scope_beside_the_same_period_of_the_previous_year()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var today = RegistryPagesScenario.Today;
        await s.ReceptionAsync(on: today.AddDays(-2), visitors: 2);
        await s.ReceptionAsync(unit: s.World.Commune, on: today.AddDays(-3), kind: "regular");
        await s.ReceptionAsync(on: today.AddYears(-1).AddDays(-2));
        await s.PetitionAsync(acceptedDaysAgo: 40);
        var coord = await TestClient.LoginAsync(_app, "coord");
        var page = await coord.GetAsync($"/Registries/Figures?unit={s.World.Province}&from={Iso(today.AddDays(-50))}&to={Iso(today)}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text("#figures tr[data-figure='receptions'] [data-now]").ShouldBe("2 lượt/3 người/2 vụ việc");
        page.Text("#figures tr[data-figure='receptions'] [data-before]").ShouldBe("1 lượt/1 người/1 vụ việc");
        page.Text("#figures tr[data-figure='receptions.periodic'] [data-now]").ShouldBe("1 lượt/2 người");
        page.Text("#figures tr[data-figure='receptions.regular'] [data-now]").ShouldBe("1 lượt/1 người");
        page.Text("#figures tr[data-figure='petitions.overdue'] [data-now]").ShouldBe("1");
        page.Text("#figures tr[data-figure='petitions.resolutionRate'] [data-now]").ShouldBe("0%");
        page.Text("#sentence").ShouldStartWith("Đã tiếp 2 lượt/3 người/2 vụ việc (sau khi đã lọc vụ trùng); tăng 1 lượt so với cùng kỳ năm ");

        var district = await TestClient.LoginAsync(_app, "dcoord");
        var mine = await district.GetAsync($"/Registries/Figures?unit={s.World.District}&from={Iso(today.AddDays(-10))}&to={Iso(today)}");
        mine.Text("#figures tr[data-figure='receptions'] [data-now]").ShouldBe("1 lượt/1 người/1 vụ việc");
        (await district.GetAsync($"/Registries/Figures?unit={s.World.Province}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteRegistryPagesTests(SqliteWebApp app) : RegistryPagesTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresRegistryPagesTests(PostgresWebApp app) : RegistryPagesTests(app);
