using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;

namespace DanVan.Tests.Periods;

/// <summary>Reporting periods and their data windows per Nghị định 09/2019/NĐ-CP; deadlines per level and in the province's time zone.</summary>
public sealed class ReportingPeriodTests
{
    private static readonly TimeZoneInfo Vietnam = ProvinceClock.FindZone(null);

    [Theory]
    [InlineData(PeriodKind.Year, 1, "2023-12-15", "2024-12-14", "năm 2024")]
    [InlineData(PeriodKind.SixMonths, 1, "2023-12-15", "2024-06-14", "6 tháng đầu năm 2024")]
    [InlineData(PeriodKind.SixMonths, 2, "2024-06-15", "2024-12-14", "6 tháng cuối năm 2024")]
    [InlineData(PeriodKind.Quarter, 1, "2023-12-15", "2024-03-14", "quý I năm 2024")]
    [InlineData(PeriodKind.Quarter, 2, "2024-03-15", "2024-06-14", "quý II năm 2024")]
    [InlineData(PeriodKind.Quarter, 3, "2024-06-15", "2024-09-14", "quý III năm 2024")]
    [InlineData(PeriodKind.Quarter, 4, "2024-09-15", "2024-12-14", "quý IV năm 2024")]
    [InlineData(PeriodKind.Month, 1, "2023-12-15", "2024-01-14", "tháng 1 năm 2024")]
    [InlineData(PeriodKind.Month, 3, "2024-02-15", "2024-03-14", "tháng 3 năm 2024")]
    public void Should_cut_the_data_window_from_the_15th_to_the_14th(PeriodKind kind, int number, string from, string to, string label)
    {
        var period = ReportingPeriod.Of(kind, 2024, number);
        (period.From, period.To).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));
        period.Label.ShouldBe(label);
        period.Contains(DateOnly.Parse(from)).ShouldBeTrue();
        period.Contains(DateOnly.Parse(from).AddDays(-1)).ShouldBeFalse();
        ReportingPeriod.Containing(kind, DateOnly.Parse(to)).ShouldBe(period);
        ReportingPeriod.Containing(kind, DateOnly.Parse(from)).ShouldBe(period);
    }

    [Fact]
    public void Should_find_the_same_period_last_year_and_the_one_before()
    {
        ReportingPeriod.Of(PeriodKind.Quarter, 2024, 1).SameLastYear().ShouldBe(ReportingPeriod.Of(PeriodKind.Quarter, 2023, 1));
        ReportingPeriod.Of(PeriodKind.Quarter, 2024, 1).Previous().ShouldBe(ReportingPeriod.Of(PeriodKind.Quarter, 2023, 4));
        ReportingPeriod.Of(PeriodKind.Month, 2024, 7).Previous().ShouldBe(ReportingPeriod.Of(PeriodKind.Month, 2024, 6));
        ReportingPeriod.Annual(2024).Previous().ShouldBe(ReportingPeriod.Annual(2023));
        ReportingPeriod.AdHoc(new(2024, 3, 1), new(2024, 3, 31)).SameLastYear().ShouldBeNull();
        // 20/12/2024 is already in the data window of the year 2025.
        ReportingPeriod.Containing(PeriodKind.Year, new(2024, 12, 20)).ShouldBe(ReportingPeriod.Annual(2025));
    }

    [Fact]
    public void Should_refuse_a_number_the_kind_does_not_have_and_a_reversed_ad_hoc_window()
    {
        var refused = Should.Throw<RefusedException>(() => ReportingPeriod.Of(PeriodKind.Quarter, 2024, 5));
        var refusal = refused.Refusals.Single();
        (refusal.Code, refusal.Where.Key, refusal.Args["number"], refusal.Args["max"]).ShouldBe(("period.number", "number", (object?)5, (object?)4));
        Should.Throw<RefusedException>(() => ReportingPeriod.Of(PeriodKind.AdHoc, 2024, 1)).Code.ShouldBe("period.adHocNeedsDates");
        Should.Throw<RefusedException>(() => ReportingPeriod.AdHoc(new(2024, 3, 31), new(2024, 3, 1))).Code.ShouldBe("period.windowReversed");
        foreach (var code in new[] { "period.number", "period.year", "period.adHocNeedsDates", "period.windowReversed" })
            RefusalText.Knows(code).ShouldBeTrue(code);
    }

    [Theory]
    [InlineData(16, 59, false)]
    [InlineData(17, 0, true)]
    [InlineData(18, 0, true)]
    public void Should_judge_a_deadline_day_in_the_province_time_zone(int hour, int minute, bool late)
    {
        var rule = new DeadlineRule(new DateOnly(2024, 11, 30), AcceptLate: false, Vietnam);
        var verdict = Deadlines.Judge(new DateTime(2024, 11, 30, hour, minute, 0, DateTimeKind.Utc), rule);
        verdict.ShouldBe(new DeadlineVerdict(late, Refused: late));
    }

    [Fact]
    public void Should_keep_the_lateness_of_a_returned_submission_and_never_refuse_its_revision()
    {
        var rule = new DeadlineRule(new DateOnly(2024, 11, 30), AcceptLate: false, Vietnam);
        var afterwards = new DateTime(2024, 12, 10, 3, 0, 0, DateTimeKind.Utc);
        Deadlines.Judge(afterwards, rule, earlierLate: false).ShouldBe(new DeadlineVerdict(false, false));
        Deadlines.Judge(afterwards, rule with { AcceptLate = true }, earlierLate: true).ShouldBe(new DeadlineVerdict(true, false));
    }

    [Fact]
    public void Should_give_each_level_its_own_deadline_and_the_others_the_general_one()
    {
        LevelDeadline[] levels = [new(OrgUnitKind.Commune, new(2024, 12, 5)), new(OrgUnitKind.District, new(2024, 12, 10))];
        Deadlines.For(new(2024, 12, 14), levels, OrgUnitKind.Commune).ShouldBe(new DateOnly(2024, 12, 5));
        Deadlines.For(new(2024, 12, 14), levels, OrgUnitKind.District).ShouldBe(new DateOnly(2024, 12, 10));
        Deadlines.For(new(2024, 12, 14), levels, OrgUnitKind.Province).ShouldBe(new DateOnly(2024, 12, 14));
        Deadlines.For(new(2024, 12, 14), levels, null).ShouldBe(new DateOnly(2024, 12, 14));
    }
}
