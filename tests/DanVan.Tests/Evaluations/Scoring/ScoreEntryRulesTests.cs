using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using DanVan.Tests.Criteria;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class ScoreEntryRulesTests
{
    private static readonly CriteriaSet QuangNam = Samples.Load("quang-nam-1094-2024.json");
    private static readonly CriteriaSet QuangBinh = Samples.Load("quang-binh-3140-2022-01.json");
    private static readonly CriteriaSet BacKan = Samples.Load("bac-kan-1878-2017.json");

    private static string? Check(CriteriaSet set, ScoreEntry entry) =>
        ScoreEntryRules.Check(set.FindCriterion(entry.CriterionId)!, entry, set.SuperiorScoredIds().Contains(entry.CriterionId));

    [Theory]
    [InlineData(0)]
    [InlineData(4.5)]
    [InlineData(10)]
    public void Should_accept_points_within_the_maximum_at_the_step(decimal points)
    {
        Check(QuangNam, new() { CriterionId = "6", Points = points }).ShouldBeNull();
    }

    [Theory]
    [InlineData(-0.5, "-0.5 is outside [0, 10] for criterion 6")]
    [InlineData(10.5, "10.5 is outside [0, 10] for criterion 6")]
    [InlineData(4.25, "4.25 is not a multiple of the step 0.5 for criterion 6")]
    public void Should_refuse_points_outside_the_maximum_or_off_the_step(decimal points, string reason)
    {
        Check(QuangNam, new() { CriterionId = "6", Points = points }).ShouldBe(reason);
    }

    [Fact]
    public void Should_use_a_quarter_point_step_when_the_method_names_none()
    {
        var criterion = new Criterion { Id = "x", Name = "x", MaxPoints = 5, Method = new() { Type = ScoringMethodType.Points } };

        ScoreEntryRules.Check(criterion, new() { CriterionId = "x", Points = 2.75m }, false).ShouldBeNull();
        ScoreEntryRules.Check(criterion, new() { CriterionId = "x", Points = 2.7m }, false).ShouldBe("2.7 is not a multiple of the step 0.25 for criterion x");
    }

    [Fact]
    public void Should_refuse_an_entry_without_the_value_its_method_needs()
    {
        Check(QuangNam, new() { CriterionId = "6" }).ShouldBe("criterion 6 needs points");
        Check(QuangNam, new() { CriterionId = "10" }).ShouldBe("criterion 10 needs a level");
        Check(QuangNam, new() { CriterionId = "2" }).ShouldBe("criterion 2 needs the achieved figure");
        Check(QuangNam, new() { CriterionId = "tru-1" }).ShouldBe("criterion tru-1 needs a count");
    }

    [Fact]
    public void Should_refuse_an_unknown_level()
    {
        Check(QuangNam, new() { CriterionId = "10", Level = "xuat-sac" })
            .ShouldBe("level 'xuat-sac' does not exist for criterion 10 (levels: du-dung-han, du-cham, khong-du)");
        Check(QuangNam, new() { CriterionId = "10", Level = "du-cham" }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_an_unknown_checklist_item()
    {
        Check(QuangNam, new() { CriterionId = "1.2", Checked = ["quan-triet", "khen-thuong"] })
            .ShouldBe("item 'khen-thuong' does not exist for criterion 1.2");
        Check(QuangNam, new() { CriterionId = "1.2", Checked = ["quan-triet"] }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_ratio_without_a_target_or_with_a_negative_figure()
    {
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 10 }).ShouldBe("criterion 9.1 needs a target greater than 0");
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 10, Target = 12 }).ShouldBeNull();
        Check(QuangNam, new() { CriterionId = "2", Achieved = -1 }).ShouldBe("the achieved figure must not be negative for criterion 2");
        Check(QuangNam, new() { CriterionId = "2", Achieved = 120 }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_target_other_than_the_one_the_set_fixes()
    {
        Check(QuangNam, new() { CriterionId = "2", Achieved = 50, Target = 50 })
            .ShouldBe("the set fixes the target of criterion 2 at 100; it cannot be entered as 50");
        Check(QuangNam, new() { CriterionId = "2", Achieved = 50, Target = 100 }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_negative_count()
    {
        Check(QuangNam, new() { CriterionId = "tru-2", Count = -1 }).ShouldBe("the count must not be negative for criterion tru-2");
    }

    [Fact]
    public void Should_refuse_not_applicable_on_a_criterion_that_always_applies()
    {
        Check(QuangBinh, new() { CriterionId = "3.2", NotApplicable = true })
            .ShouldBe("criterion 3.2 always applies; it cannot be marked not applicable");
        Check(QuangBinh, new() { CriterionId = "3.1", NotApplicable = true }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_an_entry_on_a_parent()
    {
        Check(QuangBinh, new() { CriterionId = "3", Points = 20 }).ShouldBe("criterion 3 is scored by its sub-criteria");
    }

    [Fact]
    public void Should_refuse_a_self_entry_on_a_criterion_the_level_above_scores()
    {
        Check(BacKan, new() { CriterionId = "9", Points = 10 }).ShouldBe("criterion 9 is scored by the level above, not by the unit");
        Check(BacKan, new() { CriterionId = "9", Points = 10, NotApplicable = true }).ShouldBe("criterion 9 is scored by the level above, not by the unit");
        Check(BacKan, new() { CriterionId = "9", Points = 10, Layer = ScoreLayer.Appraisal }).ShouldBeNull();
        Check(BacKan, new() { CriterionId = "2", Points = 10 }).ShouldBeNull();
    }

    [Fact]
    public void Should_inherit_scoring_by_the_level_above_from_a_parent()
    {
        var set = QuangBinh with
        {
            Criteria = [.. QuangBinh.Criteria.Select(c => c.Id == "5" ? c with { ScoredBy = ScoredBy.Superior } : c)],
        };

        set.SuperiorScoredIds().Order(StringComparer.Ordinal).ShouldBe(["5", "5.1", "5.2"]);
        Check(set, new() { CriterionId = "5.1", Points = 5 }).ShouldBe("criterion 5.1 is scored by the level above, not by the unit");
    }

    [Fact]
    public void Should_refuse_an_entry_given_to_another_criterion()
    {
        ScoreEntryRules.Check(QuangNam.FindCriterion("5")!, new() { CriterionId = "6", Points = 1 }, false)
            .ShouldBe("the entry is for criterion 6, not 5");
    }
}
