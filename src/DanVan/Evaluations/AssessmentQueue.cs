using DanVan.Reports;

namespace DanVan.Evaluations;

/// <summary>
/// The coordinator's queue of one period: which assessments a status, group, area and search select, in which order,
/// and which page of them is shown. The page and its XLSX export both go through <see cref="Select"/>.
/// </summary>
public static class AssessmentQueue
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    /// <summary>Status filters, in the order shown.</summary>
    public static readonly string[] Statuses = ["all", "not-started", "draft", "submitted", "late", "returned", "appraised", "approved"];

    /// <summary>Sort keys, in the order of the columns.</summary>
    public static readonly string[] Sorts = ["unit", "group", "status", "submitted", "self", "final"];

    /// <summary>True when an assessment falls under a status filter ("late" is any submission made after the deadline, unless returned).</summary>
    public static bool Matches(string filter, AssessmentStatus status, bool late) => filter switch
    {
        "not-started" => status == AssessmentStatus.NotStarted,
        "draft" => status == AssessmentStatus.Draft,
        "submitted" => status == AssessmentStatus.Submitted,
        "late" => late && status != AssessmentStatus.Returned,
        "returned" => status == AssessmentStatus.Returned,
        "appraised" => status == AssessmentStatus.Appraised,
        "approved" => status == AssessmentStatus.Approved,
        _ => true,
    };

    /// <summary>
    /// Applies <paramref name="filter"/> to <paramref name="items"/> (every assessment of the period the reader may see):
    /// the counts per status under the other filters, the areas to choose from, and the requested page in order.
    /// </summary>
    public static QueueResult Select(IReadOnlyList<QueueItem> items, QueueFilter filter)
    {
        var f = filter.Normalised();
        var words = VietnameseFormat.Fold(f.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The status tabs count what the other filters leave, so a tab's number is what clicking it shows.
        var narrowed = items.Where(i => (f.GroupId is not { } g || i.GroupId == g)
                                        && (f.AreaId is not { } a || i.ParentId == a)
                                        && (words.Length == 0 || Found(i, words)))
            .ToList();
        var counts = Statuses.ToDictionary(s => s, s => narrowed.Count(i => Matches(s, i.Status, i.IsLate)));
        var matching = Order(narrowed.Where(i => Matches(f.Status, i.Status, i.IsLate)), f.Sort, f.Descending).ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var page = Math.Min(f.Page, pages);
        var areas = items.Where(i => i.ParentId is not null).GroupBy(i => i.ParentId!.Value)
            .Select(g => new QueueArea(g.Key, g.First().ParentName ?? "", g.Count()))
            .OrderBy(a => a.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        return new QueueResult(f with { Page = page }, counts, matching.Count, page, pages,
            matching.Skip((page - 1) * PageSize).Take(PageSize).ToList(), matching, areas);
    }

    // Folded only when searching: most requests do not search, and folding 5,000 names costs more than the query.
    private static bool Found(QueueItem i, string[] words)
    {
        var text = VietnameseFormat.Fold(i.UnitCode + " " + i.UnitName);
        return words.All(w => text.Contains(w, StringComparison.Ordinal));
    }

    private static IEnumerable<QueueItem> Order(IEnumerable<QueueItem> items, string sort, bool descending)
    {
        // Ties keep the paper order: group, then unit code.
        IOrderedEnumerable<QueueItem> By<TKey>(Func<QueueItem, TKey> key) =>
            descending ? items.OrderByDescending(key) : items.OrderBy(key);
        var ordered = sort switch
        {
            "unit" => By(i => i.UnitName.Length == 0 ? i.UnitCode : VietnameseFormat.Fold(i.UnitName)),
            "status" => By(i => (int)i.Status),
            "submitted" => By(i => i.SubmittedAt ?? DateTime.MinValue),
            "self" => By(i => i.SelfTotal ?? decimal.MinValue),
            "final" => By(i => i.FinalTotal ?? decimal.MinValue),
            _ => By(i => i.GroupOrder),
        };
        return ordered.ThenBy(i => i.GroupOrder).ThenBy(i => i.UnitCode, StringComparer.Ordinal);
    }
}

/// <summary>One assessment as the queue needs it.</summary>
public sealed record QueueItem(
    int Id, string UnitCode, string UnitName, string UnitPath, int? ParentId, string? ParentName,
    int GroupId, string Group, int GroupOrder, AssessmentStatus Status, bool IsLate, DateTime? SubmittedAt,
    decimal? SelfTotal, string? SelfBand, decimal? FinalTotal, string? FinalBand, int CriteriaSetId);

/// <summary>What the reader asked the queue for; anything unknown falls back to the default.</summary>
/// <param name="Status">One of <see cref="AssessmentQueue.Statuses"/>.</param>
/// <param name="GroupId">Only this group (khối).</param>
/// <param name="AreaId">Only units directly under this unit (a district, or the province for its agencies).</param>
/// <param name="Search">Words of the unit's code or name, diacritics and case ignored.</param>
/// <param name="Sort">One of <see cref="AssessmentQueue.Sorts"/>.</param>
/// <param name="Descending">Reverse order.</param>
/// <param name="Page">1-based page.</param>
public sealed record QueueFilter(string Status = "all", int? GroupId = null, int? AreaId = null, string? Search = null,
    string Sort = "group", bool Descending = false, int Page = 1)
{
    /// <summary>The filter with unknown values replaced by defaults.</summary>
    public QueueFilter Normalised() => this with
    {
        Status = AssessmentQueue.Statuses.Contains(Status) ? Status : "all",
        Sort = AssessmentQueue.Sorts.Contains(Sort) ? Sort : "group",
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        Page = Math.Max(1, Page),
    };
}

/// <summary>An area to filter by: a parent unit and how many of the period's assessments are directly under it.</summary>
public sealed record QueueArea(int Id, string Name, int Count);

/// <summary>What the queue shows.</summary>
/// <param name="Filter">The filter as applied (page clamped to the last page).</param>
/// <param name="Counts">Assessments per status filter, under the group, area and search filters.</param>
/// <param name="Total">Assessments matching every filter.</param>
/// <param name="Page">The page shown, 1-based.</param>
/// <param name="Pages">Number of pages (at least 1).</param>
/// <param name="Rows">The rows of the page.</param>
/// <param name="All">Every matching row in order (for the export).</param>
/// <param name="Areas">Parent units of the period's assessments, by name.</param>
public sealed record QueueResult(QueueFilter Filter, IReadOnlyDictionary<string, int> Counts, int Total, int Page, int Pages,
    IReadOnlyList<QueueItem> Rows, IReadOnlyList<QueueItem> All, IReadOnlyList<QueueArea> Areas);
