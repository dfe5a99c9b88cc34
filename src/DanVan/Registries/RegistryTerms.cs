using System.Globalization;
using System.Text;
using DanVan.Refusals;

namespace DanVan.Registries;

/// <summary>
/// The words of the registries' lists, as units write them in their logbooks ("định kỳ", "Tiếp thường xuyên",
/// "khiếu nại") and as the API names them ("periodic", "complaint"); one reader for every surface and import.
/// </summary>
public static class RegistryTerms
{
    private static readonly Dictionary<Type, Dictionary<string, int>> Words = new()
    {
        [typeof(ReceptionKind)] = Table(
            (ReceptionKind.Periodic, ["dinh ky", "tiep dinh ky"]),
            (ReceptionKind.Regular, ["thuong xuyen", "tiep thuong xuyen"]),
            (ReceptionKind.Unscheduled, ["dot xuat", "tiep dot xuat"])),
        [typeof(MatterKind)] = Table(
            (MatterKind.Complaint, ["khieu nai"]),
            (MatterKind.Denunciation, ["to cao"]),
            (MatterKind.Recommendation, ["kien nghi"]),
            (MatterKind.Reflection, ["phan anh"])),
        [typeof(ReceptionOutcome)] = Table(
            (ReceptionOutcome.Guided, ["huong dan"]),
            (ReceptionOutcome.Explained, ["giai thich", "tra loi"]),
            (ReceptionOutcome.PetitionReceived, ["tiep nhan don", "nhan don"]),
            (ReceptionOutcome.Transferred, ["chuyen", "chuyen don"])),
        [typeof(PetitionChannel)] = Table(
            (PetitionChannel.Direct, ["truc tiep"]),
            (PetitionChannel.Post, ["buu chinh", "buu dien"]),
            (PetitionChannel.Transferred, ["chuyen den", "co quan khac chuyen den"]),
            (PetitionChannel.Online, ["truc tuyen", "cong thong tin", "thu dien tu"])),
        [typeof(PetitionHandling)] = Table(
            (PetitionHandling.Pending, ["chua xu ly"]),
            (PetitionHandling.Accepted, ["thu ly", "thu ly giai quyet"]),
            (PetitionHandling.Transferred, ["chuyen don", "chuyen"]),
            (PetitionHandling.Guided, ["huong dan"]),
            (PetitionHandling.Filed, ["luu don", "luu"])),
    };

    /// <summary>The value <paramref name="text"/> names (a Vietnamese label with or without diacritics, or the English code), or a refusal
    /// <c>registries.unknownTerm</c> at <paramref name="where"/> listing what is accepted.</summary>
    public static T Parse<T>(string? text, Where where, string field) where T : struct, Enum
    {
        if (TryParse<T>(text, out var value)) return value;
        throw new RefusedException(Refusal.Of("registries.unknownTerm", where, ("field", field), ("value", text?.Trim() ?? ""),
            ("accepted", string.Join(", ", Enum.GetNames<T>().Select(Code)))));
    }

    /// <summary>True when <paramref name="text"/> names a value of <typeparamref name="T"/>.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = Fold(text);
        foreach (var name in Enum.GetNames<T>())
        {
            if (!string.Equals(Fold(name), key, StringComparison.Ordinal)) continue;
            value = Enum.Parse<T>(name);
            return true;
        }
        if (Words.TryGetValue(typeof(T), out var words) && words.TryGetValue(key, out var n))
        {
            value = (T)Enum.ToObject(typeof(T), n);
            return true;
        }
        return false;
    }

    /// <summary>The Vietnamese word of a value, as logbooks write it ("định kỳ", "khiếu nại").</summary>
    public static string Label<T>(T value) where T : struct, Enum => Labels.TryGetValue((typeof(T), Convert.ToInt32(value, CultureInfo.InvariantCulture)), out var l) ? l : Code(value);

    private static readonly Dictionary<(Type, int), string> Labels = new()
    {
        [(typeof(ReceptionKind), 1)] = "định kỳ", [(typeof(ReceptionKind), 2)] = "thường xuyên", [(typeof(ReceptionKind), 3)] = "đột xuất",
        [(typeof(MatterKind), 1)] = "khiếu nại", [(typeof(MatterKind), 2)] = "tố cáo", [(typeof(MatterKind), 3)] = "kiến nghị", [(typeof(MatterKind), 4)] = "phản ánh",
        [(typeof(ReceptionOutcome), 1)] = "hướng dẫn", [(typeof(ReceptionOutcome), 2)] = "giải thích", [(typeof(ReceptionOutcome), 3)] = "tiếp nhận đơn",
        [(typeof(ReceptionOutcome), 4)] = "chuyển",
        [(typeof(PetitionChannel), 1)] = "trực tiếp", [(typeof(PetitionChannel), 2)] = "bưu chính", [(typeof(PetitionChannel), 3)] = "chuyển đến",
        [(typeof(PetitionChannel), 4)] = "trực tuyến",
        [(typeof(PetitionHandling), 0)] = "chưa xử lý", [(typeof(PetitionHandling), 1)] = "thụ lý", [(typeof(PetitionHandling), 2)] = "chuyển đơn",
        [(typeof(PetitionHandling), 3)] = "hướng dẫn", [(typeof(PetitionHandling), 4)] = "lưu đơn",
    };

    /// <summary>The API's code of a value: "periodic", "petitionReceived".</summary>
    public static string Code<T>(T value) where T : struct, Enum => Code(value.ToString());

    private static string Code(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>"Tiếp Định kỳ" → "tiep dinh ky": diacritics, đ, case and spacing folded.</summary>
    public static string Fold(string text)
    {
        var d = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        var space = false;
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var x = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsWhiteSpace(x) || x is '_' or '-')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(x);
        }
        return sb.ToString();
    }

    private static Dictionary<string, int> Table<T>(params (T Value, string[] Words)[] rows) where T : struct, Enum =>
        rows.SelectMany(r => r.Words.Select(w => (w, Convert.ToInt32(r.Value, CultureInfo.InvariantCulture))))
            .ToDictionary(x => x.w, x => x.Item2, StringComparer.Ordinal);
}
