using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan units import|export|list.</summary>
public abstract class UnitsCommandTests(TestDatabase database) : CliTestBase(database)
{
    [Fact]
    public async Task Should_import_a_csv_with_groups_and_successors()
    {
        var run = await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        run.Out.ShouldContain("8 created, 0 updated, 4 groups created, 3 successor links added");

        await using var db = Db.NewContext();
        var commune = await db.Units.Include(u => u.Parent).Include(u => u.Groups).SingleAsync(u => u.Code == "C1");
        commune.Parent!.Code.ShouldBe("D1");
        commune.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
        commune.Groups.Single().Code.ShouldBe("cap-xa");
        var links = await db.Successions.Where(s => s.Successor!.Code == "X9").ToListAsync();
        links.Count.ShouldBe(3);
        links.ShouldAllBe(s => s.EffectiveOn == new DateOnly(2025, 7, 1));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Should_round_trip_through_export_and_import(string format)
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        var exported = Db.PathOf($"export.{format}");
        (await RunOkAsync("units", "export", exported)).Out.ShouldContain("Exported 8 units");

        await using var other = await CliDatabase.CreateAsync(Provider);
        (await RunOnAsync(other, "units", "import", exported)).Out.ShouldContain("8 created, 0 updated");
        var first = Db.PathOf("first.csv");
        var second = Db.PathOf("second.csv");
        await RunOkAsync("units", "export", first);
        await RunOnAsync(other, "units", "export", second);
        File.ReadAllText(second).ShouldBe(File.ReadAllText(first));
        File.ReadAllText(first).ShouldContain("D1,UBND huyện Lệ Thủy,huyện Lệ Thủy,District,P,cap-huyen,,2025-06-30,X9");

        // Importing its own export changes nothing but counts every unit as updated.
        (await RunOkAsync("units", "import", exported)).Out.ShouldContain("0 created, 8 updated, 0 groups created, 0 successor links added");
    }

    [Theory]
    [InlineData("unknown parent", "A1,Sở Nội vụ,,ProvincialAgency,Q,,,,", "error[units.unknownParent] units.csv, row 3, column parent_code: Unknown parent 'Q'.")]
    [InlineData("duplicate code", "P,Tỉnh khác,,Province,,,,,", "error[units.duplicateCode] units.csv, row 3, column code: Duplicate code 'P' (also on row 2).")]
    [InlineData("own parent", "A1,Sở Nội vụ,,ProvincialAgency,A1,,,,", "error[units.ownParent] units.csv, row 3, column parent_code: A unit cannot be its own parent.")]
    [InlineData("unknown kind", "A1,Sở Nội vụ,,Bộ,P,,,,", "error[units.unknownKind] units.csv, row 3, column kind: Unknown kind 'Bộ'")]
    [InlineData("bad date", "A1,Sở Nội vụ,,ProvincialAgency,P,,31/02/2024,,", "error[file.notADate] units.csv, row 3, column valid_from: '31/02/2024' is not a date")]
    [InlineData("unknown successor", "A1,Sở Nội vụ,,ProvincialAgency,P,,,2025-06-30,Z", "error[units.unknownSuccessor] units.csv, row 3, column successors: Unknown successor 'Z'.")]
    public async Task Should_refuse_a_bad_row_with_its_row_and_column_and_store_nothing(string because, string row, string expected)
    {
        var file = Write("units.csv", $"code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors\nP,Tỉnh Thử Nghiệm,,Province,,,,,\n{row}\n");
        var run = await RunAsync("units", "import", file, "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, because + "\n" + run);
        run.Err.ShouldContain(expected);
        run.Err.ShouldContain("nothing was changed");
        await using var db = Db.NewContext();
        (await db.Units.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_neutralise_formula_text_in_a_csv_export_and_read_it_back_unchanged()
    {
        // Regression: units export wrote a name starting with = raw, which a spreadsheet runs as a formula.
        await RunOkAsync("units", "import", Write("units.csv", "code,name,kind\nP,\"=HYPERLINK(\"\"http://x\"\";\"\"Mở\"\")\",Province\nA,@Sở,ProvincialAgency\n"));
        var exported = Db.PathOf("export.csv");
        await RunOkAsync("units", "export", exported);

        var text = await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken);
        text.ShouldContain("\"'=HYPERLINK(");
        text.ShouldContain(",'@Sở,");
        text.ShouldNotContain(",=HYPERLINK");

        await RunOkAsync("units", "import", exported);
        await using var db = Db.NewContext();
        (await db.Units.SingleAsync(u => u.Code == "P")).Name.ShouldBe("=HYPERLINK(\"http://x\";\"Mở\")");
        (await db.Units.SingleAsync(u => u.Code == "A")).Name.ShouldBe("@Sở");
    }

    [Fact]
    public async Task Should_refuse_a_cycle_of_parents()
    {
        var file = Write("units.csv", """
            code,name,kind,parent_code
            A,Đơn vị A,Commune,B
            B,Đơn vị B,Commune,C
            C,Đơn vị C,Commune,A
            """);
        var run = await RunAsync("units", "import", file, "--lang", "vi");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[units.cycle] units.csv, dòng 2, cột parent_code: Quan hệ cấp trên tạo thành vòng lặp: A → B → C → A.");
        run.Err.ShouldContain("không có gì bị thay đổi");
        await using var db = Db.NewContext();
        (await db.Units.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_cycle_through_units_already_stored()
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        var run = await RunAsync("units", "import", Write("move.csv", "code,name,kind,parent_code\nD1,UBND huyện Lệ Thủy,District,C1\n"), "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("move.csv, row 2, column parent_code: A cycle in parents: D1 → C1 → D1.");
        await using var db = Db.NewContext();
        (await db.Units.Include(u => u.Parent).SingleAsync(u => u.Code == "D1")).Parent!.Code.ShouldBe("P");
    }

    [Fact]
    public async Task Should_read_headers_in_any_case_and_semicolon_separated_csv()
    {
        var file = Write("excel.csv", "\uFEFFCode;Name;Kind;Parent_Code\nP;Tỉnh Thử Nghiệm;tỉnh;\n\nA1;Sở Nội vụ;so-ban-nganh;P\n");
        (await RunOkAsync("units", "import", file)).Out.ShouldContain("2 created");
        await using var db = Db.NewContext();
        (await db.Units.SingleAsync(u => u.Code == "A1")).Kind.ShouldBe(OrgUnitKind.ProvincialAgency);
    }

    [Fact]
    public async Task Should_list_units_of_a_group()
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        var run = await RunOkAsync("units", "list", "--group", "cap-xa", "--on", "2025-07-01");
        run.Out.ShouldContain("X9");
        run.Out.ShouldNotContain("C1 ");
        run.Out.ShouldContain("1 units.");
    }

    private static async Task<CliRun> RunOnAsync(CliDatabase db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync([.. db.Options, .. args], output, error, TestContext.Current.CancellationToken);
        var run = new CliRun(exit, output.ToString(), error.ToString());
        run.Exit.ShouldBe(ExitCodes.Ok, run.ToString());
        return run;
    }
}

[Collection<SqliteCli>]
public sealed class SqliteUnitsCommandTests(SqliteDatabase database) : UnitsCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresUnitsCommandTests(PostgresDatabase database) : UnitsCommandTests(database);
