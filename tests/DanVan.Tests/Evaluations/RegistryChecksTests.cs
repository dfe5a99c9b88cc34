using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations;

/// <summary>The rule of criteria checked against the registries, on figures given directly.</summary>
public sealed class RegistryCheckRuleTests
{
    private static Criterion Levels(string id, RegistryLink link) => new()
    {
        Id = id, Name = "Thủ trưởng tiếp công dân định kỳ", MaxPoints = 10, Registry = link,
        Method = new()
        {
            Type = ScoringMethodType.Levels,
            Levels = [new() { Code = "A", Label = "Đủ", Points = 10 }, new() { Code = "B", Label = "Từ 50%", Points = 6 }, new() { Code = "C", Label = "Dưới 50%", Points = 2 }],
        },
    };

    private static CriteriaSet Set(params Criterion[] criteria) => new()
    {
        Id = "t", Name = "Thử", Decision = new() { Number = "1/QĐ" }, MaxPoints = criteria.Sum(c => c.MaxPoints), Criteria = criteria,
        Deductions = [new() { Id = "D", Name = "Đoàn đông người", MaxPoints = 6, Method = new() { Type = ScoringMethodType.Count, PointsEach = 3 }, Registry = new() { Figure = "receptions.delegations", TakeValue = true } }],
        Classification = new() { Bands = [new() { Code = "HT", Label = "Hoàn thành", Min = 0 }] },
    };

    private static readonly CriteriaSet Receptions = Set(
        Levels("1", new() { Figure = "receptions.periodic.byHead", AtLeast = 12 }),
        new() { Id = "2", Name = "Giải quyết đơn", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Points }, Registry = new() { Figure = "petitions.resolutionRate", AtLeast = 90 } },
        new() { Id = "3", Name = "Đối thoại", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Ratio, Target = 4 }, Registry = new() { Figure = "dialogues.held", TakeValue = true } },
        new() { Id = "4", Name = "Đơn quá hạn", MaxPoints = 5, Method = new() { Type = ScoringMethodType.Points }, Registry = new() { Figure = "petitions.overdue", AtMost = 0 } });

    private static Dictionary<string, IndicatorValue> Figures(int periodicByHead, decimal resolved = 45, decimal within = 50, int dialogues = 3, int overdue = 0, int delegations = 0) => new()
    {
        ["receptions.periodic.byHead"] = new NumberValue(periodicByHead),
        ["petitions.resolutionRate"] = new RatioValue(resolved, within),
        ["dialogues.held"] = new NumberValue(dialogues),
        ["petitions.overdue"] = new NumberValue(overdue),
        ["receptions.delegations"] = new NumberValue(delegations),
    };

    [Fact]
    public void Should_flag_full_points_when_the_reception_log_holds_3_of_12_periodic_receptions()
    {
        var report = RegistryChecks.Check(Receptions, Figures(3), [new ScoreEntry { CriterionId = "1", Level = "A" }]);

        var figure = report.For("1")!;
        figure.Phrase(RefusalText.Vietnamese).ShouldBe("3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì");
        figure.SupportedPoints.ShouldBe(2.5m);
        var contradiction = report.Contradictions.ShouldHaveSingleItem();
        (contradiction.Code, contradiction.Where.Criterion).ShouldBe(("contradiction.belowAtLeast", "1"));
        (contradiction.Args["figure"], contradiction.Args["expected"], contradiction.Args["found"]).ShouldBe(("receptions.periodic.byHead", 12m, 3m));
        RegistryChecks.Render(contradiction, RefusalText.Vietnamese)
            .ShouldBe("Tự chấm 10/10 nhưng sổ tiếp công dân ghi 3/12 buổi tiếp công dân định kỳ do người đứng đầu chủ trì.");
        RegistryChecks.Render(contradiction, RefusalText.English)
            .ShouldBe("Self-score 10/10 but the reception log records 3 of 12 periodic receptions chaired by the head.");
    }

    [Theory]
    [InlineData("C", 3)]   // 2 points, within 10 × 3/12
    [InlineData("A", 12)]  // the figure meets the expectation
    [InlineData("B", 8)]   // 6 points ≤ 10 × 8/12
    public void Should_not_flag_a_self_score_the_figure_supports(string level, int periodic)
    {
        RegistryChecks.Check(Receptions, Figures(periodic), [new ScoreEntry { CriterionId = "1", Level = level }]).Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void Should_check_a_rate_an_upper_bound_and_ignore_other_layers()
    {
        ScoreEntry[] entries =
        [
            new() { CriterionId = "2", Points = 10 },
            new() { CriterionId = "4", Points = 5 },
            new() { CriterionId = "1", Level = "A", Layer = ScoreLayer.Appraisal },
        ];

        var report = RegistryChecks.Check(Receptions, Figures(3, resolved: 40, within: 50, overdue: 2), entries);

        report.Contradictions.Select(c => c.Code).ShouldBe(["contradiction.rateBelowAtLeast", "contradiction.aboveAtMost"]);
        report.For("2")!.SupportedPoints.ShouldBe(8.89m);
        RegistryChecks.Render(report.Contradictions[0], RefusalText.Vietnamese)
            .ShouldBe("Tự chấm 10/10 nhưng sổ theo dõi đơn ghi tỷ lệ giải quyết đơn thuộc thẩm quyền 80% (yêu cầu từ 90%).");
        report.For("2")!.Phrase(RefusalText.Vietnamese).ShouldBe("tỷ lệ giải quyết đơn thuộc thẩm quyền 40/50 (80%)");
    }

    [Fact]
    public void Should_take_a_count_and_an_achieved_figure_from_the_registry()
    {
        var report = RegistryChecks.Check(Receptions, Figures(12, dialogues: 3, delegations: 1), []);

        report.For("3")!.Taken.ShouldBe(new CriterionValue { Achieved = 3 });
        report.For("D")!.Taken!.Count.ShouldBe(1);
        report.For("D")!.SupportedPoints.ShouldBe(3);
        report.Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void Should_flag_a_taken_value_the_registry_no_longer_holds()
    {
        // Taken when the log held no delegation; one was recorded since: the unit deducts less than the registry gives.
        var report = RegistryChecks.Check(Receptions, Figures(12, delegations: 1), [new ScoreEntry { CriterionId = "D", Count = 0 }]);

        var contradiction = report.Contradictions.ShouldHaveSingleItem();
        contradiction.Code.ShouldBe("contradiction.takenValueChanged");
        RegistryChecks.Render(contradiction, RefusalText.Vietnamese)
            .ShouldBe("Tự chấm 0/6 theo số liệu 0 lấy trước đây, nhưng sổ tiếp công dân nay ghi 1 đoàn đông người (3 điểm).");
    }

    [Fact]
    public void Should_not_check_a_rate_of_nothing()
    {
        RegistryChecks.Check(Receptions, Figures(12, resolved: 0, within: 0), [new ScoreEntry { CriterionId = "2", Points = 10 }])
            .Contradictions.ShouldBeEmpty();
    }

    [Fact]
    public void Should_word_every_contradiction_code_in_both_languages()
    {
        foreach (var code in new[] { "belowAtLeast", "rateBelowAtLeast", "aboveAtMost", "rateAboveAtMost", "expectedYes", "expectedNo", "takenValueChanged" })
            RefusalText.Knows("contradiction." + code).ShouldBeTrue(code);
        RefusalText.Knows("entry.takenFromRegistry").ShouldBeTrue();
    }
}

/// <summary>Registry checks on stored data: receptions recorded through the reception log, an assessment of set 01 of the demo.</summary>
[Collection<SqliteDb>]
public sealed class RegistryChecksTests(SqliteDatabase db) : IAsyncLifetime
{
    private static readonly DateTime At = new(2024, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = db;
    private EvaluationSetup _setup = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        _setup = await EvaluationSetup.CreateAsync(db);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Records a unit's receptions of a year through the reception log (on the 10th: inside the annual window 15/12–14/12): periodic ones chaired by the head, and delegations.</summary>
    internal static async Task RecordAsync(DanVanDbContext db, string unitCode, int periodicByHead, int delegations, int year = 2024)
    {
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var actor = new RegistryActor("vanthu", new DateTime(year, 12, 28, 2, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc, new PersonalDataProtector(new byte[32]));
        for (var i = 0; i < periodicByHead; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(year, i + 1, 10), Kind = "định kỳ", ByHead = true, ReceivedByName = "Nguyễn Văn A", ReceivedByPosition = "Giám đốc",
                VisitorCount = 1, Summary = "Kiến nghị về chế độ chính sách", MatterKind = "kiến nghị", Outcome = "giải thích",
            }, actor);
        for (var i = 0; i < delegations; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(year, 6, 10 + i), Kind = "đột xuất", ReceivedByName = "Trần Văn B", VisitorCount = 12, IsDelegation = true,
                Summary = "Khiếu nại về bồi thường giải phóng mặt bằng", MatterKind = "khiếu nại", Outcome = "tiếp nhận đơn",
            }, actor);
    }

    [Fact]
    public async Task Should_flag_an_over_score_and_take_the_delegations_from_the_reception_log()
    {
        await using var db = _db.NewContext();
        await RecordAsync(db, "A1", periodicByHead: 3, delegations: 1);
        await RecordAsync(db, "A1", periodicByHead: 12, delegations: 2, year: 2023); // another year: not counted
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period).SingleAsync(x => x.PeriodId == period.Id && x.Unit!.Code == "A1");
        AssessmentEntries.Set(db, a, _setup.Set, new EntryInput { CriterionId = "4.2", Level = "A" }, "canbo", At);

        RegistryChecks.TakeValues(db, a, _setup.Set, await RegistryChecks.FiguresAsync(db, a, _setup.Set), "canbo", At).ShouldBe(["D2"]);
        await db.SaveChangesAsync();

        a.Entries.Single(e => e.CriterionId == "D2").Count.ShouldBe(1);
        (await db.Audit.Where(x => x.AssessmentId == a.Id && x.CriterionId == "D2").Select(x => x.NewValue).SingleAsync()).ShouldBe("1 lần");
        var report = await RegistryChecks.CheckAsync(db, a, _setup.Set);
        report.For("4.2")!.Value.ShouldBe(new NumberValue(3));
        RegistryChecks.Render(report.Contradictions.ShouldHaveSingleItem(), RefusalText.Vietnamese)
            .ShouldBe("Tự chấm 5/5 nhưng sổ tiếp công dân ghi 3/12 buổi tiếp công dân định kỳ do người đứng đầu chủ trì.");
        RegistryChecks.TakeValues(db, a, _setup.Set, await RegistryChecks.FiguresAsync(db, a, _setup.Set), "canbo", At).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_refuse_a_typed_count_where_the_registry_gives_it_and_keep_the_taken_value_under_a_note()
    {
        await using var db = _db.NewContext();
        await RecordAsync(db, "A1", periodicByHead: 0, delegations: 2);
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period).SingleAsync(x => x.PeriodId == period.Id && x.Unit!.Code == "A1");

        var refused = Should.Throw<RefusedException>(() => AssessmentEntries.Set(db, a, _setup.Set, new EntryInput { CriterionId = "D2", Count = 0 }, "canbo", At));
        (refused.Code, refused.Refusals[0].Where.Field).ShouldBe(("entry.takenFromRegistry", "count"));
        await RegistryChecks.TakeValuesAsync(db, a, _setup.Set, "canbo", At);
        AssessmentEntries.Set(db, a, _setup.Set, new EntryInput { CriterionId = "D2", Note = "Hai đoàn cùng một vụ việc." }, "canbo", At);
        await db.SaveChangesAsync();

        var d2 = a.Entries.Single(e => e.CriterionId == "D2");
        (d2.Count, d2.Note).ShouldBe((2, "Hai đoàn cùng một vụ việc."));
        // The level above may still adjust it, with a reason.
        AssessmentEntries.CheckValue(_setup.Set, new EntryInput { CriterionId = "D2", Layer = ScoreLayer.Appraisal, Count = 1, Note = "Một đoàn ngoài thẩm quyền." }).ShouldBeEmpty();
    }
}
