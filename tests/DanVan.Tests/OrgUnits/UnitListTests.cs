using System.Text;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.OrgUnits;

[Collection<SqliteDb>]
public sealed class UnitListTests(SqliteDatabase db) : IAsyncLifetime
{
    private const string Header = "code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors";
    private readonly TestDatabase _db = db;

    public async ValueTask InitializeAsync() => await _db.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IReadOnlyList<UnitRow> Csv(string text) =>
        UnitList.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "units.csv");

    private static List<Refusal> Validate(string rows, Dictionary<string, OrgUnit>? existing = null) =>
        UnitList.Validate(Csv($"{Header}\nP,Tỉnh,,Province,,,,,\n{rows}\n"), existing ?? [], "units.csv");

    [Theory]
    [InlineData(",Không mã,,Commune,P,,,,", "code", "units.codeRequired", "Chưa có mã đơn vị.")]
    [InlineData("X,,,Commune,P,,,,", "name", "units.nameRequired", "Chưa có tên đơn vị.")]
    [InlineData("P,Tỉnh khác,,Province,,,,,", "code", "units.duplicateCode", "Mã 'P' bị trùng (đã có ở dòng 2).")]
    [InlineData("X,Xã,,Thôn,P,,,,", "kind", "units.unknownKind", "Loại đơn vị 'Thôn' không hợp lệ")]
    [InlineData("X,Xã,,Commune,Q,,,,", "parent_code", "units.unknownParent", "Không có đơn vị cấp trên mã 'Q'.")]
    [InlineData("X,Xã,,Commune,X,,,,", "parent_code", "units.ownParent", "Đơn vị không thể là đơn vị cấp trên của chính nó.")]
    [InlineData("X,Xã,,Commune,P,,2025-13-01,,", "valid_from", "file.notADate", "'2025-13-01' không phải là ngày")]
    [InlineData("X,Xã,,Commune,P,,2025-07-01,2025-06-30,", "valid_to", "units.endsBeforeStart", "Ngày hết hiệu lực (30/06/2025) trước ngày bắt đầu hiệu lực (01/07/2025).")]
    [InlineData("X,Xã,,Commune,P,,,2025-06-30,Y", "successors", "units.unknownSuccessor", "Không có đơn vị kế thừa mã 'Y'.")]
    [InlineData("X,Xã,,Commune,P,,,2025-06-30,X", "successors", "units.ownSuccessor", "Đơn vị không thể là đơn vị kế thừa của chính nó.")]
    public void Should_locate_each_problem_by_row_and_column_and_word_it_in_Vietnamese(string row, string column, string code, string vietnamese)
    {
        var problem = Validate(row).ShouldHaveSingleItem();
        problem.Code.ShouldBe(code);
        problem.Where.ShouldBe(Where.AtCell("units.csv", 3, column));
        RefusalText.Render(problem, RefusalText.Vietnamese).ShouldStartWith(vietnamese);
        RefusalText.Knows(code).ShouldBeTrue();
    }

    [Fact]
    public void Should_accept_Vietnamese_kind_aliases_and_both_date_formats()
    {
        Validate("X,UBND xã Kim Thủy,xã Kim Thủy,xã,P,cap-xa,01/07/2025,,\nY,Sở Nội vụ,,so-ban-nganh,P,,2025-07-01,,").ShouldBeEmpty();
        UnitList.ParseKind("Cấp xã").ShouldBe(OrgUnitKind.Commune);
        UnitList.ParseKind("6").ShouldBeNull();
    }

    [Fact]
    public void Should_report_a_cycle_through_stored_units()
    {
        var p = new OrgUnit { Id = 1, Code = "P", Name = "Tỉnh", Kind = OrgUnitKind.Province };
        var d = new OrgUnit { Id = 2, Code = "D", Name = "Huyện", Kind = OrgUnitKind.District, ParentId = 1 };
        var c = new OrgUnit { Id = 3, Code = "C", Name = "Xã", Kind = OrgUnitKind.Commune, ParentId = 2 };
        var existing = new[] { p, d, c }.ToDictionary(u => u.Code);
        var problems = UnitList.Validate(Csv($"{Header}\nD,Huyện,,District,C,,,,\n"), existing, "move.csv");
        RefusalText.RenderWithPlace(problems.ShouldHaveSingleItem(), RefusalText.English)
            .ShouldBe("move.csv, row 2, column parent_code: A cycle in parents: D → C → D.");
    }

    [Fact]
    public void Should_read_any_header_case_semicolons_a_BOM_and_count_blank_rows()
    {
        var rows = UnitList.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes("\uFEFFCODE;Name;Kind\nP;Tỉnh;Province\n;;\nX;\"Xã; thôn\";Commune\n")), "excel.csv");
        rows.Select(r => (r.Row, r.Code, r.Name)).ShouldBe([(2, "P", "Tỉnh"), (4, "X", "Xã; thôn")]);
    }

    [Fact]
    public void Should_read_a_sheet_with_vietnamese_column_names()
    {
        var text = "Mã đơn vị,Tên đơn vị,Loại,MÃ ĐƠN VỊ CẤP TRÊN,Khối,Đến ngày\nP,Tỉnh Thử Nghiệm,tỉnh,,,\nH,UBND huyện A,huyện,P,cap-huyen,30/06/2025\n";
        var rows = UnitList.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "don-vi.csv");

        rows.Select(r => (r.Code, r.Name, r.Kind, r.ParentCode, r.Groups, r.ValidTo)).ShouldBe(
            [("P", "Tỉnh Thử Nghiệm", "tỉnh", null, null, null), ("H", "UBND huyện A", "huyện", "P", "cap-huyen", "30/06/2025")]);
        UnitList.Validate(rows, new Dictionary<string, OrgUnit>(), "don-vi.csv").ShouldBeEmpty();

        // A problem points at the header the person wrote, not at the import's own name for it.
        var bad = UnitList.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes("Mã đơn vị,Tên đơn vị,Loại\nP,,tỉnh\n")), "don-vi.csv");
        var refusal = UnitList.Validate(bad, new Dictionary<string, OrgUnit>(), "don-vi.csv").ShouldHaveSingleItem();
        refusal.Where.Column.ShouldBe("Tên đơn vị");
        RefusalText.RenderWithPlace(refusal, RefusalText.Vietnamese).ShouldStartWith("don-vi.csv, dòng 2, cột Tên đơn vị:");
    }

    [Fact]
    public void Should_refuse_a_file_without_the_required_columns()
    {
        var ex = Should.Throw<RefusedException>(() => Csv("code,ghi_chu\nP,Tỉnh\n"));
        var refusal = ex.Refusals.ShouldHaveSingleItem();
        refusal.Code.ShouldBe("file.missingColumns");
        RefusalText.RenderWithPlace(refusal, RefusalText.Vietnamese).ShouldStartWith("units.csv, dòng 1: Thiếu cột: name, kind;");
    }

    [Fact]
    public void Should_write_and_read_xlsx_with_the_same_rows()
    {
        var rows = Csv($"{Header}\nP,Tỉnh Quảng Bình,,Province,,,,,\n19246,UBND xã Kim Thủy,xã Kim Thủy,Commune,P,cap-xa,,2025-06-30,\n");
        using var stream = new MemoryStream();
        UnitList.WriteXlsx(stream, rows);
        stream.Position = 0;
        UnitList.ReadXlsx(stream, "units.xlsx").Select(r => r with { FileColumns = null }).ShouldBe(rows.Select(r => r with { FileColumns = null }));
    }

    [Fact]
    public async Task Should_keep_stored_values_of_columns_the_file_does_not_have()
    {
        await using (var db = _db.NewContext())
            await UnitList.ImportAsync(db, Csv($"{Header}\nP,Tỉnh,,Province,,,,,\nX,UBND xã Kim Thủy,xã Kim Thủy,Commune,P,cap-xa,,2025-06-30,\n"), "units.csv");
        await using (var db = _db.NewContext())
        {
            var summary = await UnitList.ImportAsync(db, Csv("code,name,kind\nX,UBND xã Kim Thủy (đổi tên),Commune\n"), "rename.csv");
            summary.ShouldBe(new UnitImportSummary(0, 1, 0, 0));
        }

        await using var read = _db.NewContext();
        var x = await read.Units.Include(u => u.Groups).Include(u => u.Parent).SingleAsync(u => u.Code == "X");
        x.Name.ShouldBe("UBND xã Kim Thủy (đổi tên)");
        x.ShortName.ShouldBe("xã Kim Thủy");
        x.Parent!.Code.ShouldBe("P");
        x.Groups.Single().Code.ShouldBe("cap-xa");
        x.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public async Task Should_join_the_callers_transaction()
    {
        await using (var db = _db.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await UnitList.ImportAsync(db, Csv($"{Header}\nP,Tỉnh,,Province,,,,,\n"), "units.csv");
            await tx.RollbackAsync();
        }
        await using var read = _db.NewContext();
        (await read.Units.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_store_nothing_when_a_row_is_refused()
    {
        await using var db = _db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() =>
            UnitList.ImportAsync(db, Csv($"{Header}\nP,Tỉnh,,Province,,,,,\nA,Sở,,ProvincialAgency,P,,,,\nB,Sở,,ProvincialAgency,Z,,,,\n"), "units.csv"));
        ex.Refusals.ShouldHaveSingleItem().Where.Key.ShouldBe("file:units.csv/row:4/column:parent_code");
        await using var read = _db.NewContext();
        (await read.Units.CountAsync()).ShouldBe(0);
    }
}
