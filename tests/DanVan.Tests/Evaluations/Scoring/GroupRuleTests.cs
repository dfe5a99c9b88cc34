using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using static DanVan.Tests.Evaluations.Scoring.TestSets;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class GroupRuleTests
{
    private static readonly CriteriaSet CapAt20Percent = FourBy25(
        new ClassificationRule { Type = RuleType.Flag, Flag = "ky-luat", SetTo = ClassificationRule.NotEligible },
        new ClassificationRule { Type = RuleType.BandShareCap, Band = "HTXS", Share = 0.2m, Description = "Hoàn thành xuất sắc không quá 20% số đơn vị" });

    private static ScoreResult Unit(decimal total, bool flagged = false) =>
        ScoringEngine.Compute(CapAt20Percent, new()
        {
            Entries = Entries(total / 4, total / 4, total / 4, total / 4),
            Flags = flagged ? new HashSet<string> { "ky-luat" } : new HashSet<string>(),
        });

    [Fact]
    public void Should_leave_a_band_within_its_share_alone_per_unit_and_in_the_group()
    {
        ScoreResult[] group = [Unit(98), Unit(80), Unit(80), Unit(75), Unit(70)];

        group[0].Band.ShouldBe("HTXS");
        ScoringEngine.ApplyGroupRules(CapAt20Percent, group).Select(r => r.Band).ShouldBe(["HTXS", "HTT", "HTT", "HTT", "HTT"]);
    }

    [Fact]
    public void Should_move_the_lowest_totals_beyond_the_share_down_one_band()
    {
        ScoreResult[] group = [Unit(91), Unit(99), Unit(80), Unit(95), Unit(75), Unit(70), Unit(70), Unit(60), Unit(90), Unit(50)];

        var adjusted = ScoringEngine.ApplyGroupRules(CapAt20Percent, group);

        adjusted.Select(r => r.Band).ShouldBe(["HTT", "HTXS", "HTT", "HTXS", "HTT", "HTT", "HTT", "HT", "HTT", "HT"]);
        adjusted.Select(r => r.Total).ShouldBe(group.Select(r => r.Total));
        var effect = adjusted[0].Effects.ShouldHaveSingleItem();
        effect.Type.ShouldBe(RuleType.BandShareCap);
        effect.RuleIndex.ShouldBe(1);
        (effect.FromBand, effect.ToBand).ShouldBe(("HTXS", "HTT"));
        adjusted[0].BandLabel.ShouldBe("Hoàn thành tốt");
        adjusted[0].Explanation[^1].ShouldBe("Áp dụng quy tắc \"Hoàn thành xuất sắc không quá 20% số đơn vị\": Hoàn thành xuất sắc → Hoàn thành tốt");
        adjusted[1].Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Should_move_units_tied_at_the_cut_down_together_whatever_their_order()
    {
        ScoreResult[] group = [Unit(95), Unit(92), Unit(92), Unit(80), Unit(80), Unit(80), Unit(80), Unit(80), Unit(80), Unit(80)];
        ScoreResult[] reversed = [.. group.Reverse()];

        var adjusted = ScoringEngine.ApplyGroupRules(CapAt20Percent, group);
        var adjustedReversed = ScoringEngine.ApplyGroupRules(CapAt20Percent, reversed);

        adjusted.Select(r => r.Band).Take(3).ShouldBe(["HTXS", "HTT", "HTT"]);
        adjustedReversed.Select(r => r.Band).Reverse().ShouldBe(adjusted.Select(r => r.Band));
    }

    [Fact]
    public void Should_count_only_classified_units_in_the_share()
    {
        // 5 classified units: 20% is one; the unit set to not-eligible counts for nothing.
        ScoreResult[] group = [Unit(99, flagged: true), Unit(96), Unit(94), Unit(80), Unit(70), Unit(60)];

        var adjusted = ScoringEngine.ApplyGroupRules(CapAt20Percent, group);

        adjusted.Select(r => r.Band).ShouldBe([ClassificationRule.NotEligible, "HTXS", "HTT", "HTT", "HTT", "HT"]);
    }

    [Fact]
    public void Should_round_the_allowed_number_down()
    {
        ScoreResult[] group = [Unit(99), Unit(98), Unit(80), Unit(80)];

        ScoringEngine.ApplyGroupRules(CapAt20Percent, group).Count(r => r.Band == "HTXS").ShouldBe(0);
    }

    [Fact]
    public void Should_apply_caps_in_order_so_units_moved_down_count_in_the_next_band()
    {
        var set = FourBy25(
            new ClassificationRule { Type = RuleType.BandShareCap, Band = "HTXS", Share = 0.25m },
            new ClassificationRule { Type = RuleType.BandShareCap, Band = "HTT", Share = 0.5m });
        ScoreResult[] group = [.. new decimal[] { 99, 97, 95, 93 }.Select(t => Compute(set, Entries(t / 4, t / 4, t / 4, t / 4)))];

        var adjusted = ScoringEngine.ApplyGroupRules(set, group);

        adjusted.Select(r => r.Band).ShouldBe(["HTXS", "HTT", "HTT", "HT"]);
        adjusted[3].Effects.Select(e => e.ToBand).ShouldBe(["HTT", "HT"]);
    }
}
