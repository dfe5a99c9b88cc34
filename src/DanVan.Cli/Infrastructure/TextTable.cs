using System.Globalization;
using System.Text;

namespace DanVan.Cli.Infrastructure;

/// <summary>A plain text table: columns padded to their widest cell, numbers aligned right.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _right = [];

    /// <summary>Aligns the given columns to the right.</summary>
    public TextTable AlignRight(params int[] columns)
    {
        foreach (var c in columns) _right.Add(c);
        return this;
    }

    /// <summary>Adds a row; missing cells are blank.</summary>
    public void Add(params string?[] cells) =>
        _rows.Add(Enumerable.Range(0, headers.Length).Select(i => i < cells.Length ? cells[i] ?? "" : "").ToArray());

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Writes the table.</summary>
    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        writer.WriteLine(Line(headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) writer.WriteLine(Line(row, widths));
    }

    private string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append("  ");
            var pad = new string(' ', widths[i] - Width(cells[i]));
            sb.Append(_right.Contains(i) ? pad + cells[i] : i == cells.Length - 1 ? cells[i] : cells[i] + pad);
        }
        return sb.ToString().TrimEnd();
    }

    // Vietnamese in NFC is one char per letter; combining marks (text not normalised) take no column.
    private static int Width(string text) =>
        text.Count(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark));
}
