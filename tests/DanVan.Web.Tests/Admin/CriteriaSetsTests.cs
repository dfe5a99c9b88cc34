using System.Text;
using DanVan.Criteria;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Admin;

public abstract class CriteriaSetsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_refuse_a_criteria_file_showing_the_JSON_path_and_store_nothing()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var bad = TestWorld.Set() with { Id = "bad-set", MaxPoints = 90 };
        var form = await admin.GetAsync("/Admin/CriteriaSets/Import");

        var refused = await admin.SubmitAsync(form, "#criteria-upload-form",
            files: [("Data.File", "bo-tieu-chi.json", Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(bad)))]);
        refused.Text("#criteria-errors").ShouldContain("Tệp bộ tiêu chí bị từ chối");
        refused.Text("#criteria-errors tr.problem code").ShouldBe("$.maxPoints");
        // Worded in Vietnamese on the page (it was the core's English text before).
        refused.Text("#criteria-errors tr.problem").ShouldContain("Tổng điểm tối đa của các tiêu chí là");
        refused.Text("#criteria-errors tr.problem").ShouldContain("không phải 90.");
        refused.Document.QuerySelector("#criteria-errors tr.problem")!.GetAttribute("data-code").ShouldBe("criteria.maxPointsSum");
        refused.Document.QuerySelector("#criteria-preview").ShouldBeNull();

        var broken = await admin.SubmitAsync(form, "#criteria-upload-form",
            files: [("Data.File", "hong.json", Encoding.UTF8.GetBytes("{\"id\": \"x\", \"criteria\": [ {\"id\": 1 ] }"))]);
        broken.Text("#criteria-errors tr.problem code").ShouldStartWith("$.criteria[0].id");
        broken.Text("#criteria-errors tr.problem").ShouldContain("Cần một chuỗi ký tự.");

        await using var db = _app.NewDbContext();
        (await db.CriteriaSets.AnyAsync(s => s.Key == "bad-set")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_preview_the_tree_then_store_and_activate()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var set = TestWorld.Set() with { Id = "new-set", Name = "Bộ tiêu chí mới" };
        var form = await admin.GetAsync("/Admin/CriteriaSets/Import");

        var preview = await admin.SubmitAsync(form, "#criteria-upload-form",
            files: [("Data.File", "moi.json", Encoding.UTF8.GetBytes(CriteriaSetFile.Serialize(set)))]);
        preview.Text("#criteria-preview h2").ShouldBe("Xem trước: Bộ tiêu chí mới");
        preview.Text("#criteria-tree tr[data-criterion='2.1']").ShouldContain("Chọn mức: A – Đầy đủ: 20");
        preview.Text("#criteria-tree tr[data-criterion='1']").ShouldContain("bước 0,5");
        await using (var db = _app.NewDbContext()) (await db.CriteriaSets.AnyAsync(s => s.Key == "new-set")).ShouldBeFalse();

        var saved = await admin.SubmitAsync(preview, "#criteria-save-form", new() { ["Data.Activate"] = "false" });
        saved.Text("#notice").ShouldBe("Đã lưu bộ tiêu chí mới (phiên bản 1).");
        saved.Text("#criteria-state").ShouldContain("Chưa kích hoạt");

        var activated = await admin.SubmitAsync(saved, "#active-form", submitSelector: "#toggle-active");
        activated.Text("#criteria-state").ShouldContain("Đang kích hoạt");
        await using (var db = _app.NewDbContext()) (await db.CriteriaSets.SingleAsync(s => s.Key == "new-set")).IsActive.ShouldBeTrue();
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteCriteriaSetsTests(SqliteWebApp app) : CriteriaSetsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresCriteriaSetsTests(PostgresWebApp app) : CriteriaSetsTests(app);
