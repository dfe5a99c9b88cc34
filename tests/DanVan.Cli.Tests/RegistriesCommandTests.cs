using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan registries …: a logbook imported all or nothing, the figures' sentences, exports masked unless --personal (then logged).</summary>
public abstract class RegistriesCommandTests(TestDatabase database) : CliTestBase(database)
{
    private const string UnitsCsv = """
        code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors
        44,UBND tỉnh Quảng Bình,tỉnh Quảng Bình,Province,,,,,
        44.LT,UBND huyện Lệ Thủy,huyện Lệ Thủy,District,44,,,,
        """;

    private const string Header = "Mã đơn vị,Ngày tiếp,Hình thức tiếp,Người tiếp,Số người,Họ và tên,Số CCCD/CMND,Số điện thoại,Nội dung,Loại vụ việc,Kết quả tiếp";

    private Task<CliRun> Run(params string[] args) => RunAsync(["--data", Db.Folder, "--lang", "vi", .. args]);

    [Fact]
    public async Task Should_import_a_logbook_and_write_the_figures_sentences_and_masked_exports()
    {
        (await RunAsync("units", "import", Write("units.csv", UnitsCsv))).Exit.ShouldBe(ExitCodes.Ok);
        var bad = await Run("registries", "import", Write("bad.csv", Header + "\n44.LT,05/03/2022,hằng tuần,Chủ tịch,1,Lê Văn Tám,12345,,Kiến nghị,kiến nghị,hướng dẫn\n"));
        bad.Exit.ShouldNotBe(ExitCodes.Ok);
        bad.Err.ShouldContain("bad.csv, dòng 2, cột Hình thức tiếp");
        bad.Err.ShouldContain("cột Số CCCD/CMND");
        bad.Err.ShouldNotContain("12345");
        var csv = Header + "\n"
            + "44.LT,05/03/2022,định kỳ,Chủ tịch,2,\"Lê Văn Tám\nLê Thị Hoa\",044190001234,0912345678,Kiến nghị làm đường,kiến nghị,hướng dẫn\n"
            + "44.LT,06/03/2022,thường xuyên,Cán bộ,1,Trần Văn Bảy,,,Phản ánh ô nhiễm,phản ánh,giải thích\n";
        (await Run("registries", "import", Write("so.csv", csv))).Out.ShouldContain("2 records");

        var figures = await Run("registries", "figures", "--unit", "44", "--from", "01/01/2022", "--to", "31/12/2022");
        figures.Exit.ShouldBe(ExitCodes.Ok, figures.ToString());
        figures.Out.ShouldContain("Tiếp công dân 02 lượt/ 03 người/ 02 vụ việc (sau khi đã lọc vụ trùng). Trong đó:");
        figures.Out.ShouldContain("+ Tiếp định kỳ: 01 lượt/ 02 người.");
        figures.Out.ShouldContain("+ Tiếp đột xuất: Không có.");

        (await Run("registries", "export", "--unit", "44", "--out", Db.PathOf("masked.csv"))).Out.ShouldContain("citizens masked");
        var masked = await File.ReadAllTextAsync(Db.PathOf("masked.csv"), TestContext.Current.CancellationToken);
        masked.ShouldNotContain("Lê Văn Tám");
        masked.ShouldNotContain("044190001234");
        masked.ShouldContain("*********234");
        await using (var db = Db.NewContext())
            (await db.Audit.CountAsync(a => a.Action == "personal.read", TestContext.Current.CancellationToken)).ShouldBe(0);

        (await Run("registries", "export", "--unit", "44", "--personal", "--out", Db.PathOf("full.csv"))).Exit.ShouldBe(ExitCodes.Ok);
        (await File.ReadAllTextAsync(Db.PathOf("full.csv"), TestContext.Current.CancellationToken)).ShouldContain("044190001234");
        await using var check = Db.NewContext();
        (await check.Audit.CountAsync(a => a.Action == "personal.read" && a.User == "cli", TestContext.Current.CancellationToken)).ShouldBe(2);
        (await Run("registries", "import", Db.PathOf("full.csv"))).Out.ShouldContain("2 records");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteRegistriesCommandTests(SqliteDatabase database) : RegistriesCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresRegistriesCommandTests(PostgresDatabase database) : RegistriesCommandTests(database);
