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
}
