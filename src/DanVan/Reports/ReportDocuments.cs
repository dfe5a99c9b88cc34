using DanVan.Refusals;
using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;
using static DanVan.Reports.VietnameseFormat;

namespace DanVan.Reports;

/// <summary>Which report to build: a year, a scope unit, how many earlier years to compare.</summary>
/// <param name="Year">The year reported.</param>
/// <param name="ScopeUnitId">The unit the report covers and is issued by.</param>
/// <param name="EarlierYears">Earlier years to compare with (0 for none).</param>
/// <param name="Options">Sections and presentation; null for one section per group.</param>
/// <param name="Kind">Kind of reporting period (a year unless told).</param>
/// <param name="Number">Number of the period within the year (1 for a year).</param>
/// <param name="Today">The day the report is built in the province's time (for "not yet due"); null reads the period as over.</param>
/// <param name="Template">The template to build with instead of the scope's stored one (a preview of an unsaved edit).</param>
/// <param name="Span">The days covered when they are not the period's (a two-year review, a year up to October); its last year is <paramref name="Year"/>.</param>
/// <param name="ReportKind">Định kỳ, chuyên đề or đột xuất; null for the template's.</param>
/// <param name="Request">The document that asked for the report (a report call's Công văn), cited first by the opening.</param>
public sealed record ReportRequest(int Year, int ScopeUnitId, int EarlierYears = 1, ReportOptions? Options = null,
    Periods.PeriodKind Kind = Periods.PeriodKind.Year, int Number = 1, DateOnly? Today = null, Templates.ReportTemplate? Template = null,
    ReportSpan? Span = null, Templates.ReportKind? ReportKind = null, Criteria.DocumentRef? Request = null)
{
    /// <summary>The report a page, the API or the CLI asks for: over <paramref name="span"/> when one was given, else the year's with its earlier years.</summary>
    public static ReportRequest For(int year, int scopeUnitId, ReportSpan? span, Templates.ReportKind? kind, int earlierYears, DateOnly? today) =>
        span is { } given ? Over(given, scopeUnitId, kind, today) : new(year, scopeUnitId, earlierYears, Today: today, ReportKind: kind);

    /// <summary>A report over <paramref name="span"/>, of the year it ends in.</summary>
    public static ReportRequest Over(ReportSpan span, int scopeUnitId, Templates.ReportKind? kind = null, DateOnly? today = null) =>
        new(span.To.Year, scopeUnitId, span.To.Year - span.From.Year, Today: today, Span: span, ReportKind: kind);
}

/// <summary>Everything the outputs of one report are written from: the figures, the units named in the heading, and the people's text.</summary>
public sealed record ReportContent
{
    /// <summary>The figures of the year reported.</summary>
    public required ConsolidatedReport Report { get; init; }

    /// <summary>The figures of the earlier years compared, oldest first; each gets its own sub-heading in II.2.</summary>
    public IReadOnlyList<ConsolidatedReport> EarlierYears { get; init; } = [];

    /// <summary>The scope unit, which issues the report.</summary>
    public required OrgUnit Scope { get; init; }

    /// <summary>The body above the scope unit, named above it when the scope is not a people's committee.</summary>
    public OrgUnit? ScopeParent { get; init; }

    /// <summary>The place of the place-and-date line, e.g. "Quảng Bình".</summary>
    public required string Place { get; init; }

    /// <summary>The text people wrote (or the previous year's, or nothing yet).</summary>
    public required ReportDraft Draft { get; init; }

    /// <summary>The statistics forms of the same period covering the scope, with the scope's figures (the appendix's first tables).</summary>
    public IReadOnlyList<StatisticsFigures> Statistics { get; init; } = [];

    /// <summary>The template the report is written with, its version and the scope that stored it.</summary>
    public Templates.TemplateInUse Template { get; init; } = Templates.TemplateInUse.Standard;

    /// <summary>The registries' paragraphs for II.1 (receptions, petitions, models, plans, recommendations); empty when they hold nothing.</summary>
    public IReadOnlyList<DocumentBlock> Registries { get; init; } = [];

    /// <summary>The publication of the period's results the figures are (the latest re-publication after a reconsideration); null: the first.</summary>
    public Evaluations.Reconsiderations.ResultPublication? Publication { get; init; }

    /// <summary>The years in section II.2, oldest first.</summary>
    public IReadOnlyList<int> Years => [.. EarlierYears.Select(r => r.Year), Report.Year];

    /// <summary>An evaluation period covers the scope and year: the report carries section II.2 and its tables. Without one it
    /// reports what the registries and statistics forms hold (a district's report with its statistics appendix, an office's review).</summary>
    public bool HasEvaluation { get; init; } = true;

    /// <summary>The days the report covers.</summary>
    public ReportSpan Span { get; init; }

    /// <summary>Định kỳ, chuyên đề or đột xuất: a thematic report is written in two parts (Phần thứ nhất, Phần thứ hai).</summary>
    public Templates.ReportKind Kind { get; init; }

    /// <summary>The document that asked for the report (a report call's), or null.</summary>
    public Criteria.DocumentRef? Request { get; init; }
}

/// <summary>One chart of a report, with the caption it carries in the document.</summary>
public sealed record ReportChart(string Key, BarChart Chart, string Caption);

/// <summary>
/// The outputs of a consolidated report: the official document (DOCX) in the structure of the
/// reference reports (I–IV and the appendix), the tables of the workbook (XLSX), and Markdown.
/// </summary>
public static class ReportDocuments
{
    /// <summary>Rows of the self-against-appraisal table in the document; the workbook holds them all.</summary>
    public const int DocumentGapRows = 20;

    /// <summary>Loads and builds the report of a year for a scope, its earlier years and its draft.</summary>
    /// <exception cref="RefusedException">No such unit, or no evaluation period of that year covers it.</exception>
    public static async Task<ReportContent> LoadAsync(DanVanDbContext db, ReportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EarlierYears is < 0 or > 10) throw new RefusedException("reports.earlierYears", Where.AtField("years"), ("years", request.EarlierYears));
        var scope = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.ScopeUnitId, ct)
            ?? throw new RefusedException("reports.unknownUnit", Where.AtField("scope"), ("unit", request.ScopeUnitId));
        var period = await ReportQuery.FindPeriodAsync(db, request.Kind, request.Year, request.Number, scope.Id, ct);

        var template = request.Template is { } given ? new Templates.TemplateInUse(given, 0, null)
            : request.Options is { } o ? new Templates.TemplateInUse(Templates.ReportTemplate.Standard with { Results = o }, 0, null)
            : await Templates.ReportTemplates.ForScopeAsync(db, scope.Id, ct);
        var span = request.Span ?? (period is null ? ReportSpan.OfYear(request.Year) : new ReportSpan(period.WindowFrom, period.WindowTo));
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var tree = new OrgTree(units);
        var include = template.Template.Include;

        var statistics = new List<StatisticsFigures>();
        if (include.StatisticsAppendix)
        {
            // A report over several years carries each year's forms; one of a single year, the forms of its own period.
            if (span.IsMultiYear)
                foreach (var year in span.Years) statistics.AddRange(await StatisticsAppendix.LoadAsync(db, scope, Periods.PeriodKind.Year, year, 1, ct));
            else
                statistics.AddRange(await StatisticsAppendix.LoadAsync(db, scope, request.Kind, request.Year, request.Number, ct));
        }
        var registries = new List<DocumentBlock>();
        if (include.Registries)
        {
            if (span.IsMultiYear)
            {
                foreach (var year in span.Years)
                {
                    var part = span.Within(year);
                    var blocks = await RegistryParagraphs.LoadAsync(db, scope, part.From, part.To, year, ct);
                    if (blocks.Count == 0) continue;
                    registries.Add(new ListItemBlock(ListMarker.Dash, [new TextRun(ReportPhrases.SpanYear(part), Bold: true)]));
                    registries.AddRange(blocks);
                }
            }
            else
            {
                registries.AddRange(await RegistryParagraphs.LoadAsync(db, scope, span.From, span.To, request.Year, ct));
            }
        }
        registries.AddRange(await Submissions.ReportCallParagraphs.LoadAsync(db, scope, span, ct));

        var draft = await ReportDrafts.ForYearAsync(db, scope.Id, request.Year, ReportDrafts.KeyOf(request.Year, request.Span, request.ReportKind), ct);
        var kind = request.ReportKind ?? template.Template.Kind;
        var common = new ReportContent
        {
            Report = ConsolidatedReport.None(request.Year, scope.Name),
            Scope = scope,
            ScopeParent = scope.ParentId is { } parentId ? tree[parentId] : null,
            Place = Place(scope, tree),
            Draft = draft,
            Statistics = statistics,
            Template = template,
            Registries = registries,
            HasEvaluation = false,
            Span = span,
            Kind = kind,
            Request = request.Request,
        };
        if (period is null)
        {
            if (statistics.Count == 0 && registries.Count == 0 && draft.Id == 0)
                throw new RefusedException("reports.noPeriodCovers", Where.AtField("period"), ("year", request.Year), ("unit", scope.Name), ("code", scope.Code));
            return common;
        }

        var input = await ReportQuery.LoadAsync(db, period.Id, scope.Id, request.EarlierYears, ct) with { Today = request.Today };
        var options = template.Template.Results;
        var earlier = input.Earlier
            .OrderBy(p => p.Period.Year)
            .Select(p => ReportBuilder.Build(input with { Current = p, Earlier = [.. input.Earlier.Where(e => e.Period.Year < p.Period.Year)] }, options))
            .ToList();
        return common with
        {
            Report = ReportBuilder.Build(input, options), EarlierYears = earlier, HasEvaluation = true,
            Publication = await Evaluations.Reconsiderations.Reconsiderations.LatestAsync(db, period.Id, ct),
        };
    }

    /// <summary>The report as an official document; <paramref name="charts"/> false leaves the pictures out (for a screen that draws them itself).</summary>
    public static OfficialDocument Document(ReportContent content, bool charts = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        var report = content.Report;
        var draft = content.Draft;
        var template = content.Template.Template;
        var scopeName = content.Scope.Name;
        var body = new List<DocumentBlock>();
        var evaluated = content.HasEvaluation;
        var thematic = content.Kind == Templates.ReportKind.Thematic;
        if (evaluated && !report.Progress.IsFinal)
            body.Add(new ParagraphBlock([new TextRun(ReportPhrases.DraftNotice(report.Progress), Bold: true, Italic: true)]));
        if (evaluated && content.Publication is { } publication)
            body.Add(new ParagraphBlock([new TextRun(ReportPhrases.Republished(publication), Italic: true)]));

        body.AddRange(draft.Introduction.Length > 0 ? Prose(draft.Introduction)
            : evaluated ? [new ParagraphBlock(ReportPhrases.Introduction(scopeName, report.Year,
                [.. (content.Request is { } callRequest ? [Request(callRequest)] : Array.Empty<string>()), .. report.Decisions.Select(Decision)]))]
            : [new ParagraphBlock(ReportPhrases.WorkIntroduction(scopeName, content.Span, Requests(content).Select(Request).ToList()))]);
        if (thematic)
        {
            body.Add(new HeadingBlock(1, ReportPhrases.PartOne) { Centered = true });
            body.Add(new HeadingBlock(1, ReportPhrases.PartOneTitle(content.Span)) { Centered = true });
        }
        body.Add(new HeadingBlock(1, ReportPhrases.Leadership));
        body.AddRange(ProseOrPlaceholder(draft.Leadership));

        body.Add(new HeadingBlock(1, ReportPhrases.Results));
        body.Add(new HeadingBlock(2, ReportPhrases.Implementation));
        body.AddRange(ProseOrPlaceholder(draft.Implementation));
        body.AddRange(content.Registries);
        if (evaluated)
        {
            body.Add(new HeadingBlock(2, ReportPhrases.ResultsOfYears(content.Years)));
            body.AddRange(ResultBlocks(content));
            if (template.Include.CriteriaAnalysis)
            {
                body.Add(new HeadingBlock(2, ReportPhrases.CriteriaAnalysis));
                body.AddRange(AnalysisNarrative.CriteriaLines(report).Select(Line));
            }
            if (template.Include.SelfAssessment)
            {
                body.Add(new HeadingBlock(2, ReportPhrases.SelfAssessment));
                body.AddRange(AnalysisNarrative.GapLines(report).Select(Line));
            }
        }

        body.Add(new HeadingBlock(1, ReportPhrases.Assessment));
        body.Add(new HeadingBlock(2, ReportPhrases.Advantages));
        body.AddRange(ProseOrPlaceholder(draft.Advantages));
        body.Add(new HeadingBlock(2, ReportPhrases.Limitations));
        body.AddRange(ProseOrPlaceholder(draft.Limitations));
        if (thematic)
        {
            body.Add(new HeadingBlock(1, ReportPhrases.PartTwo) { Centered = true });
            body.Add(new HeadingBlock(1, ReportPhrases.PartTwoTitle) { Centered = true });
        }
        else
        {
            body.Add(new HeadingBlock(1, ReportPhrases.Tasks));
        }
        body.AddRange(ProseOrPlaceholder(draft.Tasks));
        var asked = SummaryOf(content.Request?.Title);
        body.Add(new ParagraphBlock(evaluated ? ReportPhrases.Closing(scopeName, report.Year)
            : asked is not null ? ReportPhrases.ClosingOf(asked, scopeName)
            : ReportPhrases.WorkClosing(scopeName, content.Span)));

        var appendix = new List<DocumentBlock>();
        foreach (var figures in content.Statistics)
        {
            appendix.Add(new ParagraphBlock([new TextRun($"({ReportPhrases.AppendixOf(figures.Form.Name, figures.Year ?? report.Year)})", Italic: true)]));
            appendix.AddRange(StatisticsAppendix.Tables(figures));
            var c = figures.Figures.Completeness;
            if (c.Expected > 1) appendix.Add(new ParagraphBlock([new TextRun(ReportPhrases.AppendixCompleteness(c.Submitted, c.Expected), Italic: true)]));
        }
        var number = 0;
        foreach (var (table, caption, note) in evaluated ? TablesFor(content, forDocument: true) : [])
        {
            if (table.Rows.Count == 0) continue;
            appendix.Add(new TableBlock(table) { Caption = caption(++number) });
            if (note is not null) appendix.Add(new ParagraphBlock([new TextRun(note, Italic: true)]));
        }
        if (charts && template.Include.Charts)
        {
            foreach (var chart in Charts(content))
                appendix.Add(new FigureBlock(ReportCharts.Png(chart.Chart, 1000, 560), 160) { Caption = chart.Caption });
        }

        return new OfficialDocument
        {
            Issuer = Issuer(content.Scope, content.ScopeParent, template.Header),
            Number = ReportPhrases.NumberBlank + "/" + (template.Header.Symbol ?? Symbol(content.Scope)),
            Place = template.Header.Place ?? content.Place,
            Date = null,
            DocumentType = ReportPhrases.DocumentType,
            Summary = draft.Summary.Length > 0 ? draft.Summary
                : template.Summary is { Length: > 0 } summary ? summary.Replace("{year}", report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                : evaluated ? ReportPhrases.Summary(report.Year)
                : asked is not null ? asked
                : Requests(content).Select(d => d.Title?.Trim()).Distinct().ToList() is [{ Length: > 0 } title] ? SummaryOf(title)!
                : ReportPhrases.WorkSummary(content.Span),
            // A report answering a request is addressed to whoever asked (004: "Kính gửi: Sở Nội vụ.").
            Addressees = content.Request?.Issuer is { Length: > 0 } asker ? [asker] : [],
            Body = body,
            Recipients = draft.Recipients.Length > 0 ? Lines(draft.Recipients)
                : template.Recipients.Count > 0 ? template.Recipients
                : DefaultRecipients(content),
            Signer = Signer(content),
            AppendixTitle = ReportPhrases.Appendix,
            Appendix = appendix,
        };
    }

    /// <summary>The tables of the workbook, one sheet each, every row (the document shortens the longest).</summary>
    public static IReadOnlyList<ReportTable> Tables(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.HasEvaluation ? TablesFor(content, forDocument: false).Select(t => t.Table).ToList()
            : content.Statistics.SelectMany(StatisticsAppendix.Tables).Select(t => t.Table).ToList();
    }

    /// <summary>The documents that asked for the report: the call's, then those of the statistics forms it carries, each once.</summary>
    private static IEnumerable<Criteria.DocumentRef> Requests(ReportContent content) =>
        (content.Request is { } asked ? [asked] : Array.Empty<Criteria.DocumentRef>())
            .Concat(content.Statistics.Select(s => s.Form.Document)).DistinctBy(d => (d.Kind, d.Number));

    /// <summary>A request as the opening cites it: "Công văn số 1527/SNV-VP ngày 28/9/2018 của Sở Nội vụ tỉnh Thanh Hóa về báo cáo kết quả …".</summary>
    private static string Request(Criteria.DocumentRef d) => Decision(d with { Title = d.Title is { } t ? VietnameseFormat.InSentence(t) : null });

    /// <summary>
    /// A request's trích yếu as the report's summary: "Báo cáo kết quả triển khai …" and "việc báo cáo kết quả 04 năm …" become
    /// "Kết quả triển khai …", "Kết quả 04 năm …"; null for no title.
    /// </summary>
    public static string? SummaryOf(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var t = title.Trim();
        foreach (var lead in (string[])["việc ", "báo cáo "])
            if (t.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && t.Length > lead.Length) t = t[lead.Length..].TrimStart();
        return VietnameseFormat.Capital(t);
    }

    /// <summary>The report as Markdown: the document's text, tables as Markdown tables, charts by caption.</summary>
    public static string Markdown(ReportContent content) => MarkdownWriter.Write(Document(content, charts: false), Charts(content).Select(c => c.Caption).ToList());

    /// <summary>The charts: classes per group this year, and classes over the years when earlier years are compared.</summary>
    public static IReadOnlyList<ReportChart> Charts(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var report = content.Report;
        var charts = new List<ReportChart>();
        var sections = report.Sections.Where(s => s.Classified > 0).ToList();
        if (sections.Count > 0)
        {
            var labels = sections[0].Bands.Select(b => b.Label).ToList();
            var alike = sections.Where(s => s.Bands.Select(b => b.Label).SequenceEqual(labels)).ToList();
            charts.Add(new ReportChart("classes",
                ReportCharts.ClassDistribution(ReportPhrases.Charts.Classes(report.Year),
                    alike.Select(s => s.Section.Title).ToList(), labels,
                    alike.Select(s => (IReadOnlyList<int>)s.Bands.Select(b => b.Count).ToList()).ToList()),
                ReportPhrases.Charts.ClassesCaption(charts.Count + 1, report.Year)));
        }

        var years = report.YearComparison.Select(y => y.Year).Distinct().Order().ToList();
        if (years.Count > 1 && sections.Count > 0)
        {
            var labels = sections[0].Bands.Select(b => b.Label).ToList();
            var values = years.Select(year =>
            {
                var counts = labels.Select(label => report.YearComparison.Where(y => y.Year == year)
                    .Sum(y => y.Bands.Where(b => b.Label == label).Sum(b => b.Count))).ToList();
                return (IReadOnlyList<double>)Percentages(counts).Select(p => (double)p.Value).ToList();
            }).ToList();
            charts.Add(new ReportChart("years",
                ReportCharts.YearComparison(ReportPhrases.Charts.Years, labels, years, values, percent: true),
                ReportPhrases.Charts.YearsCaption(charts.Count + 1, years)));
        }
        return charts;
    }

    /// <summary>Plain text as document blocks: blank lines part paragraphs; lines starting "- " or "+ " are list lines.</summary>
    public static IReadOnlyList<DocumentBlock> Prose(string text)
    {
        var blocks = new List<DocumentBlock>();
        var pending = new List<string>();
        void Flush()
        {
            if (pending.Count > 0) blocks.Add(new ParagraphBlock(string.Join(' ', pending)));
            pending.Clear();
        }
        foreach (var raw in ReportDrafts.Clean(text).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("+ ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new ListItemBlock(line[0] == '+' ? ListMarker.Plus : ListMarker.Dash, line[2..].TrimStart()));
            }
            else
            {
                pending.Add(line);
            }
        }
        Flush();
        return blocks;
    }

    /// <summary>A sentence of the narrative as a block: "- " and "+ " lines as list lines, others as paragraphs.</summary>
    public static DocumentBlock Line(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) ? new ListItemBlock(ListMarker.Dash, line[2..])
        : line.StartsWith("+ ", StringComparison.Ordinal) ? new ListItemBlock(ListMarker.Plus, line[2..])
        : new ParagraphBlock(line);

    /// <summary>"Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của UBND tỉnh Quảng Bình về ...".</summary>
    private static string Decision(Criteria.DocumentRef d) =>
        (d.Date is { } date ? DocumentReference(d.Kind, d.Number, date) : $"{d.Kind} số {d.Number}")
        + (string.IsNullOrWhiteSpace(d.Issuer) ? "" : $" của {d.Issuer.Trim()}")
        + (string.IsNullOrWhiteSpace(d.Title) ? "" : $" về {d.Title.Trim()}");

    private static IReadOnlyList<DocumentBlock> ProseOrPlaceholder(string text) =>
        text.Length > 0 ? Prose(text) : [new ParagraphBlock([new TextRun(ReportPhrases.NotWrittenYet, Italic: true)])];

    private static IEnumerable<DocumentBlock> ResultBlocks(ReportContent content)
    {
        var kind = content.Scope.Kind;
        var years = content.EarlierYears.Append(content.Report).ToList();
        for (var i = 0; i < years.Count; i++)
        {
            if (years.Count > 1) yield return new HeadingBlock(3, ReportPhrases.YearHeading(i + 1, years[i].Year));
            foreach (var line in ResultsNarrative.Lines(years[i], kind)) yield return Line(line);
        }
        var parents = content.Report.ParentsNotEvaluatingMembers;
        if (parents.Count > 0) yield return Line(ReportPhrases.ParentsNotEvaluating(parents.Count, parents.Select(p => p.Unit.Name)));
    }

    /// <summary>The tables, each with its caption (given its number) and an optional note under it.</summary>
    private static List<(ReportTable Table, Func<int, string> Caption, string? Note)> TablesFor(ReportContent content, bool forDocument)
    {
        var report = content.Report;
        Func<int, string> Caption(string title) => n => ReportPhrases.Tables.Caption(n, title, report.Year);
        var tables = new List<(ReportTable, Func<int, string>, string?)>
        {
            (Participation(report), Caption(ReportPhrases.Tables.Participation), null),
            (Classes(report), Caption(ReportPhrases.Tables.Classes), null),
            (NotEvaluated(report), Caption(ReportPhrases.Tables.NotEvaluated), null),
            (CriteriaTable(report), Caption(ReportPhrases.Tables.Criteria), null),
        };

        var gaps = report.UnitGaps;
        if (forDocument)
        {
            var shown = gaps.Where(g => g.Gap > 0).Take(DocumentGapRows).ToList();
            var table = new ReportTable(ReportPhrases.Tables.UnitGaps,
                [
                    new(ReportPhrases.Tables.No, ColumnKind.Integer),
                    new(ReportPhrases.Tables.Unit),
                    new(ReportPhrases.Tables.SelfTotal, ColumnKind.Decimal),
                    new(ReportPhrases.Tables.FinalTotal, ColumnKind.Decimal),
                    new(ReportPhrases.Tables.Gap, ColumnKind.Decimal),
                ],
                shown.Select((g, i) => (IReadOnlyList<object?>)[i + 1, g.Unit.Name, g.SelfTotal, g.FinalTotal, g.Gap]).ToList());
            var more = gaps.Count(g => g.Gap > 0) > shown.Count;
            tables.Add((table, n => ReportPhrases.Tables.LargestGapsCaption(n, shown.Count, report.Year), more ? ReportPhrases.Tables.FullListInWorkbook : null));
        }
        else
        {
            tables.Add((new ReportTable(ReportPhrases.Tables.UnitGaps,
                [
                    new(ReportPhrases.Tables.No, ColumnKind.Integer),
                    new(ReportPhrases.Tables.Unit),
                    new(ReportPhrases.Tables.Group),
                    new(ReportPhrases.Tables.SelfTotal, ColumnKind.Decimal),
                    new(ReportPhrases.Tables.FinalTotal, ColumnKind.Decimal),
                    new(ReportPhrases.Tables.Gap, ColumnKind.Decimal),
                    new(ReportPhrases.Tables.SelfClass),
                    new(ReportPhrases.Tables.FinalClass),
                ],
                gaps.Select((g, i) => (IReadOnlyList<object?>)[i + 1, g.Unit.Name, g.GroupName, g.SelfTotal, g.FinalTotal, g.Gap, g.SelfBand, g.FinalBand]).ToList()),
                Caption(ReportPhrases.Tables.UnitGaps), null));
        }

        tables.Add((new ReportTable(ReportPhrases.Tables.CriterionGaps,
            [
                new(ReportPhrases.Tables.Criterion),
                new(ReportPhrases.Tables.CriterionName),
                new(ReportPhrases.Tables.AverageGap, ColumnKind.Decimal),
                new(ReportPhrases.Tables.Units, ColumnKind.Integer),
            ],
            report.CriterionGaps.Select(c => (IReadOnlyList<object?>)[c.CriterionId, c.Name, c.AverageGap, c.Units]).ToList()),
            Caption(ReportPhrases.Tables.CriterionGaps), null));

        if (report.YearComparison.Select(y => y.Year).Distinct().Count() > 1)
        {
            tables.Add((YearsTable(report), n => ReportPhrases.Tables.YearsCaption(n, content.Years), null));
            if (!forDocument) tables.Add((HistoriesTable(report), Caption(ReportPhrases.Tables.Histories), null));
        }
        return tables;
    }

    private static ReportTable Participation(ConsolidatedReport report)
    {
        var parts = report.Sections.SelectMany(s => s.Parts).Where(p => p.Total > 0).ToList();
        var rows = parts.Select(p => Row(p.GroupName, p.Total, p.Evaluated, p.Total - p.Evaluated, Rate(p.Evaluated, p.Total))).ToList();
        var total = parts.Sum(p => p.Total);
        var evaluated = parts.Sum(p => p.Evaluated);
        rows.Add(Row(ReportPhrases.Tables.Total, total, evaluated, total - evaluated, Rate(evaluated, total)));
        return new ReportTable(ReportPhrases.Tables.Participation,
            [
                new(ReportPhrases.Tables.Group),
                new(ReportPhrases.Tables.Units, ColumnKind.Integer),
                new(ReportPhrases.Tables.Evaluated, ColumnKind.Integer),
                new(ReportPhrases.Tables.NotEvaluatedCount, ColumnKind.Integer),
                new(ReportPhrases.Tables.Rate, ColumnKind.Percent),
            ],
            rows);
    }

    private static ReportTable Classes(ConsolidatedReport report)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var section in report.Sections.Where(s => s.Total > 0))
        {
            var shares = Percentages(section.Bands.Select(b => b.Count).ToList());
            for (var i = 0; i < section.Bands.Count; i++)
            {
                var band = section.Bands[i];
                rows.Add(Row(section.Section.Title, band.Label, band.Count, section.Classified == 0 ? null : shares[i].Value, band.Units.Count(u => u.SelfClaimed)));
            }
        }
        return new ReportTable(ReportPhrases.Tables.Classes,
            [
                new(ReportPhrases.Tables.Group),
                new(ReportPhrases.Tables.Class),
                new(ReportPhrases.Tables.Units, ColumnKind.Integer),
                new(ReportPhrases.Tables.Share, ColumnKind.Percent),
                new(ReportPhrases.Tables.SelfClaimed, ColumnKind.Integer),
            ],
            rows);
    }

    private static ReportTable NotEvaluated(ConsolidatedReport report)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var section in report.Sections)
        {
            var withMembers = section.MissingWithMembers.Where(m => m.MembersEvaluated > 0).ToDictionary(m => m.Unit.UnitId);
            foreach (var part in section.Parts)
            {
                foreach (var unit in part.Missing)
                {
                    var note = withMembers.TryGetValue(unit.UnitId, out var m) ? ReportPhrases.Tables.OnlyMembers(m.MembersEvaluated, m.Members) : null;
                    rows.Add(Row(rows.Count + 1, part.GroupName, unit.Name, note));
                }
            }
            foreach (var inspected in section.InspectedOnly)
                rows.Add(Row(rows.Count + 1, section.Section.Title, inspected.Unit.Name, ReportPhrases.Tables.Inspected(inspected.BandLabel)));
        }
        return new ReportTable(ReportPhrases.Tables.NotEvaluated,
            [
                new(ReportPhrases.Tables.No, ColumnKind.Integer),
                new(ReportPhrases.Tables.Group),
                new(ReportPhrases.Tables.Unit),
                new(ReportPhrases.Tables.Note),
            ],
            rows);
    }

    private static ReportTable CriteriaTable(ConsolidatedReport report)
    {
        var several = report.Criteria.Count > 1;
        var columns = new List<ReportColumn>();
        if (several) columns.Add(new(ReportPhrases.Tables.CriteriaSet));
        columns.AddRange(
        [
            new(ReportPhrases.Tables.Criterion),
            new(ReportPhrases.Tables.CriterionName),
            new(ReportPhrases.Tables.MaxPoints, ColumnKind.Decimal) { Decimals = 1 },
            new(ReportPhrases.Tables.AveragePoints, ColumnKind.Decimal),
            new(ReportPhrases.Tables.AverageShare, ColumnKind.Percent),
            new(ReportPhrases.Tables.Units, ColumnKind.Integer),
        ]);
        var rows = report.Criteria.SelectMany(a => a.Criteria.Select(c =>
        {
            object?[] cells = [c.CriterionId, c.Name, c.MaxPoints, c.AveragePoints, Math.Round(c.AverageShare * 100, 1, MidpointRounding.AwayFromZero), c.Units];
            return (IReadOnlyList<object?>)(several ? [a.CriteriaSetName, .. cells] : cells);
        })).ToList();
        return new ReportTable(ReportPhrases.Tables.Criteria, columns, rows);
    }

    private static ReportTable YearsTable(ConsolidatedReport report)
    {
        var years = report.YearComparison.Select(y => y.Year).Distinct().Order().ToList();
        var columns = new List<ReportColumn> { new(ReportPhrases.Tables.Group), new(ReportPhrases.Tables.Class) };
        foreach (var year in years)
        {
            columns.Add(new(ReportPhrases.Tables.UnitsIn(year), ColumnKind.Integer));
            columns.Add(new(ReportPhrases.Tables.ShareIn(year), ColumnKind.Percent));
        }
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var title in report.YearComparison.Select(y => y.SectionTitle).Distinct())
        {
            var byYear = years.ToDictionary(y => y, y => report.YearComparison.FirstOrDefault(s => s.Year == y && s.SectionTitle == title));
            var shares = byYear.ToDictionary(kv => kv.Key, kv => kv.Value is null ? null : Percentages(kv.Value.Bands.Select(b => b.Count).ToList()));
            var labels = byYear.Values.Where(v => v is not null).SelectMany(v => v!.Bands.Select(b => b.Label)).Distinct().ToList();
            foreach (var label in labels)
            {
                var cells = new List<object?> { title, label };
                foreach (var year in years)
                {
                    var section = byYear[year];
                    var index = section?.Bands.ToList().FindIndex(b => b.Label == label) ?? -1;
                    var classified = section?.Bands.Sum(b => b.Count) ?? 0;
                    cells.Add(index < 0 ? null : section!.Bands[index].Count);
                    cells.Add(index < 0 || classified == 0 ? null : shares[year]![index].Value);
                }
                rows.Add(cells);
            }
        }
        return new ReportTable(ReportPhrases.Tables.Years, columns, rows);
    }

    private static ReportTable HistoriesTable(ConsolidatedReport report)
    {
        var years = report.YearComparison.Select(y => y.Year).Distinct().Order().ToList();
        var columns = new List<ReportColumn> { new(ReportPhrases.Tables.Unit) };
        columns.AddRange(years.Select(y => new ReportColumn(ReportPhrases.Tables.YearColumn(y))));
        var rows = report.UnitHistories
            .Select(h => (IReadOnlyList<object?>)[h.Unit.Name, .. years.Select(y => h.BandsByYear.TryGetValue(y, out var bands) ? string.Join(", ", bands) : null)])
            .ToList();
        return new ReportTable(ReportPhrases.Tables.Histories, columns, rows);
    }

    private static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static IssuingBody Issuer(OrgUnit scope, OrgUnit? parent, Templates.TemplateHeader header) =>
        new(header.Issuer ?? OfficialName(scope),
            header.GoverningBody ?? (IsCommittee(scope) || parent is null ? null : parent.Name.ToUpperInvariant()));

    /// <summary>The issuing body as Nghị định 30 writes it: "UBND tỉnh Quảng Bình" → "ỦY BAN NHÂN DÂN" over "TỈNH QUẢNG BÌNH".</summary>
    public static string OfficialName(OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var name = unit.Name.Trim();
        foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân " })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return "ỦY BAN NHÂN DÂN\n" + name[prefix.Length..].Trim().ToUpperInvariant();
        }
        return name.ToUpperInvariant();
    }

    private static bool IsCommittee(OrgUnit unit) => unit.Kind is OrgUnitKind.Province or OrgUnitKind.District or OrgUnitKind.Commune;

    /// <summary>The symbol after the number: "BC-UBND" for a people's committee, "BC-SNV" for Sở Nội vụ.</summary>
    private static string Symbol(OrgUnit scope)
    {
        if (IsCommittee(scope)) return ReportPhrases.CommitteeSymbol;
        var initials = string.Concat(Fold(scope.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])));
        return initials.Length == 0 ? "BC" : "BC-" + initials;
    }

    private static Signer Signer(ReportContent content)
    {
        var draft = content.Draft;
        var signer = content.Template.Template.Signer;
        var committee = IsCommittee(content.Scope);
        var authority = draft.SignerAuthority.Length > 0 ? Lines(draft.SignerAuthority)
            : signer.Authority.Count > 0 ? signer.Authority.ToList()
            : committee ? [ReportPhrases.CommitteeAuthority] : [];
        var position = draft.SignerPosition.Length > 0 ? draft.SignerPosition
            : signer.Position is { Length: > 0 } p ? p
            : committee ? ReportPhrases.CommitteeHead : ReportPhrases.AgencyHead;
        var name = draft.SignerName.Length > 0 ? draft.SignerName : signer.Name ?? "";
        return new Signer(position, name) { AuthorityLines = authority };
    }

    private static IReadOnlyList<string> DefaultRecipients(ReportContent content) =>
        content.Scope.Kind == OrgUnitKind.Province || content.ScopeParent is null
            ? [.. ReportPhrases.ProvinceRecipients, ReportPhrases.Archive]
            : [ReportPhrases.ToParent(content.ScopeParent.Name), ReportPhrases.Archive];

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// The place of the place-and-date line (Nghị định 30/2020, Phụ lục I): the locality where the issuer sits — the scope itself
    /// when it is a people's committee ("Đồng Hới" for UBND thành phố Đồng Hới), else the committee above it ("Quảng Bình" for Sở Nội vụ).
    /// </summary>
    private static string Place(OrgUnit scope, OrgTree tree)
    {
        var unit = scope;
        while (!IsCommittee(unit) && unit.ParentId is { } parent) unit = tree[parent];
        var name = unit.Name;
        foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "tỉnh ", "thành phố ", "thị xã ", "thị trấn ", "huyện ", "quận ", "phường ", "xã ", "TP ", "TX " })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) name = name[prefix.Length..];
        }
        return name.Trim();
    }
}
