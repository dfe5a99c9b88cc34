using DanVan.Criteria;
using DanVan.Data;
using DanVan.Demo;
using DanVan.Evaluations;
using DanVan.OrgUnits;

namespace DanVan.Tests.Evaluations;

/// <summary>A province with two agencies (group so-ban-nganh), a commune that ended in 2025, and set 01 of the demo.</summary>
public sealed record EvaluationSetup(int ProvinceId, int GroupId, int OtherGroupId, int SetId, CriteriaSet Set)
{
    public static async Task<EvaluationSetup> CreateAsync(DanVanDbContext db)
    {
        var province = new OrgUnit { Code = "P", Name = "Tỉnh Thử Nghiệm", Kind = OrgUnitKind.Province };
        var agencies = new UnitGroup { Code = "so-ban-nganh", Name = "Sở, ban, ngành", SortOrder = 1 };
        var communes = new UnitGroup { Code = "cap-xa", Name = "Cấp xã", SortOrder = 2 };
        var a1 = new OrgUnit { Code = "A1", Name = "Sở Nội vụ", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
        var a2 = new OrgUnit { Code = "A2", Name = "Sở Tư pháp", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
        var old = new OrgUnit { Code = "A0", Name = "Sở đã giải thể", Kind = OrgUnitKind.ProvincialAgency, Parent = province, ValidTo = new(2023, 12, 31) };
        var commune = new OrgUnit { Code = "C1", Name = "UBND xã Kim Thủy", Kind = OrgUnitKind.Commune, Parent = province };
        a1.Groups.Add(agencies);
        a2.Groups.Add(agencies);
        old.Groups.Add(agencies);
        commune.Groups.Add(communes);
        db.AddRange(province, a1, a2, old, commune);
        await db.SaveChangesAsync();
        var set = DemoCriteria.Agencies();
        var (stored, _) = await CriteriaSetStore.ImportAsync(db, set);
        return new(province.Id, agencies.Id, communes.Id, stored.Id, set);
    }

    public OpenPeriodRequest Request(int year = 2024, bool acceptLate = true) => new(
        year, $"Năm {year}", ProvinceId, new DateOnly(year, 11, 1), new DateOnly(year, 11, 30), acceptLate, [new(GroupId, SetId)]);
}
