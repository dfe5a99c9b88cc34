using DanVan.OrgUnits;

namespace DanVan.Reports.Submissions;

/// <summary>
/// A request for reports from the level below (yêu cầu báo cáo): the province asks every district (or the agencies, or a
/// district its communes) for its report of a year by a deadline; each owing unit gets a <see cref="ReportSubmission"/>.
/// </summary>
public sealed class ReportCall
{
    /// <summary>Longest name, in characters.</summary>
    public const int MaxName = 400;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Name, e.g. "Báo cáo kết quả công tác dân vận chính quyền năm 2025".</summary>
    public required string Name { get; set; }

    /// <summary>The year reported on: the last year of <see cref="Span"/>.</summary>
    public int Year { get; set; }

    /// <summary>First day covered when the call is not for the whole year (a four-year review from the decision's date).</summary>
    public DateOnly? SpanFrom { get; set; }

    /// <summary>Last day covered when the call is not for the whole year.</summary>
    public DateOnly? SpanTo { get; set; }

    /// <summary>Định kỳ, chuyên đề or đột xuất; null for each unit's template's.</summary>
    public Templates.ReportKind? Kind { get; set; }

    /// <summary>Kind of the document that asks; null reads as "Công văn", the usual way a Sở asks for reports.</summary>
    public string? RequestKind { get; set; }

    /// <summary>Số, ký hiệu of the document that asks, e.g. "826/SNV-XDCQ".</summary>
    public string? RequestNumber { get; set; }

    /// <summary>Its date.</summary>
    public DateOnly? RequestDate { get; set; }

    /// <summary>Its issuer, e.g. "Sở Nội vụ tỉnh Quảng Ngãi".</summary>
    public string? RequestIssuer { get; set; }

    /// <summary>Its trích yếu, e.g. "việc báo cáo kết quả 04 năm thực hiện Quyết định số 436/QĐ-UBND …".</summary>
    public string? RequestTitle { get; set; }

    /// <summary>The days the reports cover: the span given, or the whole year.</summary>
    public ReportSpan Span => new(SpanFrom ?? new DateOnly(Year, 1, 1), SpanTo ?? new DateOnly(Year, 12, 31));

    /// <summary>The document that asks for the reports, cited by each report's opening; null when none was given.</summary>
    public Criteria.DocumentRef? Request => RequestNumber is null ? null : new Criteria.DocumentRef
    {
        Kind = RequestKind ?? "Công văn", Number = RequestNumber, Date = RequestDate, Issuer = RequestIssuer, Title = RequestTitle,
    };

    /// <summary>The unit that asks and consolidates (its coordinators receive the reports).</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The asking unit.</summary>
    public OrgUnit? ScopeUnit { get; set; }

    /// <summary>The kind of unit under the scope that owes a report.</summary>
    public OrgUnitKind Level { get; set; }

    /// <summary>First day a report can be sent.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>Last day, in the province's time zone.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>When true a late report is received and marked late; otherwise it is refused.</summary>
    public bool AcceptLate { get; set; } = true;

    /// <summary>One submission per owing unit.</summary>
    public List<ReportSubmission> Submissions { get; } = [];
}

/// <summary>Where a unit's report to the level above stands.</summary>
public enum ReportSubmissionStatus
{
    /// <summary>Chưa gửi.</summary>
    NotSent = 0,

    /// <summary>Đã gửi, chờ tiếp nhận.</summary>
    Sent = 1,

    /// <summary>Bị trả lại, phải gửi lại.</summary>
    Returned = 2,

    /// <summary>Đã tiếp nhận.</summary>
    Accepted = 3,
}

/// <summary>
/// One unit's report sent up: the DOCX exactly as the level above received it, built from data at the moment of sending
/// (its figures are never typed), and where it stands.
/// </summary>
public sealed class ReportSubmission
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The call it answers.</summary>
    public int CallId { get; set; }

    /// <summary>The call it answers.</summary>
    public ReportCall? Call { get; set; }

    /// <summary>The unit that owes the report.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Where it stands.</summary>
    public ReportSubmissionStatus Status { get; set; }

    /// <summary>When it was last sent (UTC).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Who sent it.</summary>
    public string? SentBy { get; set; }

    /// <summary>Sent after the deadline (a resend after a return keeps the first lateness).</summary>
    public bool IsLate { get; set; }

    /// <summary>The document as sent (DOCX).</summary>
    public byte[]? Document { get; set; }

    /// <summary>The document's file name.</summary>
    public string? FileName { get; set; }

    /// <summary>Units the report covered and how many of them were approved when it was sent, e.g. "12/12".</summary>
    public string? Coverage { get; set; }

    /// <summary>Why the level above returned it.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>When it was accepted (UTC).</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>Who accepted it.</summary>
    public string? AcceptedBy { get; set; }

    /// <summary>Optimistic concurrency.</summary>
    public int Version { get; set; }

    /// <summary>True while the unit still has to send (or send again).</summary>
    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>True for a status that still needs a send: not sent, or returned.</summary>
    public static bool IsOpenStatus(ReportSubmissionStatus status) => status is ReportSubmissionStatus.NotSent or ReportSubmissionStatus.Returned;
}

/// <summary>Where a call's reports stand: sent (or accepted), sent late, missing (not sent or returned), accepted.</summary>
public sealed record ReportCallProgress(int Units, int Sent, int Late, int Missing, int Accepted)
{
    /// <summary>The counts of the submissions' statuses and lateness; every board, the API and the CLI count this way.</summary>
    public static ReportCallProgress Of(IReadOnlyCollection<(ReportSubmissionStatus Status, bool IsLate)> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var missing = submissions.Count(s => ReportSubmission.IsOpenStatus(s.Status));
        return new(submissions.Count, submissions.Count - missing,
            submissions.Count(s => s.IsLate && s.Status != ReportSubmissionStatus.NotSent), missing,
            submissions.Count(s => s.Status == ReportSubmissionStatus.Accepted));
    }
}
