using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan simulate: the demo's past period re-scored under a second criteria set, and its refusals.</summary>
public abstract class SimulateCommandTests(TestDatabase database) : CliTestBase(database)
{
    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "criteria"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "samples", "criteria", name);
    }

    private async Task<(int Entries, int Audit, string Bands)> StoredAsync()
    {
        await using var db = Db.NewContext();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Entries.CountAsync(ct), await db.Audit.CountAsync(ct),
            string.Join(",", await db.Assessments.OrderBy(a => a.Id).Select(a => a.FinalBand ?? "-").ToListAsync(ct)));
    }

    [Fact]
    public async Task Should_simulate_the_demos_past_period_under_quang_binhs_local_set_and_write_xlsx()
    {
        await RunOkAsync("demo");
        var before = await StoredAsync();
        var xlsx = Db.PathOf("mo-phong.xlsx");

        var run = await RunOkAsync("simulate", "--period", "2023", "--scope", "44", "--criteria", Sample("quang-binh-3140-2022-02.json"), "--out", xlsx);

        run.Out.ShouldStartWith("Mô phỏng: Đánh giá, xếp loại công tác dân vận chính quyền năm 2023 — phạm vi Tỉnh Quảng Bình (demo)");
        run.Out.ShouldContain("Dự thảo: Bộ tiêu chí 02: đánh giá công tác dân vận của chính quyền cấp huyện, cấp xã (3140/QĐ-UBND)");
        run.Out.ShouldContain("Không ghi gì vào cơ sở dữ liệu.");
        // Set 02 is for local governments: the agencies are not simulated.
        run.Out.ShouldContain("Dự thảo không áp dụng cho: Sở, ban, ngành");
        run.Out.ShouldContain("UBND cấp xã (cap-xa):");
        run.Out.ShouldContain("Tiêu chí mới chưa có số liệu:");
        run.Out.ShouldContain($"Wrote {xlsx}.");
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(xlsx);
        sheets.ShouldBe(["Phân bố xếp loại", "Đơn vị đổi loại", "Tiêu chí không ánh xạ", "Cách chuyển điểm"]);
        (await StoredAsync()).ShouldBe(before, "a simulation writes nothing");

        // By the period's id, within a district.
        int id;
        await using (var db = Db.NewContext()) id = await db.Periods.Where(p => p.Year == 2023).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
        run = await RunOkAsync("simulate", "--period", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scope", "450", "--criteria", Sample("quang-binh-3140-2022-02.json"));
        run.Out.ShouldContain("— phạm vi ");
        run.Out.ShouldNotContain("Wrote ");
    }

    [Fact]
    public async Task Should_refuse_a_mapping_row_naming_an_unknown_criterion_and_a_draft_breaking_the_format()
    {
        await RunOkAsync("demo");
        var map = Write("map.csv", "old,new\n1,1\n99,2\n");
        var run = await RunAsync("simulate", "--period", "2023", "--scope", "44", "--criteria", Sample("quang-binh-3140-2022-02.json"), "--map", map);
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[simulation.mapping.unknownOld]");
        run.Err.ShouldContain("map.csv");

        var broken = Write("du-thao.json", (await File.ReadAllTextAsync(Sample("quang-binh-du-thao-2019.json"), TestContext.Current.CancellationToken))
            .Replace("\"maxPoints\": 100", "\"maxPoints\": 90", StringComparison.Ordinal));
        run = await RunAsync("simulate", "--period", "2023", "--scope", "44", "--criteria", broken);
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("$.maxPoints");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteSimulateCommandTests(SqliteDatabase database) : SimulateCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresSimulateCommandTests(PostgresDatabase database) : SimulateCommandTests(database);
