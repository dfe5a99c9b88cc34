using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports.Submissions;

/// <summary>What a coordinator gives to ask the level below for its reports.</summary>
/// <param name="Name">Name of the call; default "Báo cáo kết quả công tác dân vận chính quyền năm {year}".</param>
/// <param name="Year">The year reported on.</param>
/// <param name="ScopeUnitId">The asking unit.</param>
/// <param name="Level">Kind of unit under it that owes a report (District, Commune, ProvincialAgency…).</param>
/// <param name="OpensOn">First day a report can be sent.</param>
/// <param name="Deadline">Last day.</param>
/// <param name="AcceptLate">Receive late reports (marked late) rather than refuse them.</param>
/// <param name="Span">The days the reports cover when not the whole <paramref name="Year"/> (then the year is the span's last).</param>
/// <param name="Kind">Định kỳ, chuyên đề or đột xuất; null for each unit's template's.</param>
/// <param name="Request">The document that asks ("Công văn số 826/SNV-XDCQ ngày 25/5/2022 của Sở Nội vụ …"), cited by every report's opening.</param>
public sealed record OpenReportCall(string? Name, int Year, int ScopeUnitId, OrgUnitKind Level, DateOnly OpensOn, DateOnly Deadline, bool AcceptLate = true,
    ReportSpan? Span = null, Templates.ReportKind? Kind = null, Criteria.DocumentRef? Request = null);

/// <summary>
/// Reports sent up the levels: the asking unit opens a call, each owing unit sends its report built from data (never
/// retyped), the asking unit accepts it or returns it with a comment. Every step is one save with its audit line.
/// </summary>
public static class ReportCalls
{
    /// <summary>Opens the call and one submission per unit of <see cref="OpenReportCall.Level"/> under the scope that exists on the deadline.</summary>
    /// <exception cref="RefusedException">Nothing is stored.</exception>
    public static async Task<ReportCall> OpenAsync(DanVanDbContext db, OpenReportCall request, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Refusal>();
        var year = request.Span?.To.Year ?? request.Year;
        if (year is < 2000 or > 2100) problems.Add(Refusal.Of("reports.year", Where.AtField(request.Span is null ? "year" : "to"), ("year", year)));
        if (request.Span is { } span && ReportSpan.Check(span.From, span.To) is { } spanCode)
            problems.Add(Refusal.Of(spanCode, Where.AtField("from"), ("from", VietnameseFormat.Date(span.From)), ("to", VietnameseFormat.Date(span.To)), ("max", ReportSpan.MaxYears)));
        if (request.Request is { } asked)
        {
            if (string.IsNullOrWhiteSpace(asked.Number)) problems.Add(Refusal.Of("reportCalls.requestNumber", Where.AtField("request.number")));
            foreach (var (field, text, max) in new[] { ("kind", asked.Kind, 64), ("number", asked.Number, 64), ("issuer", asked.Issuer, ReportCall.MaxName), ("title", asked.Title, ReportCall.MaxName) })
                if (TextLimit.Check(text, Where.AtField("request." + field), "request." + field, max) is { } longText) problems.Add(longText);
        }
        if (request.Deadline < request.OpensOn)
            problems.Add(Refusal.Of("reportCalls.deadlineBeforeOpening", Where.AtField("deadline"), ("deadline", request.Deadline), ("opensOn", request.OpensOn)));
        if (TextLimit.Check(request.Name, Where.AtField("name"), "name", ReportCall.MaxName) is { } tooLong) problems.Add(tooLong);
        var scope = await db.Units.SingleOrDefaultAsync(u => u.Id == request.ScopeUnitId, ct);
        if (scope is null) problems.Add(Refusal.Of("reports.unknownUnit", Where.AtField("scopeUnitId"), ("unit", request.ScopeUnitId)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var name = !string.IsNullOrWhiteSpace(request.Name) ? request.Name.Trim() : NameOf(request.Request, year);
        if (await db.ReportCalls.AnyAsync(c => c.ScopeUnitId == scope!.Id && c.Year == year && c.Level == request.Level && c.Name == name, ct))
            throw new RefusedException("reportCalls.taken", Where.AtField("name"), ("name", name), ("year", year));

        var whole = request.Span is not { } given || given == ReportSpan.OfYear(year);
        var call = new ReportCall
        {
            Name = name, Year = year, ScopeUnitId = scope!.Id, Level = request.Level,
            OpensOn = request.OpensOn, Deadline = request.Deadline, AcceptLate = request.AcceptLate,
            SpanFrom = whole ? null : request.Span!.Value.From, SpanTo = whole ? null : request.Span!.Value.To, Kind = request.Kind,
            RequestKind = Trimmed(request.Request?.Kind), RequestNumber = Trimmed(request.Request?.Number), RequestDate = request.Request?.Date,
            RequestIssuer = Trimmed(request.Request?.Issuer), RequestTitle = Trimmed(request.Request?.Title),
        };
        var owing = await db.Units.AsNoTracking().Where(UnitPaths.Within(scope.Path))
            .Where(u => u.Kind == request.Level && u.Id != scope.Id).ToListAsync(ct);
        foreach (var unit in owing.Where(u => u.IsValidOn(request.Deadline)).OrderBy(u => u.Path, StringComparer.Ordinal))
            call.Submissions.Add(new ReportSubmission { UnitId = unit.Id });
        if (call.Submissions.Count == 0)
            throw new RefusedException("reportCalls.nobodyOwes", Where.AtField("level"), ("level", request.Level.ToString()), ("unit", scope.Name));

        db.Add(call);
        AuditTrail.Record(db, new AuditLine(user, at, "reportCall.open", AuditSubject.Of(call))
        {
            New = $"{call.Name}; {call.Submissions.Count} đơn vị; hạn {call.Deadline:dd/MM/yyyy}",
        });
        await db.SaveChangesAsync(ct);
        return call;
    }

    /// <summary>The standard name of a year's call.</summary>
    public static string DefaultName(int year) => $"Báo cáo kết quả công tác dân vận chính quyền năm {year}";

    // A call that cites its request is named after it: "Báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND …".
    private static string NameOf(Criteria.DocumentRef? request, int year) =>
        ReportDocuments.SummaryOf(request?.Title) is { Length: > 0 and <= ReportCall.MaxName - 8 } summary ? "Báo cáo " + VietnameseFormat.InSentence(summary) : DefaultName(year);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Why the unit may not send now, or empty: not open yet, already sent or accepted, late and refused, figures not final.</summary>
    /// <param name="progress">The unit's own report's progress (its units approved), from <see cref="ReportDocuments.LoadAsync"/>.</param>
    public static IReadOnlyList<Refusal> SendRefusals(ReportSubmission s, ReportProgress progress, DateTime at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(progress);
        var call = s.Call ?? throw new InvalidOperationException("load the call");
        if (!s.IsOpen) return [Refusal.Of("reportCalls.notOpenToSend", Where.Request, ("status", s.Status.ToString()))];
        if (Deadlines.DayIn(zone, at) < call.OpensOn) return [Refusal.Of("reportCalls.notOpenYet", Where.Request, ("opensOn", call.OpensOn))];
        var problems = new List<Refusal>();
        if (Judge(s, at, zone).Refused) problems.Add(Refusal.Of("reportCalls.lateRefused", Where.Request, ("deadline", call.Deadline)));
        // A report sent up is signed: its evaluation figures must be final (one without evaluation results has none to wait for).
        if (progress.Units > 0 && !progress.IsFinal)
            problems.Add(Refusal.Of("reportCalls.notFinal", Where.Request, ("approved", progress.Approved), ("units", progress.Units)));
        return problems;
    }

    /// <summary>The report a unit sends for <paramref name="call"/>: over the call's span, of its kind, citing its request.</summary>
    public static ReportRequest RequestOf(ReportCall call, int unitId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(call);
        ReportSpan? span = call.SpanFrom is null && call.SpanTo is null ? null : call.Span;
        return ReportRequest.For(call.Year, unitId, span, call.Kind, 1, today) with { Request = call.Request };
    }

    /// <summary>How a send now stands against the deadline; a resend after a return keeps its first lateness.</summary>
    public static DeadlineVerdict Judge(ReportSubmission s, DateTime at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        var call = s.Call ?? throw new InvalidOperationException("load the call");
        return Deadlines.Judge(at, new DeadlineRule(call.Deadline, call.AcceptLate, zone), s.SentAt is not null ? s.IsLate : null);
    }

    /// <summary>Builds the unit's report of the call's year from data and sends it: the document is kept exactly as sent.</summary>
    /// <exception cref="RefusedException">See <see cref="SendRefusals"/>; a stale version.</exception>
    public static async Task SendAsync(DanVanDbContext db, ReportSubmission s, string user, DateTime at, TimeZoneInfo zone, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(s);
        if (expectedVersion is { } v && v != s.Version) throw new RefusedException(Stale(v, s.Version));
        var call = s.Call ?? throw new InvalidOperationException("load the call");
        var content = await ReportDocuments.LoadAsync(db, RequestOf(call, s.UnitId, Deadlines.DayIn(zone, at)), ct);
        var refusals = SendRefusals(s, content.Report.Progress, at, zone);
        if (refusals.Count > 0) throw new RefusedException(refusals);

        var verdict = Judge(s, at, zone);
        s.Status = ReportSubmissionStatus.Sent;
        (s.SentAt, s.SentBy, s.IsLate, s.ReturnComment) = (at, user, verdict.Late, null);
        s.Document = DocxWriter.ToBytes(ReportDocuments.Document(content));
        s.FileName = ReportFileNames.For(content, "docx");
        // A report without evaluation results covers no unit to approve: nothing to count.
        s.Coverage = content.Report.Progress.Units > 0 ? $"{content.Report.Progress.Approved}/{content.Report.Progress.Units}" : null;
        AuditTrail.Record(db, new AuditLine(user, at, "reportCall.send", AuditSubject.Of(s))
        {
            New = $"{s.FileName}; {(s.Coverage is null ? "" : s.Coverage + " đơn vị đã phê duyệt; ")}{(verdict.Late ? "gửi muộn" : "đúng hạn")}",
        });
        await SaveAsync(db, s, ct);
    }

    /// <summary>The asking unit accepts a report sent.</summary>
    /// <exception cref="RefusedException">Not sent.</exception>
    public static async Task AcceptAsync(DanVanDbContext db, ReportSubmission s, string user, DateTime at, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (expectedVersion is { } v && v != s.Version) throw new RefusedException(Stale(v, s.Version));
        if (s.Status != ReportSubmissionStatus.Sent) throw new RefusedException("reportCalls.notSent", Where.Request, ("status", s.Status.ToString()));
        s.Status = ReportSubmissionStatus.Accepted;
        (s.AcceptedAt, s.AcceptedBy) = (at, user);
        AuditTrail.Record(db, new AuditLine(user, at, "reportCall.accept", AuditSubject.Of(s)));
        await SaveAsync(db, s, ct);
    }

    /// <summary>The asking unit returns a report sent or accepted, with a comment the unit sees; the unit sends again.</summary>
    /// <exception cref="RefusedException">Not sent, or no comment.</exception>
    public static async Task ReturnAsync(DanVanDbContext db, ReportSubmission s, string? comment, string user, DateTime at, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (expectedVersion is { } v && v != s.Version) throw new RefusedException(Stale(v, s.Version));
        if (s.Status is not (ReportSubmissionStatus.Sent or ReportSubmissionStatus.Accepted))
            throw new RefusedException("reportCalls.notSent", Where.Request, ("status", s.Status.ToString()));
        if (string.IsNullOrWhiteSpace(comment)) throw new RefusedException("reportCalls.commentRequired", Where.AtField("comment"));
        if (TextLimit.Check(comment, Where.AtField("comment"), "comment") is { } tooLong) throw new RefusedException(tooLong);
        s.Status = ReportSubmissionStatus.Returned;
        (s.ReturnComment, s.AcceptedAt, s.AcceptedBy) = (comment.Trim(), null, null);
        AuditTrail.Record(db, new AuditLine(user, at, "reportCall.return", AuditSubject.Of(s)) { Reason = comment.Trim() });
        await SaveAsync(db, s, ct);
    }

    /// <summary>The refusal of a stale version.</summary>
    public static Refusal Stale(int? sent, int current) => Refusal.Of("reportCalls.staleVersion", Where.Request, ("sent", sent), ("current", current));

    private static async Task SaveAsync(DanVanDbContext db, ReportSubmission s, CancellationToken ct)
    {
        s.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedException(Stale(s.Version - 1, s.Version));
        }
    }
}
