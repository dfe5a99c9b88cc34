using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan forms … and danvan stats …: forms, their periods, a unit's figures through the cycle, a scope's appendix table.</summary>
public abstract partial class StatsCommandTests(TestDatabase database) : CliTestBase(database)
{
    private static readonly string Appendix = Path.Combine(AppContext.BaseDirectory, "Forms", "thanh-hoa-dvcq-phu-luc-2018.json");

    /// <summary>Thanh Hóa, Nga Sơn with two communes, Hậu Lộc.</summary>
    private const string UnitsCsv = """
        code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors
        T,UBND tỉnh Thanh Hóa,tỉnh Thanh Hóa,Province,,,,,
        NS,UBND huyện Nga Sơn,huyện Nga Sơn,District,T,,,,
        NS01,UBND xã Nga Thái,xã Nga Thái,Commune,NS,,,,
        NS02,UBND xã Nga Liên,xã Nga Liên,Commune,NS,,,,
        HL,UBND huyện Hậu Lộc,huyện Hậu Lộc,District,T,,,,
        """;

    /// <summary>Nga Sơn's 2018 figures (reference 001) as its officer types them.</summary>
    private static readonly string[] NgaSon2018 =
    [
        "poorRate=3,43", "ntmScope=26/27", "ntmCommunes=15", "proceduresCut=77", "proceduresCutRate=38,5", "satisfactionUnits=20/28",
        "civilServantsCut=5", "publicEmployeesCut=9", "receptions=342", "receptionVisitors=390", "receptionsByChairman=17",
        "dialogues=02", "dialogueParticipants=02", "dialoguesByChairman=01", "petitionsEscalated=0", "petitionsResolved=10", "petitionsResolvedRate=100%",
    ];

    [GeneratedRegex("#([0-9]+)")]
    private static partial Regex PeriodId();

    private async Task<string> OpenNgaSon2018Async()
    {
        await RunOkAsync("units", "import", Write("units.csv", UnitsCsv));
        (await RunOkAsync("forms", "import", Appendix)).Out.ShouldContain("Imported thanh-hoa-dvcq-phu-luc v1");
        var opened = await RunOkAsync("forms", "periods", "open", "--form", "thanh-hoa-dvcq-phu-luc", "--year", "2018", "--scope", "NS", "--opens", "01/11/2018");
        opened.Out.ShouldContain("3 units owe the form.");
        opened.Out.ShouldContain("deadline District: 19/12/2018");
        return PeriodId().Match(opened.Out).Groups[1].Value;
    }

    [Fact]
    public async Task Should_enter_nga_sons_2018_appendix_and_print_the_appendix_rows()
    {
        var period = await OpenNgaSon2018Async();
        var set = await RunOkAsync(["stats", "set", "--period", period, "--unit", "NS", "--on", "2018-12-10", .. NgaSon2018]);
        set.Out.ShouldContain("Saved 17 values of NS");
        set.Out.ShouldContain("Check: ready to submit.");
        await RunOkAsync("stats", "confirm", "--period", period, "--unit", "NS", "--on", "2018-12-10");
        (await RunOkAsync("stats", "submit", "--period", period, "--unit", "NS", "--on", "2018-12-10")).Out.ShouldContain("Đã gửi, version 3, on time.");
        await RunOkAsync("stats", "accept", "--period", period, "--unit", "NS", "--on", "2018-12-12");

        var json = JsonNode.Parse((await RunOkAsync("stats", "aggregate", "--period", period, "--scope", "NS", "--json")).Out)!;
        var rows = json["sections"]!.AsArray().Select(s => s!["cells"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray()).ToArray();
        rows[0].ShouldBe(["3,43%", "26/27", "15", "57,7%"]); // 15/26 = 57,69…%: the source prints 57,6% (truncated); DanVan rounds half away from zero
        rows[1].ShouldBe(["77", "38,5%", "", "", "", "20/28"]);
        rows[2].ShouldBe(["5", "9", "", "", "", "", ""]);
        rows[3].ShouldBe(["342", "390", "17", "02", "02", "01", "0", "10", "100%"]);
        json["completeness"]!["ratio"]!.GetValue<string>().ShouldBe("1/3");

        var text = await RunOkAsync("stats", "aggregate", "--period", period);
        text.Out.ShouldContain("Scope NS UBND huyện Nga Sơn: 1/3 units submitted (33,3%), 1 on time (33,3%)");
        text.Out.Split('\n').ShouldContain(l => l.Contains("3,43%") && l.Contains("26/27") && l.Contains("57,7%"));
        text.Out.Split('\n').ShouldContain(l => l.Contains("342") && l.Contains("390") && l.Contains("02") && l.Contains("100%"));
        text.Out.ShouldContain("NS01  UBND xã Nga Thái");

        var show = await RunOkAsync("stats", "show", "--period", period, "--unit", "NS", "--json");
        var shown = JsonNode.Parse(show.Out)!;
        shown["status"]!.GetValue<string>().ShouldBe("Accepted");
        shown["values"]!["receptions"]!.GetValue<decimal>().ShouldBe(342m);
        shown["values"]!["satisfactionUnits"]!["N"]!.GetValue<decimal>().ShouldBe(28m);
        shown["computed"]!.AsObject().Select(x => x.Key).ShouldBe(["ntmRate"]);
    }

    [Fact]
    public async Task Should_refuse_a_broken_form_file_with_its_json_path_and_store_nothing()
    {
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Appendix, TestContext.Current.CancellationToken))!;
        broken["rules"]![0]!["expression"] = "ntmCommunes <= nowhere";
        var file = Write("hong.json", broken.ToJsonString());

        var validate = await RunAsync("forms", "validate", file);
        validate.Exit.ShouldBe(ExitCodes.Refused, validate.ToString());
        validate.Err.ShouldContain("error[forms.unknownIndicator]");
        validate.Err.ShouldContain("$.rules[0].expression");
        var import = await RunAsync("forms", "import", file);
        import.Exit.ShouldBe(ExitCodes.Refused, import.ToString());
        await using (var db = Db.NewContext()) (await db.Forms.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);

        (await RunOkAsync("forms", "validate", Appendix)).Out.ShouldContain("OK (thanh-hoa-dvcq-phu-luc v1, 28 indicators, 4 rules, 4 sections)");
        var period = await OpenNgaSon2018Async();
        var frozen = await RunAsync("forms", "import", Appendix);
        frozen.Exit.ShouldBe(ExitCodes.Refused);
        frozen.Err.ShouldContain("error[forms.versionFrozen]");
        var list = await RunOkAsync("forms", "list");
        list.Out.ShouldContain("thanh-hoa-dvcq-phu-luc");
        list.Out.ShouldContain("yes");
        var exported = Db.PathOf("xuat.json");
        await RunOkAsync("forms", "export", "thanh-hoa-dvcq-phu-luc", "--out", exported);
        FormDefinitionFile.Read(exported).IsValid.ShouldBeTrue();
        (await RunOkAsync("forms", "periods", "list")).Out.Split('\n').ShouldContain(l => l.TrimStart().StartsWith(period + " ", StringComparison.Ordinal) && l.Contains("thanh-hoa-dvcq-phu-luc@1"));
    }

    [Fact]
    public async Task Should_refuse_unreadable_values_block_submission_by_an_error_rule_and_a_warning_and_return_with_a_comment()
    {
        var period = await OpenNgaSon2018Async();
        var wrong = await RunAsync("stats", "set", "--period", period, "--unit", "NS01", "--on", "2018-12-10", "receptions=mười", "poorRate=120", "nope=1", "ntmScope");
        wrong.Exit.ShouldBe(ExitCodes.Refused, wrong.ToString());
        wrong.Err.ShouldContain("error[cli.notAssignment]");
        wrong = await RunAsync("stats", "set", "--period", period, "--unit", "NS01", "--on", "2018-12-10", "receptions=mười", "poorRate=120", "nope=1");
        wrong.Err.ShouldContain("error[forms.valueUnreadable]");
        wrong.Err.ShouldContain("error[forms.percentageRange]");
        wrong.Err.ShouldContain("error[forms.valueUnknownIndicator]");
        await using (var db = Db.NewContext()) (await db.FormValues.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);

        var set = await RunOkAsync("stats", "set", "--period", period, "--unit", "NS01", "--on", "2018-12-10",
            "poorRate=2,5", "ntmScope=1/1", "ntmCommunes=1", "receptions=12", "receptionVisitors=9", "receptionsByChairman=20");
        set.Out.ShouldContain("check[forms.ruleBroken]");
        await RunOkAsync("stats", "confirm", "--period", period, "--unit", "NS01", "--on", "2018-12-10");
        var blocked = await RunAsync("stats", "submit", "--period", period, "--unit", "NS01", "--on", "2018-12-10", "--lang", "en");
        blocked.Exit.ShouldBe(ExitCodes.Refused, blocked.ToString());
        blocked.Err.ShouldContain("error[forms.ruleBroken]");
        blocked.Err.ShouldContain("receptionsByChairman");
        blocked.Err.ShouldContain("error[forms.warningUnexplained]");

        await RunOkAsync("stats", "set", "--period", period, "--unit", "NS01", "--on", "2018-12-10", "receptionsByChairman=2",
            "--explain", "visitorsPerReception=Ba cuộc tiếp không có công dân đến");
        await RunOkAsync("stats", "confirm", "--period", period, "--unit", "NS01", "--on", "2018-12-10");
        (await RunOkAsync("stats", "submit", "--period", period, "--unit", "NS01", "--on", "2018-12-20")).Out.ShouldContain(", late.");
        var noComment = await RunAsync("stats", "return", "--period", period, "--unit", "NS01");
        noComment.Exit.ShouldBe(ExitCodes.Refused);
        noComment.Err.ShouldContain("error[forms.commentRequired]");
        (await RunOkAsync("stats", "return", "--period", period, "--unit", "NS01", "--comment", "Số lượt tiếp chưa khớp sổ")).Out.ShouldContain("Trả lại");
        var show = await RunOkAsync("stats", "show", "--period", period, "--unit", "NS01");
        show.Out.ShouldContain("returned: Số lượt tiếp chưa khớp sổ");
        show.Out.ShouldContain("explanation visitorsPerReception: Ba cuộc tiếp không có công dân đến");

        var outside = await RunAsync("stats", "show", "--period", period, "--unit", "HL");
        outside.Exit.ShouldBe(ExitCodes.Refused);
        outside.Err.ShouldContain("error[cli.unitOwesNoForm]");

        await using var check = Db.NewContext();
        var actions = await check.Audit.Where(a => a.SubjectType == nameof(FormReport)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        actions.ShouldBe(["form.save", "form.confirm", "form.save", "form.confirm", "form.submit", "form.return"]);
        (await check.Audit.Where(a => a.SubjectType == nameof(FormReport)).Select(a => a.User).Distinct().ToListAsync(TestContext.Current.CancellationToken)).ShouldBe(["cli"]);
    }
}

[Collection<SqliteCli>]
public sealed class SqliteStatsCommandTests(SqliteDatabase database) : StatsCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresStatsCommandTests(PostgresDatabase database) : StatsCommandTests(database);
