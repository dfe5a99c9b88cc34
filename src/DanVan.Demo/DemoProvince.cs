using DanVan.OrgUnits;

namespace DanVan.Demo;

/// <summary>The demo province's units: names after Quảng Bình before 1 July 2025, codes in the national formats.</summary>
/// <remarks>
/// 22 provincial agencies, 6 public service units, 8 district-level units with 159 communes (the figures of
/// reference report 000), abolished on 30/06/2025; from 01/07/2025 the communes are merged about three into
/// one, named as Vietnam often did (the old district's name for its seat, or syllables of the merged communes).
/// The merger of the province itself into Quảng Trị is not modelled. Names are illustrative.
/// </remarks>
internal static class DemoProvince
{
    public const string ProvinceCode = "44";
    public const string ProvinceName = "Tỉnh Quảng Bình (demo)";
    public static readonly DateOnly DistrictsEnd = new(2025, 6, 30);
    public static readonly DateOnly MergedFrom = new(2025, 7, 1);
    public const string MergerResolution = "Nghị quyết số 1680/NQ-UBTVQH15 ngày 16/6/2025 (demo)";

    public static readonly (string Code, string Name)[] Groups =
    [
        ("so-ban-nganh", "Sở, ban, ngành cấp tỉnh"),
        ("dvsn", "Đơn vị sự nghiệp công lập"),
        ("cap-huyen", "UBND cấp huyện"),
        ("cap-xa", "UBND cấp xã"),
    ];

    public static readonly (string Name, string Abbrev)[] Agencies =
    [
        ("Văn phòng UBND tỉnh", "VP"),
        ("Sở Nội vụ", "SNV"),
        ("Sở Tư pháp", "STP"),
        ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
        ("Sở Tài chính", "STC"),
        ("Sở Công Thương", "SCT"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "SNN"),
        ("Sở Giao thông vận tải", "SGTVT"),
        ("Sở Xây dựng", "SXD"),
        ("Sở Tài nguyên và Môi trường", "STNMT"),
        ("Sở Thông tin và Truyền thông", "STTTT"),
        ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
        ("Sở Văn hóa và Thể thao", "SVHTT"),
        ("Sở Du lịch", "SDL"),
        ("Sở Khoa học và Công nghệ", "SKHCN"),
        ("Sở Giáo dục và Đào tạo", "SGDĐT"),
        ("Sở Y tế", "SYT"),
        ("Sở Ngoại vụ", "SNgV"),
        ("Thanh tra tỉnh", "TTr"),
        ("Ban Dân tộc tỉnh", "BDT"),
        ("Ban Quản lý Khu kinh tế tỉnh", "BQLKKT"),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VPĐĐBQH"),
    ];

    public static readonly (string Name, string Abbrev)[] PublicServiceUnits =
    [
        ("Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC"),
        ("Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới", "BVHN"),
        ("Trường Đại học Quảng Bình", "ĐHQB"),
        ("Đài Phát thanh và Truyền hình Quảng Bình", "QBTV"),
        ("Ban Quản lý Vườn quốc gia Phong Nha - Kẻ Bàng", "VQG"),
        ("Trung tâm Xúc tiến Đầu tư và Hỗ trợ doanh nghiệp", "TTXTĐT"),
    ];

    /// <summary>District-level units: code, kind of unit, name, and communes as "kind name".</summary>
    public static readonly (string Code, string Kind, string Name, string[] Communes)[] Districts =
    [
        ("450", "thành phố", "Đồng Hới",
        [
            "phường Hải Thành", "phường Đồng Phú", "phường Bắc Lý", "phường Nam Lý", "phường Đồng Hải", "phường Đồng Sơn",
            "phường Phú Hải", "phường Bắc Nghĩa", "phường Đức Ninh Đông", "phường Hải Đình", "xã Quang Phú", "xã Lộc Ninh",
            "xã Bảo Ninh", "xã Nghĩa Ninh", "xã Thuận Đức", "xã Đức Ninh",
        ]),
        ("452", "huyện", "Minh Hóa",
        [
            "thị trấn Quy Đạt", "xã Dân Hóa", "xã Trọng Hóa", "xã Hóa Phúc", "xã Hồng Hóa", "xã Hóa Thanh", "xã Hóa Tiến",
            "xã Hóa Hợp", "xã Xuân Hóa", "xã Yên Hóa", "xã Minh Hóa", "xã Tân Hóa", "xã Hóa Sơn", "xã Trung Hóa",
            "xã Thượng Hóa", "xã Quy Hóa",
        ]),
        ("453", "huyện", "Tuyên Hóa",
        [
            "thị trấn Đồng Lê", "xã Hương Hóa", "xã Kim Hóa", "xã Thanh Hóa", "xã Thanh Thạch", "xã Thuận Hóa", "xã Lâm Hóa",
            "xã Lê Hóa", "xã Sơn Hóa", "xã Đồng Hóa", "xã Ngư Hóa", "xã Thạch Hóa", "xã Đức Hóa", "xã Phong Hóa", "xã Mai Hóa",
            "xã Tiến Hóa", "xã Châu Hóa", "xã Cao Quảng", "xã Văn Hóa", "xã Nam Hóa",
        ]),
        ("454", "huyện", "Quảng Trạch",
        [
            "xã Quảng Hợp", "xã Quảng Kim", "xã Quảng Đông", "xã Quảng Phú", "xã Quảng Châu", "xã Quảng Thạch", "xã Quảng Lưu",
            "xã Quảng Tùng", "xã Cảnh Dương", "xã Quảng Tiến", "xã Quảng Hưng", "xã Quảng Xuân", "xã Cảnh Hóa", "xã Liên Trường",
            "xã Quảng Phương", "xã Phù Hóa", "xã Quảng Thanh", "xã Quảng Trường",
        ]),
        ("455", "huyện", "Bố Trạch",
        [
            "thị trấn Hoàn Lão", "thị trấn Nông trường Việt Trung", "thị trấn Phong Nha", "xã Lâm Trạch", "xã Liên Trạch",
            "xã Thượng Trạch", "xã Tân Trạch", "xã Xuân Trạch", "xã Mỹ Trạch", "xã Hạ Trạch", "xã Bắc Trạch", "xã Thanh Trạch",
            "xã Hải Phú", "xã Sơn Lộc", "xã Hưng Trạch", "xã Đồng Trạch", "xã Đức Trạch", "xã Phú Định", "xã Trung Trạch",
            "xã Tây Trạch", "xã Hòa Trạch", "xã Đại Trạch", "xã Nhân Trạch", "xã Lý Trạch", "xã Cự Nẫm", "xã Vạn Trạch",
            "xã Phú Trạch", "xã Hoàn Trạch", "xã Sơn Trạch", "xã Nam Trạch",
        ]),
        ("456", "huyện", "Quảng Ninh",
        [
            "thị trấn Quán Hàu", "xã Trường Sơn", "xã Trường Xuân", "xã Vĩnh Ninh", "xã Hàm Ninh", "xã Võ Ninh", "xã Gia Ninh",
            "xã Duy Ninh", "xã Hải Ninh", "xã An Ninh", "xã Xuân Ninh", "xã Hiền Ninh", "xã Tân Ninh", "xã Vạn Ninh", "xã Lương Ninh",
        ]),
        ("457", "huyện", "Lệ Thủy",
        [
            "thị trấn Kiến Giang", "thị trấn Nông trường Lệ Ninh", "xã Kim Thủy", "xã Ngân Thủy", "xã Lâm Thủy", "xã Thái Thủy",
            "xã Văn Thủy", "xã Trường Thủy", "xã Mai Thủy", "xã Phú Thủy", "xã Tân Thủy", "xã Sen Thủy", "xã Hồng Thủy",
            "xã Ngư Thủy Bắc", "xã Ngư Thủy", "xã Cam Thủy", "xã Thanh Thủy", "xã Hoa Thủy", "xã Sơn Thủy", "xã Dương Thủy",
            "xã Hưng Thủy", "xã Phong Thủy", "xã Liên Thủy", "xã An Thủy", "xã Lộc Thủy", "xã Xuân Thủy", "xã Mỹ Thủy",
            "xã Ngư Thủy Nam",
        ]),
        ("458", "thị xã", "Ba Đồn",
        [
            "phường Ba Đồn", "phường Quảng Long", "phường Quảng Thọ", "phường Quảng Phong", "phường Quảng Phúc", "phường Quảng Thuận",
            "xã Quảng Hòa", "xã Quảng Lộc", "xã Quảng Văn", "xã Quảng Sơn", "xã Quảng Thủy", "xã Quảng Tân", "xã Quảng Trung",
            "xã Quảng Tiên", "xã Quảng Minh", "xã Quảng Hải",
        ]),
    ];

    /// <summary>A planned unit, before storage.</summary>
    public sealed record Planned(string Code, string Name, string? ShortName, OrgUnitKind Kind, string? ParentCode, string? Group,
        DateOnly? ValidFrom, DateOnly? ValidTo, string? Abbrev = null);

    /// <summary>A planned successor link.</summary>
    public sealed record PlannedSuccession(string Predecessor, string Successor, SuccessionKind Kind);

    /// <summary>Plans every unit and successor link; communes per district are multiplied by <paramref name="scale"/>.</summary>
    public static (List<Planned> Units, List<PlannedSuccession> Successions) Plan(int scale)
    {
        var units = new List<Planned> { new(ProvinceCode, ProvinceName, "tỉnh Quảng Bình", OrgUnitKind.Province, null, null, null, null) };
        for (var i = 0; i < Agencies.Length; i++)
            units.Add(new($"000.00.{i + 1:00}.H44", Agencies[i].Name, null, OrgUnitKind.ProvincialAgency, ProvinceCode, "so-ban-nganh", null, null, Agencies[i].Abbrev));
        for (var i = 0; i < PublicServiceUnits.Length; i++)
            units.Add(new($"000.{i + 30:00}.00.H44", PublicServiceUnits[i].Name, null, OrgUnitKind.PublicServiceUnit, ProvinceCode, "dvsn", null, null, PublicServiceUnits[i].Abbrev));

        var successions = new List<PlannedSuccession>();
        var communeCode = 19000;
        var merged = new List<(string District, List<Planned> Members)>();
        foreach (var (code, kind, name, communes) in Districts)
        {
            var districtShort = $"{kind} {name}";
            units.Add(new(code, $"UBND {districtShort}", districtShort, OrgUnitKind.District, ProvinceCode, "cap-huyen", null, DistrictsEnd, Abbrev: name));
            var members = new List<Planned>();
            for (var copy = 1; copy <= scale; copy++)
            {
                foreach (var commune in communes)
                {
                    communeCode += 3;
                    var shortName = copy == 1 ? commune : $"{commune} {copy}";
                    var planned = new Planned(communeCode.ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
                        $"UBND {shortName}", shortName, OrgUnitKind.Commune, code, "cap-xa", null, DistrictsEnd);
                    members.Add(planned);
                    units.Add(planned);
                }
            }
            merged.Add((code, members));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (district, members) in merged)
        {
            var districtName = Districts.First(d => d.Code == district).Name;
            foreach (var chunk in Chunks(members))
            {
                communeCode += 3;
                var newName = MergedName(chunk, districtName, members, names);
                var planned = new Planned(communeCode.ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
                    $"UBND {newName}", newName, OrgUnitKind.Commune, ProvinceCode, "cap-xa", MergedFrom, null);
                units.Add(planned);
                foreach (var member in chunk) successions.Add(new(member.Code, planned.Code, SuccessionKind.Merge));
                successions.Add(new(district, planned.Code, SuccessionKind.Split));
            }
        }
        return (units, successions);
    }

    /// <summary>Groups of about three communes, in list order; a remainder of one joins the last group.</summary>
    private static List<List<Planned>> Chunks(List<Planned> members)
    {
        var chunks = members.Chunk(3).Select(c => c.ToList()).ToList();
        if (chunks.Count > 1 && chunks[^1].Count == 1)
        {
            chunks[^2].AddRange(chunks[^1]);
            chunks.RemoveAt(chunks.Count - 1);
        }
        return chunks;
    }

    private static string MergedName(List<Planned> chunk, string districtName, List<Planned> all, HashSet<string> taken)
    {
        var (firstKind, firstName) = Split(chunk[0].ShortName!);
        string candidate;
        if (firstKind == "thị trấn") candidate = $"xã {districtName}";
        else if (firstKind == "phường") candidate = $"phường {firstName}";
        else
        {
            var first = Distinctive(firstName, all);
            var second = chunk.Count > 1 ? Distinctive(Split(chunk[1].ShortName!).Name, all, avoid: first) : "";
            candidate = $"xã {first} {second}".TrimEnd();
        }

        var name = candidate;
        for (var n = 2; !taken.Add(name); n++) name = $"{candidate} {n}";
        return name;
    }

    /// <summary>The syllable that tells a commune from its neighbours: "Kim" of "Kim Thủy" among "... Thủy".</summary>
    private static string Distinctive(string name, List<Planned> all, string? avoid = null)
    {
        var words = name.Split(' ');
        if (words.Length == 1) return name;
        var names = all.Select(p => Split(p.ShortName!).Name.Split(' ')).ToList();
        var lastCommon = names.Count(w => w[^1] == words[^1]) * 10 >= names.Count * 3;
        var firstCommon = names.Count(w => w[0] == words[0]) * 10 >= names.Count * 3;
        var preferred = lastCommon ? words[0] : firstCommon ? words[1] : words[0];
        // "Thanh Hóa" and "Thanh Thạch" give "Thanh Thạch", not "Thanh Thanh".
        return preferred != avoid ? preferred : words.FirstOrDefault(w => w != avoid && !int.TryParse(w, out _)) ?? preferred;
    }

    private static (string Kind, string Name) Split(string shortName)
    {
        foreach (var kind in new[] { "thị trấn", "phường", "xã" })
            if (shortName.StartsWith(kind + " ", StringComparison.Ordinal)) return (kind, shortName[(kind.Length + 1)..]);
        return ("xã", shortName);
    }
}
