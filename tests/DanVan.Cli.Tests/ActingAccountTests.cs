using DanVan.Criteria;
using DanVan.Demo;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>--as USER: the CLI acts as an account of the one permission model (its roles and scope decide, audit lines name it);
/// without it, as the server's operator "cli", a system administrator.</summary>
public abstract class ActingAccountTests(TestDatabase database) : CliTestBase(database)
{
    private const string Password = "KhoiDau@2026";

    /// <summary>The fixture's province with a second district.</summary>
    private static readonly string UnitsCsv = Fixtures.UnitsCsv + "\nD2,UBND huyện Minh Hóa,huyện Minh Hóa,District,P,cap-huyen,,,\n";

    // Units, both demo criteria sets and three accounts, all by the operator (no --as): a district coordinator, a provincial viewer, a unit user.
    private async Task SeedAsync()
    {
        await RunOkAsync("units", "import", Write("units.csv", UnitsCsv));
        await RunOkAsync("criteria", "import", Write("set01.json", Fixtures.CriteriaJson),
            Write("set02.json", CriteriaSetFile.Serialize(DemoCriteria.LocalGovernments())));
        await RunOkAsync("accounts", "create", "huyen", "--full-name", "Cán bộ tổng hợp huyện", "--role", "coordinator", "--scope", "D1", "--password", Password);
        await RunOkAsync("accounts", "create", "xem", "--full-name", "Lãnh đạo (xem)", "--role", "viewer", "--scope", "P", "--password", Password);
        await RunOkAsync("accounts", "create", "canbo", "--full-name", "Cán bộ Sở Nội vụ", "--role", "unit-user", "--scope", "A1", "--password", Password);
    }

    private static string[] OpenPeriod(string scope, string year, string group) =>
        ["periods", "create", "--year", year, "--scope", scope, "--opens", $"{year}-11-01", "--deadline", $"{year}-11-30", "--group", group];

    [Fact]
    public async Task Should_let_a_district_coordinator_open_its_own_district_only_and_audit_it_in_its_name()
    {
        await SeedAsync();
        var local = $"cap-xa={DemoCriteria.LocalKey}";
        (await RunOkAsync(["--as", "huyen", .. OpenPeriod("D1", "2024", local)])).Out.ShouldContain("cap-xa: 2 units");

        // The province and the other district are outside its scope: refused exactly as a unit that does not exist.
        var province = await RunAsync(["--as", "huyen", "--lang", "en", .. OpenPeriod("P", "2025", $"so-ban-nganh={Fixtures.CriteriaKey}")]);
        province.Exit.ShouldBe(ExitCodes.Refused, province.ToString());
        province.Err.ShouldContain("error[cli.unknownUnit] --scope: There is no unit 'P'");
        var other = await RunAsync(["--as", "huyen", "--lang", "en", .. OpenPeriod("D2", "2025", "cap-huyen=" + DemoCriteria.LocalKey)]);
        other.Exit.ShouldBe(ExitCodes.Refused, other.ToString());
        var missing = await RunAsync(["--as", "huyen", "--lang", "en", .. OpenPeriod("ZZ", "2025", "cap-huyen=" + DemoCriteria.LocalKey)]);
        other.Err.Replace("D2", "ZZ").ShouldBe(missing.Err);

        // Listing shows what the account reads: its district and communes, not the province's agencies.
        var units = await RunOkAsync("--as", "huyen", "units", "list");
        units.Out.ShouldContain("C1");
        units.Out.ShouldNotContain("A1");
        units.Out.ShouldContain("3 units.");

        // Without --as: the operator, as before.
        await RunOkAsync(OpenPeriod("P", "2025", $"so-ban-nganh={Fixtures.CriteriaKey}"));
        (await RunOkAsync("--as", "huyen", "periods", "list")).Out.ShouldContain("1 periods.");

        await using var db = Db.NewContext();
        (await db.Periods.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(2);
        var opened = await db.Audit.Where(a => a.Action == "period.open").OrderBy(a => a.Id).Select(a => a.User).ToListAsync(TestContext.Current.CancellationToken);
        opened.ShouldBe(["huyen", "cli"]);
        (await db.Audit.Where(a => a.SubjectType == "AppUser").Select(a => a.User).Distinct().ToListAsync(TestContext.Current.CancellationToken)).ShouldBe(["cli"]);
    }

    [Fact]
    public async Task Should_refuse_a_viewer_a_write_and_let_a_unit_user_score_only_its_own_self_assessment()
    {
        await SeedAsync();
        await using var db = Db.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var audit = await db.Audit.CountAsync(ct);

        // A viewer reads the province but may not open a period there: forbidden, nothing written.
        var viewer = await RunAsync(["--as", "xem", "--lang", "vi", .. OpenPeriod("P", "2024", $"so-ban-nganh={Fixtures.CriteriaKey}")]);
        viewer.Exit.ShouldBe(ExitCodes.Refused, viewer.ToString());
        viewer.Err.ShouldContain("error[cli.forbidden] --as: Tài khoản 'xem' không có quyền thực hiện việc này ở đây (evaluations.openPeriod).");
        var import = await RunAsync("--as", "xem", "units", "import", Write("more.csv", "code,name,kind,parent_code\nA3,Sở Y tế,ProvincialAgency,P\n"));
        import.Exit.ShouldBe(ExitCodes.Refused, import.ToString());
        import.Err.ShouldContain("error[cli.forbidden]");
        // It reads the registries, masked; citizens in full need registries.readPersonal: forbidden, no file, no read logged.
        var personal = await RunAsync("--as", "xem", "registries", "export", "--unit", "P", "--personal", "--out", Db.PathOf("so.csv"));
        personal.Exit.ShouldBe(ExitCodes.Refused, personal.ToString());
        personal.Err.ShouldContain("registries.readPersonal");
        File.Exists(Db.PathOf("so.csv")).ShouldBeFalse();
        (await db.Periods.CountAsync(ct)).ShouldBe(0);
        (await db.Units.CountAsync(ct)).ShouldBe(9);
        (await db.Audit.CountAsync(ct)).ShouldBe(audit);

        // A unit user enters its own unit's self-assessment, audited in its name; another unit's row, or an appraisal, is refused.
        await RunOkAsync(OpenPeriod("P", "2024", $"so-ban-nganh={Fixtures.CriteriaKey}"));
        var header = Fixtures.ScoreHeader + "\n";
        var others = await RunAsync("--as", "canbo", "scores", "import", Write("a2.csv", header + "A2,2,self,10,,,,,,,\n"), "--period", "2024");
        others.Exit.ShouldBe(ExitCodes.Refused, others.ToString());
        others.Err.ShouldContain("error[scores.noUnit]");
        var appraisal = await RunAsync("--as", "canbo", "scores", "import", Write("td.csv", header + "A1,2,appraisal,10,,,,,,,Theo biên bản\n"), "--period", "2024");
        appraisal.Exit.ShouldBe(ExitCodes.Refused, appraisal.ToString());
        appraisal.Err.ShouldContain("error[cli.forbidden]");
        appraisal.Err.ShouldContain("evaluations.appraise");
        (await db.Audit.CountAsync(a => a.Action.StartsWith("entry."), ct)).ShouldBe(0);

        await RunOkAsync("--as", "canbo", "scores", "import", Write("self.csv", header + Fixtures.SelfRowsOfA1 + "\n"), "--period", "2024");
        var users = await db.Audit.Where(a => a.Action == "entry.self").Select(a => a.User).Distinct().ToListAsync(ct);
        users.ShouldBe(["canbo"]);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_or_locked_account_before_anything_runs()
    {
        await SeedAsync();
        var unknown = await RunAsync("--as", "khongco", "--lang", "vi", "units", "list");
        unknown.Exit.ShouldBe(ExitCodes.Refused, unknown.ToString());
        unknown.Err.ShouldContain("error[cli.unknownUser] --as: Không có tài khoản 'khongco'");
        unknown.Out.ShouldBeEmpty();

        await RunOkAsync("accounts", "lock", "huyen");
        var locked = await RunAsync(["--as", "huyen", "--lang", "en", .. OpenPeriod("D1", "2024", $"cap-xa={DemoCriteria.LocalKey}")]);
        locked.Exit.ShouldBe(ExitCodes.Refused, locked.ToString());
        locked.Err.ShouldContain("error[cli.accountLocked] --as: The account 'huyen' is locked");

        // Accounts administration asks accounts.admin: a coordinator is forbidden, even about itself.
        await RunOkAsync("accounts", "unlock", "huyen");
        var admin = await RunAsync("--as", "huyen", "accounts", "unlock", "huyen");
        admin.Exit.ShouldBe(ExitCodes.Refused, admin.ToString());
        admin.Err.ShouldContain("error[cli.forbidden]");

        await using var db = Db.NewContext();
        (await db.Periods.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}

[Collection<SqliteCli>]
public sealed class SqliteActingAccountTests(SqliteDatabase database) : ActingAccountTests(database);

[Collection<PostgresCli>]
public sealed class PostgresActingAccountTests(PostgresDatabase database) : ActingAccountTests(database);
