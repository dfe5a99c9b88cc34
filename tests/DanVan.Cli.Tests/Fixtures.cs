using DanVan.Criteria;
using DanVan.Demo;

namespace DanVan.Cli.Tests;

/// <summary>Small input files shared by the tests.</summary>
public static class Fixtures
{
    /// <summary>A province with two agencies, a public service unit, a district with two communes merged on 01/07/2025.</summary>
    public const string UnitsCsv = """
        code,name,short_name,kind,parent_code,groups,valid_from,valid_to,successors
        P,Tỉnh Thử Nghiệm,tỉnh Thử Nghiệm,Province,,,,,
        A1,Sở Nội vụ,,ProvincialAgency,P,so-ban-nganh,,,
        A2,Sở Tư pháp,,ProvincialAgency,P,so-ban-nganh,,,
        S1,Trung tâm Phục vụ hành chính công,,PublicServiceUnit,P,dvsn,,,
        D1,UBND huyện Lệ Thủy,huyện Lệ Thủy,District,P,cap-huyen,,2025-06-30,X9
        C1,UBND xã Kim Thủy,xã Kim Thủy,Commune,D1,cap-xa,,2025-06-30,X9
        C2,UBND xã Ngân Thủy,xã Ngân Thủy,Commune,D1,cap-xa,,2025-06-30,X9
        X9,UBND xã Kim Ngân,xã Kim Ngân,Commune,P,cap-xa,2025-07-01,,
        """;

    /// <summary>Set 01 of the demo: points, levels, checklist, ratio, not applicable, bonus, deductions.</summary>
    public static string CriteriaJson => CriteriaSetFile.Serialize(DemoCriteria.Agencies());

    /// <summary>Its key.</summary>
    public const string CriteriaKey = DemoCriteria.AgenciesKey;

    /// <summary>The header of score files.</summary>
    public const string ScoreHeader = "unit_code,criterion,layer,points,level,checked,achieved,target,count,not_applicable,note";

    /// <summary>A complete self-assessment of A1: 78,25 of the 85 applicable points → 92,06 (HTXS).</summary>
    public const string SelfRowsOfA1 = """
        A1,1.1,self,,A,,,,,,Kế hoạch số 12/KH-SNV ngày 15/01/2024
        A1,1.2,self,,,a;b;c,,,,,
        A1,2,self,"13,5",,,,,,,
        A1,3,tu-danh-gia,,,,,,,x,Không chấm điểm chỉ số CCHC
        A1,4.1,self,,,,95,,,,
        A1,4.2,self,,A,,,,,,
        A1,5,self,14.25,,,,,,,
        A1,6,self,9,,,,,,,
        A1,7,self,,,a;b,,,,,
        A1,8,self,,A,,,,,,
        """;
}
