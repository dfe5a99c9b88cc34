namespace DanVan.Reports.Templates;

/// <summary>The kinds of report of Nghị định 09/2019/NĐ-CP, Điều 4.</summary>
public enum ReportKind
{
    /// <summary>Báo cáo định kỳ: issued on a fixed cycle (the annual evaluation report).</summary>
    Periodic = 0,

    /// <summary>Báo cáo chuyên đề: on one subject, possibly over several years (a review of a conclusion).</summary>
    Thematic = 1,

    /// <summary>Báo cáo đột xuất: asked for at an unforeseen time.</summary>
    AdHoc = 2,
}

/// <summary>
/// How a scope writes its reports (docs/report-template-format.md): the document header, the signer and recipients,
/// the results' sections and wording, and what the report includes. Stored per scope and versioned; the page, the
/// CLI and the API build reports with the scope's latest version.
/// </summary>
public sealed record ReportTemplate
{
    /// <summary>Version of this file format; 1.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>A name people recognise, e.g. "Báo cáo kết quả đánh giá công tác DVCQ — tỉnh Quảng Bình".</summary>
    public required string Name { get; init; }

    /// <summary>Kind of report (định kỳ, chuyên đề, đột xuất).</summary>
    public ReportKind Kind { get; init; }

    /// <summary>The document's header: governing body, issuing body, symbol, place.</summary>
    public TemplateHeader Header { get; init; } = new();

    /// <summary>The summary (trích yếu) under "BÁO CÁO"; "{year}" is replaced; null for the standard one.</summary>
    public string? Summary { get; init; }

    /// <summary>Who signs; the year's text on the report page may change it.</summary>
    public TemplateSigner Signer { get; init; } = new();

    /// <summary>"Nơi nhận", one entry per line of the list; empty for the standard list.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The sections of II.2 and how they are worded.</summary>
    public ReportOptions Results { get; init; } = new();

    /// <summary>Which parts, besides the evaluation results, the report carries.</summary>
    public TemplateContents Include { get; init; } = new();

    /// <summary>The template a scope uses when it has stored none: one section per group, standard wording.</summary>
    public static ReportTemplate Standard { get; } = new() { FormatVersion = 1, Name = "Mẫu chuẩn" };
}

/// <summary>The header of the document (Nghị định 30/2020/NĐ-CP, Phụ lục I): every field null means "from the scope unit".</summary>
public sealed record TemplateHeader
{
    /// <summary>The governing body above the issuer, e.g. "UBND TỈNH QUẢNG BÌNH" over "SỞ NỘI VỤ"; null: the parent's name when the scope is not a people's committee.</summary>
    public string? GoverningBody { get; init; }

    /// <summary>The issuing body, lines separated by a line feed, e.g. "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH"; null: from the unit's official name.</summary>
    public string? Issuer { get; init; }

    /// <summary>The symbol after the number, e.g. "BC-UBND"; null: "BC-UBND" for a people's committee, else from the issuer's initials.</summary>
    public string? Symbol { get; init; }

    /// <summary>The place of the place-and-date line, e.g. "Đồng Hới"; null: the locality where the scope sits.</summary>
    public string? Place { get; init; }
}

/// <summary>The signature block's defaults.</summary>
public sealed record TemplateSigner
{
    /// <summary>Lines above the position, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".</summary>
    public IReadOnlyList<string> Authority { get; init; } = [];

    /// <summary>The position, e.g. "PHÓ CHỦ TỊCH".</summary>
    public string? Position { get; init; }

    /// <summary>The signer's full name.</summary>
    public string? Name { get; init; }
}

/// <summary>Parts a report carries besides the evaluation results; each shows only when its capability has figures.</summary>
public sealed record TemplateContents
{
    /// <summary>Receptions, petitions, dialogues and the work registries' figures (II.1), from the registries.</summary>
    public bool Registries { get; init; } = true;

    /// <summary>The statistics forms of the same period, in the appendix.</summary>
    public bool StatisticsAppendix { get; init; } = true;

    /// <summary>The criteria analysis (strongest and weakest criteria).</summary>
    public bool CriteriaAnalysis { get; init; } = true;

    /// <summary>Self-assessment against appraisal.</summary>
    public bool SelfAssessment { get; init; } = true;

    /// <summary>Charts in the appendix.</summary>
    public bool Charts { get; init; } = true;
}
