using System.Text;

namespace DanVan.Reports;

/// <summary>Writes an <see cref="OfficialDocument"/> as Markdown (CommonMark with pipe tables): the same text as the DOCX, tables as Markdown tables.</summary>
/// <remarks>
/// Text is escaped, so nothing a person typed is read as Markdown markup or HTML. Pictures cannot travel
/// in a text file: a figure is written as its caption.
/// </remarks>
public static class MarkdownWriter
{
    private const string MottoLine1 = ReportPhrases.NationalName;
    private const string MottoLine2 = ReportPhrases.Motto;

    /// <summary>The document as Markdown; <paramref name="extraCaptions"/> are written at the end of the appendix (charts drawn elsewhere).</summary>
    public static string Write(OfficialDocument document, IReadOnlyList<string>? extraCaptions = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new Md();
        if (!string.IsNullOrWhiteSpace(document.Issuer.Parent))
            md.Paragraph(Lines(document.Issuer.Parent).Select(l => Escape(l.ToUpperInvariant())));
        md.Paragraph(Lines(document.Issuer.Name).Select(l => $"**{Escape(l.ToUpperInvariant())}**"));
        md.Paragraph([$"{ReportPhrases.NumberLabel} {Escape(document.Number.TrimEnd())}"]);
        md.Paragraph([$"**{MottoLine1}**", $"**{MottoLine2}**"]);
        md.Paragraph([$"*{Escape(VietnameseFormat.PlaceDate(document.Place, document.Date).TrimEnd())}*"]);
        md.Heading(1, document.DocumentType.ToUpperInvariant());
        md.Paragraph(Lines(document.Summary).Where(l => l.Length > 0).Select(l => $"**{Escape(l)}**"));
        if (document.Addressees.Count > 0) md.Paragraph(ReportPhrases.AddresseeLines(document.Addressees).Select(Escape));

        foreach (var block in document.Body) md.Block(block);

        var recipients = document.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (recipients.Count > 0)
        {
            md.Paragraph([$"***{ReportPhrases.RecipientsLabel}***"]);
            for (var i = 0; i < recipients.Count; i++)
            {
                var item = VietnameseFormat.Nfc(recipients[i]).Trim().TrimStart('-', ' ').TrimEnd(';', '.', ' ');
                md.ListItem(0, Escape(item) + (i == recipients.Count - 1 ? "." : ";"));
            }
        }
        var signer = document.Signer;
        md.Paragraph([
            .. signer.AuthorityLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => $"**{Escape(l.ToUpperInvariant())}**"),
            $"**{Escape(signer.Position.ToUpperInvariant())}**",
            .. string.IsNullOrWhiteSpace(signer.Name) ? Array.Empty<string>() : [$"**{Escape(signer.Name)}**"],
        ]);

        if (document.Appendix.Count > 0 || !string.IsNullOrWhiteSpace(document.AppendixTitle) || extraCaptions is { Count: > 0 })
        {
            md.Rule();
            if (!string.IsNullOrWhiteSpace(document.AppendixTitle)) md.Heading(2, document.AppendixTitle.ToUpperInvariant());
            foreach (var block in document.Appendix) md.Block(block);
            foreach (var caption in extraCaptions ?? []) md.Paragraph([$"*{Escape(caption)}*"]);
        }
        md.Footnotes();
        return md.ToString();
    }

    /// <summary>Text with every character that Markdown or HTML would read as markup escaped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in VietnameseFormat.Nfc(text))
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '#' or '~') sb.Append('\\');
            sb.Append(ch is '\r' or '\n' ? ' ' : ch);
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Lines(string text) =>
        VietnameseFormat.Nfc(text).Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());

    private static string Runs(IEnumerable<TextRun> runs, List<string> footnotes) => string.Concat(runs.Select(r =>
    {
        var note = "";
        if (r.Footnote is { } footnote)
        {
            footnotes.Add(footnote);
            note = $"[^{footnotes.Count}]";
        }
        return Run(r) + note;
    }));

    private static string Run(TextRun r)
    {
        var text = Escape(r.Text);
        // Emphasis markers must touch the text, so the surrounding spaces stay outside them.
        var lead = text.Length - text.TrimStart().Length;
        var trail = text.Length - text.TrimEnd().Length;
        var core = text.Trim();
        if (core.Length == 0) return text;
        var mark = (r.Bold ? "**" : "") + (r.Italic ? "*" : "");
        var close = (r.Italic ? "*" : "") + (r.Bold ? "**" : "");
        return text[..lead] + mark + core + close + text[(text.Length - trail)..];
    }

    /// <summary>Accumulates blocks, separated by blank lines except between lines of one list.</summary>
    private sealed class Md
    {
        private readonly StringBuilder _sb = new();
        private readonly List<string> _footnotes = [];
        private bool _inList;

        /// <summary>The footnotes met so far, as Markdown footnote definitions.</summary>
        public void Footnotes()
        {
            if (_footnotes.Count == 0) return;
            Separate();
            for (var i = 0; i < _footnotes.Count; i++) _sb.Append($"[^{i + 1}]: ").Append(Escape(_footnotes[i].Trim())).Append('\n');
        }

        public void Heading(int level, string text)
        {
            Separate();
            _sb.Append('#', Math.Clamp(level, 1, 6)).Append(' ').Append(Escape(text.Trim())).Append('\n');
        }

        public void Paragraph(IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count == 0) return;
            Separate();
            // A trailing backslash is CommonMark's hard line break.
            _sb.Append(string.Join("\\\n", list)).Append('\n');
        }

        public void ListItem(int depth, string text)
        {
            if (!_inList) Separate();
            _sb.Append(depth == 0 ? "- " : "  + ").Append(text).Append('\n');
            _inList = true;
        }

        public void Rule()
        {
            Separate();
            _sb.Append("---\n");
        }

        public void Block(DocumentBlock block)
        {
            switch (block)
            {
                case HeadingBlock h:
                    Heading(h.Level + 1, h.Text);
                    break;
                case ParagraphBlock p:
                    Paragraph([Runs(p.Runs, _footnotes)]);
                    break;
                case ListItemBlock li:
                    ListItem(li.Marker == ListMarker.Plus ? 1 : 0, Runs(li.Runs, _footnotes));
                    break;
                case TableBlock t:
                    if (!string.IsNullOrWhiteSpace(t.Caption)) Paragraph([$"**{Escape(t.Caption)}**"]);
                    Table(t.Table);
                    break;
                case FigureBlock f:
                    if (!string.IsNullOrWhiteSpace(f.Caption)) Paragraph([$"*{Escape(f.Caption)}*"]);
                    break;
                default:
                    throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
            }
        }

        private void Table(ReportTable table)
        {
            Separate();
            _sb.Append("| ").AppendJoin(" | ", table.Columns.Select(c => Escape(c.Header))).Append(" |\n");
            _sb.Append('|').AppendJoin('|', table.Columns.Select(c => c.Kind == ColumnKind.Text ? " --- " : " ---: ")).Append("|\n");
            foreach (var row in table.Rows)
                _sb.Append("| ").AppendJoin(" | ", table.Columns.Select((c, i) => Escape(ReportTable.Display(row[i], c)))).Append(" |\n");
        }

        private void Separate()
        {
            if (_sb.Length > 0) _sb.Append('\n');
            _inList = false;
        }

        public override string ToString() => _sb.ToString();
    }
}
