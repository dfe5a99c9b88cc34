using DanVan.Refusals;
using System.Globalization;

namespace DanVan.Reports;

/// <summary>
/// The days a report covers, first and last included: a year, part of one ("đến tháng 10 năm 2023"), or several years
/// (a two-year review, a five-year report on a decision). Nghị định 09/2019/NĐ-CP lets thematic and ad hoc reports
/// span any time; periodic ones cover their cycle.
/// </summary>
public readonly record struct ReportSpan
{
    /// <summary>Longest span a report may cover, in years (a term of office and its review).</summary>
    public const int MaxYears = 10;

    /// <summary>A span of whole or part years; <paramref name="from"/> must not be after <paramref name="to"/>.</summary>
    public ReportSpan(DateOnly from, DateOnly to)
    {
        if (from > to) throw new ArgumentOutOfRangeException(nameof(from), "A report's span must not end before it starts.");
        From = from;
        To = to;
    }

    /// <summary>First day covered.</summary>
    public DateOnly From { get; }

    /// <summary>Last day covered.</summary>
    public DateOnly To { get; }

    /// <summary>The whole of one year.</summary>
    public static ReportSpan OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>More than one year.</summary>
    public bool IsMultiYear => From.Year != To.Year;

    /// <summary>The years it touches, oldest first.</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(From.Year, To.Year - From.Year + 1)];

    /// <summary>The part of one year the span covers.</summary>
    public ReportSpan Within(int year) =>
        new(From.Year == year ? From : new DateOnly(year, 1, 1), To.Year == year ? To : new DateOnly(year, 12, 31));

    /// <summary>It starts on 1 January and ends on 31 December.</summary>
    public bool IsWholeYears => From is { Month: 1, Day: 1 } && To is { Month: 12, Day: 31 };

    /// <summary>Checks a span given by a user: the refusal code when it is not one a report may cover, else null.</summary>
    public static string? Check(DateOnly from, DateOnly to) =>
        from > to ? "reports.spanReversed"
        : to.Year - from.Year + 1 > MaxYears ? "reports.spanTooLong"
        : null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

/// <summary>How a surface's "from", "to" and "kind" become a report's span and kind: one reading for the page, the API and the CLI.</summary>
public static class ReportSpans
{
    /// <summary>
    /// The span and kind asked for. Without dates: no span (the period's own). One date alone: from 1 January of the other's
    /// year, or to 31 December of its own. The kind by its code or its Vietnamese name ("chuyên đề", "chuyen de", "thematic").
    /// </summary>
    /// <exception cref="RefusedException">The span ends before it starts, is longer than <see cref="ReportSpan.MaxYears"/> years, or the kind is not one.</exception>
    public static (ReportSpan? Span, Templates.ReportKind? Kind) Read(DateOnly? from, DateOnly? to, string? kind)
    {
        var refusals = new List<Refusal>();
        ReportSpan? span = null;
        if (from is not null || to is not null)
        {
            var first = from ?? new DateOnly(to!.Value.Year, 1, 1);
            var last = to ?? new DateOnly(first.Year, 12, 31);
            if (ReportSpan.Check(first, last) is { } code)
                refusals.Add(Refusal.Of(code, Where.AtField(code == "reports.spanReversed" ? "to" : "from"),
                    ("from", VietnameseFormat.Date(first)), ("to", VietnameseFormat.Date(last)), ("max", ReportSpan.MaxYears)));
            else
                span = new ReportSpan(first, last);
        }
        Templates.ReportKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            parsed = VietnameseFormat.Fold(kind).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
            {
                "periodic" or "dinhky" => Templates.ReportKind.Periodic,
                "thematic" or "chuyende" => Templates.ReportKind.Thematic,
                "adhoc" or "dotxuat" => Templates.ReportKind.AdHoc,
                _ => null,
            };
            if (parsed is null) refusals.Add(Refusal.Of("reports.kindUnknown", Where.AtField("kind"), ("value", kind.Trim())));
        }
        if (refusals.Count > 0) throw new RefusedException(refusals);
        return (span, parsed);
    }

    /// <summary>
    /// The span and kind of a report of <paramref name="year"/>: as <see cref="Read"/>, but a "from" alone runs to 31 December of
    /// <paramref name="year"/>, and the span must end in <paramref name="year"/> (<c>reports.spanYear</c> at <paramref name="toField"/>).
    /// </summary>
    /// <exception cref="RefusedException">See <see cref="Read"/>; the span ends in another year.</exception>
    public static (ReportSpan? Span, Templates.ReportKind? Kind) ReadFor(int year, DateOnly? from, DateOnly? to, string? kind, string toField = "to")
    {
        var (span, parsed) = Read(from, to ?? (from is null ? null : new DateOnly(year, 12, 31)), kind);
        if (span is { } s && s.To.Year != year)
            throw new RefusedException("reports.spanYear", Where.AtField(toField), ("year", year), ("to", VietnameseFormat.Date(s.To)));
        return (span, parsed);
    }
}
