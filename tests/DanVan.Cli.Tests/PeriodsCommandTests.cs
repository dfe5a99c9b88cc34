using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan periods create|list.</summary>
public abstract class PeriodsCommandTests(TestDatabase database) : CliTestBase(database)
{
    private async Task SeedAsync()
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        await RunOkAsync("criteria", "import", Write("set01.json", Fixtures.CriteriaJson));
    }

    [Fact]
    public async Task Should_open_a_period_with_one_assessment_per_unit_of_its_groups()
    {
        await SeedAsync();
        var run = await RunOkAsync("periods", "create", "--year", "2024", "--name", "Đánh giá năm 2024", "--scope", "P",
            "--opens", "01/11/2024", "--deadline", "2024-11-30", "--refuse-late",
            "--group", $"so-ban-nganh={Fixtures.CriteriaKey}@1", $"dvsn={Fixtures.CriteriaKey}");

        run.Out.ShouldContain("Opened period #");
        run.Out.ShouldContain("deadline 30/11/2024, late submissions refused");
        run.Out.ShouldContain($"so-ban-nganh: 2 units, criteria {Fixtures.CriteriaKey} v1");
        run.Out.ShouldContain("dvsn: 1 units");
        await using var db = Db.NewContext();
        var period = await db.Periods.Include(p => p.Assessments).SingleAsync();
        period.AcceptLate.ShouldBeFalse();
        period.Assessments.Count.ShouldBe(3);
        period.Assessments.ShouldAllBe(a => a.Status == AssessmentStatus.NotStarted);

        var list = await RunOkAsync("periods", "list");
        list.Out.ShouldContain("Đánh giá năm 2024");
        list.Out.ShouldContain($"so-ban-nganh={Fixtures.CriteriaKey}@1");
    }

    [Fact]
    public async Task Should_set_a_reconsideration_window_refuse_one_out_of_range_and_list_the_requests()
    {
        await SeedAsync();
        await RunOkAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30");
        (await RunOkAsync("periods", "reconsideration", "--period", "2024")).Out.ShouldContain("no reconsideration");
        var refused = await RunAsync("periods", "reconsideration", "--period", "2024", "--days", "0");
        refused.Exit.ShouldBe(ExitCodes.Refused, refused.ToString());
        refused.Err.ShouldContain("error[reconsideration.windowDays]");
        var set = await RunOkAsync("periods", "reconsideration", "--period", "2024", "--days", "15");
        set.Out.ShouldContain("a unit may contest its result until 15 days after its publication");
        await using var db = Db.NewContext();
        (await db.Periods.SingleAsync()).ReconsiderationDays.ShouldBe(15);
        (await db.Audit.SingleAsync(a => a.Action == "period.reconsiderationWindow")).NewValue.ShouldBe("15 ngày");
        (await RunOkAsync("periods", "reconsideration", "--period", "2024", "--no-window")).Out.ShouldContain("no reconsideration");
    }

    [Fact]
    public async Task Should_default_the_scope_to_the_province_and_the_groups_to_the_sets_appliesTo()
    {
        await SeedAsync();
        var run = await RunOkAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30");
        run.Out.ShouldContain("scope P Tỉnh Thử Nghiệm");
        run.Out.ShouldContain("so-ban-nganh: 2 units");
        run.Out.ShouldContain("dvsn: 1 units");
        run.Out.ShouldContain("3 assessments in all");
    }

    [Fact]
    public async Task Should_refuse_unknown_groups_and_sets_and_a_second_period_for_the_same_groups()
    {
        await SeedAsync();
        var run = await RunAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", "khoi-la=" + Fixtures.CriteriaKey, "--group", "dvsn=bo-la@3");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[cli.unknownGroup]");
        run.Err.ShouldContain("'khoi-la'");
        run.Err.ShouldContain("error[cli.unknownCriteriaSetVersion]");
        run.Err.ShouldContain("'bo-la'");

        await RunOkAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", $"dvsn={Fixtures.CriteriaKey}");
        var clash = await RunAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", $"dvsn={Fixtures.CriteriaKey}");
        clash.Exit.ShouldBe(ExitCodes.Refused, clash.ToString());
        clash.Err.ShouldContain("error[period.groupsTaken]");

        var wrongGroup = await RunAsync("periods", "create", "--year", "2025", "--opens", "2025-11-01", "--deadline", "2025-11-30",
            "--group", $"cap-xa={Fixtures.CriteriaKey}");
        wrongGroup.Exit.ShouldBe(ExitCodes.Refused, wrongGroup.ToString());
        wrongGroup.Err.ShouldContain("error[period.setNotForGroup]");
        wrongGroup.Err.ShouldContain("so-ban-nganh, dvsn");
    }
}

[Collection<SqliteCli>]
public sealed class SqlitePeriodsCommandTests(SqliteDatabase database) : PeriodsCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresPeriodsCommandTests(PostgresDatabase database) : PeriodsCommandTests(database);
