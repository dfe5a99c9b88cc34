namespace DanVan.Registries;

/// <summary>
/// The kind of an official document read from its number and symbol (số, ký hiệu), as Nghị định 30/2020/NĐ-CP (Phụ lục III) and
/// the Party's Hướng dẫn 36-HD/VPTW write them: "06/KH-UBND" and "16-KH/BDVHU-UBND" are Kế hoạch; a Công văn carries no kind,
/// only its issuer ("503/UBND", "486/UBND-VX", "826/SNV-XDCQ").
/// </summary>
public static class DocumentKinds
{
    // Phụ lục III, Nghị định 30/2020/NĐ-CP: tên loại văn bản and their abbreviations (case matters: QĐ, QyĐ).
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["NQ"] = "Nghị quyết", ["QĐ"] = "Quyết định", ["CT"] = "Chỉ thị", ["QC"] = "Quy chế", ["QyĐ"] = "Quy định",
        ["TC"] = "Thông cáo", ["TB"] = "Thông báo", ["HD"] = "Hướng dẫn", ["CTr"] = "Chương trình", ["KH"] = "Kế hoạch",
        ["PA"] = "Phương án", ["ĐA"] = "Đề án", ["DA"] = "Dự án", ["BC"] = "Báo cáo", ["BB"] = "Biên bản", ["TTr"] = "Tờ trình",
        ["HĐ"] = "Hợp đồng", ["CĐ"] = "Công điện", ["BGN"] = "Bản ghi nhớ", ["BTT"] = "Bản thỏa thuận", ["GUQ"] = "Giấy ủy quyền",
        ["GM"] = "Giấy mời", ["GGT"] = "Giấy giới thiệu", ["GNP"] = "Giấy nghỉ phép", ["PG"] = "Phiếu gửi", ["PC"] = "Phiếu chuyển",
        ["PB"] = "Phiếu báo", ["KL"] = "Kết luận", ["TT"] = "Thông tư",
    };

    /// <summary>"Kế hoạch" for "31/KH-UBND" or "16-KH/BDVHU-UBND", "Công văn" for "503/UBND"; null for a blank number.</summary>
    public static string? FromNumber(string number)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        // Word documents often carry Đ as the look-alike Ð (U+00D0).
        var text = number.Normalize(System.Text.NormalizationForm.FormC).Replace('Ð', 'Đ').Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return "Công văn";
        var head = text[..slash];
        var tail = text[(slash + 1)..];
        // The Party writes the kind after the number ("16-KH/…"); the State writes it before the issuer ("31/KH-UBND").
        var dash = head.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0 && Names.TryGetValue(head[(dash + 1)..].Trim(), out var party)) return party;
        var kind = tail.Split('-', 2)[0].Trim();
        return Names.TryGetValue(kind, out var name) ? name : "Công văn";
    }
}
