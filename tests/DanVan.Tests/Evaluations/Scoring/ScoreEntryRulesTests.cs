using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Tests.Criteria;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class ScoreEntryRulesTests
{
    private static readonly CriteriaSet QuangNam = Samples.Load("quang-nam-1094-2024.json");
    private static readonly CriteriaSet QuangBinh = Samples.Load("quang-binh-3140-2022-01.json");
    private static readonly CriteriaSet BacKan = Samples.Load("bac-kan-1878-2017.json");

    /// <summary>The refusal's code and location, e.g. "entry.outOfRange@criterion:6/points"; null when accepted.</summary>
    private static string? Check(CriteriaSet set, ScoreEntry entry) =>
        Code(ScoreEntryRules.Check(set.FindCriterion(entry.CriterionId)!, entry, set.SuperiorScoredIds().Contains(entry.CriterionId)));

    private static string? Code(Refusal? r) => r is null ? null : $"{r.Code}@{r.Where.Key}";

    [Theory]
    [InlineData(0)]
    [InlineData(4.5)]
    [InlineData(10)]
    public void Should_accept_points_within_the_maximum_at_the_step(decimal points)
    {
        Check(QuangNam, new() { CriterionId = "6", Points = points }).ShouldBeNull();
    }

    [Theory]
    [InlineData(-0.5, "entry.outOfRange@criterion:6/points")]
    [InlineData(10.5, "entry.outOfRange@criterion:6/points")]
    [InlineData(4.25, "entry.offStep@criterion:6/points")]
    public void Should_refuse_points_outside_the_maximum_or_off_the_step(decimal points, string reason)
    {
        Check(QuangNam, new() { CriterionId = "6", Points = points }).ShouldBe(reason);
    }

    [Fact]
    public void Should_use_a_quarter_point_step_when_the_method_names_none()
    {
        var criterion = new Criterion { Id = "x", Name = "x", MaxPoints = 5, Method = new() { Type = ScoringMethodType.Points } };

        ScoreEntryRules.Check(criterion, new() { CriterionId = "x", Points = 2.75m }, false).ShouldBeNull();
        Code(ScoreEntryRules.Check(criterion, new() { CriterionId = "x", Points = 2.7m }, false)).ShouldBe("entry.offStep@criterion:x/points");
    }

    [Fact]
    public void Should_refuse_an_entry_without_the_value_its_method_needs()
    {
        Check(QuangNam, new() { CriterionId = "6" }).ShouldBe("entry.valueRequired@criterion:6/points");
        Check(QuangNam, new() { CriterionId = "10" }).ShouldBe("entry.valueRequired@criterion:10/level");
        Check(QuangNam, new() { CriterionId = "2" }).ShouldBe("entry.valueRequired@criterion:2/achieved");
        Check(QuangNam, new() { CriterionId = "tru-1" }).ShouldBe("entry.valueRequired@criterion:tru-1/count");
    }

    [Fact]
    public void Should_refuse_an_unknown_level()
    {
        Check(QuangNam, new() { CriterionId = "10", Level = "xuat-sac" })
            .ShouldBe("entry.unknownLevel@criterion:10/level");
        Check(QuangNam, new() { CriterionId = "10", Level = "du-cham" }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_an_unknown_checklist_item()
    {
        Check(QuangNam, new() { CriterionId = "1.2", Checked = ["quan-triet", "khen-thuong"] })
            .ShouldBe("entry.unknownItem@criterion:1.2/checked");
        Check(QuangNam, new() { CriterionId = "1.2", Checked = ["quan-triet"] }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_ratio_without_a_target_or_with_a_negative_figure()
    {
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 10 }).ShouldBe("entry.valueRequired@criterion:9.1/target");
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 10, Target = 12 }).ShouldBeNull();
        Check(QuangNam, new() { CriterionId = "2", Achieved = -1 }).ShouldBe("entry.figureOutOfBounds@criterion:2/achieved");
        Check(QuangNam, new() { CriterionId = "2", Achieved = 120 }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_target_other_than_the_one_the_set_fixes()
    {
        Check(QuangNam, new() { CriterionId = "2", Achieved = 50, Target = 50 })
            .ShouldBe("entry.targetFixed@criterion:2/target");
        Check(QuangNam, new() { CriterionId = "2", Achieved = 50, Target = 100 }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_negative_count()
    {
        Check(QuangNam, new() { CriterionId = "tru-2", Count = -1 }).ShouldBe("entry.negative@criterion:tru-2/count");
    }

    [Fact]
    public void Should_refuse_not_applicable_on_a_criterion_that_always_applies()
    {
        Check(QuangBinh, new() { CriterionId = "3.2", NotApplicable = true })
            .ShouldBe("entry.alwaysApplies@criterion:3.2/notApplicable");
        Check(QuangBinh, new() { CriterionId = "3.1", NotApplicable = true }).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_an_entry_on_a_parent()
    {
        Check(QuangBinh, new() { CriterionId = "3", Points = 20 }).ShouldBe("entry.notALeaf@criterion:3");
    }

    [Fact]
    public void Should_refuse_a_self_entry_on_a_criterion_the_level_above_scores()
    {
        Check(BacKan, new() { CriterionId = "9", Points = 10 }).ShouldBe("entry.superiorScored@criterion:9");
        Check(BacKan, new() { CriterionId = "9", Points = 10, NotApplicable = true }).ShouldBe("entry.superiorScored@criterion:9");
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
        Check(set, new() { CriterionId = "5.1", Points = 5 }).ShouldBe("entry.superiorScored@criterion:5.1");
    }

    [Fact]
    public void Should_refuse_an_entry_given_to_another_criterion()
    {
        Code(ScoreEntryRules.Check(QuangNam.FindCriterion("5")!, new() { CriterionId = "6", Points = 1 }, false))
            .ShouldBe("entry.unknownCriterion@criterion:5");
    }

    [Fact]
    public void Should_refuse_a_field_of_another_scoring_method()
    {
        Check(QuangNam, new() { CriterionId = "10", Level = "du-cham", Points = 3 }).ShouldBe("entry.wrongMethodField@criterion:10/points");
        Check(QuangNam, new() { CriterionId = "6", Points = 3, Count = 1 }).ShouldBe("entry.wrongMethodField@criterion:6/count");
    }

    [Fact]
    public void Should_bound_ratio_figures_so_that_extreme_ones_are_refused_at_entry()
    {
        // Regression: achieved 1e27 over target 1e-20 was accepted, and every page computing the result then failed.
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 1e27m, Target = 12 }).ShouldBe("entry.figureOutOfBounds@criterion:9.1/achieved");
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = 10, Target = 1e-20m }).ShouldBe("entry.figureOutOfBounds@criterion:9.1/target");
        Check(QuangNam, new() { CriterionId = "9.1", Achieved = CriterionValue.MaxFigure, Target = CriterionValue.MinTarget }).ShouldBeNull();
    }

    [Fact]
    public void Should_word_every_evaluation_code_in_both_languages()
    {
        string[] codes =
        [
            "entry.unknownCriterion", "entry.superiorScored", "entry.alwaysApplies", "entry.notALeaf", "entry.wrongMethodField",
            "entry.valueRequired", "entry.outOfRange", "entry.offStep", "entry.unknownLevel", "entry.unknownItem", "entry.figureOutOfBounds",
            "entry.targetFixed", "entry.negative", "entry.unknownMethod", "entry.reasonRequired", "entry.notOpenYet", "entry.notANumber",
            "entry.notWholeNumber", "assessment.notEditable", "assessment.notReviewable", "assessment.published", "assessment.wrongStatus",
            "assessment.staleVersion", "assessment.commentRequired", "assessment.reasonRequired", "submission.notOpenYet",
            "submission.notConfirmed", "submission.lateRefused", "flags.unknown", "flags.reasonRequired", "flags.notAllowed",
            "evidence.criterionRequired", "evidence.criterionNotScored", "request.tooLong",
        ];
        codes.Where(c => !RefusalText.Knows(c)).ShouldBeEmpty();
        RefusalText.Render(Refusal.Of("request.tooLong", Where.AtField("note"), ("field", "note"), ("max", 4000)), RefusalText.Vietnamese)
            .ShouldBe("ghi chú dài quá 4.000 ký tự.");
    }

    [Fact]
    public void Should_compute_a_ratio_of_extreme_figures_without_overflow()
    {
        // Regression: 1e27 / 1e-20 overflowed decimal, and the assessment, dashboard, results and reports answered 500.
        var criterion = new Criterion { Id = "r", Name = "r", MaxPoints = 10, Method = new() { Type = ScoringMethodType.Ratio } };

        ScoringEngine.PointsFor(criterion, new() { CriterionId = "r", Achieved = 1e27m, Target = 1e-20m }).ShouldBe(10);
        ScoringEngine.PointsFor(criterion with { Method = new() { Type = ScoringMethodType.Ratio, LowerIsBetter = true } },
            new() { CriterionId = "r", Achieved = 1e-20m, Target = 1e27m }).ShouldBe(10);
        ScoringEngine.PointsFor(criterion, new() { CriterionId = "r", Achieved = 5, Target = 10 }).ShouldBe(5);
    }
}
