using Shouldly;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using DanVan.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.TestSupport.Reports;

/// <summary>
/// The results of reference report 000 (Quảng Bình, section II.2, years 2017 and 2018) entered as
/// evaluation data through the same services the app uses: units, the 3367/QĐ-UBND criteria set,
/// periods, self-assessments, appraisals, an inspection, approvals.
/// </summary>
public static class QuangBinhReference
{
    /// <summary>How the province groups its results in the report (section II.2).</summary>
    public static readonly ReportOptions Options = new()
    {
        Sections =
        [
            new("Cấp xã", [new("cap-xa", "xã")], SectionStyle.Percentages),
            new("Cấp huyện", [new("cap-huyen", "UBND cấp huyện")], SectionStyle.Named, RestNoun: "huyện"),
            new("Sở, ban, ngành cấp tỉnh", [new("so-ban-nganh", "cơ quan QLNN cấp tỉnh"), new("dvsn-tinh", "ĐVSN trực thuộc UBND tỉnh", ShowTotal: false)], SectionStyle.Counts),
        ],
    };

    // The districts as the report names them, with their communes (159 in all).
    private static readonly (string Code, string Name, string Short, int Communes)[] Districts =
    [
        ("450", "UBND thành phố Đồng Hới", "TP Đồng Hới", 16),
        ("452", "UBND huyện Minh Hóa", "huyện Minh Hóa", 16),
        ("453", "UBND huyện Tuyên Hóa", "huyện Tuyên Hóa", 20),
        ("454", "UBND huyện Quảng Trạch", "huyện Quảng Trạch", 18),
        ("455", "UBND huyện Bố Trạch", "huyện Bố Trạch", 30),
        ("456", "UBND huyện Quảng Ninh", "huyện Quảng Ninh", 15),
        ("457", "UBND huyện Lệ Thủy", "huyện Lệ Thủy", 28),
        ("458", "UBND thị xã Ba Đồn", "thị xã Ba Đồn", 16),
    ];

    private static readonly string[] Agencies =
    [
        "Ban Dân tộc", "Sở Kế hoạch và Đầu tư", "Sở Nông nghiệp và PTNT", "Sở Nội vụ", "Sở Tư pháp",
        "Sở Tài nguyên và Môi trường", "Văn phòng UBND tỉnh", "Ban Quản lý Khu kinh tế tỉnh", "Sở Giao thông vận tải",
        "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa và Thể thao", "Sở Xây dựng", "Thanh tra tỉnh", "Sở Ngoại vụ",
        "Sở Tài chính", "Sở Y tế", "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông", "Sở Du lịch", "Ban Thi đua - Khen thưởng tỉnh",
    ];

    private static readonly string[] PublicServiceUnits =
        ["Đài Phát thanh - Truyền hình tỉnh", "Trường Đại học Quảng Bình", "Trường Cao đẳng Kỹ thuật Công - Nông nghiệp", "Trung tâm Xúc tiến Đầu tư"];

    /// <summary>Enters both years; returns the ids of the 2017 and 2018 periods and the province.</summary>
    public static async Task<(int Period2017, int Period2018, int ProvinceId)> SeedAsync(DanVanDbContext db)
    {
        var province = new OrgUnit { Code = "44", Name = "UBND tỉnh Quảng Bình", ShortName = "tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        var groups = new Dictionary<string, UnitGroup>
        {
            ["cap-xa"] = new() { Code = "cap-xa", Name = "Cấp xã", SortOrder = 1 },
            ["cap-huyen"] = new() { Code = "cap-huyen", Name = "Cấp huyện", SortOrder = 2 },
            ["so-ban-nganh"] = new() { Code = "so-ban-nganh", Name = "Sở, ban, ngành cấp tỉnh", SortOrder = 3 },
            ["dvsn-tinh"] = new() { Code = "dvsn-tinh", Name = "Đơn vị sự nghiệp công lập", SortOrder = 4 },
        };
        db.Units.Add(province);
        db.Groups.AddRange(groups.Values);

        var communeNo = 0;
        foreach (var (code, name, shortName, communes) in Districts)
        {
            var district = new OrgUnit { Code = code, Name = name, ShortName = shortName, Kind = OrgUnitKind.District, Parent = province };
            district.Groups.Add(groups["cap-huyen"]);
            db.Units.Add(district);
            for (var i = 1; i <= communes; i++)
            {
                communeNo++;
                var commune = new OrgUnit { Code = $"{code}-{i:00}", Name = $"UBND xã {communeNo:000} ({shortName})", Kind = OrgUnitKind.Commune, Parent = district };
                commune.Groups.Add(groups["cap-xa"]);
                db.Units.Add(commune);
            }
        }

        for (var i = 0; i < Agencies.Length; i++)
        {
            var agency = new OrgUnit { Code = $"S{i + 1:00}", Name = Agencies[i], Kind = OrgUnitKind.ProvincialAgency, Parent = province };
            agency.Groups.Add(groups["so-ban-nganh"]);
            db.Units.Add(agency);
        }

        for (var i = 0; i < PublicServiceUnits.Length; i++)
        {
            var unit = new OrgUnit { Code = $"D{i + 1:00}", Name = PublicServiceUnits[i], Kind = OrgUnitKind.PublicServiceUnit, Parent = province };
            unit.Groups.Add(groups["dvsn-tinh"]);
            db.Units.Add(unit);
        }

        await db.SaveChangesAsync();

        var read = CriteriaSetFile.Read(Path.Combine(Repo.Root, "samples", "criteria", "quang-binh-3367-2016.json"));
        read.Refusals.ShouldBeEmpty();
        var (stored, _) = await CriteriaSetStore.ImportAsync(db, read.Set!);
        var set = read.Set!;

        var p2017 = await OpenAsync(db, 2017, province.Id, groups.Values, stored.Id);
        await ScoreAsync(db, set, p2017.Id, new Year
        {
            Communes = [("HTXS", 70), ("HTT", 62), ("HT", 27)],
            SelfClaimedDistricts = [("450", "HTXS"), ("454", "HTXS"), ("453", "HTXS")],
            AppraisedDistricts = [("457", "HTT")],
            Agencies = [("HTXS", 7), ("HTT", 1), ("HT", 1)],
            PublicServiceUnits = [("HTXS", 1), ("HT", 1)],
        });

        var p2018 = await OpenAsync(db, 2018, province.Id, groups.Values, stored.Id);
        await ScoreAsync(db, set, p2018.Id, new Year
        {
            Communes = [("HTXS", 89), ("HTT", 45), ("HT", 25)],
            SelfClaimedDistricts = [("450", "HTXS"), ("457", "HTXS"), ("454", "HTXS"), ("458", "HTXS")],
            AppraisedDistricts = [("453", "HTT"), ("455", "HTT")],
            InspectedDistricts = [("452", "HTT")],
            Agencies = [("HTXS", 13), ("HTT", 6)],
            PublicServiceUnits = [("HTXS", 3), ("HTT", 1)],
        });

        return (p2017.Id, p2018.Id, province.Id);
    }

    private sealed record Year
    {
        public required (string Band, int Count)[] Communes { get; init; }
        public required (string Code, string Band)[] SelfClaimedDistricts { get; init; }
        public required (string Code, string Band)[] AppraisedDistricts { get; init; }
        public (string Code, string Band)[] InspectedDistricts { get; init; } = [];
        public required (string Band, int Count)[] Agencies { get; init; }
        public required (string Band, int Count)[] PublicServiceUnits { get; init; }
    }

    private static Task<EvaluationPeriod> OpenAsync(DanVanDbContext db, int year, int provinceId, IEnumerable<UnitGroup> groups, int setId) =>
        DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(year, $"Đánh giá công tác dân vận chính quyền năm {year}", provinceId,
            new DateOnly(year, 11, 1), new DateOnly(year, 11, 30), AcceptLate: true,
            groups.Select(g => new PeriodGroupChoice(g.Id, setId)).ToList()), "test");

    private static async Task ScoreAsync(DanVanDbContext db, CriteriaSet set, int periodId, Year year)
    {
        var period = await db.Periods.SingleAsync(p => p.Id == periodId);
        var assessments = await db.Assessments.Include(a => a.Entries).Include(a => a.Unit).ThenInclude(u => u!.Groups)
            .Where(a => a.PeriodId == periodId).OrderBy(a => a.Unit!.Code).ToListAsync();
        List<Assessment> InGroup(string code) => assessments.Where(a => a.Unit!.Groups.Any(g => g.Code == code)).ToList();
        var at = new DateTime(period.Year, 11, 20, 8, 0, 0, DateTimeKind.Utc);

        void Approve(IEnumerable<Assessment> units, (string Band, int Count)[] plan)
        {
            using var queue = units.GetEnumerator();
            foreach (var (band, count) in plan)
            {
                for (var i = 0; i < count; i++)
                {
                    queue.MoveNext().ShouldBeTrue();
                    Appraise(db, set, queue.Current, period, band, at);
                }
            }
        }

        Approve(InGroup("cap-xa"), year.Communes);
        Approve(InGroup("so-ban-nganh"), year.Agencies);
        Approve(InGroup("dvsn-tinh"), year.PublicServiceUnits);
        foreach (var (code, band) in year.AppraisedDistricts)
            Appraise(db, set, assessments.Single(a => a.Unit!.Code == code), period, band, at);
        foreach (var (code, band) in year.SelfClaimedDistricts)
            SelfAssess(db, set, assessments.Single(a => a.Unit!.Code == code), period, band, at);
        foreach (var (code, band) in year.InspectedDistricts)
        {
            var a = assessments.Single(x => x.Unit!.Code == code);
            foreach (var e in ScoreFiller.EntriesFor(set, band, ScoreLayer.Inspection, "Đoàn kiểm tra của tỉnh"))
                AssessmentEntries.Set(db, a, set, e, "doan-kiem-tra", at);
        }

        await db.SaveChangesAsync();
    }

    private static void SelfAssess(DanVanDbContext db, CriteriaSet set, Assessment a, EvaluationPeriod period, string band, DateTime at)
    {
        foreach (var e in ScoreFiller.EntriesFor(set, band, ScoreLayer.Self))
            AssessmentEntries.Set(db, a, set, e, "don-vi", at);
        AssessmentWorkflow.Confirm(db, a, "thu-truong", at);
        AssessmentWorkflow.Submit(db, a, period, set, "don-vi", at);
    }

    /// <summary>Self-assessed one band higher than appraised (except the top band), then appraised and approved.</summary>
    private static void Appraise(DanVanDbContext db, CriteriaSet set, Assessment a, EvaluationPeriod period, string band, DateTime at)
    {
        var bands = set.Classification.Bands.Select(b => b.Code).ToList();
        var claimed = bands[Math.Max(0, bands.IndexOf(band) - 1)];
        SelfAssess(db, set, a, period, claimed, at);
        if (claimed != band)
        {
            foreach (var e in ScoreFiller.EntriesFor(set, band, ScoreLayer.Appraisal, "Thẩm định theo tài liệu kiểm chứng"))
                AssessmentEntries.Set(db, a, set, e, "so-noi-vu", at);
        }
        AssessmentWorkflow.MarkAppraised(db, a, "so-noi-vu", at);
        AssessmentWorkflow.Approve(db, a, set, previousBand: null, "so-noi-vu", at);
    }
}

/// <summary>The repository's root folder (the one holding DanVan.slnx).</summary>
public static class Repo
{
    /// <summary>Walks up from the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.slnx"))) return dir.FullName;
        throw new InvalidOperationException("DanVan.slnx not found above " + AppContext.BaseDirectory);
    }
}
