using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan demo, then compute on the demo province.</summary>
public abstract class DemoCommandTests(TestDatabase database) : CliTestBase(database)
{
    [Fact]
    public async Task Should_create_the_demo_province_then_compute_totals_and_class_counts_per_group()
    {
        var demo = await RunOkAsync("demo");
        demo.Out.ShouldContain("Created Tỉnh Quảng Bình (demo) (44): 248 units in 4 groups");
        demo.Out.ShouldContain("Period #1 2023: 195 assessments");
        demo.Out.ShouldContain("Period #2 2024: 195 assessments");
        demo.Err.ShouldContain("Kỳ đánh giá 2024: 195 đơn vị");

        var run = await RunOkAsync("compute", "--period", "2024");
        run.Out.ShouldContain("Kỳ đánh giá #2: Đánh giá, xếp loại công tác dân vận chính quyền năm 2024");
        run.Out.ShouldContain("Tổng hợp xếp loại theo khối");
        run.Out.ShouldMatch(@"Sở, ban, ngành cấp tỉnh\s+\d\d/22\s");
        run.Out.ShouldMatch(@"Đơn vị sự nghiệp công lập\s+\d\d/06\s");
        run.Out.ShouldMatch(@"UBND cấp huyện\s+\d\d/08\s");
        run.Out.ShouldMatch(@"UBND cấp xã\s+\d+/159\s");
        run.Out.ShouldContain("HTXS = Hoàn thành xuất sắc; HTT = Hoàn thành tốt; HT = Hoàn thành; KHT = Không hoàn thành");

        await using var db = Db.NewContext();
        var period = await db.Periods.SingleAsync(p => p.Year == 2024);
        var results = await PeriodResultsQuery.ComputeAsync(db, period.Id, TestContext.Current.CancellationToken);
        foreach (var u in results.Units.Where(u => u.Status == AssessmentStatus.Approved).Take(20))
            run.Out.ShouldMatch($@"{System.Text.RegularExpressions.Regex.Escape(u.Unit.Code)}\s+.*{System.Text.RegularExpressions.Regex.Escape(u.Final!.Total.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")))}\s+{u.Final.Band}");

        var again = await RunAsync("demo");
        again.Exit.ShouldBe(ExitCodes.Refused, again.ToString());
        again.Err.ShouldContain("error[demo.provinceExists]");
        again.Err.ShouldContain(" 44 ");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteDemoCommandTests(SqliteDatabase database) : DemoCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresDemoCommandTests(PostgresDatabase database) : DemoCommandTests(database);
