using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using DanVan.Web.Infrastructure;
using DanVan.Web.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Reports;

/// <summary>A call for reports from the level below, with where each unit's report stands.</summary>
/// <remarks><c>from</c>/<c>to</c> are the days the reports cover; <c>kind</c> is periodic, thematic or adHoc (null: each unit's template's);
/// <c>request</c> is the document that asks, cited by each report's opening.</remarks>
public sealed record ReportCallView(int Id, string Name, int Year, UnitRef Asker, OrgUnitKind Level, DateOnly OpensOn, DateOnly Deadline, bool AcceptLate,
    int Sent, int Late, int Missing, int Accepted, IReadOnlyList<ReportSubmissionView> Submissions,
    DateOnly From, DateOnly To, string? Kind, ReportCallRequestBody? Request);

/// <summary>One unit's report sent up; <c>documentUrl</c> is set once it was sent.</summary>
public sealed record ReportSubmissionView(int Id, int CallId, UnitRef Unit, ReportSubmissionStatus Status, DateTime? SentAt, string? SentBy, bool IsLate,
    string? Coverage, string? ReturnComment, DateTime? AcceptedAt, int Version, string? DocumentUrl);

/// <summary>What opens a call; <c>from</c>/<c>to</c> for reports over other days than the year (then the year is <c>to</c>'s),
/// <c>kind</c> periodic, thematic or adHoc (or định kỳ, chuyên đề, đột xuất).</summary>
public sealed record OpenReportCallBody(int ScopeUnitId, int Year, OrgUnitKind Level, DateOnly OpensOn, DateOnly Deadline, bool AcceptLate = true, string? Name = null,
    DateOnly? From = null, DateOnly? To = null, string? Kind = null, ReportCallRequestBody? Request = null);

/// <summary>The document that asks for the reports: "Công văn" số "826/SNV-XDCQ" ngày, of the issuer, about the title (trích yếu).</summary>
public sealed record ReportCallRequestBody(string? Kind, string? Number, DateOnly? Date, string? Issuer, string? Title)
{
    /// <summary>The core's document reference.</summary>
    public DanVan.Criteria.DocumentRef ToDocument() =>
        new() { Kind = Kind ?? "", Number = Number ?? "", Date = Date, Issuer = Issuer, Title = Title };
}

/// <summary>A change of a submission made from the version read.</summary>
public sealed record ReportSubmissionChangeBody(int? Version = null, string? Comment = null);

/// <summary>Reports sent up the levels: calls, sending, receiving, the documents as sent.</summary>
public static class ReportCallsApi
{
    /// <summary>Maps /api/v1/report-calls and /api/v1/report-submissions.</summary>
    public static RouteGroupBuilder MapReportCallsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/report-calls").WithTags("Report calls");
        calls.MapGet("/", ListCalls).WithName("ListReportCalls").Requires(ReportPermissions.Read)
            .WithSummary("The calls of the units whose reports the caller reads, latest year first");
        calls.MapPost("/", OpenCall).WithName("OpenReportCall").Requires(ReportPermissions.OpenCall)
            .WithSummary("Ask the units of a level under the asking unit for their reports of a year (a coordinator of exactly the asking unit)");
        calls.MapGet("/{id:int}", GetCall).WithName("GetReportCall").Requires(ReportPermissions.Read)
            .WithSummary("A call with every unit's report: sent, late, missing, accepted");
        var sent = api.MapGroup("/report-submissions").WithTags("Report calls");
        sent.MapGet("/{id:int}", GetSubmission).WithName("GetReportSubmission").Requires(ReportPermissions.Read)
            .WithSummary("One unit's report sent up and where it stands");
        sent.MapPost("/{id:int}/send", SendReport).WithName("SendReport").Requires(ReportPermissions.Send)
            .WithSummary("Build the unit's report of the call's year from data and send it (the unit's coordinator or head)")
            .WithDescription("Refused (reportCalls.notFinal) until every unit the report covers is approved; late is judged in the province's time zone; a stale version answers 409.");
        sent.MapPost("/{id:int}/accept", AcceptReport).WithName("AcceptReport").Requires(ReportPermissions.Receive)
            .WithSummary("Accept a report sent (a coordinator of exactly the asking unit)");
        sent.MapPost("/{id:int}/return", ReturnReport).WithName("ReturnReport").Requires(ReportPermissions.Receive)
            .WithSummary("Return a report with a comment the unit sees; it sends again");
        sent.MapGet("/{id:int}/document", GetDocument).WithName("GetSentReportDocument").Requires(ReportPermissions.Read)
            .WithSummary("The DOCX exactly as sent")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return api;
    }

    /// <summary>GET /api/v1/report-calls.</summary>
    public static async Task<Ok<IReadOnlyList<ReportCallView>>> ListCalls(DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var calls = await db.ReportCalls.AsNoTracking().Include(c => c.ScopeUnit)
            .Where(DanVan.Accounts.ScopeFilter.On<ReportCall>(user, c => c.ScopeUnit))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        IReadOnlyList<ReportCallView> views = await ViewsAsync(db, calls.Where(c => permissions.May(user, ReportPermissions.Read, new Target(c.ScopeUnit!.Path))).ToList(), ct);
        return TypedResults.Ok(views);
    }

    /// <summary>POST /api/v1/report-calls.</summary>
    public static async Task<Results<Created<ReportCallView>, RefusedProblem, NotFoundProblem, ForbiddenProblem>> OpenCall(
        OpenReportCallBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        var asker = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == body.ScopeUnitId, ct);
        if (asker is null || !user.CanRead(asker.Path)) return new NotFoundProblem($"No unit {body.ScopeUnitId} within your scope.");
        if (!permissions.May(user, ReportPermissions.OpenCall, new Target(asker.Path)))
            return new ForbiddenProblem($"Only a coordinator of unit {body.ScopeUnitId} itself may call for its reports.");
        try
        {
            var (span, kind) = ReportSpans.Read(body.From, body.To, body.Kind);
            var call = await ReportCalls.OpenAsync(db, new OpenReportCall(body.Name, body.Year, body.ScopeUnitId, body.Level, body.OpensOn, body.Deadline, body.AcceptLate,
                span, kind, body.Request?.ToDocument()), user.UserName, clock.UtcNow, ct);
            return TypedResults.Created($"/api/v1/report-calls/{call.Id}", (await ViewsAsync(db, [call], ct)).Single());
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
    }

    /// <summary>GET /api/v1/report-calls/{id}.</summary>
    public static async Task<Results<Ok<ReportCallView>, NotFoundProblem>> GetCall(int id, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        if (await ReportCallAccess.FindCallAsync(db, permissions, await me.GetAsync(ct), id, ct) is not { } call) return CallNotFound(id);
        return TypedResults.Ok((await ViewsAsync(db, [call], ct)).Single());
    }

    /// <summary>GET /api/v1/report-submissions/{id}.</summary>
    public static async Task<Results<Ok<ReportSubmissionView>, NotFoundProblem>> GetSubmission(int id, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct) =>
        await ReportCallAccess.FindSubmissionAsync(db, permissions, await me.GetAsync(ct), id, ct: ct) is { } s
            ? TypedResults.Ok(View(s, s.Document is not null))
            : SubmissionNotFound(id);

    /// <summary>POST /api/v1/report-submissions/{id}/send.</summary>
    public static Task<Results<Ok<ReportSubmissionView>, RefusedProblem, NotFoundProblem, ForbiddenProblem>> SendReport(
        int id, ReportSubmissionChangeBody? body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, db, me, permissions, (user, s) => ReportCallAccess.MaySend(permissions, user, s),
            (user, s) => ReportCalls.SendAsync(db, s, user, clock.UtcNow, clock.Zone, body?.Version, ct), ct);

    /// <summary>POST /api/v1/report-submissions/{id}/accept.</summary>
    public static Task<Results<Ok<ReportSubmissionView>, RefusedProblem, NotFoundProblem, ForbiddenProblem>> AcceptReport(
        int id, ReportSubmissionChangeBody? body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, db, me, permissions, (user, s) => ReportCallAccess.MayReceive(permissions, user, s.Call!),
            (user, s) => ReportCalls.AcceptAsync(db, s, user, clock.UtcNow, body?.Version, ct), ct);

    /// <summary>POST /api/v1/report-submissions/{id}/return.</summary>
    public static Task<Results<Ok<ReportSubmissionView>, RefusedProblem, NotFoundProblem, ForbiddenProblem>> ReturnReport(
        int id, ReportSubmissionChangeBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        ChangeAsync(id, db, me, permissions, (user, s) => ReportCallAccess.MayReceive(permissions, user, s.Call!),
            (user, s) => ReportCalls.ReturnAsync(db, s, body.Comment, user, clock.UtcNow, body.Version, ct), ct);

    /// <summary>GET /api/v1/report-submissions/{id}/document.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> GetDocument(int id, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        if (await ReportCallAccess.FindSubmissionAsync(db, permissions, await me.GetAsync(ct), id, ct: ct) is not { } s) return SubmissionNotFound(id);
        if (s.Document is not { } doc) return new NotFoundProblem($"The report {id} has not been sent yet.");
        return TypedResults.File(doc, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", s.FileName ?? $"bao-cao-{id}.docx");
    }

    private static async Task<Results<Ok<ReportSubmissionView>, RefusedProblem, NotFoundProblem, ForbiddenProblem>> ChangeAsync(
        int id, DanVanDbContext db, CurrentUser me, Permissions permissions,
        Func<DanVan.Accounts.UserScope, ReportSubmission, bool> may, Func<string, ReportSubmission, Task> step, CancellationToken ct)
    {
        var user = await me.GetAsync(ct);
        if (await ReportCallAccess.FindSubmissionAsync(db, permissions, user, id, tracked: true, ct) is not { } s) return SubmissionNotFound(id);
        if (!may(user, s)) return new ForbiddenProblem($"Your role may not do this with report {id}.");
        try
        {
            await step(user.UserName, s);
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals, ex.Refusals.Any(r => r.Code == "reportCalls.staleVersion") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        return TypedResults.Ok(View(s, s.Document is not null));
    }

    // The submissions are projected: a list or a call never reads the documents' bytes.
    private static async Task<List<ReportCallView>> ViewsAsync(DanVanDbContext db, IReadOnlyList<ReportCall> calls, CancellationToken ct)
    {
        var ids = calls.Select(c => c.Id).ToList();
        var submissions = (await db.ReportSubmissions.AsNoTracking().Where(s => ids.Contains(s.CallId))
            .Select(s => new
            {
                s.CallId, View = new ReportSubmissionView(s.Id, s.CallId, new UnitRef(s.Unit!.Id, s.Unit.Code, s.Unit.Name), s.Status, s.SentAt, s.SentBy,
                    s.IsLate, s.Coverage, s.ReturnComment, s.AcceptedAt, s.Version, s.Document != null ? "/api/v1/report-submissions/" + s.Id + "/document" : null),
            })
            .ToListAsync(ct))
            .ToLookup(s => s.CallId, s => s.View);
        return calls.Select(c =>
        {
            var subs = submissions[c.Id].OrderBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
            var p = ReportCallProgress.Of(subs.Select(s => (s.Status, s.IsLate)).ToList());
            return new ReportCallView(c.Id, c.Name, c.Year, UnitRef.From(c.ScopeUnit!), c.Level, c.OpensOn, c.Deadline, c.AcceptLate,
                p.Sent, p.Late, p.Missing, p.Accepted, subs, c.Span.From, c.Span.To, c.Kind is { } k ? DanVan.Criteria.CamelCaseEnum.Name(k) : null,
                c.Request is { } r ? new ReportCallRequestBody(r.Kind, r.Number, r.Date, r.Issuer, r.Title) : null);
        }).ToList();
    }

    private static ReportSubmissionView View(ReportSubmission s, bool hasDocument) =>
        new(s.Id, s.CallId, UnitRef.From(s.Unit!), s.Status, s.SentAt, s.SentBy, s.IsLate, s.Coverage, s.ReturnComment, s.AcceptedAt, s.Version,
            hasDocument ? $"/api/v1/report-submissions/{s.Id}/document" : null);

    private static NotFoundProblem CallNotFound(int id) => new($"There is no report call {id} that you may see.");

    private static NotFoundProblem SubmissionNotFound(int id) => new($"There is no report {id} that you may see.");
}
