using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Reports;
using DanVan.Tests.Data;

namespace DanVan.Tests.Reports;

/// <summary>Section II.2 of reference report 000, generated from evaluation data.</summary>
[Collection<SqliteDb>]
public sealed partial class ResultsNarrativeTests(SqliteDatabase db) : IAsyncLifetime
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

    private async Task<IReadOnlyList<string>> LinesAsync(int periodId)
    {
        await using var db = _db.NewContext();
        return ResultsNarrative.Lines(ReportBuilder.Build(await ReportQuery.LoadAsync(db, periodId), QuangBinhReference.Options));
    }

    [Fact]
    public async Task Should_write_2017_as_the_reference_does()
    {
        var lines = await LinesAsync(_seed.Period2017);
        lines.ShouldBe(ReferenceLines.Year2017);
    }

    [Fact]
    public async Task Should_write_2018_as_the_reference_does()
    {
        var lines = await LinesAsync(_seed.Period2018);
        lines.ShouldBe(ReferenceLines.Year2018);
    }

    [Fact]
    public async Task Should_contain_every_figure_of_the_reference_section()
    {
        var text = string.Join("\n", (await LinesAsync(_seed.Period2017)).Concat(await LinesAsync(_seed.Period2018)));
        var reference = File.ReadAllText(Path.Combine(Repo.Root, "tests", "DanVan.Tests", "Reports", "reference-000-section-2.txt"));
        var section = reference[reference.IndexOf("2.1. Năm 2017", StringComparison.Ordinal)..];

        var figures = Figure().Matches(section).Select(m => m.Value).ToList();
        figures.Count.ShouldBeGreaterThan(20);
        foreach (var figure in figures) text.ShouldContain(figure);

        foreach (var name in new[] { "TP Đồng Hới", "huyện Quảng Trạch", "huyện Tuyên Hóa", "huyện Lệ Thủy", "huyện Bố Trạch", "Quảng Ninh", "Minh Hóa", "Ba Đồn" })
            text.ShouldContain(name);
    }

    // "70/159", "chiếm 28,3%", "03 (", "08 cơ quan, đơn vị", "Không hoàn thành:" ... as the reference writes them.
    [GeneratedRegex(@"\d+/\d+|chiếm \d+(,\d)?%|\b\d{2} \(|\b\d{2} cơ quan, đơn vị|(Hoàn thành xuất sắc|Hoàn thành tốt|Hoàn thành|Không hoàn thành):(?=\s)")]
    private static partial Regex Figure();
}
