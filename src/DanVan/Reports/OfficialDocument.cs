namespace DanVan.Reports;

/// <summary>An administrative document in the components of Nghị định 30/2020/NĐ-CP, independent of its file format.</summary>
public sealed record OfficialDocument
{
    /// <summary>The body that issues the document (top left).</summary>
    public required IssuingBody Issuer { get; init; }

    /// <summary>Number and symbol without "Số:", e.g. "123/BC-UBND"; blanks such as "   /BC-UBND" for a draft.</summary>
    public required string Number { get; init; }

    /// <summary>The place name of the place-and-date line, e.g. "Quảng Bình".</summary>
    public required string Place { get; init; }

    /// <summary>The date of issue; null leaves the day, month and year blank to fill in by hand.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The type name, e.g. "BÁO CÁO"; written in upper case.</summary>
    public required string DocumentType { get; init; }

    /// <summary>The summary (trích yếu) under the type name; a line feed forces a line break.</summary>
    public required string Summary { get; init; }

    /// <summary>Whom the document is addressed to, under the summary ("Kính gửi: Sở Nội vụ."); none for a report filed without one.</summary>
    public IReadOnlyList<string> Addressees { get; init; } = [];

    /// <summary>The body, in order.</summary>
    public IReadOnlyList<DocumentBlock> Body { get; init; } = [];

    /// <summary>The "Nơi nhận" list, e.g. "Ban Dân vận Tỉnh ủy", "Lưu: VT, NC"; dashes and end punctuation are added.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Who signs.</summary>
    public required Signer Signer { get; init; }

    /// <summary>The title of the appendix, e.g. "PHỤ LỤC SỐ LIỆU"; null when there is no title.</summary>
    public string? AppendixTitle { get; init; }

    /// <summary>The appendix (figures and tables), after the signature on a page of its own; empty for none.</summary>
    public IReadOnlyList<DocumentBlock> Appendix { get; init; } = [];
}

/// <summary>The issuing body: its own name (bold) under the optional name of the body it belongs to.</summary>
/// <param name="Name">Own name, e.g. "SỞ NỘI VỤ" or "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH"; a line feed forces a line break.</param>
/// <param name="Parent">The body above, e.g. "UBND TỈNH QUẢNG BÌNH"; null when there is none.</param>
public sealed record IssuingBody(string Name, string? Parent = null);

/// <summary>The signature block: authority lines, position and name.</summary>
/// <param name="Position">The signer's position, e.g. "PHÓ CHỦ TỊCH".</param>
/// <param name="Name">The signer's full name, e.g. "Nguyễn Văn A".</param>
public sealed record Signer(string Position, string Name)
{
    /// <summary>Lines above the position, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".</summary>
    public IReadOnlyList<string> AuthorityLines { get; init; } = [];
}

/// <summary>A piece of text with its emphasis.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false)
{
    /// <summary>A footnote after the run (003 puts the figures behind a sentence there): a numbered foot-of-page note in the DOCX, a
    /// Markdown footnote, a bracketed note on screen.</summary>
    public string? Footnote { get; init; }
}

/// <summary>One block of a document body.</summary>
public abstract record DocumentBlock
{
    private protected DocumentBlock()
    {
    }
}

/// <summary>A heading of level 1 ("I. ..."), 2 ("1. ...") or 3 ("1.1. ..."); the text carries its own number.</summary>
public sealed record HeadingBlock(int Level, string Text) : DocumentBlock
{
    /// <summary>Centred on the line, as the part headings of a thematic report ("Phần thứ nhất").</summary>
    public bool Centered { get; init; }
}

/// <summary>A justified paragraph with a first-line indent.</summary>
public sealed record ParagraphBlock(IReadOnlyList<TextRun> Runs) : DocumentBlock
{
    /// <summary>A paragraph of plain text.</summary>
    public ParagraphBlock(string text) : this([new TextRun(text)])
    {
    }
}

/// <summary>The marker of a list line.</summary>
public enum ListMarker
{
    /// <summary>"- ", the first level.</summary>
    Dash = 0,

    /// <summary>"+ ", the second level.</summary>
    Plus = 1,
}

/// <summary>A list line "- ..." or "+ ..." written as Vietnamese documents do: a paragraph starting with its marker.</summary>
public sealed record ListItemBlock(ListMarker Marker, IReadOnlyList<TextRun> Runs) : DocumentBlock
{
    /// <summary>A list line of plain text.</summary>
    public ListItemBlock(ListMarker marker, string text) : this(marker, [new TextRun(text)])
    {
    }
}

/// <summary>A table with a repeated header row; numeric columns right-aligned.</summary>
public sealed record TableBlock(ReportTable Table) : DocumentBlock
{
    /// <summary>A caption above the table, e.g. "Bảng 1. Kết quả phân loại năm 2018".</summary>
    public string? Caption { get; init; }

    /// <summary>Grouped header rows as the paper form has them (cells spanning columns and rows), instead of the columns' headers.</summary>
    public IReadOnlyList<IReadOnlyList<HeaderCell>> HeaderRows { get; init; } = [];

    /// <summary>Cells centred, as a statistics appendix prints its figures.</summary>
    public bool CenterCells { get; init; }
}

/// <summary>A cell of a grouped header: its text and how many grid columns and header rows it spans.</summary>
public sealed record HeaderCell(string Text, int ColSpan = 1, int RowSpan = 1);

/// <summary>A PNG picture, e.g. a chart from <see cref="ReportCharts"/>, centred at the given width.</summary>
public sealed record FigureBlock(byte[] Png, double WidthMm) : DocumentBlock
{
    /// <summary>A caption under the picture.</summary>
    public string? Caption { get; init; }
}
