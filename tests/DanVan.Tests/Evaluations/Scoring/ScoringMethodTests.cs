using DanVan.Criteria;
using DanVan.Evaluations.Scoring;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class ScoringMethodTests
{
    private static Criterion Leaf(decimal max, ScoringMethod method) => new() { Id = "x", Name = "x", MaxPoints = max, Method = method };

    private static Criterion Ratio(decimal max, decimal? target = null, bool lowerIsBetter = false, int? decimals = null) =>
        Leaf(max, new() { Type = ScoringMethodType.Ratio, Target = target, LowerIsBetter = lowerIsBetter, Decimals = decimals });

    private static decimal Points(Criterion c, ScoreEntry e) => ScoringEngine.PointsFor(c, e);

    private static ScoreEntry Achieved(decimal achieved, decimal? target = null) => new() { CriterionId = "x", Achieved = achieved, Target = target };

    [Theory]
    [InlineData(7.5, 7.5)]
    [InlineData(0, 0)]
    [InlineData(10, 10)]
    public void Should_give_the_points_entered(decimal entered, decimal expected)
    {
        Points(TestSets.Points("x", 10, 0.5m), new() { CriterionId = "x", Points = entered }).ShouldBe(expected);
    }

    [Fact]
    public void Should_give_the_chosen_level_and_nothing_for_an_unknown_one()
    {
        var c = Leaf(20, new()
        {
            Type = ScoringMethodType.Levels,
            Levels = [new() { Code = "A", Label = "Tốt", Points = 20 }, new() { Code = "B", Label = "Khá", Points = 15 }],
        });

        Points(c, new() { CriterionId = "x", Level = "B" }).ShouldBe(15);
        Points(c, new() { CriterionId = "x", Level = "Z" }).ShouldBe(0);
    }

    [Fact]
    public void Should_sum_the_checked_items()
    {
        var c = Leaf(10, new()
        {
            Type = ScoringMethodType.Checklist,
            Items =
            [
                new() { Id = "ke-hoach", Label = "Kế hoạch", Points = 4 },
                new() { Id = "quan-triet", Label = "Quán triệt", Points = 3 },
                new() { Id = "bao-cao", Label = "Báo cáo", Points = 3 },
            ],
        });

        Points(c, new() { CriterionId = "x", Checked = ["ke-hoach", "bao-cao"] }).ShouldBe(7);
        Points(c, new() { CriterionId = "x", Checked = [] }).ShouldBe(0);
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(80, 8)]
    [InlineData(0, 0)]
    [InlineData(125, 10)]
    public void Should_give_full_points_at_100_percent_and_proportional_points_below(decimal achieved, decimal expected)
    {
        Points(Ratio(10, target: 100), Achieved(achieved)).ShouldBe(expected);
    }

    [Fact]
    public void Should_take_the_target_from_the_entry_when_the_set_does_not_fix_it()
    {
        Points(Ratio(5), Achieved(3, target: 4)).ShouldBe(3.75m);
    }

    [Theory]
    [InlineData(20, 2.5)]
    [InlineData(10, 5)]
    [InlineData(4, 5)]
    [InlineData(0, 5)]
    public void Should_give_full_points_at_or_under_the_target_when_lower_is_better(decimal achieved, decimal expected)
    {
        Points(Ratio(5, lowerIsBetter: true), Achieved(achieved, target: 10)).ShouldBe(expected);
    }

    [Fact]
    public void Should_round_ratio_points_to_the_decimals_of_the_method()
    {
        Points(Ratio(10, target: 3), Achieved(1)).ShouldBe(3.33m);
        Points(Ratio(10, target: 3, decimals: 0), Achieved(2)).ShouldBe(7);
    }

    [Fact]
    public void Should_multiply_a_count_and_cap_it_at_the_maximum()
    {
        var c = TestSets.Count("x", 5, 2);

        Points(c, new() { CriterionId = "x", Count = 2 }).ShouldBe(4);
        Points(c, new() { CriterionId = "x", Count = 3 }).ShouldBe(5);
        Points(c, new() { CriterionId = "x", Count = 0 }).ShouldBe(0);
    }
}
