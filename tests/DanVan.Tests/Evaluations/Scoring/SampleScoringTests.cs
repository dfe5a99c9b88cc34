using DanVan.Criteria;
using DanVan.Evaluations.Scoring;
using DanVan.Tests.Criteria;

namespace DanVan.Tests.Evaluations.Scoring;

public sealed class SampleScoringTests
{
    private static ScoreEntry Points(string id, decimal points, ScoreLayer layer = ScoreLayer.Self) => new() { CriterionId = id, Points = points, Layer = layer };

    private static ScoreEntry Level(string id, string level, ScoreLayer layer = ScoreLayer.Self) => new() { CriterionId = id, Level = level, Layer = layer };

    private static ScoreEntry Ratio(string id, decimal achieved, decimal? target = null) => new() { CriterionId = id, Achieved = achieved, Target = target };

    [Fact]
    public void Should_score_a_commune_out_of_85_and_rescale_under_quang_binh_set_02()
    {
        var set = Samples.Load("quang-binh-3140-2022-02.json");
        ScoreEntry[] entries =
        [
            Level("1.1", "dung-han"),
            Ratio("1.2", 100),
            new() { CriterionId = "2.1", Checked = ["ngan-sach", "dat-dai", "tthc"] },
            Points("2.2", 7.5m),
            new() { CriterionId = "3.1", NotApplicable = true },
            Ratio("3.2", 100),
            Ratio("4.1", 12, target: 12),
            Ratio("4.2", 4, target: 4),
            Ratio("4.3", 100),
            Points("5.1", 4),
            Ratio("5.2", 100),
            Ratio("6.1", 2, target: 2),
            Points("6.2", 0),
        ];

        var result = ScoringEngine.Compute(set, new() { Entries = entries });

        result.BaseTotal.ShouldBe(76.5m);
        result.ApplicableMax.ShouldBe(85);
        result.Total.ShouldBe(90);
        result.Band.ShouldBe("HTXS");
        result.Criteria["3"].ApplicableMax.ShouldBe(5);
        result.BandLabel.ShouldBe("Hoàn thành xuất sắc");
    }

    [Fact]
    public void Should_score_proportionally_by_degree_achieved_under_quang_binh_set_01()
    {
        var set = Samples.Load("quang-binh-3140-2022-01.json");
        ScoreEntry[] entries =
        [
            Ratio("1.2", 85),
            Ratio("3.1", 80),
            new() { CriterionId = "4.3", Achieved = 20, Target = 15 },
        ];

        var result = ScoringEngine.Compute(set, new() { Entries = entries });

        result.Criteria["1.2"].Points.ShouldBe(8.5m);
        result.Criteria["3.1"].Points.ShouldBe(12);
        result.Criteria["4.3"].Points.ShouldBe(3.75m);
    }

    [Fact]
    public void Should_let_the_level_above_replace_the_units_scores_and_give_its_ten_points_under_bac_kan()
    {
        var set = Samples.Load("bac-kan-1878-2017.json");
        ScoreEntry[] self =
        [
            Level("1", "A"), Points("2", 14), Points("3", 13), Points("4", 10), Points("5", 10),
            Points("6", 10), Points("7", 10), Level("8", "du-dung-han"),
            Points("9", 10),
        ];
        ScoreEntry[] appraisal =
        [
            Points("2", 10, ScoreLayer.Appraisal), Points("3", 10, ScoreLayer.Appraisal), Points("6", 7, ScoreLayer.Appraisal),
            Level("8", "du-cham", ScoreLayer.Appraisal),
            Points("9", 6, ScoreLayer.Appraisal),
        ];

        var claimed = ScoringEngine.Compute(set, new() { Entries = [.. self, .. appraisal], UpToLayer = ScoreLayer.Self });
        var final = ScoringEngine.Compute(set, new() { Entries = [.. self, .. appraisal] });

        claimed.Criteria["9"].Entered.ShouldBeFalse();
        claimed.Total.ShouldBe(87);
        claimed.BandLabel.ShouldBe("Tốt");
        final.Criteria["9"].Points.ShouldBe(6);
        final.Criteria["9"].Layer.ShouldBe(ScoreLayer.Appraisal);
        final.Total.ShouldBe(78);
        final.BandLabel.ShouldBe("Khá");
    }

    [Fact]
    public void Should_mark_a_unit_not_eligible_when_the_level_above_flags_it_under_bac_kan()
    {
        var set = Samples.Load("bac-kan-1878-2017.json");

        var result = ScoringEngine.Compute(set, new() { Entries = [Points("2", 15)], Flags = new HashSet<string> { "khong-du-dieu-kien" } });

        result.Band.ShouldBe(ClassificationRule.NotEligible);
        result.BandLabel.ShouldBe("Không đủ điều kiện xếp loại");
    }

    [Fact]
    public void Should_cap_bonus_and_deductions_under_quang_nam()
    {
        var set = Samples.Load("quang-nam-1094-2024.json");
        ScoreEntry[] entries =
        [
            Level("1.1", "dung-han"),
            new() { CriterionId = "1.2", Checked = ["quan-triet", "trien-khai", "kiem-tra"] },
            Ratio("2", 100), Ratio("3.1", 100), Ratio("3.2", 90), Ratio("4", 100),
            Points("5", 5), Points("6", 9), Points("7.1", 9), Ratio("7.2", 3, target: 3),
            Points("8", 9), Ratio("9.1", 12, target: 12), Points("9.2", 5), Level("10", "du-dung-han"),
            new() { CriterionId = "th-1", Count = 4 }, Level("th-2", "bang-khen"),
            new() { CriterionId = "tru-1", Count = 2 }, new() { CriterionId = "tru-2", Count = 2 },
        ];

        var result = ScoringEngine.Compute(set, new() { Entries = entries });

        result.BaseTotal.ShouldBe(96.5m);
        result.Bonus.ShouldBe(5);
        result.Deduction.ShouldBe(5);
        result.Total.ShouldBe(96.5m);
        result.Band.ShouldBe("HTXS");
    }

    [Fact]
    public void Should_classify_quang_binh_3367_by_total_alone()
    {
        var set = Samples.Load("quang-binh-3367-2016.json");
        var entries = Enumerable.Range(1, 10).Select(i => Points(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i == 1 ? 0 : 10)).ToList();

        var result = ScoringEngine.Compute(set, new() { Entries = entries, Submitted = false, PreviousBand = "KHT" });

        result.Total.ShouldBe(90);
        result.Band.ShouldBe("HTXS");
        result.Effects.ShouldBeEmpty();
    }
}
