using System.Globalization;
using System.Text;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>A sentence of a report and, where the report puts the detail in a footnote, that footnote.</summary>
/// <param name="Sentence">The sentence.</param>
/// <param name="Footnote">Its footnote, or null.</param>
public sealed record ReportSentence(string Sentence, string? Footnote = null);

/// <summary>The report sentences of the work registries, in the wording of the province's reports (003 for the models, 000 for the plans).</summary>
/// <remarks>Numbers are written as the reports write them: thousands grouped with a dot (1.016), a count under ten with two
/// digits (07), and in "n/N" the part as wide as the whole (08/22, 3/8).</remarks>
public static class WorkParagraphs
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>003: "Đến nay đã xây dựng và nhân rộng được 1.016 mô hình "Dân vận khéo" trong các lĩnh vực", with the footnote by field and by level.</summary>
    public static ReportSentence Models(ModelFigures m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var sentence = $"Đến nay đã xây dựng và nhân rộng được {Count(m.Total)} mô hình \"Dân vận khéo\" trong các lĩnh vực.";
        var fields = m.ByField.Where(f => f.Count > 0).Select((f, i) => $"{(i == 0 ? f.Field : LowerFirst(f.Field))}: {Count(f.Count)} mô hình");
        var level = (WorkLevel l) => Count(m.ByLevel.GetValueOrDefault(l));
        var footnote = $"{string.Join("; ", fields)} (trong đó các cơ quan cấp tỉnh xây dựng được {level(WorkLevel.Province)} mô hình, " +
            $"cấp huyện {level(WorkLevel.District)} mô hình, cấp cơ sở {level(WorkLevel.Grassroots)} mô hình).";
        return new ReportSentence(sentence, footnote);
    }

    /// <summary>003: "Đã có 48 tập thể, cá nhân tiêu biểu được Trung ương và tỉnh khen thưởng (trong đó có 07 mô hình được giới thiệu …)".</summary>
    /// <remarks>The models awarded by districts and communes are written as the report rounds them ("hàng trăm mô hình").</remarks>
    public static string Awards(ModelFigures m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var high = m.AwardsByLevel.GetValueOrDefault(WorkLevel.Central) + m.AwardsByLevel.GetValueOrDefault(WorkLevel.Province);
        var text = new StringBuilder($"Đã có {Count(high)} tập thể, cá nhân tiêu biểu được Trung ương và tỉnh khen thưởng");
        if (m.PresentedNationally > 0)
            text.Append($" (trong đó có {Count(m.PresentedNationally)} mô hình được giới thiệu báo cáo điển hình tại Hội nghị toàn Quốc tổng kết phong trào thi đua \"Dân vận khéo\" do Ban Dân vận Trung ương tổ chức)");
        if (m.ModelsAwardedLocally > 0) text.Append($" và {Roughly(m.ModelsAwardedLocally)} mô hình được cấp huyện và cơ sở khen thưởng");
        return text.Append('.').ToString();
    }

    /// <summary>000, footnote 1: "Năm 2018: có 11/22 cơ quan QLNN cấp tỉnh và 5/8 huyện, TP, TX đã ban hành Kế hoạch thực hiện công tác DVCQ: Sở GTVT; …; UBND các huyện: Lệ Thủy; … và TX Ba Đồn."</summary>
    /// <param name="db">The database.</param>
    /// <param name="scope">The scope unit (the province).</param>
    /// <param name="year">The plans' year.</param>
    /// <param name="groupCodes">The unit groups (khối) to count, in the province's order; every group of the scope's units when null.</param>
    /// <param name="ct">Cancellation.</param>
    /// <remarks>A group counts its units under the scope that exist during the year (n/N); the named list follows the groups'
    /// order and, within a group, the units' codes (the province's order).</remarks>
    public static async Task<string> PlansAsync(DanVanDbContext db, OrgUnit scope, int year, IReadOnlyCollection<string>? groupCodes = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        DateOnly first = new(year, 1, 1), last = new(year, 12, 31);
        var units = await db.Units.AsNoTracking().Include(u => u.Groups)
            .Where(u => u.Path.StartsWith(scope.Path) && (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= first))
            .ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var issued = (await db.WorkPlans.AsNoTracking()
            .Where(p => ids.Contains(p.UnitId) && p.Year == year && p.Kind == WorkPlanKind.GovernmentMobilisation && p.IssuedOn != null)
            .Select(p => p.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
        var groups = units.SelectMany(u => u.Groups).DistinctBy(g => g.Id)
            .Where(g => groupCodes is null || groupCodes.Contains(g.Code))
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var counts = new List<string>();
        var names = new List<(string Text, bool Opens)>();
        foreach (var g in groups)
        {
            var members = units.Where(u => u.Groups.Any(x => x.Id == g.Id)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
            var (label, heading) = Wording(members);
            var done = members.Where(u => issued.Contains(u.Id)).ToList();
            counts.Add($"{Part(done.Count, members.Count)}/{members.Count} {label}");
            for (var i = 0; i < done.Count; i++)
                names.Add(((i == 0 && heading is not null ? heading + ": " : "") + ListName(done[i], heading), i == 0 && heading is not null));
        }
        // Units in no group are counted nowhere: with no group there is no "n/N" to write.
        if (counts.Count == 0) return "";
        var text = $"Năm {year.ToString(CultureInfo.InvariantCulture)}: có {JoinAnd(counts, ", ")} đã ban hành Kế hoạch thực hiện công tác DVCQ";
        if (names.Count == 0) return text + ".";
        // "và" joins the last two names of one list ("Quảng Trạch và Minh Hóa"); a list that opens with its heading stands after "; ".
        var separator = names[^1].Opens ? "; " : " và ";
        var joined = names.Count == 1 ? names[0].Text : string.Join("; ", names.Take(names.Count - 1).Select(n => n.Text)) + separator + names[^1].Text;
        return $"{text}: {joined}.";
    }

    /// <summary>
    /// 004: the scope's own documents of the year, as a district lists what it issued: "UBND huyện Bình Sơn đã ban hành: Kế hoạch số
    /// 16-KH/BDVHU-UBND ngày 07/3/2019 về việc phối hợp …; Công văn số 503/UBND ngày 15/3/2019 về việc …". Null when it issued none.
    /// </summary>
    /// <remarks>The kind of each document is read from its number and symbol (<see cref="DocumentKinds.FromNumber"/>): a plan
    /// registry also holds the Công văn that direct the work.</remarks>
    public static async Task<string?> OwnDocumentsAsync(DanVanDbContext db, OrgUnit scope, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var plans = await db.WorkPlans.AsNoTracking()
            .Where(p => p.UnitId == scope.Id && p.Year == year && p.IssuedOn != null && p.Number != null)
            .ToListAsync(ct);
        if (plans.Count == 0) return null;
        var items = plans.OrderBy(p => p.IssuedOn).ThenBy(p => p.Number, StringComparer.Ordinal).Select(p =>
        {
            var reference = Reports.VietnameseFormat.DocumentReference(DocumentKinds.FromNumber(p.Number!) ?? "Kế hoạch", p.Number!, p.IssuedOn!.Value);
            return string.IsNullOrWhiteSpace(p.Title) ? reference : $"{reference} {About(p.Title.Trim())}";
        });
        return $"{scope.Name} đã ban hành: {string.Join("; ", items)}.";
    }

    // "về việc …", "về thực hiện …"; a trích yếu that already opens with "về" keeps it.
    private static string About(string title)
    {
        var t = title.TrimEnd('.', ';');
        t = Reports.VietnameseFormat.InSentence(t);
        return t.StartsWith("về ", StringComparison.Ordinal) ? t : "về " + t;
    }

    /// <summary>The Front's recommendations: received, answered on time, resolved.</summary>
    public static string Recommendations(RecommendationFigures r, int year)
    {
        ArgumentNullException.ThrowIfNull(r);
        return $"Năm {year.ToString(CultureInfo.InvariantCulture)}, đã tiếp nhận {Count(r.Received)} kiến nghị của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội " +
            $"sau giám sát, phản biện xã hội; đã trả lời đúng hạn {Part(r.AnsweredOnTime, r.Received)}/{r.Received.ToString(CultureInfo.InvariantCulture)} kiến nghị; đã giải quyết xong {Count(r.Resolved)} kiến nghị.";
    }

    /// <summary>A count as the reports write it: 07, 48, 1.016.</summary>
    public static string Count(int n) => n is >= 0 and < 10 ? n.ToString("00", CultureInfo.InvariantCulture) : n.ToString("N0", Vi);

    /// <summary>The part of "n/N", as wide as the whole: 08/22, 3/8.</summary>
    public static string Part(int n, int whole) =>
        n.ToString(CultureInfo.InvariantCulture).PadLeft(whole.ToString(CultureInfo.InvariantCulture).Length, '0');

    // "hàng trăm mô hình": the report rounds the locally awarded models to their order of magnitude.
    private static string Roughly(int n) => n switch
    {
        >= 1000 => "hàng nghìn",
        >= 100 => "hàng trăm",
        >= 20 => "hàng chục",
        _ => Count(n),
    };

    // The group's wording follows the kind most of its units are: 000 writes "cơ quan QLNN cấp tỉnh" and "huyện, TP, TX", and names the districts after "UBND các huyện".
    private static (string Label, string? Heading) Wording(IReadOnlyList<OrgUnit> members)
    {
        var kind = members.GroupBy(u => u.Kind).OrderByDescending(k => k.Count()).Select(k => (OrgUnitKind?)k.Key).FirstOrDefault();
        return kind switch
        {
            OrgUnitKind.ProvincialAgency => ("cơ quan QLNN cấp tỉnh", null),
            OrgUnitKind.PublicServiceUnit => ("đơn vị sự nghiệp công lập", null),
            OrgUnitKind.District => ("huyện, TP, TX", "UBND các huyện"),
            OrgUnitKind.DistrictOffice => ("phòng, ban cấp huyện", null),
            OrgUnitKind.Commune => ("xã, phường, thị trấn", "UBND các xã"),
            OrgUnitKind.CentralAgency => ("cơ quan Trung ương", null),
            _ => ("đơn vị", null),
        };
    }

    // Under "UBND các huyện:" a district is named without "UBND huyện"; towns and cities keep "TX", "TP".
    private static string ListName(OrgUnit u, string? heading)
    {
        var name = u.DisplayName.Trim();
        if (heading is null) return name;
        foreach (var (prefix, replacement) in new[] { ("UBND ", ""), ("huyện ", ""), ("xã ", ""), ("thị xã ", "TX "), ("thành phố ", "TP "), ("thị trấn ", "TT ") })
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) name = replacement + name[prefix.Length..];
        return name;
    }

    private static string JoinAnd(IReadOnlyList<string> items, string separator) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(separator, items.Take(items.Count - 1)) + " và " + items[^1],
    };

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vi) + text[1..];
}
