using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Reports.Templates;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Reports;

/// <summary>A report's figures: the template used, where the assessments stand, section II.2 as counts and sentences, the registries' paragraphs.</summary>
/// <param name="Scope">The scope unit.</param>
/// <param name="Year">The year reported.</param>
/// <param name="Template">The template's name and version (0: the standard one).</param>
/// <param name="Progress">Where the assessments stand; <c>isFinal</c> false means the report is a draft.</param>
/// <param name="Sections">Each section of II.2 with its counts.</param>
/// <param name="Lines">Section II.2 of the year as the document writes it.</param>
/// <param name="Registries">The registries' paragraphs of II.1.</param>
/// <param name="From">First day covered.</param>
/// <param name="To">Last day covered.</param>
/// <param name="Kind">periodic (định kỳ), thematic (chuyên đề) or adHoc (đột xuất).</param>
/// <param name="HasEvaluation">An evaluation period covers the scope and year; false: sections and lines are empty and the report holds what the registries and statistics forms hold.</param>
/// <param name="Appendix">The statistics appendix: each form's tables, rows as the document prints them.</param>
public sealed record ReportFiguresView(UnitRef Scope, int Year, TemplateRef Template, ProgressView Progress, IReadOnlyList<SectionView> Sections,
    IReadOnlyList<string> Lines, IReadOnlyList<string> Registries, DateOnly From, DateOnly To, string Kind, bool HasEvaluation,
    IReadOnlyList<AppendixView> Appendix);

/// <summary>One statistics form in the appendix.</summary>
/// <param name="Form">The form's code.</param>
/// <param name="Name">The form's name.</param>
/// <param name="Year">The year of its period.</param>
/// <param name="Tables">Its tables: title and rows of printed cells.</param>
public sealed record AppendixView(string Form, string Name, int Year, IReadOnlyList<AppendixTableView> Tables);

/// <summary>One appendix table.</summary>
public sealed record AppendixTableView(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>A template by name and version.</summary>
public sealed record TemplateRef(string Name, int Version);

/// <summary>Where the period's assessments stand.</summary>
public sealed record ProgressView(int Units, int NotSubmitted, int Returned, int AwaitingAppraisal, int AwaitingApproval, int Approved, bool IsFinal);

/// <summary>One section of II.2.</summary>
public sealed record SectionView(string Title, string Style, int Total, int Evaluated, int Classified, int SelfClaimed, IReadOnlyList<BandView> Bands);

/// <summary>Units in one class.</summary>
public sealed record BandView(string Code, string Label, int Count);

/// <summary>A stored template with its version.</summary>
public sealed record TemplateView(int Version, int? OwnerUnitId, ReportTemplate Template);

/// <summary>Consolidated reports: figures as JSON, documents as DOCX/XLSX/Markdown, and the scope's template.</summary>
public static class ReportsApi
{
    private static readonly Dictionary<string, (string ContentType, string Extension)> Documents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ["md"] = ("text/markdown; charset=utf-8", "md"),
    };

    /// <summary>Maps /api/v1/reports.</summary>
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports/{scope:int}").WithTags("Reports");
        group.MapGet("/{year:int}", GetFigures).WithName("GetReportFigures").Requires(ReportPermissions.Read)
            .WithSummary("The figures of a scope's report for a year, as the document writes them")
            .WithDescription("Built with the scope's stored template (or the nearest above it). `progress.isFinal` false: not every unit is approved, and the documents say they are drafts. "
                + "`from`/`to` (yyyy-MM-dd, at most 10 years, ending in `year`) cover part of a year or several years, each year's registry figures under its own lead; "
                + "`kind` periodic|thematic|adHoc (định kỳ, chuyên đề, đột xuất) writes a thematic report in two parts. A year without an evaluation period reports what the registries and statistics forms hold.");
        group.MapGet("/{year:int}/document", GetDocument).WithName("GetReportDocument").Requires(ReportPermissions.Read)
            .WithSummary("The report as a document: format=docx (default), xlsx (the tables) or md")
            .Produces(StatusCodes.Status200OK, contentType: Documents["docx"].ContentType);
        group.MapGet("/template", GetTemplate).WithName("GetReportTemplate").Requires(ReportPermissions.Read)
            .WithSummary("The template the scope's reports use (docs/report-template-format.md); ETag is its version");
        group.MapPut("/template", PutTemplate).WithName("PutReportTemplate").Requires(ReportPermissions.EditDraft)
            .WithSummary("Store a template as the scope's next version")
            .WithDescription("Send If-Match with the version it was edited from (the ETag of GET); a stale version answers 409 reports.templateStale. Unknown groups, placeholders and fields are refused at their JSON path.");
        return group;
    }

    /// <summary>GET /api/v1/reports/{scope}/{year}.</summary>
    public static async Task<Results<Ok<ReportFiguresView>, NotFoundProblem, RefusedProblem>> GetFigures(int scope, int year, DanVanDbContext db, CurrentUser me, ProvinceClock clock, int? years,
        DateOnly? from, DateOnly? to, string? kind, CancellationToken ct)
    {
        ReportContent? content;
        try
        {
            content = await LoadAsync(db, me, clock, scope, year, years ?? 0, from, to, kind, ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
        if (content is null) return NotFound(scope, year);
        var r = content.Report;
        var p = r.Progress;
        return TypedResults.Ok(new ReportFiguresView(UnitRef.From(content.Scope), year,
            new TemplateRef(content.Template.Template.Name, content.Template.Version),
            new ProgressView(p.Units, p.NotSubmitted, p.Returned, p.AwaitingAppraisal, p.AwaitingApproval, p.Approved, p.IsFinal),
            r.Sections.Select(s => new SectionView(s.Section.Title, s.Style.ToString().ToLowerInvariant(), s.Total, s.Evaluated, s.Classified, s.SelfClaimedCount,
                s.Bands.Select(b => new BandView(b.Code, b.Label, b.Count)).ToList())).ToList(),
            content.HasEvaluation ? ResultsNarrative.Lines(r, content.Scope.Kind) : [],
            content.Registries.Select(Text).ToList(), content.Span.From, content.Span.To, JsonNamingPolicy.CamelCase.ConvertName(content.Kind.ToString()), content.HasEvaluation,
            content.Statistics.Select(f => new AppendixView(f.Form.Code, f.Form.Name, f.Year ?? year, StatisticsAppendix.Tables(f)
                .Select(t => new AppendixTableView(t.Table.Name, t.Table.Columns.Select(c => c.Header).ToList(),
                    t.Table.Rows.Select(row => (IReadOnlyList<string?>)row.Select(c => c?.ToString()).ToList()).ToList())).ToList())).ToList()));
    }

    /// <summary>GET /api/v1/reports/{scope}/{year}/document.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem, RefusedProblem>> GetDocument(int scope, int year, DanVanDbContext db, CurrentUser me, ProvinceClock clock,
        string? format, int? years, DateOnly? from, DateOnly? to, string? kind, CancellationToken ct)
    {
        var asked = format ?? "docx";
        if (!Documents.TryGetValue(asked, out var type))
            return ApiProblems.Invalid("reports.templateUnknownValue", Where.AtField("format"), ("value", asked), ("expected", "docx, xlsx, md"));
        ReportContent? content;
        try
        {
            content = await LoadAsync(db, me, clock, scope, year, years ?? 1, from, to, kind, ct);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
        if (content is null) return NotFound(scope, year);
        var bytes = asked.ToLowerInvariant() switch
        {
            "docx" => DocxWriter.ToBytes(ReportDocuments.Document(content)),
            "xlsx" => XlsxWriter.ToBytes(ReportDocuments.Tables(content)),
            _ => new System.Text.UTF8Encoding(false).GetBytes(ReportDocuments.Markdown(content)),
        };
        return TypedResults.File(bytes, type.ContentType, $"bao-cao-dan-van-{year}-{content.Scope.Code}.{type.Extension}");
    }

    /// <summary>GET /api/v1/reports/{scope}/template.</summary>
    public static async Task<Results<Ok<TemplateView>, NotFoundProblem>> GetTemplate(int scope, DanVanDbContext db, CurrentUser me, HttpContext http, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == scope, ct);
        if (unit is null || !ReportAccess.CanRead(await me.GetAsync(ct), unit)) return new NotFoundProblem($"No unit {scope} within your scope.");
        var used = await ReportTemplates.ForScopeAsync(db, scope, ct);
        var own = await db.ReportTemplates.Where(t => t.ScopeUnitId == scope).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        http.Response.Headers.ETag = $"\"{own}\"";
        return TypedResults.Ok(new TemplateView(used.Version, used.OwnerUnitId, used.Template));
    }

    /// <summary>PUT /api/v1/reports/{scope}/template.</summary>
    public static async Task<Results<Ok<TemplateView>, NotFoundProblem, RefusedProblem>> PutTemplate(int scope, HttpRequest request, DanVanDbContext db, CurrentUser me, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == scope, ct);
        if (unit is null || !ReportAccess.CanEdit(user, unit)) return new NotFoundProblem($"No unit {scope} whose reports you edit.");
        string json;
        using (var reader = new StreamReader(request.Body))
            json = await reader.ReadToEndAsync(ct);
        var groups = await db.Groups.AsNoTracking().Select(g => g.Code).ToListAsync(ct);
        var read = ReportTemplateFile.Parse(json, groups);
        if (!read.IsValid) return ApiProblems.Refused(read.Refusals);
        int? expected = int.TryParse(request.Headers.IfMatch.ToString().Trim('"', 'W', '/'), out var v) ? v : null;
        try
        {
            var stored = await ReportTemplates.SaveAsync(db, scope, read.Template!, expected, user.UserName, clock.UtcNow, ct);
            request.HttpContext.Response.Headers.ETag = $"\"{stored.Version}\"";
            return TypedResults.Ok(new TemplateView(stored.Version, scope, read.Template!));
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals, ex.Refusals.Any(r => r.Code == ReportTemplates.StaleCode) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The report, or null when the unit is out of scope or there is nothing to report; a span or kind that is not one is refused.</summary>
    private static async Task<ReportContent?> LoadAsync(DanVanDbContext db, CurrentUser me, ProvinceClock clock, int scope, int year, int years,
        DateOnly? from, DateOnly? to, string? kind, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == scope, ct);
        if (unit is null || !ReportAccess.CanRead(await me.GetAsync(ct), unit)) return null;
        var (span, reportKind) = ReportSpans.ReadFor(year, from, to, kind);
        var request = ReportRequest.For(year, scope, span, reportKind, Math.Clamp(years, 0, 10), clock.Today);
        try
        {
            return await ReportDocuments.LoadAsync(db, request, ct);
        }
        catch (RefusedException ex) when (ex.Refusals.Any(r => r.Code == "reports.noPeriodCovers"))
        {
            return null;
        }
    }

    private static NotFoundProblem NotFound(int scope, int year) => new($"No report of {year} for unit {scope} within your scope.");

    private static string Text(DocumentBlock block) => block switch
    {
        ListItemBlock li => (li.Marker == ListMarker.Plus ? "+ " : "- ") + string.Concat(li.Runs.Select(r => r.Text)),
        ParagraphBlock p => string.Concat(p.Runs.Select(r => r.Text)),
        HeadingBlock h => h.Text,
        _ => "",
    };
}
