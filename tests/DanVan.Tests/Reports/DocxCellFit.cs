using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;

namespace DanVan.Tests.Reports;

/// <summary>
/// Finds table cells of a DOCX whose widest word is wider than the cell's text area, measured with the real
/// Liberation Serif 2 (Times New Roman's metrics) at the run's size: the words a word processor would break.
/// </summary>
internal static class DocxCellFit
{
    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> Fonts = new(Load);

    /// <summary>Each word that does not fit, as "table 4 "Điểm bình quân tiêu chí", row 1: "Tiêu" (bold 13 pt) needs 612 twips of 320".</summary>
    public static IReadOnlyList<string> Overflows(byte[] docx)
    {
        var (regular, bold) = Fonts.Value ?? Skip();
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var problems = new List<string>();
        var tableNumber = 0;
        foreach (var table in body.Descendants<Table>())
        {
            tableNumber++;
            var margins = table.GetFirstChild<TableProperties>()?.TableCellMarginDefault;
            var left = (int?)margins?.TableCellLeftMargin?.Width?.Value ?? 108;
            var right = (int?)margins?.TableCellRightMargin?.Width?.Value ?? 108;
            var name = (table.PreviousSibling() as Paragraph)?.InnerText ?? "";
            var rowNumber = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                rowNumber++;
                foreach (var cell in row.Elements<TableCell>())
                {
                    var width = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
                    var room = width - left - right;
                    foreach (var paragraph in cell.Elements<Paragraph>())
                    {
                        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                        foreach (var run in paragraph.Elements<Run>())
                        {
                            var halfPoints = run.RunProperties?.FontSize?.Val?.Value is { } hp ? int.Parse(hp, System.Globalization.CultureInfo.InvariantCulture)
                                : style is "TableText" or "Header" ? 26 : 28;
                            var isBold = run.RunProperties?.Bold is not null;
                            using var font = Font(isBold ? bold : regular, halfPoints / 2f);
                            foreach (var word in run.InnerText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                            {
                                var needs = (int)Math.Ceiling(font.MeasureText(word) * 20);
                                if (needs > room)
                                    problems.Add($"table {tableNumber} \"{name}\", row {rowNumber}: \"{word}\" ({(isBold ? "bold " : "")}{halfPoints / 2.0} pt) needs {needs} twips of {room}");
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    /// <summary>The width in points of a text in Liberation Serif 2.</summary>
    public static double WidthPt(string text, double sizePt, bool isBold)
    {
        var (regular, bold) = Fonts.Value ?? Skip();
        using var font = Font(isBold ? bold : regular, (float)sizePt);
        return font.MeasureText(text);
    }

    /// <summary>A font measuring the outline's advances unrounded, as a word processor lays out text for print.</summary>
    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    private static (SKTypeface, SKTypeface) Skip()
    {
        const string message = "Liberation Serif 2 (fonts-liberation2) is not installed";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
        Assert.Skip(message);
        throw new InvalidOperationException(message);
    }

    private static (SKTypeface, SKTypeface)? Load()
    {
        SKTypeface? Find(string file) => Directory.Exists("/usr/share/fonts")
            ? Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories)
                .Select(path => SKTypeface.FromFile(path))
                .Where(t => t is not null)
                // Liberation Serif 1 (673 glyphs) lacks most Vietnamese letters; 2 has them all.
                .Where(t => t.GlyphCount > 2000)
                .MaxBy(t => t.GlyphCount)
            : null;
        var regular = Find("LiberationSerif-Regular.ttf");
        var bold = Find("LiberationSerif-Bold.ttf");
        return regular is null || bold is null ? null : (regular, bold);
    }
}
