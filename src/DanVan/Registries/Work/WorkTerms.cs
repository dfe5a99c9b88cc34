using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>
/// The words of the work registries' lists as units write them ("cơ sở", "Nhân rộng", "DVCQ", "tập thể") and as the
/// API names them ("grassroots", "replicated"); read through <see cref="RegistryTerms.Fold"/>, like the citizen registries' lists.
/// </summary>
public static class WorkTerms
{
    private static readonly Dictionary<Type, (int Value, string Label, string[] Words)[]> Lists = new()
    {
        [typeof(WorkLevel)] =
        [
            ((int)WorkLevel.Central, "Trung ương", ["trung uong", "tw", "cap trung uong"]),
            ((int)WorkLevel.Province, "Tỉnh", ["tinh", "cap tinh"]),
            ((int)WorkLevel.District, "Huyện", ["huyen", "cap huyen"]),
            ((int)WorkLevel.Grassroots, "Cơ sở", ["co so", "cap co so", "xa", "cap xa"]),
        ],
        [typeof(ModelStatus)] =
        [
            ((int)ModelStatus.Maintained, "Duy trì", ["duy tri"]),
            ((int)ModelStatus.Replicated, "Nhân rộng", ["nhan rong"]),
            ((int)ModelStatus.Stopped, "Dừng", ["dung", "dung hoat dong", "ngung"]),
        ],
        [typeof(AwardRecipient)] =
        [
            ((int)AwardRecipient.Collective, "Tập thể", ["tap the"]),
            ((int)AwardRecipient.Individual, "Cá nhân", ["ca nhan"]),
        ],
        [typeof(WorkPlanKind)] =
        [
            ((int)WorkPlanKind.GovernmentMobilisation, "Dân vận chính quyền", ["dan van chinh quyen", "dvcq", "cong tac dan van chinh quyen"]),
            ((int)WorkPlanKind.GrassrootsDemocracy, "Quy chế dân chủ ở cơ sở", ["quy che dan chu", "quy che dan chu o co so", "quy che dan chu co so", "qcdc"]),
            ((int)WorkPlanKind.Coordination, "Phối hợp với Ban Dân vận", ["phoi hop", "phoi hop voi ban dan van", "phoi hop ban dan van"]),
        ],
        [typeof(RecommendationSource)] =
        [
            ((int)RecommendationSource.Oversight, "Giám sát", ["giam sat", "sau giam sat"]),
            ((int)RecommendationSource.SocialCriticism, "Phản biện xã hội", ["phan bien", "phan bien xa hoi"]),
        ],
        [typeof(RecommendationStatus)] =
        [
            ((int)RecommendationStatus.Accepted, "Tiếp thu", ["tiep thu", "da tiep thu"]),
            ((int)RecommendationStatus.InProgress, "Đang giải quyết", ["dang giai quyet", "dang thuc hien"]),
            ((int)RecommendationStatus.Resolved, "Đã giải quyết", ["da giai quyet", "giai quyet xong"]),
            ((int)RecommendationStatus.NotAccepted, "Không tiếp thu", ["khong tiep thu"]),
        ],
    };

    /// <summary>The value <paramref name="text"/> names (a Vietnamese label with or without diacritics, or the English code),
    /// or a refusal <c>registries.unknownTerm</c> at <paramref name="where"/>.</summary>
    public static T Parse<T>(string? text, Where where, string field) where T : struct, Enum
    {
        if (TryParse<T>(text, out var value)) return value;
        throw new RefusedException(Refusal.Of("registries.unknownTerm", where, ("field", field), ("value", text?.Trim() ?? ""),
            ("accepted", string.Join(", ", Lists[typeof(T)].Select(x => x.Label)))));
    }

    /// <summary>True when <paramref name="text"/> names a value of <typeparamref name="T"/>.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = RegistryTerms.Fold(text);
        foreach (var (n, label, words) in Lists[typeof(T)])
        {
            if (RegistryTerms.Fold(label) != key && !words.Contains(key, StringComparer.Ordinal)) continue;
            value = (T)Enum.ToObject(typeof(T), n);
            return true;
        }
        return RegistryTerms.TryParse(text, out value);
    }

    /// <summary>The Vietnamese label of a value, as pages and exported files write it ("Cơ sở", "Nhân rộng").</summary>
    public static string Label<T>(T value) where T : struct, Enum
    {
        var n = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return Lists[typeof(T)].First(x => x.Value == n).Label;
    }

    /// <summary>Every value with its label, in order (for the pages' lists).</summary>
    public static IReadOnlyList<(T Value, string Label)> All<T>() where T : struct, Enum =>
        [.. Lists[typeof(T)].Select(x => ((T)Enum.ToObject(typeof(T), x.Value), x.Label))];
}

/// <summary>The fields (lĩnh vực) of "Dân vận khéo" models: the three of the 2009 guidance as the province's report writes them.</summary>
/// <remarks>A model's field is a label; a province may use others (the pages offer <see cref="Defaults"/>). The figures
/// <c>models.field.*</c> count the three by their folded name or a short alias, so "kinh tế - văn hóa xã hội" counts as the first.</remarks>
public static class WorkFields
{
    /// <summary>Phát triển kinh tế - văn hóa xã hội (spelled as report 003 spells it).</summary>
    public const string Economy = "Phát triển kinh tế- Văn hóa xã hội";

    /// <summary>Giữ gìn an ninh chính trị - trật tự an toàn xã hội.</summary>
    public const string Security = "Giữ gìn an ninh chính trị-trật tự an toàn xã hội";

    /// <summary>Xây dựng hệ thống chính trị.</summary>
    public const string Politics = "Xây dựng hệ thống chính trị";

    /// <summary>The default list, in the order reports list them.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [Economy, Security, Politics];

    private static readonly (string Code, string[] Keys)[] Codes =
    [
        ("economy", [Key(Economy), "kinh te", "phat trien kinh te", "kinh te van hoa xa hoi", "economy"]),
        ("security", [Key(Security), "an ninh", "an ninh trat tu", "an ninh chinh tri trat tu an toan xa hoi", "security"]),
        ("politics", [Key(Politics), "he thong chinh tri", "politics"]),
    ];

    /// <summary>"economy", "security" or "politics" for a label naming one of the defaults; null for another field.</summary>
    public static string? CodeOf(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var key = Key(field);
        return Codes.FirstOrDefault(c => c.Keys.Contains(key, StringComparer.Ordinal)).Code;
    }

    /// <summary>The label to store: a default's own spelling when <paramref name="field"/> names one, else the trimmed text.</summary>
    public static string Canonical(string field)
    {
        var code = CodeOf(field);
        return code is null ? field.Trim() : Defaults[Array.FindIndex(Codes, c => c.Code == code)];
    }

    // Hyphens and spaces around them are typed every which way ("kinh tế- văn hóa", "kinh tế - văn hóa").
    private static string Key(string text) => RegistryTerms.Fold(text.Replace("-", " ", StringComparison.Ordinal));
}
