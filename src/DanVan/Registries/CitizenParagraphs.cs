using System.Globalization;

namespace DanVan.Registries;

/// <summary>The sentences reports write from the citizen registries' figures, in the reports' own wording (002, 003).</summary>
public static class CitizenParagraphs
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>002's paragraph: totals after de-duplication, then each kind of reception, delegations beside the periodic ones.</summary>
    /// <example>"Tiếp công dân 419 lượt/ 622 người/ 136 vụ việc (sau khi đã lọc vụ trùng). Trong đó: + Tiếp định kỳ: 342 lượt/ 534 người; Tiếp Đoàn
    /// đông người (từ 05 người trở lên) 18 lượt đoàn/ 08 vụ việc. + Tiếp thường xuyên: 78 lượt/ 88 người. + Tiếp đột xuất: Không có."</example>
    public static IReadOnlyList<string> ByKind(ReceptionFigures f, int delegationThreshold)
    {
        ArgumentNullException.ThrowIfNull(f);
        string Kind(ReceptionKind k) => f.ByKind.GetValueOrDefault(k) is { Visits: > 0 } c ? $"{N(c.Visits)} lượt/ {N(c.People)} người" : "Không có";
        var delegations = f.Delegations > 0
            ? $"; Tiếp Đoàn đông người (từ {N(delegationThreshold)} người trở lên) {N(f.Delegations)} lượt đoàn/ {N(f.DelegationMatters)} vụ việc"
            : "";
        return
        [
            $"Tiếp công dân {N(f.Total.Visits)} lượt/ {N(f.Total.People)} người/ {N(f.Matters)} vụ việc (sau khi đã lọc vụ trùng). Trong đó:",
            $"+ Tiếp định kỳ: {Kind(ReceptionKind.Periodic)}{delegations}.",
            $"+ Tiếp thường xuyên: {Kind(ReceptionKind.Regular)}.",
            $"+ Tiếp đột xuất: {Kind(ReceptionKind.Unscheduled)}.",
        ];
    }

    /// <summary>003's sentence: visits and people, the change on the same period a year before, guided and explained, the resolution rate.</summary>
    /// <example>"Đã tiếp 289 lượt/307 người đến khiếu nại, tố cáo, kiến nghị, giảm 252 lượt so với cùng kỳ năm 2015 (289/541 lượt); hướng dẫn cho 139 lượt
    /// công dân làm đơn gửi đến cơ quan có thẩm quyền, giải thích cho 150 lượt công dân hiểu về những vấn đề còn thắc mắc; giải quyết được 93,23% đơn, thư thuộc thẩm quyền."</example>
    public static string Summary(ReceptionFigures now, ReceptionFigures? yearBefore, int previousYear, PetitionFigures petitions)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(petitions);
        var text = $"Đã tiếp {N(now.Total.Visits)} lượt/{N(now.Total.People)} người đến khiếu nại, tố cáo, kiến nghị";
        if (yearBefore is not null)
        {
            var change = now.Total.Visits - yearBefore.Total.Visits;
            text += change == 0
                ? $", bằng cùng kỳ năm {previousYear}"
                : $", {(change < 0 ? "giảm" : "tăng")} {N(Math.Abs(change))} lượt so với cùng kỳ năm {previousYear} ({N(now.Total.Visits)}/{N(yearBefore.Total.Visits)} lượt)";
        }
        var guided = now.ByOutcome.GetValueOrDefault(ReceptionOutcome.Guided);
        var explained = now.ByOutcome.GetValueOrDefault(ReceptionOutcome.Explained);
        if (guided > 0) text += $"; hướng dẫn cho {N(guided)} lượt công dân làm đơn gửi đến cơ quan có thẩm quyền";
        if (explained > 0) text += $", giải thích cho {N(explained)} lượt công dân hiểu về những vấn đề còn thắc mắc";
        if (petitions.WithinCompetence > 0)
            text += $"; giải quyết được {Percent(petitions.Resolved, petitions.WithinCompetence)}% đơn, thư thuộc thẩm quyền";
        return text + ".";
    }

    /// <summary>A count as the reports write it: two digits under ten ("08"), thousands with dots ("1.016").</summary>
    public static string N(int n) => n is >= 0 and < 10 ? n.ToString("00", Vi) : n.ToString("#,##0", Vi);

    /// <summary>A rate in per cent with two decimals, rounded half away from zero ("93,23").</summary>
    public static string Percent(int part, int whole) =>
        Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero).ToString("0.00", Vi);
}
