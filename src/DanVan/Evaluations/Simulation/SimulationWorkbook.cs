using DanVan.Reports;

namespace DanVan.Evaluations.Simulation;

/// <summary>A simulation as tables: the distribution before and after, the units that change class, the criteria without counterpart, how data is carried.</summary>
public static class SimulationWorkbook
{
    /// <summary>The tables, one sheet each in the XLSX export.</summary>
    public static IReadOnlyList<ReportTable> Tables(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var distribution = new List<IReadOnlyList<object?>>();
        foreach (var g in result.Groups)
        {
            var labels = g.Before.Select(b => b.Label).Concat(g.After.Select(b => b.Label)).Distinct().ToList();
            foreach (var label in labels)
            {
                var b = g.Before.FirstOrDefault(x => x.Label == label);
                var a = g.After.FirstOrDefault(x => x.Label == label);
                distribution.Add([g.GroupName, label, b?.Count ?? 0, b?.Percent ?? 0m, a?.Count ?? 0, a?.Percent ?? 0m, (a?.Count ?? 0) - (b?.Count ?? 0)]);
            }
        }

        return
        [
            new("Phân bố xếp loại",
                [new("Nhóm"), new("Xếp loại"), new("Trước (đơn vị)", ColumnKind.Integer), new("Trước (%)", ColumnKind.Percent),
                 new("Sau (đơn vị)", ColumnKind.Integer), new("Sau (%)", ColumnKind.Percent), new("Chênh lệch", ColumnKind.Integer)],
                distribution),
            new("Đơn vị đổi loại",
                [new("Mã"), new("Đơn vị"), new("Nhóm"), new("Xếp loại trước"), new("Xếp loại sau"), new("Tổng điểm trước", ColumnKind.Decimal),
                 new("Tổng điểm sau", ColumnKind.Decimal), new("Chiều"), new("Tiêu chí thay đổi nhiều nhất")],
                result.Changes.Select(c => (IReadOnlyList<object?>)[c.UnitCode, c.UnitName, c.GroupName, c.BandBefore, c.BandAfter, c.TotalBefore, c.TotalAfter,
                    DirectionText(c.Direction), MovesText(c)]).ToList()),
            new("Tiêu chí không ánh xạ",
                [new("Loại"), new("Bộ tiêu chí"), new("Tiêu chí"), new("Nội dung"), new("Điểm tối đa", ColumnKind.Decimal)],
                result.Dropped.Select(d => (IReadOnlyList<object?>)["Tiêu chí cũ bị bỏ", d.SetName, d.Id, d.Name, d.MaxPoints])
                    .Concat(result.NoData.Select(d => (IReadOnlyList<object?>)["Tiêu chí mới chưa có số liệu", d.SetName, d.Id, d.Name, d.MaxPoints]))
                    .ToList()),
            new("Cách chuyển điểm",
                [new("Tiêu chí mới"), new("Nội dung"), new("Từ tiêu chí cũ"), new("Cách chuyển")],
                result.Carried.Select(c => (IReadOnlyList<object?>)[c.NewId, c.NewName, string.Join(", ", c.From), HowText(c.How)]).ToList()),
        ];
    }

    /// <summary>Points as a reader writes them: "8,5", "13".</summary>
    public static string Points(decimal value) => value.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The direction in words.</summary>
    public static string DirectionText(int direction) => direction switch { > 0 => "Lên", < 0 => "Xuống", _ => "Khác thang" };

    /// <summary>How a criterion gets its data, in words.</summary>
    public static string HowText(CarryKind how) => how == CarryKind.Carried ? "Giữ nguyên giá trị" : "Quy đổi theo tỷ lệ điểm";

    /// <summary>The criteria that moved the most, as one line: "3 Cải cách hành chính: 8,5 → 4".</summary>
    public static string MovesText(ClassChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Join("; ", change.Moves.Select(m => $"{m.Id} {m.Name}: {Points(m.Before)} → {Points(m.After)}"));
    }
}
