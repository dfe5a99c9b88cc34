using System.Globalization;
using System.Text;

namespace DanVan.Registries.Duplicates;

/// <summary>A person's name put in one comparable order: family name first, given name last, diacritics folded.</summary>
/// <param name="Canonical">Folded tokens in Vietnamese order ("nguyen van an").</param>
/// <param name="Given">The given name (last token in Vietnamese order: "an").</param>
/// <param name="Sorted">The tokens sorted, for order-insensitive blocking ("an nguyen van").</param>
/// <param name="Family">The family name ("nguyen"), or the first token when none is known.</param>
public sealed record VietnameseName(string Canonical, string Given, string Sorted, string Family);

/// <summary>A normalised address: comparable text and the commune and district it names.</summary>
/// <param name="Canonical">Folded tokens with every part type spelt one way and numbers in digits, the province left out.</param>
/// <param name="Commune">The commune part ("xa tan lap", "phuong 5"), or "" when none is named.</param>
/// <param name="District">The district part ("huyen dan phuong", "quan 3"), or "" when none is named.</param>
public sealed record VietnameseAddress(string Canonical, string Commune, string District);

/// <summary>
/// Normalisation of Vietnamese text for matching records: NFC, diacritics folded (đ → d), lower case,
/// punctuation and spacing collapsed; names compared in any token order; address abbreviations and
/// numbers written in words or roman numerals made one form; phones reduced to national digits.
/// </summary>
public static partial class VietnameseText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[,;\n]|\s[-–—]\s")]
    private static partial System.Text.RegularExpressions.Regex PartSeparators();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(p|q|f|tp|tx|tt|kp|x|h)(\d+)\b")]
    private static partial System.Text.RegularExpressions.Regex GluedNumber();

    // Folding table for U+0000–U+1FFF (Vietnamese precomposed letters are in Latin-1, Extended-A/B and Extended Additional):
    // '\0' separates, '\u0001' is skipped (a combining mark), anything else is the folded letter.
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var c = 0; c < table.Length; c++) table[c] = FoldSlow((char)c);
        return table;
    }

    private static char FoldSlow(char c)
    {
        if (c is 'đ' or 'Đ' or 'ð' or 'Ð') return 'd';
        if (char.IsSurrogate(c)) return '\0';
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return '\u0001';
        if (!char.IsLetterOrDigit(c)) return '\0';
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }

    /// <summary>Folds <paramref name="text"/>: diacritics removed, đ/Đ → d, lower case, anything not a letter or digit a single space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // Precomposed (NFC) or decomposed (NFD) input fold alike: the table drops combining marks.
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        var space = false;
        foreach (var c in text)
        {
            var o = c < FoldTable.Length ? FoldTable[c] : FoldSlow(c);
            if (o == '\u0001') continue;
            if (o == '\0') { space = n > 0; continue; }
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = o;
        }
        return new string(buffer[..n]);
    }

    // Family names by frequency (folded); used to find where the family name stands in a reordered name.
    private static readonly Dictionary<string, int> FamilyRank = new[]
    {
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
        "dinh", "trinh", "truong", "cao", "lam", "luong", "doan", "trieu", "luu", "ta", "chu", "quach", "lai", "kieu", "tang",
        "thai", "mai", "ha", "to", "la", "hua", "lu", "khuc", "tong", "vuong", "nong", "lo", "mac", "au", "giang", "ton",
    }.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

    // Middle names that are almost never a given name: a rotation ending in one of them is the wrong order.
    private static readonly HashSet<string> MiddleMarkers = new(StringComparer.Ordinal) { "van", "thi" };

    /// <summary>The name in Vietnamese order (family, middle, given) whatever order it was written in; null when empty.</summary>
    public static VietnameseName? Name(string? name)
    {
        var tokens = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return null;
        var best = tokens;
        // Written in Vietnamese order (a family name first, not ending on a middle name): nothing to try.
        if (tokens.Length > 1 && !(FamilyRank.ContainsKey(tokens[0]) && !MiddleMarkers.Contains(tokens[^1])))
        {
            // Candidates: as written, every rotation ("An Nguyễn Văn"), and given-first/family-last ("An Văn Nguyễn").
            var bestScore = int.MinValue;
            for (var k = 0; k < tokens.Length; k++)
                Consider([.. tokens[k..], .. tokens[..k]], -k);
            Consider([tokens[^1], .. tokens[1..^1], tokens[0]], -tokens.Length);

            void Consider(string[] order, int tiebreak)
            {
                var score = tiebreak;
                if (FamilyRank.TryGetValue(order[0], out var rank)) score += 100 - rank;
                if (MiddleMarkers.Contains(order[^1])) score -= 300;
                if (order.Length > 2 && MiddleMarkers.Contains(order[1])) score += 50;
                if (score > bestScore) { bestScore = score; best = order; }
            }
        }
        var sorted = tokens.Order(StringComparer.Ordinal);
        return new VietnameseName(string.Join(' ', best), best[^1], string.Join(' ', sorted), best[0]);
    }

    /// <summary>Phone digits in national form ("+84 912-345-678" → "0912345678"); "" when there are too few digits.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.StartsWith("0084", StringComparison.Ordinal)) digits = "0" + digits[4..];
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11) digits = "0" + digits[2..];
        else if (digits.Length == 9 && digits[0] != '0') digits = "0" + digits;
        return digits.Length >= 8 ? digits : "";
    }

    // Address part types: every spelling (folded, abbreviations included) → one token.
    private static readonly (string[] Words, string Type)[] PartTypes =
    [
        (["thanh", "pho"], "thanhpho"), (["tp"], "thanhpho"),
        (["thi", "xa"], "thixa"), (["tx"], "thixa"),
        (["thi", "tran"], "thitran"), (["tt"], "thitran"),
        (["khu", "pho"], "khupho"), (["kp"], "khupho"),
        (["to", "dan", "pho"], "to"), (["tdp"], "to"),
        (["phuong"], "phuong"), (["p"], "phuong"), (["f"], "phuong"), (["quan"], "quan"), (["q"], "quan"),
        (["huyen"], "huyen"), (["h"], "huyen"), (["xa"], "xa"), (["x"], "xa"),
        (["tinh"], "tinh"), (["thon"], "thon"), (["xom"], "xom"), (["ap"], "ap"), (["ban"], "ban"),
        (["to"], "to"), (["doi"], "doi"), (["khom"], "khom"), (["cum"], "cum"), (["khu"], "khu"),
    ];

    // Full words that start a part type: a type word followed by one of them is part of a name ("Đan Phượng tỉnh …").
    private static readonly HashSet<string> TypeStarts = new(StringComparer.Ordinal) { "thanh", "thi", "phuong", "quan", "huyen", "xa", "tinh", "thon", "xom" };

    private static readonly HashSet<string> NumberedTypes = new(StringComparer.Ordinal)
        { "thon", "to", "xom", "ap", "ban", "doi", "khom", "cum", "khu", "khupho", "phuong", "quan" };

    private static readonly HashSet<string> CommuneTypes = new(StringComparer.Ordinal) { "xa", "phuong", "thitran" };
    private static readonly string[] DistrictTypes = ["huyen", "quan", "thixa", "thanhpho"];

    private static readonly string[] Roman =
        ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"];

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4, ["nam"] = 5, ["sau"] = 6, ["bay"] = 7, ["bav"] = 7,
        ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10,
    };

    /// <summary>Reads a number of 1–20 at <paramref name="i"/>: digits, a roman numeral or Vietnamese words ("ba", "mười lăm", "hai mươi").</summary>
    private static (int Value, int Length)? NumberAt(string[] t, int i)
    {
        var w = t[i];
        if (w.All(char.IsAsciiDigit) && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return (d, 1);
        var r = Array.IndexOf(Roman, w);
        if (r >= 0) return (r + 1, 1);
        string? next = i + 1 < t.Length ? t[i + 1] : null;
        if (w == "muoi")
        {
            if (next is not null && (next is "mot" or "lam" or "nham" || Units.ContainsKey(next)) && next != "muoi")
                return (10 + (next switch { "mot" => 1, "lam" or "nham" => 5, _ => Units[next] }), 2);
            return (10, 1);
        }
        if (w == "hai" && next is "muoi" && (i + 2 >= t.Length || !Units.ContainsKey(t[i + 2]))) return (20, 2);
        return Units.TryGetValue(w, out var u) ? (u, 1) : null;
    }

    /// <summary>Normalises an address: "Thôn Ba, X. Tân Lập, H. Đan Phượng" and "thôn 3 xã Tân Lập huyện Đan Phượng" give the same text.</summary>
    public static VietnameseAddress Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return new VietnameseAddress("", "", "");
        // "T.P." / "T.X." / "T.T." lose their inner dot before punctuation becomes space; "P5" / "Q.10" split from their number.
        var raw = address.Replace("T.P", "TP", StringComparison.OrdinalIgnoreCase).Replace("T.X", "TX", StringComparison.OrdinalIgnoreCase)
            .Replace("T.T", "TT", StringComparison.OrdinalIgnoreCase);
        var output = new List<(string Token, bool IsType)>();
        // Commas and spaced dashes separate parts; a part-type word ending a part is a name ("huyện Đan Phượng").
        foreach (var part in PartSeparators().Split(raw))
        {
            var t = GluedNumber().Replace(Fold(part), "$1 $2").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < t.Length;)
            {
                var matched = false;
                var afterType = i > 0 && output.Count > 0 && output[^1].IsType;
                foreach (var (words, type) in PartTypes)
                {
                    if (i + words.Length >= t.Length) continue; // a type needs a name after it, in its part
                    var ok = true;
                    for (var k = 0; k < words.Length && ok; k++) ok = t[i + k] == words[k];
                    // Right after a type the name begins ("xã Phương Trung"); "tổ X" is a number, not a commune.
                    if (!ok || afterType || (words[0].Length > 1 && TypeStarts.Contains(t[i + words.Length]) && i + words.Length + 1 < t.Length)) continue;
                    output.Add((type, true));
                    i += words.Length;
                    matched = true;
                    if (NumberedTypes.Contains(type) && NumberAt(t, i) is { } n)
                    {
                        output.Add((n.Value.ToString(CultureInfo.InvariantCulture), false));
                        i += n.Length;
                    }
                    break;
                }
                if (!matched) { output.Add((t[i], false)); i++; }
            }
        }
        // The province is left out (a record made at the province often adds it, one from the commune leaves it off).
        var kept = new List<(string Token, bool IsType)>(output.Count);
        for (var i = 0; i < output.Count; i++)
        {
            if (output[i] is ("tinh", true)) { i++; while (i < output.Count && !output[i].IsType) i++; i--; continue; }
            if (output[i].Token == "viet" && i + 1 < output.Count && output[i + 1].Token == "nam") { i++; continue; }
            kept.Add(output[i]);
        }
        string Part(Func<string, bool> isType)
        {
            for (var i = 0; i < kept.Count; i++)
                if (kept[i].IsType && isType(kept[i].Token))
                {
                    var sb = new StringBuilder(kept[i].Token);
                    for (var k = i + 1; k < kept.Count && !kept[k].IsType; k++) sb.Append(' ').Append(kept[k].Token);
                    return sb.ToString();
                }
            return "";
        }
        var district = "";
        foreach (var type in DistrictTypes) if ((district = Part(x => x == type)) != "") break;
        return new VietnameseAddress(string.Join(' ', kept.Select(k => k.Token)), Part(CommuneTypes.Contains), district);
    }
}
