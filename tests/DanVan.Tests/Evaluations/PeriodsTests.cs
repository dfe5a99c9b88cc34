using DanVan.Refusals;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Periods;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations;

[Collection<SqliteDb>]
public sealed class PeriodsTests(SqliteDatabase db) : IAsyncLifetime
{
    private readonly TestDatabase _db = db;
    private EvaluationSetup _setup = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        _setup = await EvaluationSetup.CreateAsync(db);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Should_open_a_period_with_one_assessment_per_unit_valid_on_the_opening_day()
    {
        await using var db = _db.NewContext();
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");

        await using var read = _db.NewContext();
        var codes = await read.Assessments.Where(a => a.PeriodId == period.Id).Select(a => a.Unit!.Code).OrderBy(c => c).ToListAsync();
        codes.ShouldBe(["A1", "A2"]);
        (await read.Audit.SingleAsync(a => a.SubjectType == "EvaluationPeriod")).Action.ShouldBe("period.open");
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "year", "period.year" },
        { "name", "period.nameRequired" },
        { "deadline", "period.deadlineBeforeOpening" },
        { "groups", "period.noGroups" },
        { "groups twice", "period.groupTwice" },
        { "scopeUnitId", "period.unknownUnit" },
        { "groups[0]", "period.unknownGroup" },
        { "groups[0] set", "period.unknownCriteriaSet" },
        { "groups[0] applies", "period.setNotForGroup" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Should_refuse_a_request_with_a_located_problem_and_store_nothing(string what, string code)
    {
        var ok = _setup.Request();
        var request = what switch
        {
            "year" => ok with { Year = 1999 },
            "name" => ok with { Name = "  " },
            "deadline" => ok with { Deadline = ok.OpensOn.AddDays(-1) },
            "groups" => ok with { Groups = [] },
            "groups twice" => ok with { Groups = [.. ok.Groups, .. ok.Groups] },
            "scopeUnitId" => ok with { ScopeUnitId = 9999 },
            "groups[0]" => ok with { Groups = [new(9999, _setup.SetId)] },
            "groups[0] set" => ok with { Groups = [new(_setup.GroupId, 9999)] },
            _ => ok with { Groups = [new(_setup.OtherGroupId, _setup.SetId)] },
        };

        await using var db = _db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() => DanVan.Evaluations.Periods.OpenAsync(db, request, "test"));
        ex.Refusals.ShouldContain(r => r.Where.Key == what.Split(' ')[0] && r.Code == code, ex.Message);

        await using var read = _db.NewContext();
        (await read.Periods.CountAsync()).ShouldBe(0);
        (await read.Assessments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_second_period_of_the_same_year_scope_and_group()
    {
        await using (var db = _db.NewContext()) await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        await using (var db = _db.NewContext())
        {
            var ex = await Should.ThrowAsync<RefusedException>(() => DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request() with { Name = "Lần 2" }, "test"));
            var refusal = ex.Refusals.ShouldHaveSingleItem();
            refusal.Code.ShouldBe("period.groupsTaken");
            RefusalText.Render(refusal, RefusalText.English).ShouldBe("The period \"Năm 2024\" of 2024 already evaluates one of these groups.");
            RefusalText.Render(refusal, RefusalText.Vietnamese).ShouldBe("Kỳ \"Năm 2024\" năm 2024 đã đánh giá một trong các nhóm này.");
            await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(2025), "test");
        }
        await using var read = _db.NewContext();
        (await read.Periods.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Should_store_the_reporting_period_and_tell_a_quarter_apart_from_the_year()
    {
        await using (var db = _db.NewContext()) await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        await using (var db = _db.NewContext())
        {
            var quarter = _setup.Request() with { Name = "Quý IV", Kind = PeriodKind.Quarter, Number = 4 };
            await DanVan.Evaluations.Periods.OpenAsync(db, quarter, "test");
            var again = await Should.ThrowAsync<RefusedException>(() => DanVan.Evaluations.Periods.OpenAsync(db, quarter with { Name = "Lần 2" }, "test"));
            again.Refusals.ShouldHaveSingleItem().Where.Key.ShouldBe("groups");
            var wrong = await Should.ThrowAsync<RefusedException>(() => DanVan.Evaluations.Periods.OpenAsync(db, quarter with { Number = 5 }, "test"));
            wrong.Refusals.ShouldContain(r => r.Where.Key == "number");
        }

        await using var read = _db.NewContext();
        var periods = await read.Periods.OrderBy(p => p.Id).ToListAsync();
        periods.Select(p => p.Reporting).ShouldBe([ReportingPeriod.Annual(2024), ReportingPeriod.Of(PeriodKind.Quarter, 2024, 4)]);
        (periods[1].WindowFrom, periods[1].WindowTo).ShouldBe((new DateOnly(2024, 9, 15), new DateOnly(2024, 12, 14)));
    }

    [Fact]
    public async Task Should_judge_a_submission_by_the_deadline_of_its_unit_level()
    {
        await using var db = _db.NewContext();
        var request = _setup.Request() with { LevelDeadlines = [new LevelDeadline(DanVan.OrgUnits.OrgUnitKind.ProvincialAgency, new DateOnly(2024, 11, 20))] };
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, request, "test");
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).SingleAsync(x => x.PeriodId == period.Id && x.Unit!.Code == "A1");
        var at = new DateTime(2024, 11, 25, 2, 0, 0, DateTimeKind.Utc);
        AssessmentWorkflow.Confirm(db, a, "thutruong", at);
        AssessmentWorkflow.Submit(db, a, period, _setup.Set, "canbo", at);
        a.IsLate.ShouldBeTrue("an agency's deadline is 20/11, before the general one of 30/11");
        await db.SaveChangesAsync();

        await using var read = _db.NewContext();
        var stored = await read.Periods.SingleAsync(p => p.Id == period.Id);
        stored.DeadlineFor(DanVan.OrgUnits.OrgUnitKind.ProvincialAgency).ShouldBe(new DateOnly(2024, 11, 20));
        stored.DeadlineFor(DanVan.OrgUnits.OrgUnitKind.Commune).ShouldBe(new DateOnly(2024, 11, 30));
    }

    [Fact]
    public async Task Should_freeze_the_criteria_set_it_uses()
    {
        await using var db = _db.NewContext();
        (await DanVan.Criteria.CriteriaSetStore.IsFrozenAsync(db, _setup.SetId)).ShouldBeFalse();
        await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        (await DanVan.Criteria.CriteriaSetStore.IsFrozenAsync(db, _setup.SetId)).ShouldBeTrue();
        var (stored, outcome) = await DanVan.Criteria.CriteriaSetStore.ImportAsync(db, _setup.Set with { Name = "Sửa" });
        outcome.ShouldBe(DanVan.Criteria.CriteriaImportOutcome.NewVersion);
        stored.Version.ShouldBe(2);
    }
}
