using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
using DanVan.Evaluations.Scoring;

namespace DanVan.Tests.Evaluations;

/// <summary>The rules of a reconsideration (phúc tra) that need no database: the window in the province's days, who may
/// contest what, and the contested items refused at their JSON path.</summary>
public sealed class ReconsiderationRulesTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    private static EvaluationPeriod Period(int? days) => new() { Name = "Đánh giá năm 2024", ReconsiderationDays = days };

    // Approved at 17:30 UTC on 10 January 2025: already 11 January in Vietnam.
    private static Assessment Approved()
    {
        var a = new Assessment();
        a.Confirm("headA", new DateTime(2025, 1, 5, 2, 0, 0, DateTimeKind.Utc));
        a.Submit(new DateTime(2025, 1, 5, 2, 0, 0, DateTimeKind.Utc), late: false);
        a.Approve(ScoringEngine.Compute(TestWorld.Set(), new ScoringInput { Entries = [] }), new DateTime(2025, 1, 10, 17, 30, 0, DateTimeKind.Utc));
        return a;
    }

    [Fact]
    public void Should_count_the_window_in_days_of_the_province_from_the_day_of_publication()
    {
        var a = Approved();
        Reconsiderations.LastDay(a, Period(10), Vietnam).ShouldBe(new DateOnly(2025, 1, 21));
        Reconsiderations.LastDay(a, Period(null), Vietnam).ShouldBeNull();
        // 23:30 on the last day in Vietnam is still inside; 00:30 the next day is not.
        Reconsiderations.RequestRefusal(a, Period(10), false, new DateTime(2025, 1, 21, 16, 30, 0, DateTimeKind.Utc), Vietnam).ShouldBeNull();
        var late = Reconsiderations.RequestRefusal(a, Period(10), false, new DateTime(2025, 1, 21, 17, 30, 0, DateTimeKind.Utc), Vietnam);
        late!.Code.ShouldBe("reconsideration.windowClosed");
        late.Args["lastDay"].ShouldBe(new DateOnly(2025, 1, 21));
    }

    [Fact]
    public void Should_refuse_a_result_not_published_a_period_without_window_and_a_second_request()
    {
        var at = new DateTime(2025, 1, 12, 3, 0, 0, DateTimeKind.Utc);
        var draft = new Assessment();
        Reconsiderations.RequestRefusal(draft, Period(10), false, at, Vietnam)!.Code.ShouldBe("reconsideration.notPublished");
        Reconsiderations.RequestRefusal(Approved(), Period(null), false, at, Vietnam)!.Code.ShouldBe("reconsideration.notAllowed");
        Reconsiderations.RequestRefusal(Approved(), Period(10), true, at, Vietnam)!.Code.ShouldBe("reconsideration.alreadyRequested");
    }

    [Fact]
    public void Should_locate_each_refused_item_at_its_path()
    {
        var set = TestWorld.Set();
        Reconsiderations.CheckItems(set, []).Select(r => r.Code).ShouldBe(["reconsideration.itemsRequired"]);
        var refusals = Reconsiderations.CheckItems(set,
        [
            new("2", "Nhóm tiêu chí không chấm trực tiếp"),
            new("2.1", "Đủ 12 kỳ tiếp công dân"),
            new("2.1", "Lặp lại"),
            new("B1", "  "),
            new("3", "Có văn bản", new string('x', Evidence.MaxReferenceLength + 1)),
        ]);
        refusals.Select(r => $"{r.Code} {r.Where.Path}").ShouldBe(
        [
            "reconsideration.criterionUnknown items[0].criterionId",
            "reconsideration.criterionRepeated items[2].criterionId",
            "reconsideration.reasonRequired items[3].reason",
            "evidence.referenceTooLong items[4].documentRef",
        ]);
        // A bonus criterion and one scored by the level above can be contested: every leaf of the set.
        Reconsiderations.CheckItems(set, [new("B1", "Có mô hình được khen thưởng"), new("T1", "Đơn thư đã được giải quyết")]).ShouldBeEmpty();
    }
}
