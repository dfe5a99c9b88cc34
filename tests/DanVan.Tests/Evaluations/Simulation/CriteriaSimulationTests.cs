using DanVan.Criteria;
using DanVan.Tests.Criteria;
using DanVan.Evaluations.Simulation;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations.Simulation;

/// <summary>
/// Reference 000's 2018 results (Quảng Bình, 3367/QĐ-UBND) re-scored under the sample draft that would replace it
/// (samples/criteria/quang-binh-du-thao-2019.json): stricter bands, criteria 4 and 9 merged by the mapping table,
/// criterion 10 dropped, a new criterion 9 with no data.
/// </summary>
public sealed class CriteriaSimulationTests(QuangBinhDatabase qb) : IClassFixture<QuangBinhDatabase>
{
    private static readonly string MapFile = Path.Combine(Repo.Root, "samples", "criteria", "quang-binh-du-thao-2019-map.csv");

    private static CriteriaSet Draft() => Samples.Load("quang-binh-du-thao-2019.json");

    private static IReadOnlyList<CriterionLink> Map() => CriteriaMapping.FromTable(TableFile.Read(MapFile), "quang-binh-du-thao-2019-map.csv");

    private async Task<SimulationResult> RunAsync(CriteriaSet draft, IReadOnlyList<CriterionLink>? map, string? scope = null)
    {
        await using var db = qb.Db.NewContext();
        int? scopeId = scope is null ? null : (await db.Units.SingleAsync(u => u.Code == scope)).Id;
        return await CriteriaSimulation.RunAsync(db, new SimulationRequest(qb.Seed.Period2018, draft) { Mapping = map, ScopeUnitId = scopeId },
            TestContext.Current.CancellationToken);
    }

    private static (string, int, decimal)[] Bands(IReadOnlyList<BandShare> shares) => shares.Select(s => (s.Code, s.Count, s.Percent)).ToArray();

    [Fact]
    public async Task Should_count_the_classes_before_and_after_per_group_under_the_draft_with_its_mapping_table()
    {
        var result = await RunAsync(Draft(), Map());

        result.Units.ShouldBe(159 + 7 + 19 + 4);
        var communes = result.Groups.Single(g => g.GroupCode == "cap-xa");
        communes.Classified.ShouldBe(159);
        Bands(communes.Before).ShouldBe([("HTXS", 89, 56.0m), ("HTT", 45, 28.3m), ("HT", 25, 15.7m), ("KHT", 0, 0m)]);
        // 85 points (8,5 on each criterion) become 77 and fall below the draft's 80; 65 become 59, below its 60.
        Bands(communes.After).ShouldBe([("HTXS", 89, 56.0m), ("HTT", 0, 0m), ("HT", 45, 28.3m), ("KHT", 25, 15.7m)]);
        var districts = result.Groups.Single(g => g.GroupCode == "cap-huyen");
        Bands(districts.Before).Select(b => b.Item2).ShouldBe([4, 3, 0, 0]);
        Bands(districts.After).Select(b => b.Item2).ShouldBe([4, 0, 3, 0]);
        result.Groups.Single(g => g.GroupCode == "so-ban-nganh").After.Select(b => b.Count).ShouldBe([13, 0, 6, 0]);
        result.Changes.Count.ShouldBe(45 + 25 + 3 + 6 + 1);
        result.Changes.ShouldAllBe(c => c.Direction == -1);
    }

    [Fact]
    public async Task Should_say_why_a_unit_changes_class_with_its_totals_and_the_criteria_that_moved_most()
    {
        var result = await RunAsync(Draft(), Map());

        // Huyện Tuyên Hóa: claimed Hoàn thành xuất sắc, appraised Hoàn thành tốt (8,5 on every criterion).
        var tuyenHoa = result.Changes.Single(c => c.UnitCode == "453");
        tuyenHoa.BandBefore.ShouldBe("Hoàn thành tốt");
        tuyenHoa.BandAfter.ShouldBe("Hoàn thành");
        tuyenHoa.TotalBefore.ShouldBe(85m);
        tuyenHoa.TotalAfter.ShouldBe(77m);
        // Criterion 10 (8,5) is dropped; 3 rises from 8,5 to 13 of 15; 4 and 9 (8,5 + 8,5 of 20) become 13 of 15.
        tuyenHoa.Moves.Select(m => (m.Id, m.Before, m.After)).ShouldBe([("10", 8.5m, 0m), ("3", 8.5m, 13m), ("4", 17m, 13m)]);
        tuyenHoa.Explanation.ShouldContain("Tổng cộng 77: đạt mức \"Hoàn thành\" (từ 60 điểm)");
        SimulationWorkbook.MovesText(tuyenHoa).ShouldStartWith("10 [Giả định] Thực hiện chế độ thông tin, báo cáo: 8,5 → 0");
    }

    [Fact]
    public async Task Should_list_the_criteria_without_counterpart_in_both_directions()
    {
        var mapped = await RunAsync(Draft(), Map());
        mapped.Dropped.Select(d => d.Id).ShouldBe(["10"]);
        mapped.NoData.Select(d => (d.Id, d.MaxPoints)).ShouldBe([("9", 10m)]);
        mapped.Carried.Single(c => c.NewId == "4").From.ShouldBe(["4", "9"]);
        mapped.Carried.Single(c => c.NewId == "4").How.ShouldBe(CarryKind.Scaled);
        mapped.Carried.Single(c => c.NewId == "1").How.ShouldBe(CarryKind.Carried);

        // By id alone old 9 fills the survey criterion (8,5 of 10 → 68 of a target of 80 %): nobody changes class.
        var byId = await RunAsync(Draft(), map: null);
        byId.Dropped.Select(d => d.Id).ShouldBe(["10"]);
        byId.NoData.ShouldBeEmpty();
        byId.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_rescore_with_changed_bands_alone_and_within_a_scope()
    {
        // 3367 itself with Hoàn thành tốt from 86 instead of 70: every unit at 85 falls to Hoàn thành.
        var set = Samples.Load("quang-binh-3367-2016.json");
        var stricter = set with
        {
            Id = "quang-binh-3367-nguong-moi",
            Classification = set.Classification with
            {
                Bands = [.. set.Classification.Bands.Select(b => b.Code == "HTT" ? b with { Min = 86 } : b.Code == "HT" ? b with { Below = 86 } : b)],
            },
        };
        var result = await RunAsync(stricter, map: null, scope: "455");

        // Huyện Bố Trạch and its 30 communes.
        result.Units.ShouldBe(31);
        result.Dropped.ShouldBeEmpty();
        result.NoData.ShouldBeEmpty();
        result.Changes.ShouldAllBe(c => c.BandBefore == "Hoàn thành tốt" && c.BandAfter == "Hoàn thành" && c.TotalBefore == 85 && c.TotalAfter == 85 && c.Moves.Count == 0);
        result.Changes.Select(c => c.UnitCode).ShouldContain("455");
    }

    [Fact]
    public async Task Should_change_nothing_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<(List<string> Assessments, List<string> Entries, int Audit, int Sets)> SnapshotAsync()
        {
            await using var db = qb.Db.NewContext();
            return (
                (await db.Assessments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
                    .Select(a => $"{a.Id}|{a.Status}|{a.FinalBand}|{a.FinalTotal}|{a.Version}|{a.ApprovedAt:o}").ToList(),
                (await db.Entries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct))
                    .Select(e => $"{e.Id}|{e.AssessmentId}|{e.CriterionId}|{e.Layer}|{e.Value.Describe()}|{e.EnteredAt:o}").ToList(),
                await db.Audit.CountAsync(ct),
                await db.CriteriaSets.CountAsync(ct));
        }

        var before = await SnapshotAsync();
        await using (var db = qb.Db.NewContext())
        {
            await CriteriaSimulation.RunAsync(db, new SimulationRequest(qb.Seed.Period2018, Draft()) { Mapping = Map() }, ct);
            db.ChangeTracker.Entries().ShouldBeEmpty("the simulation tracks nothing it could save");
        }
        var after = await SnapshotAsync();

        after.Assessments.ShouldBe(before.Assessments);
        after.Entries.ShouldBe(before.Entries);
        after.Audit.ShouldBe(before.Audit);
        after.Sets.ShouldBe(before.Sets);
    }

    [Fact]
    public async Task Should_refuse_a_mapping_naming_unknown_criteria_at_their_row_and_column()
    {
        var links = CriteriaMapping.FromText("4 -> 4\n99 -> 4\n9 -> 12\n");
        var refused = await Should.ThrowAsync<RefusedException>(() => RunAsync(Draft(), links));

        refused.Refusals.Select(r => (r.Code, r.Where.Row, r.Where.Column)).ShouldBe(
        [
            ("simulation.mapping.unknownOld", 2, "old"),
            ("simulation.mapping.unknownNew", 3, "new"),
        ]);
        Should.Throw<RefusedException>(() => CriteriaMapping.FromText("4 4")).Refusals.Single().Code.ShouldBe("simulation.mapping.notAPair");
    }

    [Fact]
    public async Task Should_refuse_a_draft_that_breaks_the_format_at_its_json_path()
    {
        var refused = await Should.ThrowAsync<RefusedException>(() => RunAsync(Draft() with { MaxPoints = 90 }, Map()));
        refused.Refusals.Single().Where.Path.ShouldBe("$.maxPoints");

        var other = await Should.ThrowAsync<RefusedException>(() => RunAsync(Draft() with { AppliesTo = ["khong-co"] }, Map()));
        other.Code.ShouldBe("simulation.noGroup");
    }

    [Fact]
    public async Task Should_export_the_simulation_as_a_workbook_that_opens()
    {
        var result = await RunAsync(Draft(), Map());
        var bytes = XlsxWriter.ToBytes(SimulationWorkbook.Tables(result));

        using var stream = new MemoryStream(bytes);
        var changed = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Đơn vị đổi loại", startCell: "A2").Cast<IDictionary<string, object?>>().ToList();
        changed.Count.ShouldBe(80);
        changed.Single(r => (string?)r["Mã"] == "453")["Xếp loại sau"].ShouldBe("Hoàn thành");
    }
}
