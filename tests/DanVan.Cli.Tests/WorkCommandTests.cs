namespace DanVan.Cli.Tests;

/// <summary>danvan work …: a registry imported from a file (all or nothing), exported back, and the figures with the report sentences.</summary>
public abstract class WorkCommandTests(TestDatabase database) : CliTestBase(database)
{
    private const string UnitsCsv = """
        code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors
        T,UBND tỉnh Quảng Bình,tỉnh Quảng Bình,Province,,,,,
        NV,Sở Nội vụ,Sở Nội vụ,so-nganh,T,so-nganh,,,
        TP,Sở Tư pháp,Sở Tư pháp,so-nganh,T,so-nganh,,,
        LT,UBND huyện Lệ Thủy,huyện Lệ Thủy,District,T,cap-huyen,,,
        """;

    [Fact]
    public async Task Should_import_plans_refuse_a_bad_file_whole_and_print_the_plans_sentence()
    {
        await RunOkAsync("units", "import", Write("units.csv", UnitsCsv));
        var bad = await RunAsync("work", "import", "plans", Write("bad.csv", "unit_code,year,kind,document_number,issued_on\nNV,2018,DVCQ,12/KH-SNV,15/02/2018\nXX,2018,DVCQ,1/KH,15/02/2018\n"));
        bad.Exit.ShouldNotBe(0);
        bad.Err.ShouldContain("bad.csv, dòng 3, cột unit_code");
        bad.Err.ShouldContain("Không có đơn vị mã 'XX' trong tỉnh.");
        (await RunOkAsync("work", "import", "plans", Write("plans.csv",
            "unit_code,year,kind,document_number,issued_on\nNV,2018,DVCQ,12/KH-SNV,15/02/2018\nLT,2018,Dân vận chính quyền,05/KH-UBND,01/03/2018\n"))).Out.ShouldContain("Imported plans.csv: 2 records.");
        var figures = await RunOkAsync("work", "figures", "--scope", "T", "--year", "2018");
        figures.Out.ShouldContain("Năm 2018: có 1/2 cơ quan QLNN cấp tỉnh và 1/1 huyện, TP, TX đã ban hành Kế hoạch thực hiện công tác DVCQ: Sở Nội vụ; UBND các huyện: Lệ Thủy.", Case.Sensitive, figures.Out);
        var path = Path.Combine(Path.GetTempPath(), $"plans-{Guid.NewGuid():N}.csv");
        (await RunOkAsync("work", "export", "plans", "--scope", "T", "--year", "2018", "--out", path)).Out.ShouldContain("Wrote 2 records");
        (await File.ReadAllTextAsync(path)).ShouldContain("NV,2018,Dân vận chính quyền,12/KH-SNV,15/02/2018");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteWorkCommandTests(SqliteDatabase database) : WorkCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresWorkCommandTests(PostgresDatabase database) : WorkCommandTests(database);
