namespace DanVan.Reports;

/// <summary>The prose parts of a report that people write; every figure is filled from data instead.</summary>
public enum DraftBlock
{
    /// <summary>The opening paragraph ("Thực hiện ..., UBND tỉnh báo cáo như sau:").</summary>
    Introduction = 1,

    /// <summary>I. Công tác lãnh đạo, chỉ đạo.</summary>
    Leadership = 2,

    /// <summary>II.1. Kết quả triển khai thực hiện.</summary>
    Implementation = 3,

    /// <summary>III.1. Ưu điểm.</summary>
    Advantages = 4,

    /// <summary>III.2. Hạn chế, khó khăn và nguyên nhân.</summary>
    Limitations = 5,

    /// <summary>IV. Nhiệm vụ, giải pháp.</summary>
    Tasks = 6,
}

/// <summary>
/// The text of a consolidated report for one scope and year (capability 7): the summary, the prose
/// blocks, the signer and the recipients. Saved with the report and reused next year as a starting point.
/// </summary>
/// <remarks>Prose blocks are plain text, paragraphs separated by blank lines; they are never read as HTML.</remarks>
public sealed class ReportDraft
{
    /// <summary>Longest accepted prose block, in characters.</summary>
    public const int MaxBlockLength = 20_000;

    /// <summary>Longest accepted summary, signer line or recipients list, in characters.</summary>
    public const int MaxLineLength = 500;

    /// <summary>Database id; 0 for a draft not saved yet.</summary>
    public int Id { get; set; }

    /// <summary>The unit the report is about and issued by (the province, a district...).</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The year reported.</summary>
    public int Year { get; set; }

    /// <summary>Longest report key.</summary>
    public const int MaxKey = 64;

    /// <summary>
    /// Which report of the year the text belongs to: empty for the year's own report (carried to the next year), else its span and
    /// kind (<see cref="ReportDrafts.KeyOf"/>), so the prose of a four-year review never overwrites the annual report's.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>The summary (trích yếu) under "BÁO CÁO"; empty uses the standard one.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The opening paragraph.</summary>
    public string Introduction { get; set; } = "";

    /// <summary>I. Công tác lãnh đạo, chỉ đạo.</summary>
    public string Leadership { get; set; } = "";

    /// <summary>II.1. Kết quả triển khai thực hiện.</summary>
    public string Implementation { get; set; } = "";

    /// <summary>III.1. Ưu điểm.</summary>
    public string Advantages { get; set; } = "";

    /// <summary>III.2. Hạn chế, khó khăn và nguyên nhân.</summary>
    public string Limitations { get; set; } = "";

    /// <summary>IV. Nhiệm vụ, giải pháp.</summary>
    public string Tasks { get; set; } = "";

    /// <summary>Authority lines above the position, one per line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").</summary>
    public string SignerAuthority { get; set; } = "";

    /// <summary>The signer's position ("PHÓ CHỦ TỊCH"); empty leaves it for the clerk.</summary>
    public string SignerPosition { get; set; } = "";

    /// <summary>The signer's full name.</summary>
    public string SignerName { get; set; } = "";

    /// <summary>Recipients, one per line; empty uses the standard list.</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Incremented on every save; a save that expects another version is refused.</summary>
    public int Version { get; set; }

    /// <summary>When it was last saved (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who saved it last.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Not stored: the year whose draft this one was started from, when this year has none yet.</summary>
    public int? CarriedFromYear { get; set; }

    /// <summary>The text of one prose block.</summary>
    public string this[DraftBlock block]
    {
        get => block switch
        {
            DraftBlock.Introduction => Introduction,
            DraftBlock.Leadership => Leadership,
            DraftBlock.Implementation => Implementation,
            DraftBlock.Advantages => Advantages,
            DraftBlock.Limitations => Limitations,
            DraftBlock.Tasks => Tasks,
            _ => throw new ArgumentOutOfRangeException(nameof(block), block, null),
        };
        set
        {
            switch (block)
            {
                case DraftBlock.Introduction: Introduction = value; break;
                case DraftBlock.Leadership: Leadership = value; break;
                case DraftBlock.Implementation: Implementation = value; break;
                case DraftBlock.Advantages: Advantages = value; break;
                case DraftBlock.Limitations: Limitations = value; break;
                case DraftBlock.Tasks: Tasks = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(block), block, null);
            }
        }
    }

    /// <summary>Every prose block, in the order of the report.</summary>
    public static IReadOnlyList<DraftBlock> Blocks { get; } = Enum.GetValues<DraftBlock>();
}
