using System.Net;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Registries;

/// <summary>The reception log's pages as a unit records in them: two visitors through the form, refusals kept at their fields, the version guarding an edit.</summary>
public abstract class ReceptionPagesTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_record_a_reception_with_two_visitors_through_the_form_and_show_it_in_the_list()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var home = await userA.GetAsync("/");
        home.Find("#menu-registries").TextContent.ShouldBe("Sổ tiếp dân, đơn thư");
        var form = await userA.GetAsync("/Registries/Receptions/Edit");
        form.Status.ShouldBe(HttpStatusCode.OK);
        form.Find("#f-IsDelegation option[value='']").TextContent.ShouldBe("Theo ngưỡng của tỉnh (từ 5 người trở lên)");
        form.Find("#visitors-add").GetAttribute("formaction").ShouldBe("/Registries/Receptions/Edit?handler=AddVisitor");
        var day = RegistryPagesScenario.Today.AddDays(-1);
        var typed = new Dictionary<string, string?>
        {
            ["Form.ReceivedOn"] = Date(day), ["Form.Kind"] = "periodic", ["Form.Place"] = "Trụ sở tiếp công dân",
            ["Form.ReceivedByName"] = "Phạm Quốc Việt", ["Form.ReceivedByPosition"] = "Giám đốc Sở", ["Form.ByHead"] = "true",
            ["Form.MatterKind"] = "recommendation", ["Form.Field"] = "chính sách", ["Form.Outcome"] = "explained",
            ["Form.Summary"] = "Kiến nghị về chế độ chính sách người có công",
            ["Form.Visitors[0].Name"] = "Trần Thị Lan", ["Form.Visitors[0].IdNumber"] = "038 190 004 321", ["Form.Visitors[0].Phone"] = "0987 654 321",
            ["Form.Visitors[0].Address"] = "thôn 3, xã Kiến Giang",
        };
        var added = await userA.SubmitAsync(form, "#reception-form", typed, "#visitors-add");
        added.Status.ShouldBe(HttpStatusCode.OK);
        added.Document.QuerySelectorAll("fieldset.citizen-row").Length.ShouldBe(2);
        added.Find("#f-Visitors-0-Name").GetAttribute("value").ShouldBe("Trần Thị Lan");
        added.Find("#f-Summary").TextContent.ShouldBe("Kiến nghị về chế độ chính sách người có công");
        added.RefusalCodes.ShouldBeEmpty();
        added.Find("#reception-form").GetAttribute("action").ShouldBe("/Registries/Receptions/Edit"); // saving after adding a row saves

        var saved = await userA.SubmitAsync(added, "#reception-form", new() { ["Form.Visitors[1].Name"] = "Lê Văn Hùng" }, "#save");
        saved.Url.AbsolutePath.ShouldStartWith("/Registries/Receptions/View/");
        saved.Text("#notice").ShouldBe("Đã ghi lượt tiếp công dân.");
        saved.Text("#kind").ShouldBe("Tiếp định kỳ");
        saved.Text("#visitor-count").ShouldBe("2");
        saved.Find("#citizens-table").GetAttribute("data-masked").ShouldBe("false"); // the unit itself reads its visitors
        saved.AllText.ShouldContain("038190004321");
        saved.AllText.ShouldContain("Nguyễn Thị Hồng Nhung (userA), "); // who recorded it, by name

        var list = await userA.GetAsync("/Registries/Receptions");
        var row = list.Find("#receptions tbody tr");
        row.QuerySelector("[data-names]")!.TextContent.ShouldBe("T. T. L.; L. V. H."); // lists are masked for everyone
        list.AllText.ShouldNotContain("Trần Thị Lan");

        await using var db = _app.NewDbContext();
        var r = await db.Receptions.SingleAsync();
        (r.UnitId, r.ReceivedOn, r.Kind, r.VisitorCount, r.IsDelegation, r.ByHead).ShouldBe((s.World.AgencyA, day, ReceptionKind.Periodic, 2, false, true));
        r.Citizens.Select(c => c.Name).ShouldBe(["Trần Thị Lan", "Lê Văn Hùng"], ignoreOrder: true);
        var stored = r.Citizens.Single(c => c.Name == "Trần Thị Lan");
        stored.IdNumberCipher!.ShouldNotContain("038190004321");
        s.Protector.Decrypt(stored.IdNumberCipher!).ShouldBe("038190004321");
        (await db.Audit.CountAsync(a => a.Action == "reception.record" && a.User == "userA")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_what_was_typed_and_show_each_problem_at_its_field_in_vietnamese_without_the_id_number()
    {
        await RegistryPagesScenario.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync("/Registries/Receptions/Edit");
        const string badId = "03819000432"; // 11 digits
        var refused = await userA.SubmitAsync(form, "#reception-form", new()
        {
            ["Form.ReceivedOn"] = Date(RegistryPagesScenario.Today.AddDays(5)), ["Form.Kind"] = "", ["Form.ReceivedByName"] = "Phạm Quốc Việt",
            ["Form.MatterKind"] = "complaint", ["Form.Outcome"] = "guided", ["Form.Summary"] = "", ["Form.VisitorCount"] = "mười", ["Form.IsDelegation"] = "true",
            ["Form.Visitors[0].Name"] = "Trần Thị Lan", ["Form.Visitors[0].IdNumber"] = badId, ["Form.Visitors[0].Phone"] = "12",
        }, "#save");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.RefusalCodes.ShouldBe(["request.unreadableForm", "registries.dateInFuture", "request.required", "request.required",
            "registries.idNumberShape", "registries.phoneShape", "registries.delegationUnderThreshold"], ignoreOrder: true);
        var id = refused.Find("#f-Visitors-0-IdNumber");
        id.GetAttribute("value").ShouldBe(badId); // kept as typed, in the field only
        id.GetAttribute("aria-invalid").ShouldBe("true");
        id.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("err-Visitors-0-IdNumber");
        refused.Text("#err-Visitors-0-IdNumber").ShouldBe("Số CMND/CCCD của công dân thứ 1 phải có 9 (CMND) hoặc 12 (CCCD) chữ số.");
        refused.Find("#refusals a[href='#f-Visitors-0-IdNumber']").TextContent.ShouldStartWith("Công dân thứ 1 — Số CMND/CCCD: ");
        refused.Find("#f-VisitorCount").GetAttribute("value").ShouldBe("mười");
        refused.Find("#f-VisitorCount").GetAttribute("aria-invalid").ShouldBe("true");
        refused.Find("#f-ReceivedOn").GetAttribute("aria-describedby").ShouldBe("err-ReceivedOn");
        refused.Text("#err-Summary").ShouldBe("Cần nhập nội dung.");
        refused.Find("#refusals a[href='#f-Kind']").TextContent.ShouldStartWith("Hình thức tiếp: ");
        refused.Find("#f-Visitors-0-Name").GetAttribute("value").ShouldBe("Trần Thị Lan");
        refused.Find("#reception-form").GetAttribute("data-unsaved").ShouldBe("true");

        // No error message carries the ID number (Nghị định 13/2023/NĐ-CP): not in a field's message, not in the summary.
        var messages = refused.Errors.Append(refused.Text("#refusals")).ToList();
        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(m => !m.Contains(badId) && !m.Contains("432"));

        await using var db = _app.NewDbContext();
        (await db.Receptions.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_stale_edit_keeping_what_was_typed_and_saying_so()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var id = await s.ReceptionAsync();
        var userA = await TestClient.LoginAsync(_app, "userA");
        var headA = await TestClient.LoginAsync(_app, "headA");
        var mine = await userA.GetAsync($"/Registries/Receptions/Edit/{id}");
        var theirs = await headA.GetAsync($"/Registries/Receptions/Edit/{id}");
        mine.Find("#f-Visitors-0-IdNumber").GetAttribute("value").ShouldBe(RegistryPagesScenario.IdNumber);

        var first = await headA.SubmitAsync(theirs, "#reception-form", new() { ["Form.Summary"] = "Bổ sung: đề nghị đo đạc lại" }, "#save");
        first.Text("#notice").ShouldBe("Đã lưu thay đổi của lượt tiếp.");
        var stale = await userA.SubmitAsync(mine, "#reception-form", new() { ["Form.Summary"] = "Nội dung tôi vừa gõ" }, "#save");

        stale.Status.ShouldBe(HttpStatusCode.OK);
        stale.RefusalCodes.ShouldBe(["registries.staleVersion"]);
        stale.Text("#refusals").ShouldContain("Người khác đã sửa hồ sơ này");
        stale.Find("#f-Summary").TextContent.ShouldBe("Nội dung tôi vừa gõ");
        await using var db = _app.NewDbContext();
        (await db.Receptions.SingleAsync()).Summary.ShouldBe("Bổ sung: đề nghị đo đạc lại");
    }

    [Fact]
    public async Task Should_default_the_delegation_from_the_threshold_set_for_the_province()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var coord = await TestClient.LoginAsync(_app, "coord");
        var settings = await coord.GetAsync("/Registries/Settings");
        settings.Status.ShouldBe(HttpStatusCode.OK);
        var saved = await coord.SubmitAsync(settings, "#settings-form", new()
        {
            ["Form.EffectiveFrom"] = Date(RegistryPagesScenario.Today.AddDays(-30)), ["Form.DelegationThreshold"] = "4", ["Form.RetentionYears"] = "5",
        }, "#save-settings");
        saved.Text("#notice").ShouldBe("Đã lưu cài đặt sổ tiếp dân.");
        saved.Text("#in-force").ShouldBe("Đoàn đông người từ 4 người trở lên; thông tin cá nhân lưu 5 năm.");

        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync("/Registries/Receptions/Edit");
        form.Find("#f-IsDelegation option[value='']").TextContent.ShouldBe("Theo ngưỡng của tỉnh (từ 4 người trở lên)");
        var page = await userA.SubmitAsync(form, "#reception-form", new()
        {
            ["Form.ReceivedOn"] = Date(RegistryPagesScenario.Today.AddDays(-1)), ["Form.Kind"] = "regular", ["Form.ReceivedByName"] = "Cán bộ tiếp dân",
            ["Form.MatterKind"] = "complaint", ["Form.Outcome"] = "petitionReceived", ["Form.Summary"] = "Đoàn 4 hộ dân khiếu nại về giá bồi thường",
            ["Form.VisitorCount"] = "4",
        }, "#save");
        page.Find("#delegation").TextContent.ShouldBe("Đoàn đông người");

        var refused = await coord.SubmitAsync(settings, "#settings-form", new() { ["Form.DelegationThreshold"] = "1" }, "#save-settings");
        refused.RefusalCodes.ShouldBe(["registries.thresholdTooSmall"]);
        refused.Find("#f-DelegationThreshold").GetAttribute("value").ShouldBe("1");
        refused.Find("#f-DelegationThreshold").GetAttribute("aria-invalid").ShouldBe("true");
        _ = s;
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteReceptionPagesTests(SqliteWebApp app) : ReceptionPagesTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresReceptionPagesTests(PostgresWebApp app) : ReceptionPagesTests(app);
