namespace DanVan.Reports;

/// <summary>An issuing body's name, written in capitals in the header, as it reads inside a sentence.</summary>
internal static class IssuerName
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "UBND", "HĐND", "MTTQ", "QLNN", "ĐVSN", "BCH", "BQL", "TW", "VN",
    };

    private static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "QUẬN", "THỊ", "THÀNH", "TP", "TX",
    };

    private static readonly HashSet<string> Agencies = new(StringComparer.Ordinal) { "SỞ", "BAN", "PHÒNG", "CỤC", "VỤ" };

    /// <summary>"UBND TỈNH QUẢNG BÌNH" → "UBND tỉnh Quảng Bình"; "SỞ NỘI VỤ" → "Sở Nội vụ"; a name not all in capitals is kept.</summary>
    public static string InSentence(string name)
    {
        var text = VietnameseFormat.Nfc(name).Replace('\n', ' ').Replace("\r", "", StringComparison.Ordinal).Trim();
        if (!string.Equals(text, text.ToUpperInvariant(), StringComparison.Ordinal)) return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        var inPlace = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (Abbreviations.Contains(w) || w is "TP" or "TX")
            {
                result.Add(w);
                inPlace |= w is "TP" or "TX";
                continue;
            }
            if (Places.Contains(w) && i + 1 < words.Length && words[i + 1] is "ỦY" or "UỶ")
            {
                // "TỈNH ỦY": the Party committee, a name of its own.
                result.Add(Capitalized(w));
                result.Add(words[++i].ToLowerInvariant());
                continue;
            }
            if (!inPlace && Places.Contains(w))
            {
                result.Add(w.ToLowerInvariant());
                // "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN": the second word belongs to the kind, not the name.
                if (w is "THÀNH" or "THỊ" && i + 1 < words.Length) result.Add(words[++i].ToLowerInvariant());
                inPlace = true;
                continue;
            }
            var capital = inPlace || i == 0 || (i == 1 && Agencies.Contains(words[0]));
            result.Add(capital ? Capitalized(w) : w.ToLowerInvariant());
        }
        return string.Join(' ', result);
    }

    private static string Capitalized(string word) => word[..1] + word[1..].ToLowerInvariant();
}
