using System.Net;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Admin;

public abstract class UnitsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static byte[] Xlsx(params UnitRow[] rows)
    {
        using var stream = new MemoryStream();
        UnitList.WriteXlsx(stream, rows);
        return stream.ToArray();
    }

    [Fact]
    public async Task Should_refuse_an_XLSX_unit_list_showing_the_located_problem_and_store_nothing()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Units/Import");
        var file = Xlsx(
            new UnitRow(2, "SO-C", "Sở Xây dựng", null, "ProvincialAgency", "T01", "so-ban-nganh", null, null, null),
            new UnitRow(3, "SO-D", "Sở Y tế", null, "Bệnh viện", "T01", null, null, null, null));

        var refused = await admin.SubmitAsync(form, "#import-form", files: [("Data.File", "don-vi.xlsx", file)]);
        refused.Text("#import-problems").ShouldContain("Tệp bị từ chối, không có dữ liệu nào được lưu");
        var problem = refused.Text("#import-problems tr.problem");
        // Worded in Vietnamese on the page (it was the core's English text before).
        problem.ShouldContain("don-vi.xlsx, dòng 3, cột kind");
        problem.ShouldContain("Loại đơn vị 'Bệnh viện' không hợp lệ");
        refused.Document.QuerySelector("#import-problems tr.problem")!.GetAttribute("data-code").ShouldBe("units.unknownKind");

        await using var db = _app.NewDbContext();
        (await db.Units.AnyAsync(u => u.Code == "SO-C")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_bound_an_uploaded_unit_list_and_its_list_of_problems()
    {
        // Regression: imports were unbounded (300.000 rows read, a page of every problem).
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Units/Import");
        var bad = "code,name,kind\n" + string.Concat(Enumerable.Range(1, 300).Select(i => $"X{i},Xã {i},Thôn\n"));

        var refused = await admin.SubmitAsync(form, "#import-form", files: [("Data.File", "don-vi.csv", System.Text.Encoding.UTF8.GetBytes(bad))]);
        var rows = refused.Document.QuerySelectorAll("#import-problems tr.problem");
        rows.Length.ShouldBe(201);
        rows[^1].GetAttribute("data-code").ShouldBe("file.moreProblems");
        rows[^1].TextContent.ShouldContain("…và 100 lỗi khác không liệt kê.");

        var many = "code,name,kind\n" + string.Concat(Enumerable.Range(1, 20_001).Select(i => $"X{i},Xã {i},Commune\n"));
        var tooMany = await admin.SubmitAsync(form, "#import-form", files: [("Data.File", "lon.csv", System.Text.Encoding.UTF8.GetBytes(many))]);
        tooMany.Text("#import-problems tr.problem").ShouldContain("Tệp có hơn 20.000 dòng");

        await using var db = _app.NewDbContext();
        (await db.Units.AnyAsync(u => u.Code == "X1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_import_an_XLSX_unit_list_and_export_it_again()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Units/Import");
        var file = Xlsx(new UnitRow(2, "SO-C", "Sở Xây dựng", null, "ProvincialAgency", "T01", "so-ban-nganh", "2020-01-01", null, null));

        var done = await admin.SubmitAsync(form, "#import-form", files: [("Data.File", "don-vi.xlsx", file)]);
        done.Text("#notice").ShouldBe("Đã nhập danh sách: 1 đơn vị mới, 0 đơn vị cập nhật, 0 khối mới, 0 liên kết kế thừa.");
        done.Text("#units tr[data-code='SO-C']").ShouldContain("Sở Xây dựng");

        var export = await admin.Http.GetAsync("/Admin/Units?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = UnitList.ReadXlsx(await export.Content.ReadAsStreamAsync(), "export.xlsx");
        rows.Select(r => r.Code).ShouldContain("SO-C");
        rows.Single(r => r.Code == "SO-C").ParentCode.ShouldBe("T01");
    }

    [Fact]
    public async Task Should_create_a_unit_and_refuse_a_taken_code_and_a_cycle_next_to_the_fields()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Units/Edit");
        var taken = await admin.SubmitAsync(form, "#unit-form", new()
        {
            ["Data.Code"] = "SO-A", ["Data.Name"] = "Trùng mã", ["Data.Kind"] = nameof(OrgUnitKind.ProvincialAgency),
        });
        taken.ErrorFor("Data.Code").ShouldBe("Mã \"SO-A\" đã được dùng cho đơn vị khác.");

        var created = await admin.SubmitAsync(form, "#unit-form", new()
        {
            ["Data.Code"] = "X02", ["Data.Name"] = "UBND xã Phong Thủy", ["Data.Kind"] = nameof(OrgUnitKind.Commune),
            ["Data.ParentId"] = w.District.ToString(), ["Data.GroupIds"] = w.CommuneGroup.ToString(), ["Data.ValidFrom"] = "2020-01-01",
        });
        created.Text("#notice").ShouldBe("Đã lưu đơn vị \"UBND xã Phong Thủy\".");
        await using (var db = _app.NewDbContext())
        {
            var unit = await db.Units.Include(u => u.Groups).SingleAsync(u => u.Code == "X02");
            unit.ParentId.ShouldBe(w.District);
            unit.ValidFrom.ShouldBe(new DateOnly(2020, 1, 1));
            unit.Groups.Single().Id.ShouldBe(w.CommuneGroup);
        }

        var district = await admin.GetAsync($"/Admin/Units/Edit/{w.District}");
        district.Find("#Data_ValidFrom").GetAttribute("type").ShouldBe("date");
        var cycle = await admin.SubmitAsync(district, "#unit-form", new() { ["Data.ParentId"] = w.Commune.ToString() });
        cycle.ErrorFor("Data.ParentId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Should_create_a_group_and_refuse_a_bad_code()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Groups/Edit");
        var bad = await admin.SubmitAsync(form, "#group-form", new() { ["Data.Code"] = "Cấp Huyện", ["Data.Name"] = "Cấp huyện", ["Data.SortOrder"] = "3" });
        bad.ErrorFor("Data.Code").ShouldContain("chữ thường không dấu");
        var done = await admin.SubmitAsync(form, "#group-form", new() { ["Data.Code"] = "cap-huyen", ["Data.Name"] = "Cấp huyện", ["Data.SortOrder"] = "3" });
        done.Text("#groups tr[data-code='cap-huyen']").ShouldContain("Cấp huyện");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteUnitsTests(SqliteWebApp app) : UnitsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresUnitsTests(PostgresWebApp app) : UnitsTests(app);
