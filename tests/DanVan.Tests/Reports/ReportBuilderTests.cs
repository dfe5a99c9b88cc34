using DanVan.Data;
using DanVan.Reports;
using DanVan.Tests.Data;

namespace DanVan.Tests.Reports;

/// <summary>The report model built from the reference's data (Quảng Bình 2017, 2018) on a real database.</summary>
[Collection<SqliteDb>]
public sealed class ReportBuilderTests(SqliteDatabase db) : IAsyncLifetime
{
    private readonly TestDatabase _db = db;
    private (int Period2017, int Period2018, int ProvinceId) _seed;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        _seed = await QuangBinhReference.SeedAsync(db);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<ConsolidatedReport> BuildAsync(int periodId)
    {
        await using var db = _db.NewContext();
        return ReportBuilder.Build(await ReportQuery.LoadAsync(db, periodId), QuangBinhReference.Options);
    }

    [Fact]
    public async Task Should_count_communes_per_band_in_2017()
    {
        var report = await BuildAsync(_seed.Period2017);
        var communes = report.Sections.Single(s => s.Section.Title == "Cấp xã");
        communes.Total.ShouldBe(159);
        communes.Evaluated.ShouldBe(159);
        communes.Bands.Select(b => (b.Code, b.Count)).ShouldBe([("HTXS", 70), ("HTT", 62), ("HT", 27), ("KHT", 0)]);
    }

    [Fact]
    public async Task Should_name_self_claimed_and_missing_districts_in_2017()
    {
        var report = await BuildAsync(_seed.Period2017);
        var districts = report.Sections.Single(s => s.Section.Title == "Cấp huyện");
        districts.Evaluated.ShouldBe(4);
        districts.Total.ShouldBe(8);
        var top = districts.Bands.Single(b => b.Code == "HTXS");
        top.Units.Select(u => (u.Name, u.SelfClaimed)).ShouldBe([("TP Đồng Hới", true), ("huyện Tuyên Hóa", true), ("huyện Quảng Trạch", true)], ignoreOrder: true);
        var second = districts.Bands.Single(b => b.Code == "HTT").Units.Single();
        (second.Name, second.SelfClaimed).ShouldBe(("huyện Lệ Thủy", false));
        districts.MissingWithMembers.Select(m => m.Unit.Name).ShouldBe(["huyện Minh Hóa", "huyện Bố Trạch", "huyện Quảng Ninh", "thị xã Ba Đồn"], ignoreOrder: true);
        districts.MissingWithMembers.ShouldAllBe(m => m.MembersEvaluated > 0);
    }

    [Fact]
    public async Task Should_report_the_inspected_district_and_year_comparison_in_2018()
    {
        var report = await BuildAsync(_seed.Period2018);
        var districts = report.Sections.Single(s => s.Section.Title == "Cấp huyện");
        districts.Evaluated.ShouldBe(7);
        districts.InspectedOnly.Single().Unit.Name.ShouldBe("huyện Minh Hóa");
        districts.MissingWithMembers.Single().Unit.Name.ShouldBe("huyện Quảng Ninh");

        var agencies = report.Sections.Single(s => s.Section.Title == "Sở, ban, ngành cấp tỉnh");
        agencies.Parts.Select(p => (p.Evaluated, p.Total)).ShouldBe([(19, 22), (4, 4)]);
        agencies.Bands.Where(b => b.Count > 0).Select(b => (b.Code, b.Count)).ShouldBe([("HTXS", 16), ("HTT", 7)]);

        report.YearComparison.Where(y => y.SectionTitle == "Cấp xã").Select(y => (y.Year, y.Bands[0].Count)).ShouldBe([(2017, 70), (2018, 89)]);
    }

    [Fact]
    public async Task Should_show_who_scored_themselves_higher_than_the_appraisal()
    {
        var report = await BuildAsync(_seed.Period2018);
        report.UnitGaps.Count.ShouldBe(159 + 2 + 23);
        report.UnitGaps.Count(g => g.Gap > 0).ShouldBe(45 + 25 + 2 + 7);
        report.UnitGaps[0].Gap.ShouldBeGreaterThan(0);
        report.CriterionGaps.ShouldAllBe(g => g.AverageGap >= 0);
        var analysis = report.Criteria.Single();
        analysis.Criteria.Count.ShouldBe(10);
        analysis.Strongest[0].AverageShare.ShouldBeGreaterThanOrEqualTo(analysis.Weakest[0].AverageShare);
    }
}
