using System.Text;
using DanVan.Criteria;
using NJsonSchema;

namespace DanVan.Tests.Criteria;

public sealed class SampleCriteriaSetTests
{
    private static readonly string[] HoanThanhCodes = ["HTXS", "HTT", "HT", "KHT"];

    [Fact]
    public void Should_ship_every_required_sample()
    {
        Samples.Names.ShouldBe(
        [
            "bac-kan-1878-2017.json",
            "quang-binh-3140-2022-01.json",
            "quang-binh-3140-2022-02.json",
            "quang-binh-3367-2016.json",
            "quang-binh-du-thao-2019.json",
            "quang-nam-1094-2024.json",
            "tay-ninh-1563-2022.json",
        ]);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Should_read_a_sample_without_errors(string name)
    {
        var set = Samples.Load(name);

        set.Id.ShouldBe(Path.GetFileNameWithoutExtension(name));
        set.Source.ShouldNotBeNull();
        set.Source.Urls.ShouldNotBeEmpty();
        set.Source.Stated.ShouldNotBeNullOrWhiteSpace();
        set.Source.Assumptions.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public async Task Should_validate_a_sample_against_the_json_schema(string name)
    {
        var schema = await JsonSchema.FromFileAsync(Samples.SchemaPath);

        var errors = schema.Validate(Samples.Text(name));

        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public async Task Should_write_a_sample_back_in_the_same_format(string name)
    {
        var schema = await JsonSchema.FromFileAsync(Samples.SchemaPath);
        var written = CriteriaSetFile.Serialize(Samples.Load(name));

        schema.Validate(written).ShouldBeEmpty();
        var reread = CriteriaSetFile.Parse(written, name);
        reread.Refusals.ShouldBeEmpty();
        CriteriaSetFile.Serialize(reread.Set!).ShouldBe(written);
        written.ShouldNotContain("\"type\": \"Points\"", Case.Sensitive);
        written.ShouldContain("\"type\": \"points\"", Case.Sensitive);
        written.ShouldNotContain("\\u");
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Should_store_sample_text_in_unicode_nfc(string name)
    {
        Samples.Text(name).IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
    }

    [Fact]
    public void Should_use_the_same_band_codes_wherever_the_hoan_thanh_labels_are_used()
    {
        var sets = Samples.Names.Select(Samples.Load).ToList();

        foreach (var set in sets.Where(s => s.Classification.Bands.Any(b => b.Label == "Hoàn thành xuất sắc")))
        {
            set.Classification.Bands.Select(b => b.Code).ShouldBe(HoanThanhCodes, set.Id);
            set.Classification.Bands.Select(b => b.Label)
                .ShouldBe(["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"], set.Id);
        }
        sets.Single(s => s.Id == "quang-binh-3367-2016").Classification.Bands.Select(b => b.Code).ShouldBe(HoanThanhCodes);
    }

    [Fact]
    public void Should_exercise_every_method_and_rule_across_the_samples()
    {
        var sets = Samples.Names.Select(Samples.Load).ToList();
        var methods = sets.SelectMany(s => s.AllCriteria()).Select(c => c.Method).OfType<ScoringMethod>().ToList();
        var rules = sets.SelectMany(s => s.Classification.Rules).ToList();

        methods.Select(m => m.Type).Distinct().Order().ShouldBe(Enum.GetValues<ScoringMethodType>());
        methods.ShouldContain(m => m.Type == ScoringMethodType.Points && m.Step != null);
        methods.ShouldContain(m => m.Type == ScoringMethodType.Ratio && m.LowerIsBetter);
        methods.ShouldContain(m => m.Type == ScoringMethodType.Ratio && m.Target == null);
        sets.ShouldContain(s => s.Deductions.Any(d => d.Method!.Type == ScoringMethodType.Count) && s.DeductionCap != null);
        sets.ShouldContain(s => s.Bonus.Count > 0 && s.BonusCap != null);
        sets.ShouldContain(s => s.AllCriteria().Any(c => c.ScoredBy == ScoredBy.Superior));
        sets.ShouldContain(s => s.AllCriteria().Any(c => c.MayNotApply));
        rules.Select(r => r.Type).Distinct().Order().ShouldBe(Enum.GetValues<RuleType>());
        rules.ShouldContain(r => r.Type == RuleType.CriterionBelowShare && r.CapAt != null);
        rules.ShouldContain(r => r.Type == RuleType.CriterionBelowShare && r.MinCount > 1);
        rules.ShouldContain(r => r.Type == RuleType.Flag && r.CapAt != null);
        rules.ShouldContain(r => r.Type == RuleType.Flag && r.SetTo == ClassificationRule.NotEligible);
        rules.ShouldContain(r => r.Type == RuleType.NotSubmitted && r.SetTo == "KHT");
    }

    [Fact]
    public void Should_score_the_administrative_reform_content_out_of_15_in_both_quang_binh_3140_sets()
    {
        foreach (var name in new[] { "quang-binh-3140-2022-01.json", "quang-binh-3140-2022-02.json" })
        {
            var set = Samples.Load(name);
            var mayNotApply = set.AllCriteria().Where(c => c.MayNotApply).ToList();

            set.MaxPoints.ShouldBe(100);
            mayNotApply.Sum(c => c.MaxPoints).ShouldBe(15);
            (set.MaxPoints - mayNotApply.Sum(c => c.MaxPoints)).ShouldBe(85);
        }
    }

    [Fact]
    public void Should_keep_ninety_points_for_the_unit_and_ten_for_the_level_above_in_bac_kan()
    {
        var set = Samples.Load("bac-kan-1878-2017.json");
        var superior = set.SuperiorScoredIds();

        set.Criteria.Where(c => !superior.Contains(c.Id)).Sum(c => c.MaxPoints).ShouldBe(90);
        set.Criteria.Where(c => !superior.Contains(c.Id)).Count().ShouldBe(8);
        set.Criteria.Where(c => superior.Contains(c.Id)).Sum(c => c.MaxPoints).ShouldBe(10);
        set.Classification.NotEligibleLabel.ShouldBe("Không đủ điều kiện xếp loại");
        set.Classification.Bands.Select(b => b.Label).ShouldBe(["Tốt", "Khá", "Trung bình", "Yếu"]);
    }

    [Fact]
    public void Should_record_that_tay_ninh_1563_replaces_1743()
    {
        var set = Samples.Load("tay-ninh-1563-2022.json");

        set.Decision.ToString().ShouldBe("Quyết định số 1563/QĐ-UBND ngày 01/08/2022");
        set.Replaces.ShouldHaveSingleItem().Number.ShouldBe("1743/QĐ-UBND");
        set.Criteria.Select(c => c.MaxPoints).ShouldBe([10m, 10m, 20m, 20m, 20m, 20m]);
        set.Source!.Assumptions.ShouldContain(a => a.Contains("criterion 6", StringComparison.Ordinal));
    }
}
