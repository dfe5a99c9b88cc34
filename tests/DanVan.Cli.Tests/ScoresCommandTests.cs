using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan scores import|template, and compute on what was imported.</summary>
public abstract class ScoresCommandTests(TestDatabase database) : CliTestBase(database)
{
    private async Task SeedAsync(bool refuseLate = false)
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        await RunOkAsync("criteria", "import", Write("set01.json", Fixtures.CriteriaJson));
        (await RunOkAsync("units", "group", "so-ban-nganh", "--name", "Sở, ban, ngành cấp tỉnh", "--order", "1")).Out
            .ShouldMatch(@"1\s+so-ban-nganh\s+Sở, ban, ngành cấp tỉnh\s+2");
        await RunOkAsync(["periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", $"so-ban-nganh={Fixtures.CriteriaKey}", .. refuseLate ? new[] { "--refuse-late" } : []]);
    }

    private string ScoreFile(params string[] rows) =>
        Write("scores.csv", string.Join('\n', [Fixtures.ScoreHeader, .. rows]) + "\n");

    [Fact]
    public async Task Should_store_self_scores_as_a_draft_with_audit_lines()
    {
        await SeedAsync();
        var run = await RunOkAsync("scores", "import", ScoreFile(Fixtures.SelfRowsOfA1), "--period", "2024");
        // The 10 rows, and D2 taken from the (empty) reception log: 0 delegations.
        run.Out.ShouldContain("10 rows for 1 units, 11 entries changed");

        await using var db = Db.NewContext();
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Unit!.Code == "A1");
        a.Status.ShouldBe(AssessmentStatus.Draft);
        a.Entries.Count.ShouldBe(11);
        a.Entries.Single(e => e.CriterionId == "D2").Count.ShouldBe(0);
        a.Entries.Single(e => e.CriterionId == "2").Points.ShouldBe(13.5m);
        a.Entries.Single(e => e.CriterionId == "3").NotApplicable.ShouldBeTrue();
        a.Entries.Single(e => e.CriterionId == "1.2").Checked.ShouldBe("a,b,c");
        (await db.Audit.CountAsync(x => x.User == "cli" && x.Action == "entry.self")).ShouldBe(11);
    }

    [Fact]
    public async Task Should_submit_appraise_and_approve_in_one_import_and_compute_both_classes()
    {
        await SeedAsync();
        var file = ScoreFile([
            .. Fixtures.SelfRowsOfA1.Split('\n'),
            "A1,2,tham-dinh,10,,,,,,,Thiếu báo cáo tổng kết",
            "A2,2,self,10,,,,,,,",
        ]);
        var run = await RunOkAsync("scores", "import", file, "--period", "2024", "--scope", "P", "--approve", "--submitted-on", "2024-12-02");
        run.Out.ShouldContain("2 submitted (2 late), 1 appraised, 1 approved");

        await using (var db = Db.NewContext())
        {
            var a1 = await db.Assessments.SingleAsync(x => x.Unit!.Code == "A1");
            a1.Status.ShouldBe(AssessmentStatus.Approved);
            a1.IsLate.ShouldBeTrue();
            a1.SelfTotal.ShouldBe(92.06m);
            a1.SelfBand.ShouldBe("HTXS");
            a1.FinalTotal.ShouldBe(87.94m);
            a1.FinalBand.ShouldBe("HTT");
            (await db.Assessments.SingleAsync(x => x.Unit!.Code == "A2")).Status.ShouldBe(AssessmentStatus.Submitted);
            (await db.Audit.SingleAsync(x => x.Action == "entry.appraisal")).Reason.ShouldBe("Thiếu báo cáo tổng kết");
        }

        var table = await RunOkAsync("compute", "--period", "2024");
        table.Out.ShouldContain("Sở, ban, ngành cấp tỉnh (so-ban-nganh) — bộ tiêu chí demo-quang-binh-01 v1: 02/02 đơn vị đã đánh giá");
        table.Out.ShouldMatch(@"A1\s+Sở Nội vụ\s+Đã phê duyệt \(trễ hạn\)\s+92,06\s+HTXS\s+87,94\s+HTT");
        table.Out.ShouldMatch(@"A2\s+Sở Tư pháp\s+Đã nộp \(trễ hạn\)\s+10\s+KHT");
        table.Out.ShouldMatch(@"Sở, ban, ngành cấp tỉnh\s+02/02\s+1\s+2\s+kết quả\s+0\s+1 \(50%\)\s+0\s+1 \(50%\)");
        table.Out.ShouldMatch(@"tự nhận\s+1 \(50%\)\s+0\s+0\s+1 \(50%\)");

        var csv = await RunOkAsync("compute", "--period", "2024", "--format", "csv");
        csv.Out.ShouldStartWith("period_year,group,unit_code,unit_name,status,late,evaluated,self_total,self_band,final_total,final_band,reported_band");
        csv.Out.ShouldContain("2024,so-ban-nganh,A1,Sở Nội vụ,Approved,true,true,92.06,HTXS,87.94,HTT,HTT");

        // Regression: compute --format csv wrote a unit name starting with = raw (formula injection).
        await using (var db = Db.NewContext())
        {
            (await db.Units.SingleAsync(u => u.Code == "A2")).Name = "=1+2";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        (await RunOkAsync("compute", "--period", "2024", "--format", "csv")).Out.ShouldContain(",A2,'=1+2,");

        var json = await RunOkAsync("compute", "--period", "2024", "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        var group = doc.RootElement.GetProperty("groups")[0];
        group.GetProperty("evaluated").GetInt32().ShouldBe(2);
        group.GetProperty("units").GetInt32().ShouldBe(2);
        doc.RootElement.GetProperty("units")[0].GetProperty("final").GetProperty("band").GetString().ShouldBe("HTT");
    }

    [Theory]
    [InlineData("outside range", "A1,2,self,16,,,,,,,", "entry.outOfRange", "points", "16 is outside [0, 15] for criterion 2")]
    [InlineData("off step", "A1,2,self,\"7,25\",,,,,,,", "entry.offStep", "points", "7.25 is not a multiple of the step 0.5 for criterion 2")]
    [InlineData("unknown level", "A1,1.1,self,,Z,,,,,,", "entry.unknownLevel", "level", "Level 'Z' does not exist for criterion 1.1 (levels: A, B, C)")]
    [InlineData("unknown criterion", "A1,9.9,self,5,,,,,,,", "scores.criterionNotInSet", "criterion", "Criterion '9.9' is not in the criteria set")]
    [InlineData("unit not in period", "S1,2,self,5,,,,,,,", "scores.unitNotInPeriod", "unit_code", "Unit 'S1' (Trung tâm Phục vụ hành chính công) is not evaluated in the period")]
    [InlineData("unknown unit", "ZZ,2,self,5,,,,,,,", "scores.noUnit", "unit_code", "No unit 'ZZ'")]
    [InlineData("duplicate row", "A1,6,tu-danh-gia,5,,,,,,,", "scores.duplicateRow", "criterion", "Duplicate row: unit 'A1', criterion 6, layer self is also on row 3")]
    [InlineData("unparsable number", "A1,3.1,self,,,,9x5,,,,", "file.notANumber", "achieved", "'9x5' is not a number")]
    [InlineData("unknown layer", "A1,4.1,ban-dan-van,,,,95,,,,", "scores.unknownLayer", "layer", "Unknown layer 'ban-dan-van'")]
    [InlineData("unknown checklist item", "A1,7,self,,,a;z,,,,,", "entry.unknownItem", "checked", "Item 'z' does not exist for criterion 7")]
    [InlineData("not applicable refused", "A1,5,self,,,,,,,x,", "entry.alwaysApplies", "not_applicable", "Criterion 5 always applies")]
    [InlineData("count not whole", "A1,D1,self,,,,,,1.5,,", "file.notAWholeNumber", "count", "'1.5' is not a whole number")]
    [InlineData("appraisal of a draft", "A1,5,appraisal,10,,,,,,,Thiếu minh chứng", "scores.reviewNeedsSubmittedSubmitSelf", "layer", "The assessment of unit 'A1' is NotStarted; appraisal rows need a submitted assessment")]
    [InlineData("appraisal without reason", "A2,5,tham-dinh,10,,,,,,,", "entry.reasonRequired", "note", "An adjustment of criterion 5 needs a reason")]
    [InlineData("value of another method", "A1,2,self,10,5,,,,,,", "entry.wrongMethodField", "level", "Criterion 2 is scored by points; it takes no level")]
    public async Task Should_refuse_a_bad_row_with_its_row_and_column_and_store_nothing(string because, string bad, string code, string column, string expected)
    {
        await SeedAsync();
        var file = ScoreFile("A1,1.2,self,,,a,,,,,", "A1,6,self,\"7,5\",,,,,,,", "A1,4.1,self,,,,95.5,,,,", "A2,2,self,10,,,,,,,", bad);
        // Seeding is audited too (units, criteria, period): nothing more may be written by the refused import.
        int lines;
        await using (var before = Db.NewContext()) lines = await before.Audit.CountAsync();

        var run = await RunAsync(because == "appraisal without reason"
            ? ["scores", "import", file, "--period", "2024", "--submit", "--lang", "en"]
            : ["scores", "import", file, "--period", "2024", "--lang", "en"]);

        run.Exit.ShouldBe(ExitCodes.Refused, because + "\n" + run);
        run.Err.ShouldContain($"error[{code}] scores.csv, row 6, column {column}: ");
        run.Err.ShouldContain(expected);
        run.Err.ShouldContain("Refused: 1 problem; nothing was changed.");
        await using var db = Db.NewContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
        (await db.Audit.CountAsync()).ShouldBe(lines);
        (await db.Assessments.CountAsync(a => a.Status != AssessmentStatus.NotStarted)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_report_every_problem_of_a_file_at_once()
    {
        await SeedAsync();
        var run = await RunAsync("scores", "import", ScoreFile("A1,2,self,16,,,,,,,", "A1,1.1,self,,Z,,,,,,", "ZZ,2,self,5,,,,,,,", "A1,2,self,abc,,,,,,,"), "--period", "2024", "--lang", "en");
        run.Exit.ShouldBe(ExitCodes.Refused);
        run.Err.ShouldContain("scores.csv, row 2, column points");
        run.Err.ShouldContain("scores.csv, row 3, column level");
        run.Err.ShouldContain("scores.csv, row 4, column unit_code");
        run.Err.ShouldContain("scores.csv, row 5, column points");
        run.Err.ShouldContain("Refused: 4 problems");
    }

    [Fact]
    public async Task Should_refuse_a_late_submission_when_the_period_refuses_them()
    {
        await SeedAsync(refuseLate: true);
        var run = await RunAsync("scores", "import", ScoreFile("A2,2,self,10,,,,,,,"), "--period", "2024", "--submit", "--submitted-on", "2024-12-05", "--lang", "vi");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[submission.lateRefused] submitted_at: Đã quá hạn nộp 30/11/2024");
        await using var db = Db.NewContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_read_xlsx_and_write_a_template_that_imports_back()
    {
        await SeedAsync();
        await RunOkAsync("scores", "import", ScoreFile(Fixtures.SelfRowsOfA1), "--period", "2024");
        var template = Db.PathOf("template.xlsx");
        (await RunOkAsync("scores", "template", template, "--period", "2024")).Out.ShouldContain("Wrote 30 rows");

        // The template holds A1's values and blank rows for the rest (D2 is not typed: the reception log gives it);
        // imported back as it is, it changes nothing.
        var rows = ScoreList.ReadFile(template);
        rows.Count.ShouldBe(30);
        rows.ShouldNotContain(r => r.Criterion == "D2");
        rows.Single(r => r.UnitCode == "A1" && r.Criterion == "2").Points.ShouldBe("13,5");
        rows.Single(r => r.UnitCode == "A1" && r.Criterion == "3").NotApplicable.ShouldBe("x");
        (await RunOkAsync("scores", "import", template, "--period", "2024")).Out
            .ShouldContain("30 rows for 1 units, 0 entries changed, 20 blank rows skipped.");
    }

    [Fact]
    public async Task Should_refuse_an_unknown_period_and_name_the_existing_ones()
    {
        await SeedAsync();
        var run = await RunAsync("scores", "import", ScoreFile("A2,2,self,10,,,,,,,"), "--period", "2019");
        run.Exit.ShouldBe(ExitCodes.Refused);
        run.Err.ShouldContain("error[cli.noPeriod]");
        run.Err.ShouldContain("2024");
    }

    [Fact]
    public async Task Should_name_the_successor_of_a_unit_that_ended_before_the_period()
    {
        await SeedAsync();
        await RunOkAsync("criteria", "import", Write("set02.json", DanVan.Criteria.CriteriaSetFile.Serialize(DanVan.Demo.DemoCriteria.LocalGovernments())));
        await RunOkAsync("periods", "create", "--year", "2025", "--opens", "2025-11-01", "--deadline", "2025-11-30", "--group", "cap-xa=demo-quang-binh-02");
        var run = await RunAsync("scores", "import", ScoreFile("C1,5,self,10,,,,,,,", "X9,5,self,10,,,,,,,"), "--period", "2025", "--lang", "en");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("scores.csv, row 2, column unit_code: Unit 'C1' (UBND xã Kim Thủy) ended on 30/06/2025, before the period opened; its successors: X9.");
        run.Err.ShouldContain("Refused: 1 problem;");
    }

    [Fact]
    public async Task Should_refuse_an_unquoted_decimal_comma_rather_than_store_the_points_cut_short()
    {
        // Regression: "A1,2,self,10,5,..." stored points 10 and level "5" without a word.
        await SeedAsync();
        var file = ScoreFile("A2,2,self,10,,,,,,,", "A1,2,self,10,5,,,,,,,");

        var run = await RunAsync("scores", "import", file, "--period", "2024", "--lang", "en");

        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("error[file.fieldCount] scores.csv, row 3, column L: The row has 12 values but the header has 11 columns");
        await using var db = Db.NewContext();
        (await db.Entries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_read_numbers_the_Vietnamese_way_in_csv_and_xlsx()
    {
        await SeedAsync();
        // "7.554" is seven thousand five hundred fifty-four: refused as outside [0, 15], not read as 7.554.
        var run = await RunAsync("scores", "import", ScoreFile("A1,2,self,7.554,,,,,,,"), "--period", "2024", "--lang", "en");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("7554 is outside [0, 15]");

        var xlsx = Db.PathOf("scores.xlsx");
        await using (var stream = File.Create(xlsx))
            MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
            {
                new Dictionary<string, object?> { ["unit_code"] = "A1", ["criterion"] = "2", ["layer"] = "self", ["points"] = 7.5 },
                new Dictionary<string, object?> { ["unit_code"] = "A2", ["criterion"] = "2", ["layer"] = "self", ["points"] = "12,5" },
            });
        await RunOkAsync("scores", "import", xlsx, "--period", "2024");
        await using var db = Db.NewContext();
        (await db.Entries.Where(e => e.CriterionId == "2").OrderBy(e => e.Points).Select(e => e.Points).ToListAsync()).ShouldBe([7.5m, 12.5m]);
    }

    [Fact]
    public async Task Should_read_a_sheet_with_the_column_names_in_vietnamese()
    {
        await SeedAsync();
        var file = Write("diem.csv", "Mã đơn vị,Tiêu chí,Lớp điểm,Điểm,Ghi chú\nA1,2,tự đánh giá,\"7,5\",Theo biên bản họp\nA2,2,tự đánh giá,12,\n");
        await RunOkAsync("scores", "import", file, "--period", "2024");
        await using var db = Db.NewContext();
        (await db.Entries.Where(e => e.CriterionId == "2").OrderBy(e => e.Points).Select(e => e.Points).ToListAsync()).ShouldBe([7.5m, 12m]);
        (await db.Entries.SingleAsync(e => e.CriterionId == "2" && e.Points == 7.5m)).Note.ShouldBe("Theo biên bản họp");

        // A problem points at the sheet's own header, not at the import's name for it.
        var bad = Write("diem-sai.csv", "Mã đơn vị,Tiêu chí,Lớp điểm,Điểm\nA1,2,tự đánh giá,99\n");
        var run = await RunAsync("scores", "import", bad, "--period", "2024");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain("diem-sai.csv, dòng 2, cột Điểm:");
    }

    [Fact]
    public async Task Should_accept_both_decimal_separators()
    {
        await SeedAsync();
        await RunOkAsync("scores", "import", ScoreFile("A1,2,self,\"7,5\",,,,,,,", "A2,2,self,7.5,,,,,,,"), "--period", "2024");
        await using var db = Db.NewContext();
        (await db.Entries.Where(e => e.CriterionId == "2" && e.Layer == ScoreLayer.Self).Select(e => e.Points).ToListAsync())
            .ShouldBe([7.5m, 7.5m]);
    }

    [Fact]
    public async Task Should_take_the_delegations_from_the_reception_log_refuse_a_typed_count_and_list_the_contradictions()
    {
        await SeedAsync();
        await using (var db = Db.NewContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "A1");
            var actor = new DanVan.Registries.RegistryActor("vanthu", new DateTime(2024, 12, 1, 2, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc,
                new DanVan.Registries.PersonalDataProtector(new byte[32]));
            foreach (var (month, kind, byHead, count) in new[] { (1, "định kỳ", true, 2), (2, "định kỳ", true, 2), (3, "định kỳ", true, 2), (6, "đột xuất", false, 20) })
                await DanVan.Registries.ReceptionLog.RecordAsync(db, unit, new DanVan.Registries.ReceptionInput
                {
                    ReceivedOn = new DateOnly(2024, month, 10), Kind = kind, ByHead = byHead, ReceivedByName = "Giám đốc Sở", VisitorCount = count,
                    IsDelegation = count >= 20, Summary = "Kiến nghị về chính sách", MatterKind = "kiến nghị", Outcome = "giải thích",
                }, actor);
        }

        var typed = await RunAsync("scores", "import", ScoreFile("A1,D2,self,,,,,,0,,"), "--period", "2024");
        typed.Exit.ShouldBe(ExitCodes.Refused);
        typed.Err.ShouldContain("Tiêu chí D2 lấy giá trị từ sổ (receptions.delegations); không nhập tay.");

        await RunOkAsync("scores", "import", ScoreFile(Fixtures.SelfRowsOfA1), "--period", "2024");
        await using (var db = Db.NewContext())
            (await db.Entries.SingleAsync(e => e.CriterionId == "D2" && e.Layer == ScoreLayer.Self)).Count.ShouldBe(1);

        var run = await RunOkAsync("scores", "check", "--period", "2024", "--unit", "A1");
        run.Out.ShouldContain("A1 Sở Nội vụ");
        run.Out.ShouldContain("3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì");
        run.Out.ShouldContain("Chưa khớp: Tự chấm 5/5 nhưng sổ tiếp công dân ghi 3/12 buổi tiếp công dân định kỳ do người đứng đầu chủ trì.");
        run.Out.ShouldContain("1 đoàn đông người");
        run.Out.ShouldContain("lấy giá trị từ sổ: 1");
        run.Out.ShouldContain("1 đơn vị có tiêu chí đối chiếu với sổ, 1 điểm tự chấm chưa khớp.");
        (await RunAsync("scores", "check", "--period", "2024", "--unit", "ZZ")).Exit.ShouldBe(ExitCodes.Refused);
    }
}

[Collection<SqliteCli>]
public sealed class SqliteScoresCommandTests(SqliteDatabase database) : ScoresCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresScoresCommandTests(PostgresDatabase database) : ScoresCommandTests(database);
