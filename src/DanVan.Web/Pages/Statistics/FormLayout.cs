using DanVan.Statistics;
using DanVan.Web.Resources;

namespace DanVan.Web.Pages.Statistics;

/// <summary>A form laid out as on paper: its sections, each table's header rows with their spans, and a last list of the indicators no section places.</summary>
public static class FormLayout
{
    /// <summary>One header cell of a table section.</summary>
    /// <param name="Text">Header text.</param>
    /// <param name="ColSpan">Leaf columns under it.</param>
    /// <param name="RowSpan">Header rows it covers (a leaf reaches the last row).</param>
    /// <param name="Indicator">The indicator of a leaf column.</param>
    public sealed record HeaderCell(string Text, int ColSpan, int RowSpan, string? Indicator);

    /// <summary>The form's sections, then "Chỉ tiêu khác" listing the indicators no section shows (so every indicator can be filled).</summary>
    public static IReadOnlyList<FormSection> Sections(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var placed = form.Sections.SelectMany(s => s.Indicators.Concat(s.Columns.SelectMany(c => c.Leaves()).Select(l => l.Indicator).OfType<string>()))
            .ToHashSet(StringComparer.Ordinal);
        var others = form.Indicators.Where(i => !placed.Contains(i.Code)).Select(i => i.Code).ToList();
        return others.Count == 0 ? form.Sections : [.. form.Sections, new FormSection { Title = UiText.StatOtherIndicators, Indicators = others }];
    }

    /// <summary>True when the section is a table (has columns).</summary>
    public static bool IsTable(FormSection section) => section.Columns.Count > 0;

    /// <summary>The leaf columns of a table section, left to right.</summary>
    public static IReadOnlyList<FormColumn> Leaves(FormSection section) => [.. section.Columns.SelectMany(c => c.Leaves())];

    /// <summary>The header rows of a table section: groups span their leaves; leaves span down to the last row.</summary>
    public static IReadOnlyList<IReadOnlyList<HeaderCell>> HeaderRows(FormSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var depth = section.Columns.Count == 0 ? 1 : section.Columns.Max(Depth);
        var rows = Enumerable.Range(0, depth).Select(_ => new List<HeaderCell>()).ToList();
        void Add(FormColumn c, int level)
        {
            if (c.Columns.Count == 0) rows[level].Add(new HeaderCell(c.Header, 1, depth - level, c.Indicator));
            else
            {
                rows[level].Add(new HeaderCell(c.Header, c.Leaves().Count(), 1, null));
                foreach (var child in c.Columns) Add(child, level + 1);
            }
        }
        foreach (var c in section.Columns) Add(c, 0);
        return rows;
    }

    private static int Depth(FormColumn c) => c.Columns.Count == 0 ? 1 : 1 + c.Columns.Max(Depth);

    /// <summary>An indicator's name with its unit of measure ("Số cuộc tiếp dân (cuộc)"), as its input is labelled.</summary>
    public static string LabelOf(Indicator x) => x.Unit is { Length: > 0 } u ? $"{x.Name} ({u})" : x.Name;

    /// <summary>The Vietnamese label of a report status.</summary>
    public static string StatusLabel(FormReportStatus status) => status switch
    {
        FormReportStatus.NotStarted => UiText.StatStatusNotStarted,
        FormReportStatus.Draft => UiText.StatStatusDraft,
        FormReportStatus.Confirmed => UiText.StatStatusConfirmed,
        FormReportStatus.Submitted => UiText.StatStatusSubmitted,
        FormReportStatus.Returned => UiText.StatStatusReturned,
        FormReportStatus.Accepted => UiText.StatStatusAccepted,
        _ => status.ToString(),
    };

    /// <summary>The CSS class of a status badge.</summary>
    public static string StatusCss(FormReportStatus status) => status switch
    {
        FormReportStatus.Returned => "returned",
        FormReportStatus.Accepted => "approved",
        FormReportStatus.Submitted => "submitted",
        _ => "",
    };

    /// <summary>The HTML id of an indicator's field.</summary>
    public static string FieldId(string code) => "v-" + code;

    /// <summary>The HTML id of a warning rule's explanation.</summary>
    public static string ExplanationId(string rule) => "e-" + rule;
}
