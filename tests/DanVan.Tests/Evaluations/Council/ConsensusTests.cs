using DanVan.Criteria;
using DanVan.Evaluations.Council;
using DanVan.Evaluations.Scoring;

namespace DanVan.Tests.Evaluations.Council;

/// <summary>The council's consensus rules: mean, median (odd and even counts), the chair's decision, spread and threshold, methods other than points.</summary>
public sealed class ConsensusTests
{
    private static readonly CriteriaSet Set = TestWorld.Set();

    private static Criterion Leaf(string id) => Set.FindCriterion(id)!;

    private static IReadOnlyList<MemberScore> Points(string id, params decimal[] points) =>
        points.Select((p, i) => MemberScore.Of($"m{i + 1}", Leaf(id), CriterionValue.Empty with { Points = p }, null)).ToList();

    private static IReadOnlyList<MemberScore> Levels(params string[] levels) =>
        levels.Select((l, i) => MemberScore.Of($"m{i + 1}", Leaf("2.1"), CriterionValue.Empty with { Level = l }, null)).ToList();

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_score_and_the_basis_lists_every_member()
    {
        var row = Consensus.Of(ConsensusRule.Median, 2, Leaf("3"), Points("3", 8, 7, 9), 3);

        row.Value!.Points.ShouldBe(8);
        row.Points.ShouldBe(8);
        row.Spread.ShouldBe(2);
        row.Disagreement.ShouldBeFalse("a spread equal to the threshold is not beyond it");
        row.Basis.ShouldBe("Hội đồng 3 thành viên, trung vị: 8; 7; 9 → 8");
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_scores_brought_to_the_step()
    {
        Consensus.Median([10m, 6m, 9m, 7m]).ShouldBe(8);
        Consensus.Median([1m, 2m, 3m, 4m]).ShouldBe(2.5m);
        Consensus.Of(ConsensusRule.Median, 5, Leaf("3"), Points("3", 6, 7, 9, 10), 4).Value!.Points.ShouldBe(8);
        // 7 and 8 give 7,5 on a criterion of whole points: half a step rounds up.
        var half = Consensus.Of(ConsensusRule.Median, 5, Leaf("3"), Points("3", 7, 8), 2);
        half.Figure.ShouldBe(7.5m);
        half.Value!.Points.ShouldBe(8);
        half.Basis.ShouldBe("Hội đồng 2 thành viên, trung vị: 7; 8 → 8");
    }

    [Fact]
    public void Mean_is_brought_to_the_criterion_step()
    {
        Consensus.Of(ConsensusRule.Mean, 5, Leaf("1"), Points("1", 30, 35, 31), 3).Value!.Points.ShouldBe(32);
        Consensus.Of(ConsensusRule.Mean, 5, Leaf("1"), Points("1", 30, 31, 32.5m), 3).Value!.Points.ShouldBe(31); // 31,17
        Consensus.Of(ConsensusRule.Mean, 5, Leaf("1"), Points("1", 30, 30.5m, 31.5m), 3).Value!.Points.ShouldBe(30.5m); // 30,67
        Consensus.Of(ConsensusRule.Mean, 5, Leaf("1"), Points("1", 30, 30.5m), 2).Value!.Points.ShouldBe(30.5m); // 30,25: half a step up
        Consensus.Mean([]).ShouldBeNull();
    }

    [Fact]
    public void The_step_never_leaves_zero_and_the_maximum()
    {
        Consensus.ToStep(6.9m, 2, 7).ShouldBe(6);
        Consensus.ToStep(-1, 0.5m, 10).ShouldBe(0);
        Consensus.ToStep(9.74m, 0.25m, 10).ShouldBe(9.75m);
    }

    [Fact]
    public void The_chair_decides_gives_no_value_but_still_the_spread_and_the_disagreement()
    {
        var row = Consensus.Of(ConsensusRule.ChairDecides, 2, Leaf("1"), Points("1", 20, 30, 25), 3);

        row.Value.ShouldBeNull();
        row.Figure.ShouldBeNull();
        row.Spread.ShouldBe(10);
        row.Disagreement.ShouldBeTrue();
        row.Basis.ShouldBe("Hội đồng 3 thành viên, chủ tịch hội đồng quyết định: 20; 30; 25");
    }

    [Fact]
    public void A_spread_beyond_the_threshold_is_a_disagreement()
    {
        Consensus.Of(ConsensusRule.Mean, 2, Leaf("1"), Points("1", 30, 32.5m), 2).Disagreement.ShouldBeTrue();
        Consensus.Of(ConsensusRule.Mean, 2, Leaf("1"), Points("1", 30, 32), 2).Disagreement.ShouldBeFalse();
        Consensus.Spread([5m]).ShouldBe(0);
    }

    [Fact]
    public void A_method_other_than_points_takes_the_member_value_nearest_the_figure_the_lower_on_a_tie()
    {
        Consensus.Of(ConsensusRule.Median, 5, Leaf("2.1"), Levels("A", "B", "B"), 3).Value!.Level.ShouldBe("B");
        // A, A, C: mean 13,33 is nearer A (20) than C (0).
        Consensus.Of(ConsensusRule.Mean, 5, Leaf("2.1"), Levels("A", "A", "C"), 3).Value!.Level.ShouldBe("A");
        // A, C: the mean 10 is as near both; the lower is taken (no member gave B).
        var tie = Consensus.Of(ConsensusRule.Mean, 5, Leaf("2.1"), Levels("A", "C"), 2);
        tie.Value!.Level.ShouldBe("C");
        tie.Disagreement.ShouldBeTrue("20 points apart");
        tie.Basis.ShouldBe("Hội đồng 2 thành viên, trung bình cộng: 20; 0 → 0 (mức C)");
    }

    [Fact]
    public void Not_applicable_by_more_than_half_of_the_members_is_the_consensus_and_differing_on_it_is_a_disagreement()
    {
        var leaf = Leaf("3");
        var scores = new[]
        {
            MemberScore.Of("m1", leaf, CriterionValue.Empty with { NotApplicable = true }, null),
            MemberScore.Of("m2", leaf, CriterionValue.Empty with { NotApplicable = true }, null),
            MemberScore.Of("m3", leaf, CriterionValue.Empty with { Points = 10 }, "Có áp dụng"),
        };
        var row = Consensus.Of(ConsensusRule.Median, 20, leaf, scores, 3);
        row.Value!.NotApplicable.ShouldBeTrue();
        row.ApplicabilityDiffers.ShouldBeTrue();
        row.Disagreement.ShouldBeTrue();
        row.Spread.ShouldBe(0);
        row.Basis.ShouldBe("Hội đồng 3 thành viên, trung vị: không áp dụng; không áp dụng; 10 → không áp dụng");

        var minority = Consensus.Of(ConsensusRule.Median, 20, leaf, [scores[0], scores[2], MemberScore.Of("m4", leaf, CriterionValue.Empty with { Points = 12 }, null)], 3);
        minority.Value!.Points.ShouldBe(11, "the members who scored decide: median of 10 and 12");
    }
}
