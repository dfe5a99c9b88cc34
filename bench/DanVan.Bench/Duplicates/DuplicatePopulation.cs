using System.Globalization;
using System.Text;
using DanVan.Registries.Duplicates;

namespace DanVan.Bench.Duplicates;

/// <summary>
/// A seeded, labelled synthetic population of petitions in one province: people with Vietnamese names drawn with
/// realistic frequencies, addresses in a province of districts, communes and villages, ID numbers for ~60% and phones
/// for ~70%. A person files a matter once or again (at the same commune, or up to the district and the province), each
/// record written with the variations clerks make; namesakes (the same common name, another person) are planted too.
/// </summary>
internal sealed class DuplicatePopulation
{
    /// <summary>The records, keyed "P:0", "P:1", ….</summary>
    public List<DuplicateRecord> Records { get; } = [];

    /// <summary>The true matter of each record (same number: same person's same matter), by index.</summary>
    public List<int> MatterOf { get; } = [];

    /// <summary>The true person of each record, by index.</summary>
    public List<int> PersonOf { get; } = [];

    /// <summary>Whether two records are labelled duplicates.</summary>
    public bool SameMatter(string a, string b) => MatterOf[Index(a)] == MatterOf[Index(b)];

    /// <summary>Planted namesake persons (another person given an existing person's full name).</summary>
    public int Namesakes { get; private set; }

    /// <summary>Record index from its key.</summary>
    public static int Index(string key) => int.Parse(key.AsSpan(2), CultureInfo.InvariantCulture);

    /// <summary>True duplicate pairs (Σ k(k−1)/2 over matters filed k times).</summary>
    public long TruePairs()
    {
        var counts = new Dictionary<int, int>();
        foreach (var m in MatterOf) counts[m] = counts.GetValueOrDefault(m) + 1;
        return counts.Values.Sum(k => (long)k * (k - 1) / 2);
    }

    private static readonly (string Name, double Weight)[] Families =
    [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3), ("Huỳnh", 2.1), ("Phan", 4.5), ("Vũ", 2), ("Võ", 1.9),
        ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.6), ("Trịnh", 0.5),
        ("Trương", 0.6), ("Cao", 0.4), ("Lâm", 0.4), ("Lương", 0.4), ("Đoàn", 0.5), ("Mai", 0.3), ("Hà", 0.4), ("Tạ", 0.3), ("Chu", 0.2),
        ("Quách", 0.2), ("Lưu", 0.3), ("Triệu", 0.2), ("Kiều", 0.1), ("Khúc", 0.1), ("Vương", 0.2), ("Tô", 0.2), ("Lại", 0.2),
    ];

    private static readonly (string Name, double Weight)[] MaleMiddles =
        [("Văn", 50), ("Hữu", 8), ("Đức", 8), ("Minh", 7), ("Quang", 6), ("Công", 6), ("Đình", 5), ("Xuân", 4), ("Ngọc", 3), ("Thanh", 3)];

    private static readonly (string Name, double Weight)[] FemaleMiddles =
        [("Thị", 65), ("Ngọc", 7), ("Thu", 6), ("Thanh", 6), ("Hồng", 5), ("Kim", 4), ("Minh", 3), ("Mai", 2), ("Phương", 2)];

    private static readonly string[] MaleGivens =
    [
        "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Hải", "Long", "Thắng", "Sơn", "Cường", "Quang", "Hòa", "Bình", "Thành", "Tùng", "Hưng",
        "Phong", "Trung", "Hiếu", "Đức", "Việt", "Huy", "Khánh", "Lâm", "Tâm", "Tiến", "Toàn", "Hoàng", "Vinh", "Kiên", "Đạt", "Phúc",
        "Lộc", "Thịnh", "Quý", "Tài", "An", "Bảo", "Chiến", "Định", "Giang", "Hậu", "Kha", "Lực", "Mạnh", "Nghĩa", "Phát", "Quyết",
        "Sang", "Thái", "Thuận", "Trọng", "Tú", "Vũ", "Xuân", "Yên", "Đông", "Hiển", "Khải", "Luân", "Nhân", "Pháp", "Quân", "Sỹ",
    ];

    private static readonly string[] FemaleGivens =
    [
        "Lan", "Hương", "Hoa", "Mai", "Hà", "Linh", "Trang", "Thủy", "Ngọc", "Anh", "Hạnh", "Huyền", "Nga", "Oanh", "Phương", "Quyên",
        "Thảo", "Thu", "Tuyết", "Vân", "Yến", "Dung", "Hằng", "Hiền", "Hồng", "Liên", "Loan", "Nhung", "Nhàn", "Duyên", "Giang", "Hậu",
        "Khánh", "Lý", "My", "Nhi", "Quỳnh", "Sen", "Tâm", "Thơm", "Thúy", "Trinh", "Uyên", "Xuân", "Đào", "Bích", "Chi", "Diệp",
    ];

    private static readonly string[] PlaceA = ["Tân", "Phú", "Hòa", "An", "Đông", "Tây", "Nam", "Bắc", "Thanh", "Vĩnh", "Xuân", "Hưng", "Quang", "Minh", "Phúc", "Long", "Đại", "Trung", "Cẩm", "Hồng"];
    private static readonly string[] PlaceB = ["Lập", "Hòa", "Thịnh", "Phú", "Lợi", "Mỹ", "Sơn", "Hưng", "Bình", "An", "Thành", "Đức", "Tiến", "Phong", "Lộc", "Hải", "Kiều", "Dương"];
    private static readonly string[] Streets = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Quang Trung", "Hai Bà Trưng", "Lý Thường Kiệt", "Phan Đình Phùng", "Điện Biên Phủ"];
    private static readonly string[] NumberWords = ["", "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười một", "Mười hai"];
    private static readonly string[] Romans = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    private const string Province = "Sơn Đông";

    private sealed record District(int Id, string Type, string Name);
    private sealed record Commune(int Id, District District, string Type, string Name, string VillageType, int Villages);

    private sealed record Person(int Id, string Family, string[] Middle, string Given, Commune Commune, int Village, string? Street, string? IdHash, string? Phone);

    private readonly Random _r;
    private readonly List<Commune> _communes = [];
    private readonly double[] _familyCdf, _maleMiddleCdf, _femaleMiddleCdf, _maleGivenCdf, _femaleGivenCdf;

    private DuplicatePopulation(int seed)
    {
        _r = new Random(seed);
        _familyCdf = Cdf(Families.Select(f => f.Weight));
        _maleMiddleCdf = Cdf(MaleMiddles.Select(f => f.Weight));
        _femaleMiddleCdf = Cdf(FemaleMiddles.Select(f => f.Weight));
        _maleGivenCdf = Cdf(MaleGivens.Select((_, i) => 1 / Math.Pow(i + 1, 0.9)));
        _femaleGivenCdf = Cdf(FemaleGivens.Select((_, i) => 1 / Math.Pow(i + 1, 0.9)));
        // 12 districts (a city, a town, ten rural districts) of 14 communes: 168 communes, as a province before 2025.
        var names = new HashSet<string>();
        string PlaceName() { string n; do n = Pick(PlaceA) + " " + Pick(PlaceB); while (!names.Add(n)); return n; }
        for (var d = 0; d < 12; d++)
        {
            var district = new District(d + 2, d == 0 ? "thành phố" : d == 1 ? "thị xã" : "huyện", PlaceName());
            for (var c = 0; c < 14; c++)
            {
                var urban = d < 2 && c < 10;
                var type = urban ? "phường" : c == 0 ? "thị trấn" : "xã";
                var name = urban && c < 4 ? (c + 1).ToString(CultureInfo.InvariantCulture) : PlaceName();
                _communes.Add(new Commune(100 + d * 14 + c, district, type, name, urban ? (c % 2 == 0 ? "tổ" : "khu phố") : (c % 3 == 0 ? "xóm" : "thôn"), _r.Next(4, 13)));
            }
        }
    }

    /// <summary>Generates about <paramref name="records"/> records.</summary>
    public static DuplicatePopulation Generate(int records, int seed)
    {
        var p = new DuplicatePopulation(seed);
        p.Fill(records);
        return p;
    }

    private void Fill(int target)
    {
        var persons = new List<Person>();
        var matter = 0;
        while (Records.Count < target)
        {
            var person = NewPerson(persons);
            persons.Add(person);
            // Most people bring one matter; one in ten brings a second, unrelated one (same person, not a duplicate).
            var matters = _r.NextDouble() < 0.1 ? 2 : 1;
            Template? first = null;
            for (var m = 0; m < matters && Records.Count < target; m++, matter++)
            {
                var text = NewMatter(first, out var kind, out var field, out first);
                var filings = Roll(0.62, 0.22, 0.10, 0.06); // 1, 2, 3 or 4 records of the same matter
                var date = new DateOnly(2022, 1, 1).AddDays(_r.Next(0, 4 * 365));
                var level = 0; // 0 commune, 1 district, 2 province: repeats go up the levels (or stay)
                for (var f = 0; f < filings && Records.Count < target; f++)
                {
                    if (f > 0)
                    {
                        date = date.AddDays(_r.Next(3, 150));
                        if (_r.NextDouble() < 0.7) level = Math.Min(2, level + 1);
                    }
                    var unit = level switch
                    {
                        0 => $"/1/{person.Commune.District.Id}/{person.Commune.Id}/",
                        1 => $"/1/{person.Commune.District.Id}/",
                        _ => "/1/",
                    };
                    Records.Add(new DuplicateRecord($"P:{Records.Count}", unit, date, WriteName(person, f), person.IdHash is not null && (f == 0 || _r.NextDouble() < 0.85) ? person.IdHash : null,
                        WriteAddress(person), person.Phone is not null && _r.NextDouble() < 0.85 ? WritePhone(person.Phone) : null,
                        f == 0 ? text : Paraphrase(text), kind, field));
                    MatterOf.Add(matter);
                    PersonOf.Add(person.Id);
                }
            }
        }
    }

    private Person NewPerson(List<Person> persons)
    {
        var id = persons.Count;
        var commune = Pick(_communes);
        var village = _r.Next(1, commune.Villages + 1);
        string? street = commune.Type == "phường" && _r.NextDouble() < 0.3 ? $"số {_r.Next(1, 300)} đường {Pick(Streets)}" : null;
        string? idHash = _r.NextDouble() < 0.6 ? $"k{(uint)(id * 2654435761u):x8}{id:x}" : null;
        string? phone = _r.NextDouble() < 0.7 ? $"0{Pick(["9", "8", "3", "7"])}{_r.Next(10_000_000, 100_000_000)}" : null;
        // A planted namesake: a different person with an existing person's full name, often in the same commune.
        if (persons.Count > 100 && _r.NextDouble() < 0.05)
        {
            var other = persons[_r.Next(persons.Count)];
            Namesakes++;
            if (_r.NextDouble() < 0.4) { commune = other.Commune; village = _r.Next(1, commune.Villages + 1); }
            return new Person(id, other.Family, other.Middle, other.Given, commune, village, street, idHash, phone);
        }
        var male = _r.NextDouble() < 0.55;
        var family = Families[Sample(_familyCdf)].Name;
        var middle = male ? MaleMiddles[Sample(_maleMiddleCdf)].Name : FemaleMiddles[Sample(_femaleMiddleCdf)].Name;
        string[] middles = !male && _r.NextDouble() < 0.2 ? [middle, FemaleMiddles[Sample(_femaleMiddleCdf)].Name] : [middle];
        var given = male ? MaleGivens[Sample(_maleGivenCdf)] : FemaleGivens[Sample(_femaleGivenCdf)];
        if (middles.Length == 2 && middles[1] == middles[0]) middles = [middle];
        return new Person(id, family, middles, given, commune, village, street, idHash, phone);
    }

    // Clerks' variations: no diacritics, capitals, given name first, a typo, extra spaces.
    private string WriteName(Person p, int filing)
    {
        string[] tokens = [p.Family, .. p.Middle, p.Given];
        if (filing > 0 && _r.NextDouble() < 0.10) tokens = [p.Given, p.Family, .. p.Middle];
        var name = string.Join(' ', tokens);
        if (filing == 0) return name;
        if (_r.NextDouble() < 0.15) name = Strip(name);
        if (_r.NextDouble() < 0.10) name = name.ToUpperInvariant();
        if (_r.NextDouble() < 0.05) name = Typo(name);
        if (_r.NextDouble() < 0.05) name = name.Replace(" ", "  ", StringComparison.Ordinal);
        return name;
    }

    private string? WriteAddress(Person p)
    {
        var roll = _r.NextDouble();
        if (roll < 0.04) return null;
        var c = p.Commune;
        var d = c.District;
        var abbreviate = _r.NextDouble() < 0.4;
        var style = _r.Next(4);
        var number = style switch
        {
            0 when p.Village <= 12 && c.VillageType is "thôn" or "xóm" => NumberWords[p.Village],
            1 when p.Village <= 12 && c.VillageType is "thôn" or "tổ" => Romans[p.Village],
            _ => p.Village.ToString(CultureInfo.InvariantCulture),
        };
        var villageType = abbreviate && c.VillageType == "khu phố" ? "KP" : Capital(c.VillageType);
        var village = $"{villageType} {number}";
        var communeType = abbreviate ? c.Type switch { "phường" => "P.", "xã" => "X.", _ => "TT." } : c.Type;
        var districtType = abbreviate ? d.Type switch { "thành phố" => "TP.", "thị xã" => "TX.", _ => "H." } : d.Type;
        var parts = new List<string>();
        if (p.Street is not null) parts.Add(p.Street);
        if (roll >= 0.12) parts.Add(village); // 8%: the commune only
        parts.Add($"{communeType} {c.Name}");
        parts.Add($"{districtType} {d.Name}");
        if (_r.NextDouble() < 0.3) parts.Add($"tỉnh {Province}");
        var text = string.Join(_r.NextDouble() < 0.15 ? " - " : ", ", parts);
        if (_r.NextDouble() < 0.1) text = Strip(text);
        return text;
    }

    private string WritePhone(string phone) => _r.Next(6) switch
    {
        0 => phone,
        1 => $"{phone[..4]} {phone[4..7]} {phone[7..]}",
        2 => $"+84 {phone[1..4]} {phone[4..7]} {phone[7..]}",
        3 => "84" + phone[1..],
        4 => $"{phone[..4]}.{phone[4..7]}.{phone[7..]}",
        _ => $"(+84) {phone[1..]}",
    };

    private sealed record Template(string Kind, string Field, string[] Phrasings);

    // {0}…{3}: a plot number, a map sheet, a person's name, a year; phrasings of one template say the same thing.
    private static readonly Template[] Templates =
    [
        new("khiếu nại", "đất đai", ["Đề nghị giải quyết tranh chấp ranh giới thửa đất số {0} tờ bản đồ số {1} với hộ ông {2}",
            "Kiến nghị xem xét giải quyết việc tranh chấp ranh giới đất tại thửa {0}, tờ bản đồ {1}, giữa gia đình tôi và hộ {2}"]),
        new("khiếu nại", "đất đai", ["Khiếu nại quyết định thu hồi đất số {0}/QĐ-UBND năm {3} đối với thửa đất số {1}, chưa thỏa đáng về giá bồi thường",
            "Không đồng ý giá bồi thường khi thu hồi thửa đất {1} theo quyết định {0}/QĐ-UBND năm {3}, đề nghị xem xét lại"]),
        new("kiến nghị", "đất đai", ["Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho thửa đất số {0} tờ bản đồ số {1}, hồ sơ nộp từ năm {3}",
            "Hồ sơ xin cấp giấy chứng nhận quyền sử dụng đất thửa {0} tờ {1} nộp năm {3} đến nay chưa được giải quyết"]),
        new("tố cáo", "cán bộ", ["Tố cáo ông {2}, cán bộ địa chính xã, có hành vi nhận tiền của dân khi làm hồ sơ đất năm {3}",
            "Tố cáo cán bộ địa chính {2} nhận tiền khi làm hồ sơ đất đai cho người dân trong năm {3}"]),
        new("kiến nghị", "chính sách", ["Đề nghị xem xét chế độ trợ cấp người có công cho bố đẻ là ông {2}, tham gia kháng chiến, hồ sơ số {0}",
            "Kiến nghị giải quyết chế độ người có công với cách mạng cho ông {2} (hồ sơ {0}), đến nay chưa được hưởng"]),
        new("phản ánh", "môi trường", ["Phản ánh cơ sở chăn nuôi của hộ ông {2} gây ô nhiễm môi trường, mùi hôi ảnh hưởng {0} hộ dân xung quanh",
            "Trang trại chăn nuôi của ông {2} xả thải gây ô nhiễm, hôi thối, ảnh hưởng đến {0} hộ gia đình lân cận"]),
        new("kiến nghị", "xây dựng", ["Đề nghị sửa chữa tuyến đường liên thôn dài {0} m bị xuống cấp từ năm {3}, đi lại khó khăn",
            "Đường liên thôn (khoảng {0} m) hư hỏng nặng từ năm {3}, kiến nghị sớm đầu tư sửa chữa"]),
        new("khiếu nại", "chính sách", ["Khiếu nại việc không được xét hộ nghèo năm {3} dù gia đình có {0} nhân khẩu, thu nhập thấp",
            "Gia đình {0} người, thu nhập thấp nhưng không được bình xét hộ nghèo năm {3}, đề nghị xem xét lại"]),
        new("phản ánh", "trật tự", ["Phản ánh hộ ông {2} lấn chiếm lối đi chung rộng {0} m để xây tường rào",
            "Hộ gia đình ông {2} xây tường rào lấn chiếm ngõ đi chung khoảng {0} m, đề nghị xử lý"]),
        new("khiếu nại", "lao động", ["Khiếu nại công ty nợ lương {0} tháng và chưa đóng bảo hiểm xã hội từ năm {3}",
            "Doanh nghiệp chậm trả lương {0} tháng, không đóng bảo hiểm xã hội cho người lao động từ năm {3}"]),
        new("kiến nghị", "đất đai", ["Đề nghị điều chỉnh diện tích đất ở thửa {0} tờ bản đồ {1} do đo đạc sai lệch so với thực tế",
            "Diện tích thửa đất {0}, tờ bản đồ số {1} đo đạc không đúng thực tế, kiến nghị đo lại và điều chỉnh"]),
        new("tố cáo", "trật tự", ["Tố cáo ông {2} khai thác cát trái phép trên sông đoạn qua thôn từ năm {3}",
            "Ông {2} hút cát trái phép trên đoạn sông chảy qua thôn, kéo dài từ năm {3}, đề nghị xử lý"]),
    ];

    // A person's second matter is about something else (another template).
    private string NewMatter(Template? other, out string kind, out string field, out Template used)
    {
        Template t;
        do t = Pick(Templates); while (t == other);
        used = t;
        kind = t.Kind;
        field = t.Field;
        var family = Families[Sample(_familyCdf)].Name;
        var args = new object[] { _r.Next(10, 900), _r.Next(1, 60), $"{family} {MaleMiddles[Sample(_maleMiddleCdf)].Name} {MaleGivens[Sample(_maleGivenCdf)]}", _r.Next(2005, 2025) };
        _phrasings[string.Format(CultureInfo.InvariantCulture, t.Phrasings[0], args)] = string.Format(CultureInfo.InvariantCulture, t.Phrasings[1], args);
        return string.Format(CultureInfo.InvariantCulture, t.Phrasings[0], args);
    }

    private readonly Dictionary<string, string> _phrasings = [];

    // A repeat in other words: the template's other phrasing, a clerk's preamble, an added complaint, a cut.
    private string Paraphrase(string text)
    {
        var roll = _r.NextDouble();
        // One in twenty: a clerk's own short summary, sharing little text with the first record.
        if (roll < 0.05) return Short(text);
        var outText = roll < 0.5 ? _phrasings[text] : text;
        if (_r.NextDouble() < 0.3) outText = Pick(["Công dân trình bày: ", "Tiếp tục ", "Đơn lần 2: ", "Vẫn "]) + char.ToLowerInvariant(outText[0]) + outText[1..];
        if (_r.NextDouble() < 0.3) outText += Pick(["; đã gửi đơn nhiều lần nhưng chưa được trả lời", ", đề nghị cấp trên xem xét", ". Vụ việc kéo dài nhiều năm"]);
        if (_r.NextDouble() < 0.1) outText = Strip(outText);
        return outText;
    }

    private static string Short(string text)
    {
        var words = text.Split(' ');
        return string.Join(' ', words.Take(Math.Min(7, words.Length))) + "…";
    }

    private string Typo(string name)
    {
        var i = _r.Next(1, name.Length - 1);
        if (name[i] == ' ') return name;
        return _r.Next(2) == 0 ? name.Remove(i, 1) : name[..i] + (char)('a' + _r.Next(26)) + name[(i + 1)..];
    }

    private static string Strip(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c is 'đ' ? 'd' : c is 'Đ' ? 'D' : c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private int Roll(params double[] p)
    {
        var x = _r.NextDouble();
        for (var i = 0; i < p.Length; i++) { if (x < p[i]) return i + 1; x -= p[i]; }
        return p.Length;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    private int Sample(double[] cdf)
    {
        var i = Array.BinarySearch(cdf, _r.NextDouble() * cdf[^1]);
        return Math.Min(i < 0 ? ~i : i, cdf.Length - 1);
    }

    private static double[] Cdf(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }
}
