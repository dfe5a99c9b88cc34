using System.Text.Json.Nodes;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan criteria validate|import|export|list.</summary>
public abstract class CriteriaCommandTests(TestDatabase database) : CliTestBase(database)
{
    [Fact]
    public async Task Should_print_OK_for_a_valid_file()
    {
        var file = Write("set01.json", Fixtures.CriteriaJson);
        var run = await RunOkAsync("criteria", "validate", file);
        run.Out.ShouldContain($"{file}: OK ({Fixtures.CriteriaKey} v1");
    }

    [Fact]
    public async Task Should_refuse_a_broken_copy_with_every_error_located()
    {
        var json = JsonNode.Parse(Fixtures.CriteriaJson)!;
        json["classification"]!["bands"]![3]!["min"] = 5;
        json["criteria"]![1]!["maxPoints"] = 16;
        var file = Write("broken.json", json.ToJsonString());

        var run = await RunAsync("criteria", "validate", Write("ok.json", Fixtures.CriteriaJson), file, "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Out.ShouldContain("ok.json: OK");
        run.Err.ShouldContain($"error[criteria.lowestBandNotZero] {file}, $.classification.bands[3].min: The lowest band must start at 0");
        run.Err.ShouldContain($"error[criteria.maxPointsSum] {file}, $.maxPoints: The criteria's maxima add up to 101, not 100.");

        var vi = await RunAsync("criteria", "validate", file, "--lang", "vi");
        vi.Err.ShouldContain($"error[criteria.maxPointsSum] {file}, $.maxPoints: Tổng điểm tối đa của các tiêu chí là 101, không phải 100.");
        vi.Err.ShouldContain("Bị từ chối: 2 lỗi; không có gì bị thay đổi.");
    }

    [Fact]
    public async Task Should_locate_a_null_where_an_object_is_required_and_a_syntax_error()
    {
        var json = JsonNode.Parse(Fixtures.CriteriaJson)!;
        json["decision"] = null;
        var nulls = Write("null.json", json.ToJsonString());
        var cut = Write("cut.json", Fixtures.CriteriaJson[..200]);

        var run = await RunAsync("criteria", "validate", nulls, cut, "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldMatch($@"error\[criteria\.json\.null\] {System.Text.RegularExpressions.Regex.Escape(nulls)}, row \d+, \$\.decision");
        run.Err.ShouldMatch($@"error\[criteria\.json\.\w+\] {System.Text.RegularExpressions.Regex.Escape(cut)}, row \d+, \$");
    }

    [Fact]
    public async Task Should_import_create_then_keep_replace_and_version_once_a_period_uses_the_set()
    {
        var file = Write("set01.json", Fixtures.CriteriaJson);
        (await RunOkAsync("criteria", "import", file)).Out.ShouldContain($"Created {Fixtures.CriteriaKey} v1");
        (await RunOkAsync("criteria", "import", file)).Out.ShouldContain($"Unchanged {Fixtures.CriteriaKey} v1");

        var json = JsonNode.Parse(Fixtures.CriteriaJson)!;
        json["name"] = "Bộ tiêu chí 01 (sửa đổi)";
        var changed = Write("changed.json", json.ToJsonString());
        (await RunOkAsync("criteria", "import", changed)).Out.ShouldContain($"Replaced {Fixtures.CriteriaKey} v1");

        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        await RunOkAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", $"so-ban-nganh={Fixtures.CriteriaKey}");
        json["name"] = "Bộ tiêu chí 01 (sửa đổi lần 2)";
        var again = Write("again.json", json.ToJsonString());
        (await RunOkAsync("criteria", "import", again)).Out.ShouldContain($"NewVersion {Fixtures.CriteriaKey} v2");

        var list = await RunOkAsync("criteria", "list");
        list.Out.ShouldContain("Bộ tiêu chí 01 (sửa đổi)");
        list.Out.ShouldContain("Bộ tiêu chí 01 (sửa đổi lần 2)");

        var exported = Db.PathOf("v1.json");
        (await RunOkAsync("criteria", "export", Fixtures.CriteriaKey, "--version", "1", "--out", exported)).Out.ShouldContain("Exported");
        (await RunOkAsync("criteria", "validate", exported)).Out.ShouldContain("OK");
        JsonNode.Parse(File.ReadAllText(exported))!["name"]!.GetValue<string>().ShouldBe("Bộ tiêu chí 01 (sửa đổi)");
        var latest = await RunOkAsync("criteria", "export", Fixtures.CriteriaKey);
        JsonNode.Parse(latest.Out)!["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Should_store_nothing_when_one_of_several_files_is_invalid()
    {
        var json = JsonNode.Parse(Fixtures.CriteriaJson)!;
        json["criteria"]![0]!["children"]![0]!["method"]!["levels"]![0]!["code"] = "B";
        var run = await RunAsync("criteria", "import", Write("ok.json", Fixtures.CriteriaJson), Write("dup.json", json.ToJsonString()), "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("dup.json, $.criteria[0].children[0].method.levels[1].code: Duplicate level code 'B'.");
        await using var db = Db.NewContext();
        (await db.CriteriaSets.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_to_export_an_unknown_key()
    {
        var run = await RunAsync("criteria", "export", "no-such-set", "--lang", "en");
        run.Exit.ShouldBe(ExitCodes.Refused);
        run.Err.ShouldContain("error[criteria.notFound] key: No criteria set 'no-such-set'.");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteCriteriaCommandTests(SqliteDatabase database) : CriteriaCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresCriteriaCommandTests(PostgresDatabase database) : CriteriaCommandTests(database);
