using DanVan.Reports;

namespace DanVan.Tests.Reports;

/// <summary>Self-score inflation on reference 000's 2017 and 2018 results: every appraised unit claimed one band above its result.</summary>
public sealed class SelfScoreInflationTests(QuangBinhDatabase qb) : IClassFixture<QuangBinhDatabase>
{
    private async Task<InflationReport> LoadAsync(decimal threshold = 5)
    {
        await using var db = qb.Db.NewContext();
        return await SelfScoreInflation.LoadAsync(db, qb.Seed.Period2018, threshold: threshold, ct: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_show_who_over_scores_and_by_how_much_this_year()
    {
        var report = await LoadAsync();

        report.Years.ShouldBe([2017, 2018]);
        // Appraised Hoàn thành tốt after claiming Hoàn thành xuất sắc: 100 claimed, 85 final.
        var tuyenHoa = report.Units.Single(u => u.Unit.Name == "huyện Tuyên Hóa");
        (tuyenHoa.SelfTotal, tuyenHoa.FinalTotal, tuyenHoa.Gap).ShouldBe((100m, 85m, 15m));
        report.Units[0].Gap.ShouldBe(20m, "Hoàn thành claimed as Hoàn thành tốt: 85 against 65");
        report.Criteria.ShouldAllBe(c => c.Units == 159 + 2 + 19 + 4);
        // The communes of 2018: 45 over-scored by 15, 25 by 20, 89 not at all.
        report.Trend.Single(t => t.Year == 2018 && t.GroupName == "Cấp xã").AverageGap.ShouldBe(Math.Round((45 * 15m + 25 * 20m) / 159, 2));
        report.Chart("Chênh lệch", "Điểm").Categories.ShouldBe(["2017", "2018"]);
    }

    [Fact]
    public async Task Should_list_the_units_that_keep_over_scoring_above_the_threshold()
    {
        var report = await LoadAsync();

        // The communes after the 89th (in code order) were appraised below their claim in both years.
        report.Repeat.Count.ShouldBe(70);
        report.Repeat.ShouldAllBe(u => u.YearsAbove(5) == 2 && u.GroupName == "Cấp xã");
        report.Repeat[0].Years.Select(y => (y.Year, y.Gap)).ShouldBe([(2017, 20m), (2018, 20m)]);

        (await LoadAsync(threshold: 20)).Repeat.ShouldBeEmpty("a gap must exceed the threshold");
    }
}
