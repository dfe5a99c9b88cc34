using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using DanVan.Tests.Criteria;
using static DanVan.Tests.Evaluations.Scoring.TestSets;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class ScoringEngineTests
{
    private static CriteriaSet WithContentThatMayNotApply() => FourBy25() with
    {
        Criteria =
        [
            Points("1", 25),
            Points("2", 25),
            Points("3", 35),
            new() { Id = "4", Name = "Chỉ số cải cách hành chính", MaxPoints = 15, MayNotApply = true, Method = new() { Type = ScoringMethodType.Ratio, Target = 100 } },
        ],
    };

    [Fact]
    public void Should_sum_children_into_their_parent_and_parents_into_the_total()
    {
        var set = FourBy25() with
        {
            Criteria =
            [
                new() { Id = "1", Name = "Cha", MaxPoints = 40, Children = [Points("1.1", 10), Points("1.2", 30)] },
                Points("2", 60),
            ],
        };

        var result = Compute(set, Entry("1.1", 7.5m), Entry("1.2", 20), Entry("2", 55));

        result.Criteria["1"].Points.ShouldBe(27.5m);
        result.Criteria["1"].MaxPoints.ShouldBe(40);
        result.Criteria["1"].Entered.ShouldBeTrue();
        result.BaseTotal.ShouldBe(82.5m);
        result.Total.ShouldBe(82.5m);
        result.Band.ShouldBe("HTT");
    }

    [Fact]
    public void Should_count_a_criterion_without_an_entry_as_zero()
    {
        var result = Compute(FourBy25(), Entry("1", 25), Entry("2", 25), Entry("3", 25));

        result.Criteria["4"].Entered.ShouldBeFalse();
        result.Criteria["4"].Points.ShouldBe(0);
        result.Total.ShouldBe(75);
    }

    [Fact]
    public void Should_let_the_latest_layer_win_criterion_by_criterion()
    {
        ScoreEntry[] entries =
        [
            .. Entries(25, 25, 25, 25),
            Entry("1", 20, ScoreLayer.Appraisal),
            Entry("2", 15, ScoreLayer.Appraisal),
            Entry("2", 18, ScoreLayer.Inspection),
        ];

        var final = ScoringEngine.Compute(FourBy25(), new() { Entries = entries });

        final.Criteria["1"].Points.ShouldBe(20);
        final.Criteria["1"].Layer.ShouldBe(ScoreLayer.Appraisal);
        final.Criteria["2"].Points.ShouldBe(18);
        final.Criteria["2"].Layer.ShouldBe(ScoreLayer.Inspection);
        final.Criteria["3"].Layer.ShouldBe(ScoreLayer.Self);
        final.Total.ShouldBe(88);
    }

    [Fact]
    public void Should_give_the_self_claimed_result_when_counting_up_to_the_self_layer()
    {
        ScoreEntry[] entries = [.. Entries(25, 25, 22.5m, 20), Entry("1", 10, ScoreLayer.Appraisal), Entry("4", 5, ScoreLayer.Inspection)];

        var self = ScoringEngine.Compute(FourBy25(), new() { Entries = entries, UpToLayer = ScoreLayer.Self });
        var appraised = ScoringEngine.Compute(FourBy25(), new() { Entries = entries, UpToLayer = ScoreLayer.Appraisal });
        var final = ScoringEngine.Compute(FourBy25(), new() { Entries = entries });

        self.Total.ShouldBe(92.5m);
        self.Band.ShouldBe("HTXS");
        appraised.Total.ShouldBe(77.5m);
        appraised.Band.ShouldBe("HTT");
        final.Total.ShouldBe(62.5m);
        final.Band.ShouldBe("HT");
    }

    [Fact]
    public void Should_rescale_to_the_nominal_maximum_when_a_content_does_not_apply()
    {
        var set = WithContentThatMayNotApply();

        var result = Compute(set, Entry("1", 22.5m), Entry("2", 22.5m), Entry("3", 31.5m), new() { CriterionId = "4", NotApplicable = true });

        result.BaseTotal.ShouldBe(76.5m);
        result.ApplicableMax.ShouldBe(85);
        result.ScaledBase.ShouldBe(90);
        result.Total.ShouldBe(90);
        result.Band.ShouldBe("HTXS");
        result.Criteria["4"].NotApplicable.ShouldBeTrue();
        result.Criteria["4"].ApplicableMax.ShouldBe(0);
        result.Explanation[0].ShouldBe("Tổng điểm 76,5/85 (các tiêu chí áp dụng), quy đổi thang 100: 90");
    }

    [Fact]
    public void Should_score_out_of_the_full_maximum_when_the_content_applies()
    {
        var result = Compute(WithContentThatMayNotApply(),
            Entry("1", 22.5m), Entry("2", 22.5m), Entry("3", 31.5m), new() { CriterionId = "4", Achieved = 80 });

        result.ApplicableMax.ShouldBe(100);
        result.Total.ShouldBe(88.5m);
        result.Band.ShouldBe("HTT");
    }

    [Fact]
    public void Should_bring_a_content_back_when_an_appraiser_scores_what_the_unit_marked_not_applicable()
    {
        ScoreEntry[] entries =
        [
            Entry("1", 22.5m), Entry("2", 22.5m), Entry("3", 31.5m),
            new() { CriterionId = "4", NotApplicable = true },
            new() { CriterionId = "4", Achieved = 60, Layer = ScoreLayer.Appraisal },
        ];

        var claimed = ScoringEngine.Compute(WithContentThatMayNotApply(), new() { Entries = entries, UpToLayer = ScoreLayer.Self });
        var appraised = ScoringEngine.Compute(WithContentThatMayNotApply(), new() { Entries = entries });

        claimed.Total.ShouldBe(90);
        appraised.ApplicableMax.ShouldBe(100);
        appraised.Total.ShouldBe(85.5m);
        appraised.Band.ShouldBe("HTT");
    }

    [Fact]
    public void Should_ignore_not_applicable_on_a_criterion_that_always_applies()
    {
        var result = Compute(FourBy25(), [.. Entries(25, 25, 25), new() { CriterionId = "4", NotApplicable = true }]);

        result.ApplicableMax.ShouldBe(100);
        result.Total.ShouldBe(75);
    }

    [Fact]
    public void Should_mark_every_child_of_a_parent_that_does_not_apply()
    {
        var set = FourBy25() with
        {
            Criteria =
            [
                Points("1", 80),
                new() { Id = "2", Name = "Cha", MaxPoints = 20, MayNotApply = true, Children = [Points("2.1", 10), Points("2.2", 10)] },
            ],
        };

        var result = Compute(set, Entry("1", 72), Entry("2.1", 10), new() { CriterionId = "2", NotApplicable = true });

        result.Criteria["2.1"].NotApplicable.ShouldBeTrue();
        result.Criteria["2.1"].Points.ShouldBe(0);
        result.ApplicableMax.ShouldBe(80);
        result.Total.ShouldBe(90);
    }

    [Fact]
    public void Should_add_bonus_up_to_its_cap()
    {
        var set = FourBy25() with { Bonus = [Count("th-1", 5, 1), Points("th-2", 2)], BonusCap = 5 };

        var result = Compute(set, [.. Entries(20, 20, 20, 20), new() { CriterionId = "th-1", Count = 4 }, Entry("th-2", 2)]);

        result.Criteria["th-1"].Points.ShouldBe(4);
        result.Bonus.ShouldBe(5);
        result.Total.ShouldBe(85);
        // Regression: the cap hid what was earned ("+5" for 4 + 2).
        result.Explanation.ShouldContain("Điểm thưởng: 6, tối đa 5: +5");
    }

    [Fact]
    public void Should_add_bonus_after_rescaling_and_may_pass_the_nominal_maximum()
    {
        var set = WithContentThatMayNotApply() with { Bonus = [Points("th", 5)] };

        var result = Compute(set, Entry("1", 25), Entry("2", 25), Entry("3", 35), new() { CriterionId = "4", NotApplicable = true }, Entry("th", 3));

        result.ScaledBase.ShouldBe(100);
        result.Total.ShouldBe(103);
        result.Band.ShouldBe("HTXS");
    }

    [Fact]
    public void Should_deduct_up_to_the_deduction_cap()
    {
        var set = FourBy25() with { Deductions = [Count("tru-1", 6, 2), Count("tru-2", 4, 1)], DeductionCap = 5 };

        var result = Compute(set, [.. Entries(25, 25, 25, 20), new() { CriterionId = "tru-1", Count = 2 }, new() { CriterionId = "tru-2", Count = 3 }]);

        result.Criteria["tru-1"].Points.ShouldBe(4);
        result.Criteria["tru-2"].Points.ShouldBe(3);
        result.Deduction.ShouldBe(5);
        result.Total.ShouldBe(90);
        result.Explanation.ShouldContain("Điểm trừ: 7, tối đa 5: −5");
    }

    [Fact]
    public void Should_not_let_the_total_fall_below_zero()
    {
        var set = FourBy25() with { Deductions = [Count("tru", 20, 5)] };

        var result = Compute(set, [.. Entries(5, 0, 0, 0), new() { CriterionId = "tru", Count = 3 }]);

        result.Deduction.ShouldBe(15);
        result.Total.ShouldBe(0);
        result.Band.ShouldBe("KHT");
    }

    [Theory]
    [InlineData(90, "HTXS")]
    [InlineData(89.75, "HTT")]
    [InlineData(70, "HTT")]
    [InlineData(69.75, "HT")]
    [InlineData(50, "HT")]
    [InlineData(49.75, "KHT")]
    [InlineData(0, "KHT")]
    [InlineData(100, "HTXS")]
    public void Should_reach_a_band_exactly_at_its_minimum_and_not_one_step_below(decimal total, string band)
    {
        var set = FourBy25() with { Criteria = [Points("1", 100)] };

        var result = Compute(set, Entry("1", total));

        result.Total.ShouldBe(total);
        result.BandByTotal.ShouldBe(band);
        result.Band.ShouldBe(band);
    }

    [Fact]
    public void Should_choose_the_band_on_the_nominal_scale_after_rescaling()
    {
        // 59.5 of 85 applicable points is 70 of 100: Hoàn thành tốt, though 59.5 alone would be Hoàn thành.
        var result = Compute(WithContentThatMayNotApply(), Entry("1", 17.5m), Entry("2", 17.5m), Entry("3", 24.5m), new() { CriterionId = "4", NotApplicable = true });

        result.BaseTotal.ShouldBe(59.5m);
        result.Total.ShouldBe(70);
        result.Band.ShouldBe("HTT");
    }

    [Fact]
    public void Should_cap_the_class_when_a_criterion_scores_under_its_share()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HTT", Description = "Có tiêu chí đạt dưới 50% điểm tối đa" });

        var capped = Compute(set, Entries(25, 25, 25, 12.25m));
        var atHalf = Compute(set, Entries(25, 25, 25, 12.5m));

        capped.Total.ShouldBe(87.25m);
        capped.BandByTotal.ShouldBe("HTT");
        atHalf.Band.ShouldBe("HTT");

        var cappedTop = Compute(set with { Criteria = [Points("1", 30), Points("2", 30), Points("3", 30), Points("4", 10)] }, Entries(30, 30, 30, 4.75m));
        cappedTop.BandByTotal.ShouldBe("HTXS");
        cappedTop.Band.ShouldBe("HTT");
        var effect = cappedTop.Effects.ShouldHaveSingleItem();
        effect.Type.ShouldBe(RuleType.CriterionBelowShare);
        effect.FromBand.ShouldBe("HTXS");
        effect.ToBand.ShouldBe("HTT");
        effect.Description.ShouldBe("Có tiêu chí đạt dưới 50% điểm tối đa");
    }

    [Fact]
    public void Should_not_cap_a_unit_whose_criteria_are_all_at_or_above_the_share()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HTT" }) with
        {
            Criteria = [Points("1", 30), Points("2", 30), Points("3", 30), Points("4", 10)],
        };

        var result = Compute(set, Entries(30, 30, 30, 5));

        result.Band.ShouldBe("HTXS");
        result.Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Should_apply_a_below_share_rule_only_from_its_minimum_count()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.5m, MinCount = 3, SetTo = "KHT" });

        var two = Compute(set, Entries(25, 25, 12, 12));
        var three = Compute(set, Entries(25, 12, 12, 12));

        two.Band.ShouldBe("HTT");
        three.Total.ShouldBe(61);
        three.BandByTotal.ShouldBe("HT");
        three.Band.ShouldBe("KHT");
        three.Effects.ShouldHaveSingleItem().Description.ShouldBe("có từ 03 tiêu chí trở lên đạt dưới 50% điểm tối đa");
    }

    [Fact]
    public void Should_look_only_at_the_criteria_a_below_share_rule_names()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.CriterionBelowShare, Criteria = ["1", "2"], Share = 0.8m, CapAt = "HT" });

        Compute(set, Entries(20, 20, 10, 25)).Band.ShouldBe("HTT");
        Compute(set, Entries(19.75m, 25, 25, 25)).Band.ShouldBe("HT");
    }

    [Fact]
    public void Should_skip_a_criterion_that_does_not_apply_when_looking_for_shares()
    {
        var set = WithContentThatMayNotApply() with
        {
            Classification = FourBy25().Classification with { Rules = [new() { Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HT" }] },
        };

        var result = Compute(set, Entry("1", 25), Entry("2", 25), Entry("3", 35), new() { CriterionId = "4", NotApplicable = true });

        result.Band.ShouldBe("HTXS");
    }

    [Fact]
    public void Should_cap_the_class_of_a_flagged_unit()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.Flag, Flag = "ky-luat", CapAt = "HT" });
        var flagged = new HashSet<string> { "ky-luat" };

        ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25), Flags = flagged }).Band.ShouldBe("HT");
        ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25) }).Band.ShouldBe("HTXS");
        ScoringEngine.Compute(set, new() { Entries = Entries(10, 10, 10, 10), Flags = flagged }).Band.ShouldBe("KHT");
    }

    [Fact]
    public void Should_set_the_class_of_a_flagged_unit_to_not_eligible()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.Flag, Flag = "ky-luat", SetTo = ClassificationRule.NotEligible });

        var result = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25), Flags = new HashSet<string> { "ky-luat" } });

        result.BandByTotal.ShouldBe("HTXS");
        result.Band.ShouldBe(ClassificationRule.NotEligible);
        result.BandLabel.ShouldBe("Không đủ điều kiện xếp loại");
        result.Explanation[^1].ShouldBe("Áp dụng quy tắc \"có ghi nhận \"ky-luat\"\": Hoàn thành xuất sắc → Không đủ điều kiện xếp loại");
    }

    [Fact]
    public void Should_set_the_lowest_band_when_the_unit_did_not_submit()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.NotSubmitted, SetTo = "KHT", Description = "Không gửi hồ sơ tự đánh giá" });

        var missing = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25), Submitted = false });
        var submitted = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25) });

        missing.Band.ShouldBe("KHT");
        missing.Explanation.ShouldContain("Áp dụng quy tắc \"Không gửi hồ sơ tự đánh giá\": Hoàn thành xuất sắc → Không hoàn thành");
        submitted.Band.ShouldBe("HTXS");
    }

    [Theory]
    [InlineData("HT", "HTT")]
    [InlineData("KHT", "HT")]
    [InlineData("HTT", "HTXS")]
    [InlineData("HTXS", "HTXS")]
    [InlineData(null, "HTXS")]
    [InlineData("KHA", "HTXS")]
    public void Should_rise_at_most_the_allowed_steps_above_the_previous_year(string? previous, string band)
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.MaxStepsAbovePrevious, Steps = 1 });

        var result = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25), PreviousBand = previous });

        result.Band.ShouldBe(band);
    }

    [Fact]
    public void Should_not_lower_a_class_already_under_the_previous_year_limit()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.MaxStepsAbovePrevious, Steps = 0 });

        var result = ScoringEngine.Compute(set, new() { Entries = Entries(15, 15, 15, 15), PreviousBand = "HTT" });

        result.Band.ShouldBe("HT");
        result.Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_not_eligible_through_caps_and_the_previous_year_limit()
    {
        var set = FourBy25(
            new ClassificationRule { Type = RuleType.NotSubmitted, SetTo = ClassificationRule.NotEligible },
            new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HT" },
            new ClassificationRule { Type = RuleType.MaxStepsAbovePrevious, Steps = 0 });

        var result = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 0), Submitted = false, PreviousBand = "KHT" });

        result.Band.ShouldBe(ClassificationRule.NotEligible);
        result.Effects.ShouldHaveSingleItem().Type.ShouldBe(RuleType.NotSubmitted);
    }

    [Fact]
    public void Should_apply_rules_in_order_each_on_the_class_the_previous_left()
    {
        var set = FourBy25(
            new ClassificationRule { Type = RuleType.Flag, Flag = "ky-luat", CapAt = "HTT", Description = "Kỷ luật" },
            new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HT", Description = "Dưới 50%" },
            new ClassificationRule { Type = RuleType.MaxStepsAbovePrevious, Steps = 2, Description = "Năm trước" }) with
        {
            Criteria = [Points("1", 30), Points("2", 30), Points("3", 30), Points("4", 10)],
        };

        var result = ScoringEngine.Compute(set, new()
        {
            Entries = Entries(30, 30, 30, 4.5m),
            Flags = new HashSet<string> { "ky-luat" },
            PreviousBand = "KHT",
        });

        result.BandByTotal.ShouldBe("HTXS");
        result.Effects.Select(e => (e.RuleIndex, e.FromBand, e.ToBand)).ShouldBe([(0, "HTXS", "HTT"), (1, "HTT", "HT")]);
        result.Band.ShouldBe("HT");
        result.Explanation.ShouldBe(
        [
            "Tổng điểm 94,5/100",
            "Tổng cộng 94,5: đạt mức \"Hoàn thành xuất sắc\" (từ 90 điểm)",
            "Áp dụng quy tắc \"Kỷ luật\": Hoàn thành xuất sắc → Hoàn thành tốt",
            "Áp dụng quy tắc \"Dưới 50%\": Hoàn thành tốt → Hoàn thành",
        ]);
    }

    [Fact]
    public void Should_let_a_later_set_rule_override_an_earlier_one()
    {
        var set = FourBy25(
            new ClassificationRule { Type = RuleType.Flag, Flag = "ky-luat", SetTo = "HT" },
            new ClassificationRule { Type = RuleType.NotSubmitted, SetTo = "KHT" });

        var result = ScoringEngine.Compute(set, new() { Entries = Entries(25, 25, 25, 25), Submitted = false, Flags = new HashSet<string> { "ky-luat" } });

        result.Band.ShouldBe("KHT");
        result.Effects.Count.ShouldBe(2);
    }

    [Fact]
    public void Should_describe_a_rule_without_wording_in_vietnamese_numbers()
    {
        var set = FourBy25(new ClassificationRule { Type = RuleType.CriterionBelowShare, Share = 0.335m, CapAt = "HT" });

        var result = Compute(set, Entries(25, 25, 25, 8));

        result.Effects.ShouldHaveSingleItem().Description.ShouldBe("có tiêu chí đạt dưới 33,5% điểm tối đa");
    }
}
