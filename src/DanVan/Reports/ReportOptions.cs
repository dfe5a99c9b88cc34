namespace DanVan.Reports;

/// <summary>How a section presents class results.</summary>
public enum SectionStyle
{
    /// <summary>Named lists when the section is small (≤ threshold units), percentages otherwise.</summary>
    Auto = 0,

    /// <summary>"Hoàn thành xuất sắc: 70/159, chiếm 44%" per band.</summary>
    Percentages = 1,

    /// <summary>"hoàn thành xuất sắc: 08 cơ quan, đơn vị" per band.</summary>
    Counts = 2,

    /// <summary>"Hoàn thành xuất sắc: 03 (TP Đồng Hới, huyện Quảng Trạch và huyện Tuyên Hóa tự nhận)".</summary>
    Named = 3,
}

/// <summary>One unit group inside a report section, with the noun the report uses for its units.</summary>
/// <param name="GroupCode">The group's code.</param>
/// <param name="Noun">E.g. "cơ quan QLNN cấp tỉnh", "UBND cấp huyện", "xã".</param>
/// <param name="ShowTotal">False where membership is voluntary and only participants are known ("02 ĐVSN").</param>
public sealed record ReportPart(string GroupCode, string Noun, bool ShowTotal = true);

/// <summary>A section of the results ("- Cấp xã:"), reporting one or more groups together.</summary>
/// <param name="Title">E.g. "Cấp xã", "Sở, ban, ngành cấp tỉnh".</param>
/// <param name="Parts">The groups reported together.</param>
/// <param name="Style">How classes are presented.</param>
/// <param name="CountNoun">Noun after counts in the Counts style, e.g. "cơ quan, đơn vị".</param>
/// <param name="RestNoun">Noun for "Các huyện còn lại (...)".</param>
/// <param name="OwnLevel">The level of the section's units, e.g. "cấp huyện".</param>
/// <param name="MemberLevel">The level of their members, e.g. "cấp xã".</param>
public sealed record ReportSection(
    string Title,
    IReadOnlyList<ReportPart> Parts,
    SectionStyle Style = SectionStyle.Auto,
    string CountNoun = "cơ quan, đơn vị",
    string RestNoun = "đơn vị",
    string OwnLevel = "cấp huyện",
    string MemberLevel = "cấp xã");

/// <summary>What a consolidated report covers and how it presents it.</summary>
public sealed record ReportOptions
{
    /// <summary>Sections in order; when empty, one section per group of the period, in the groups' order.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>Sections with at most this many units are presented as named lists (Auto style).</summary>
    public int NamedListThreshold { get; init; } = 10;

    /// <summary>How many strongest and weakest criteria to name.</summary>
    public int TopCriteria { get; init; } = 3;

    /// <summary>The sentences for units that did not (or not yet) evaluate, and for self-claimed classes.</summary>
    public ResultPhrases Phrases { get; init; } = new();
}

/// <summary>
/// The province's wording for what is not a class: each phrase may name {unit} (a unit or "Các huyện còn lại (…)"),
/// {ownLevel}, {memberLevel} and {count}; the defaults are those of the reference reports.
/// </summary>
public sealed record ResultPhrases
{
    /// <summary>A section where nobody took part: "không có cơ quan, đơn vị nào tham gia đánh giá."</summary>
    public string NoneEvaluated { get; init; } = "không có cơ quan, đơn vị nào tham gia đánh giá.";

    /// <summary>Units that did not evaluate once the deadline passed: "{unit} không đánh giá phân loại."</summary>
    public string NotEvaluated { get; init; } = "{unit} không đánh giá phân loại.";

    /// <summary>Units that evaluated only their members: "{unit} chỉ đánh giá, phân loại ở {memberLevel}, …".</summary>
    public string OnlyMembers { get; init; } = "{unit} chỉ đánh giá, phân loại ở {memberLevel}, không đánh giá phân loại ở {ownLevel}.";

    /// <summary>Units whose assessment was returned for completion: never "không đánh giá".</summary>
    public string Returned { get; init; } = "{unit} đã gửi kết quả tự đánh giá nhưng được trả lại để hoàn thiện, chưa được xếp loại.";

    /// <summary>Units that have not submitted while the deadline has not passed.</summary>
    public string NotYetSubmitted { get; init; } = "{unit} chưa gửi kết quả tự đánh giá (chưa hết hạn).";

    /// <summary>After a share that includes classes not yet appraised: "{count}" of them.</summary>
    public string SelfClaimedShare { get; init; } = "Kết quả trên gồm {count} đơn vị tự xếp loại, chưa được thẩm định.";

    /// <summary>Every phrase with its name as the file writes it.</summary>
    public IEnumerable<(string Name, string Text)> All() =>
    [
        ("noneEvaluated", NoneEvaluated), ("notEvaluated", NotEvaluated), ("onlyMembers", OnlyMembers),
        ("returned", Returned), ("notYetSubmitted", NotYetSubmitted), ("selfClaimedShare", SelfClaimedShare),
    ];

    /// <summary>The names a phrase may use between braces.</summary>
    public static IReadOnlySet<string> Placeholders { get; } = new HashSet<string>(StringComparer.Ordinal) { "unit", "ownLevel", "memberLevel", "count" };

    /// <summary>Fills the placeholders of a phrase.</summary>
    public static string Fill(string phrase, string unit = "", string ownLevel = "", string memberLevel = "", int count = 0) =>
        phrase.Replace("{unit}", unit, StringComparison.Ordinal)
            .Replace("{ownLevel}", ownLevel, StringComparison.Ordinal)
            .Replace("{memberLevel}", memberLevel, StringComparison.Ordinal)
            .Replace("{count}", VietnameseFormat.Count2(count), StringComparison.Ordinal);
}
