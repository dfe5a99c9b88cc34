using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace DanVan.Reports;

/// <summary>Writes an <see cref="OfficialDocument"/> as DOCX in the presentation of Nghị định 30/2020/NĐ-CP.</summary>
/// <remarks>
/// A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 for the body; the
/// issuing body and the national motto as a borderless two-column header; page numbers centred at
/// the top from page 2; "Nơi nhận" bottom left and the signer bottom right.
/// </remarks>
public static class DocxWriter
{
    private const string Font = "Times New Roman";
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 851;
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int LandscapeTextWidth = PageHeight - MarginLeft - MarginRight;
    private const int TableTextSize = 26;
    private const int HeaderLeftWidth = 3855;
    private const int ClosingLeftWidth = 4300;
    private const int FirstLineIndent = 720;
    private const string MottoLine1 = ReportPhrases.NationalName;
    private const string MottoLine2 = ReportPhrases.Motto;

    /// <summary>Writes the document to a stream.</summary>
    public static void Write(OfficialDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = Text($"{document.DocumentType} {document.Summary}".Replace('\n', ' '));
        package.PackageProperties.Creator = "DanVan";
        package.PackageProperties.Language = "vi-VN";

        var main = package.AddMainDocumentPart();
        AddStyles(main);
        AddSettings(main);
        var firstHeader = main.AddNewPart<HeaderPart>();
        firstHeader.Header = new Header(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Header" } }));
        var pageHeader = main.AddNewPart<HeaderPart>();
        pageHeader.Header = new Header(PageNumberParagraph());

        var firstSection = true;
        var landscape = false;
        var content = new List<(OpenXmlElement Element, bool Landscape)>();
        void Add(IEnumerable<(OpenXmlElement, bool)> elements) => content.AddRange(elements);
        Add(Portrait([HeaderTable(document)]));
        Add(Portrait(TitleParagraphs(document)));
        var figures = 0;
        foreach (var block in document.Body)
            Add(BlockElements(block, main, ref figures));
        // The last paragraph travels with the signature, so the signature never stands alone on a page.
        if (content.LastOrDefault().Element is Paragraph last)
            (last.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
        var gap = Spacer(240);
        gap.ParagraphProperties!.KeepNext = new KeepNext();
        Add(Portrait([gap, ClosingTable(document), Spacer(20)]));
        if (document.Appendix.Count > 0 || !string.IsNullOrWhiteSpace(document.AppendixTitle))
        {
            var appendixStart = content.Count;
            var title = Line(Upper(document.AppendixTitle ?? ""), 28, JustificationValues.Center, bold: true);
            title.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
            title.ParagraphProperties.KeepNext = new KeepNext();
            title.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { After = "0" };
            var attached = Line(AttachedTo(document), 26, JustificationValues.Center, italic: true);
            attached.ParagraphProperties!.KeepNext = new KeepNext();
            attached.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { After = "120" };
            Add(Portrait([title, attached]));
            foreach (var block in document.Appendix)
            {
                var elements = BlockElements(block, main, ref figures).ToList();
                // Lines between the previous table (or the appendix title) and a landscape table go on its page.
                if (elements.Count > 0 && elements[0].Landscape)
                {
                    for (var i = content.Count - 1; i >= appendixStart && content[i].Element is Paragraph && !content[i].Landscape; i--)
                        content[i] = (content[i].Element, true);
                }
                Add(elements);
            }
        }

        var body = new Body();
        foreach (var (element, wide) in content)
        {
            if (wide != landscape)
            {
                EndSection(body, Section(main, pageHeader, firstHeader, landscape, firstSection));
                firstSection = false;
                landscape = wide;
                if (element is Paragraph { ParagraphProperties.PageBreakBefore: not null } p)
                    p.ParagraphProperties.PageBreakBefore = null;
            }
            body.Append(element);
        }
        body.Append(Section(main, pageHeader, firstHeader, landscape, firstSection));
        main.Document = new Document(body);
    }

    private static IEnumerable<(OpenXmlElement, bool)> Portrait(IEnumerable<OpenXmlElement> elements) => elements.Select(e => (e, false));

    /// <summary>Ends a section at the last paragraph of the body, or at a paragraph of its own after a table.</summary>
    private static void EndSection(Body body, SectionProperties section)
    {
        if (body.LastChild is not Paragraph paragraph)
        {
            paragraph = Spacer(20);
            body.Append(paragraph);
        }
        (paragraph.ParagraphProperties ??= new ParagraphProperties()).SectionProperties = section;
    }

    /// <summary>
    /// A section's page: A4 portrait or landscape with the margins of Nghị định 30 on the same sides; the first
    /// section has no number on its first page, and every later one numbers on, from the default header.
    /// </summary>
    private static SectionProperties Section(MainDocumentPart main, HeaderPart pageHeader, HeaderPart firstHeader, bool landscape, bool first)
    {
        var section = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageHeader) });
        if (first) section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) });
        section.Append(
            landscape
                ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = MarginLeft,
                Right = MarginRight,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            });
        if (first) section.Append(new TitlePage());
        return section;
    }

    /// <summary>"(Kèm theo Báo cáo số 123/BC-UBND ngày 09/5/2019 của UBND tỉnh Quảng Bình)", blanks where the number or date is not set.</summary>
    internal static string AttachedTo(OfficialDocument document)
    {
        var type = Text(document.DocumentType).Trim();
        type = type.Length == 0 ? type : type[..1].ToUpperInvariant() + type[1..].ToLowerInvariant();
        var date = document.Date is { } d ? VietnameseFormat.DateNd30(d) : "    /    /      ";
        var number = Text(document.Number).Trim().Length == 0 ? "        " : Text(document.Number);
        return $"(Kèm theo {type} số {number} ngày {date} của {IssuerName.InSentence(document.Issuer.Name)})";
    }

    /// <summary>The document as DOCX bytes.</summary>
    public static byte[] ToBytes(OfficialDocument document)
    {
        using var ms = new MemoryStream();
        Write(document, ms);
        return ms.ToArray();
    }

    private static string Text(string s) => VietnameseFormat.Nfc(s);

    private static string Upper(string s) => Text(s).ToUpperInvariant();

    private static IEnumerable<string> Lines(string s) => Text(s).Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var fonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = fonts,
                    FontSize = new FontSize { Val = "28" },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = "28" },
                    Languages = new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                })),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            },
            new Style(
                new StyleName { Val = "Body Text" },
                new BasedOn { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                    Indentation = new Indentation { FirstLine = FirstLineIndent.ToString(CultureInfo.InvariantCulture) },
                    Justification = new Justification { Val = JustificationValues.Both },
                })
            {
                Type = StyleValues.Paragraph,
                StyleId = "BodyText",
            },
            HeadingStyle(1, italic: false),
            HeadingStyle(2, italic: false),
            HeadingStyle(3, italic: true),
            new Style(
                new StyleName { Val = "Table Text" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties
                {
                    SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                },
                new StyleRunProperties(new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "TableText",
            },
            new Style(new StyleName { Val = "header" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
                new StyleRunProperties(new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Header",
            },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            {
                Type = StyleValues.Table,
                StyleId = "TableNormal",
                Default = true,
            });
    }

    private static Style HeadingStyle(int level, bool italic)
    {
        var run = new StyleRunProperties(new Bold(), new BoldComplexScript());
        if (italic) run.Append(new Italic(), new ItalicComplexScript());
        return new Style(
            new StyleName { Val = $"heading {level}" },
            new BasedOn { Val = "BodyText" },
            new NextParagraphStyle { Val = "BodyText" },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            },
            run)
        {
            Type = StyleValues.Paragraph,
            StyleId = $"Heading{level}",
        };
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        part.Settings = new Settings(
            new DefaultTabStop { Val = FirstLineIndent },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = "vi-VN" });
    }

    private static Paragraph PageNumberParagraph() => new(
        new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Header" } },
        new SimpleField(new Run(new Text("2"))) { Instruction = " PAGE " });

    private static Table HeaderTable(OfficialDocument document)
    {
        var issuer = document.Issuer;
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(issuer.Parent))
            left.AddRange(Lines(issuer.Parent).Select(l => Line(Upper(l), 26, JustificationValues.Center)));
        var nameLines = Lines(issuer.Name).Select(Upper).ToList();
        left.AddRange(nameLines.Select(l => Line(l, 26, JustificationValues.Center, bold: true)));
        var nameWidth = nameLines.Max(l => TimesBold.WidthPt(l, 13));
        left.Add(Rule(HeaderLeftWidth, Math.Min(nameWidth, HeaderLeftWidth / 20.0) * 0.4));

        var right = new List<OpenXmlElement>
        {
            Line(MottoLine1, 24, JustificationValues.Center, bold: true),
            Line(MottoLine2, 26, JustificationValues.Center, bold: true),
            Rule(TextWidth - HeaderLeftWidth, TimesBold.WidthPt(MottoLine2, 13) * 0.97),
        };

        var number = Line($"{ReportPhrases.NumberLabel} {Text(document.Number.TrimEnd())}", 26, JustificationValues.Center);
        var placeDate = Line(VietnameseFormat.PlaceDate(document.Place, document.Date), 28, JustificationValues.Center, italic: true);
        number.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "80" };
        placeDate.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "80" };

        return LayoutTable(
            [HeaderLeftWidth, TextWidth - HeaderLeftWidth],
            [[left, right], [[number], [placeDate]]]);
    }

    private static IEnumerable<OpenXmlElement> TitleParagraphs(OfficialDocument document)
    {
        var type = Line(Upper(document.DocumentType), 28, JustificationValues.Center, bold: true);
        type.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "360" };
        type.ParagraphProperties.KeepNext = new KeepNext();
        yield return type;
        var lines = Lines(document.Summary).Where(l => l.Length > 0).ToList();
        foreach (var line in lines)
        {
            var p = Line(line, 28, JustificationValues.Center, bold: true);
            p.ParagraphProperties!.KeepNext = new KeepNext();
            yield return p;
        }
        if (lines.Count > 0)
        {
            var longest = Math.Min(lines.Max(l => TimesBold.WidthPt(l, 14)), TextWidth / 20.0);
            var rule = Rule(TextWidth, longest * 0.4);
            yield return rule;
        }
        foreach (var line in ReportPhrases.AddresseeLines(document.Addressees))
        {
            var p = Line(line, 28, JustificationValues.Center);
            p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
            yield return p;
        }
        yield return Spacer(120);
    }

    /// <summary>A block's elements, each with whether it goes on a landscape page.</summary>
    private static IEnumerable<(OpenXmlElement Element, bool Landscape)> BlockElements(DocumentBlock block, MainDocumentPart main, ref int figures)
    {
        switch (block)
        {
            case HeadingBlock h:
                if (h.Level is < 1 or > 3)
                    throw new ArgumentException($"Heading level {h.Level} is not 1, 2 or 3.", nameof(block));
                var heading = StyledParagraph($"Heading{h.Level}", [new TextRun(h.Text)]);
                if (h.Centered) heading.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Center };
                return Portrait([heading]);
            case ParagraphBlock p:
                return Portrait([StyledParagraph("BodyText", p.Runs, main)]);
            case ListItemBlock li:
                var marker = li.Marker == ListMarker.Plus ? "+ " : "- ";
                var item = StyledParagraph("BodyText", [new TextRun(marker), .. li.Runs], main);
                if (li.Marker == ListMarker.Plus)
                    item.ParagraphProperties!.Indentation = new Indentation { FirstLine = (FirstLineIndent + 284).ToString(CultureInfo.InvariantCulture) };
                return Portrait([item]);
            case TableBlock t:
                var plan = DocxTableLayout.Plan(t, TextWidth, LandscapeTextWidth);
                return TableElements(t, plan).Select(e => (e, plan.Landscape)).ToList();
            case FigureBlock f:
                figures++;
                return Portrait(FigureElements(f, main, figures).ToList());
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
        }
    }

    private static Paragraph StyledParagraph(string style, IEnumerable<TextRun> runs, MainDocumentPart? main = null)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        foreach (var run in runs)
        {
            p.Append(TextRunElement(run.Text, run.Bold, run.Italic, null));
            if (run.Footnote is { } note && main is not null) p.Append(FootnoteReference(main, note));
        }
        return p;
    }

    /// <summary>Adds a numbered footnote (Nghị định 30/2020: size 12, under the page) and returns its reference mark.</summary>
    private static Run FootnoteReference(MainDocumentPart main, string text)
    {
        var part = main.FootnotesPart;
        if (part is null)
        {
            part = main.AddNewPart<FootnotesPart>();
            part.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        }
        var id = part.Footnotes!.Elements<Footnote>().Count() - 1;
        var size = "24";
        part.Footnotes.Append(new Footnote(new Paragraph(
            new ParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Justification = new Justification { Val = JustificationValues.Both },
            },
            new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
            new Run(new RunProperties(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }), new Text(" " + Text(text)) { Space = SpaceProcessingModeValues.Preserve })))
        { Id = id });
        return new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id });
    }

    private static Run TextRunElement(string text, bool bold, bool italic, int? halfPoints)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.Bold = new Bold();
            props.BoldComplexScript = new BoldComplexScript();
        }
        if (italic)
        {
            props.Italic = new Italic();
            props.ItalicComplexScript = new ItalicComplexScript();
        }
        if (halfPoints is { } hp)
        {
            props.FontSize = new FontSize { Val = hp.ToString(CultureInfo.InvariantCulture) };
            props.FontSizeComplexScript = new FontSizeComplexScript { Val = hp.ToString(CultureInfo.InvariantCulture) };
        }
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(Text(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Paragraph Line(string text, int halfPoints, JustificationValues jc, bool bold = false, bool italic = false, string style = "Normal") =>
        new(
            new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = style },
                Justification = new Justification { Val = jc },
            },
            TextRunElement(text, bold, italic, halfPoints));

    /// <summary>A centred horizontal rule of the given length in points, drawn as the top border of a hairline paragraph.</summary>
    private static Paragraph Rule(int cellWidth, double lengthPt)
    {
        var lengthTwips = (int)Math.Round(lengthPt * 20);
        var indent = Math.Max(0, (cellWidth - lengthTwips) / 2).ToString(CultureInfo.InvariantCulture);
        return new Paragraph(
            new ParagraphProperties
            {
                KeepNext = new KeepNext(),
                ParagraphBorders = new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "0", Line = "40", LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { Left = indent, Right = indent, FirstLine = "0" },
                ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }),
            });
    }

    private static Paragraph Spacer(int twips) => new(
        new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = twips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }),
        });

    /// <summary>A borderless table of fixed widths whose cells hold the given elements; rows do not break across pages.</summary>
    private static Table LayoutTable(int[] widths, IReadOnlyList<IReadOnlyList<IReadOnlyList<OpenXmlElement>>> rows)
    {
        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                TableBorders = new TableBorders(
                    new TopBorder { Val = BorderValues.None },
                    new LeftBorder { Val = BorderValues.None },
                    new BottomBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None },
                    new InsideHorizontalBorder { Val = BorderValues.None },
                    new InsideVerticalBorder { Val = BorderValues.None }),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa }),
                TableLook = new TableLook { Val = "0000", FirstRow = false, NoHorizontalBand = true, NoVerticalBand = true },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < widths.Length; c++)
            {
                var tc = new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                var content = c < row.Count ? row[c] : [];
                if (content.Count == 0) tc.Append(new Paragraph());
                foreach (var element in content) tc.Append(element);
                tr.Append(tc);
            }
            table.Append(tr);
        }
        return table;
    }

    private static IEnumerable<OpenXmlElement> TableElements(TableBlock block, DocxTablePlan plan)
    {
        var table = block.Table;
        table.Validate();
        if (!string.IsNullOrWhiteSpace(block.Caption))
        {
            var caption = Line(block.Caption, 26, JustificationValues.Center, bold: true);
            caption.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "60" };
            caption.ParagraphProperties.KeepNext = new KeepNext();
            yield return caption;
        }
        else
        {
            yield return Spacer(120);
        }

        var widths = plan.Widths;
        var size = plan.HalfPoints;
        var grid = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                TableBorders = new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = DocxTableLayout.CellMargin, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = DocxTableLayout.CellMargin, Type = TableWidthValues.Dxa }),
                TableLook = new TableLook { Val = "0020", FirstRow = true, NoVerticalBand = true },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        if (block.HeaderRows.Count > 0)
        {
            foreach (var header in GroupedHeader(block.HeaderRows, widths, size)) grid.Append(header);
        }
        else
        {
            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            for (var i = 0; i < plan.Columns.Count; i++)
                header.Append(GridCell(widths[i], table.Columns[plan.Columns[i]].Header, JustificationValues.Center, bold: true, size));
            grid.Append(header);
        }
        string? group = null;
        foreach (var row in table.Rows)
        {
            if (plan.GroupColumn is { } g && !string.Equals(group, (string)row[g]!, StringComparison.Ordinal))
            {
                group = (string)row[g]!;
                grid.Append(GroupRow(table.Columns[g].Header, group, widths, size));
            }
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < plan.Columns.Count; i++)
            {
                var c = plan.Columns[i];
                var column = table.Columns[c];
                var jc = block.CenterCells ? JustificationValues.Center
                    : column.Kind == ColumnKind.Text && row[c] is string ? JustificationValues.Left : JustificationValues.Right;
                tr.Append(GridCell(widths[i], ReportTable.Display(row[c], column), jc, bold: false, size));
            }
            grid.Append(tr);
        }
        yield return grid;
        yield return Spacer(120);
    }

    /// <summary>A row across the table naming the group of the rows under it: "Bộ tiêu chí: Cấp xã".</summary>
    private static TableRow GroupRow(string header, string value, int[] widths, int size)
    {
        var cell = GridCell(widths.Sum(), "", JustificationValues.Left, bold: true, size);
        cell.TableCellProperties!.InsertAfter(new GridSpan { Val = widths.Length }, cell.TableCellProperties.TableCellWidth);
        var paragraph = cell.GetFirstChild<Paragraph>()!;
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.RemoveAllChildren<Run>();
        paragraph.Append(TextRunElement($"{Text(header)}: ", bold: false, italic: true, size), TextRunElement(value, bold: true, italic: false, size));
        return new TableRow(new TableRowProperties(new CantSplit()), cell);
    }

    /// <summary>Header rows with cells spanning columns (gridSpan) and rows (vMerge: a restart, then continuations below it).</summary>
    private static IEnumerable<TableRow> GroupedHeader(IReadOnlyList<IReadOnlyList<HeaderCell>> rows, int[] widths, int size)
    {
        var below = new (int RowsLeft, int Span)[widths.Length];
        foreach (var cells in rows)
        {
            var tr = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            var queue = new Queue<HeaderCell>(cells);
            for (var col = 0; col < widths.Length;)
            {
                if (below[col].RowsLeft > 0)
                {
                    var span = below[col].Span;
                    tr.Append(SpanCell(widths.Skip(col).Take(span).Sum(), "", span, MergedCellValues.Continue, size));
                    below[col].RowsLeft--;
                    col += span;
                    continue;
                }
                if (!queue.TryDequeue(out var cell)) throw new ArgumentException("the header rows leave a grid column empty", nameof(rows));
                var colSpan = Math.Min(cell.ColSpan, widths.Length - col);
                tr.Append(SpanCell(widths.Skip(col).Take(colSpan).Sum(), cell.Text, colSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null, size));
                if (cell.RowSpan > 1) below[col] = (cell.RowSpan - 1, colSpan);
                col += colSpan;
            }
            yield return tr;
        }
    }

    private static TableCell SpanCell(int width, string text, int span, MergedCellValues? merge, int size)
    {
        var cell = GridCell(width, text, JustificationValues.Center, bold: true, size);
        var props = cell.TableCellProperties!;
        if (span > 1) props.InsertAfter(new GridSpan { Val = span }, props.TableCellWidth);
        if (merge is { } m) props.InsertBefore(new VerticalMerge { Val = m }, props.TableCellVerticalAlignment);
        return cell;
    }

    private static TableCell GridCell(int width, string text, JustificationValues jc, bool bold, int size) =>
        new(
            new TableCellProperties(
                new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            new Paragraph(
                new ParagraphProperties
                {
                    ParagraphStyleId = new ParagraphStyleId { Val = "TableText" },
                    Justification = new Justification { Val = jc },
                },
                TextRunElement(text, bold, false, size == TableTextSize ? null : size)));

    private static IEnumerable<OpenXmlElement> FigureElements(FigureBlock figure, MainDocumentPart main, int index)
    {
        var (pixelWidth, pixelHeight) = PngSize(figure.Png);
        var imagePart = main.AddImagePart(ImagePartType.Png);
        using (var ms = new MemoryStream(figure.Png))
            imagePart.FeedData(ms);
        var relId = main.GetIdOfPart(imagePart);
        var widthMm = Math.Min(figure.WidthMm, TextWidth / 56.6929);
        var cx = (long)(widthMm * 36000);
        var cy = (long)(cx * (double)pixelHeight / pixelWidth);
        var name = $"Hình {index}";

        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new DW.DocProperties { Id = (uint)index, Name = name, Description = figure.Caption ?? name },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{index}.png" },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(
                                new A.Blip { Embed = relId },
                                new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });

        yield return new Paragraph(
            new ParagraphProperties
            {
                KeepNext = string.IsNullOrWhiteSpace(figure.Caption) ? null : new KeepNext(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "60" },
                Justification = new Justification { Val = JustificationValues.Center },
            },
            new Run(drawing));
        if (!string.IsNullOrWhiteSpace(figure.Caption))
        {
            var caption = Line(figure.Caption, 26, JustificationValues.Center, italic: true);
            caption.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "120" };
            yield return caption;
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(signature))
            throw new ArgumentException("A figure must be a PNG image.", nameof(png));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        if (width <= 0 || height <= 0)
            throw new ArgumentException("The PNG has no size.", nameof(png));
        return (width, height);
    }

    private static Table ClosingTable(OfficialDocument document)
    {
        var left = new List<OpenXmlElement>();
        var recipients = document.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (recipients.Count > 0)
        {
            left.Add(Line(ReportPhrases.RecipientsLabel, 24, JustificationValues.Left, bold: true, italic: true));
            for (var i = 0; i < recipients.Count; i++)
            {
                var item = Text(recipients[i]).Trim().TrimStart('-', ' ').TrimEnd(';', '.', ' ');
                var end = i == recipients.Count - 1 ? "." : ";";
                left.Add(Line($"- {item}{end}", 22, JustificationValues.Left));
            }
        }

        var signer = document.Signer;
        var right = new List<OpenXmlElement>();
        foreach (var line in signer.AuthorityLines.Where(l => !string.IsNullOrWhiteSpace(l)))
            right.Add(Line(Upper(line), 28, JustificationValues.Center, bold: true));
        right.Add(Line(Upper(signer.Position), 28, JustificationValues.Center, bold: true));
        var name = Line(signer.Name, 28, JustificationValues.Center, bold: true);
        name.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "1700" };
        right.Add(name);

        return LayoutTable([ClosingLeftWidth, TextWidth - ClosingLeftWidth], [[left, right]]);
    }
}
