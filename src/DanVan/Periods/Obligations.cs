using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Periods;

/// <summary>What a unit owes: a self-assessment of an evaluation period, a statistics form of a form period, or a report the level above called for.</summary>
public enum ObligationKind
{
    /// <summary>Tự đánh giá, chấm điểm.</summary>
    SelfAssessment = 0,

    /// <summary>Biểu mẫu số liệu thống kê.</summary>
    StatisticsForm = 1,

    /// <summary>Báo cáo gửi cấp trên (a report the level above called for).</summary>
    Report = 2,
}

/// <summary>Where an obligation stands, in the words every capability shares.</summary>
public enum ObligationState
{
    /// <summary>Chưa bắt đầu.</summary>
    NotStarted = 0,

    /// <summary>Đang soạn.</summary>
    Draft = 1,

    /// <summary>Thủ trưởng đã xác nhận.</summary>
    Confirmed = 2,

    /// <summary>Đã gửi (chờ tiếp nhận, thẩm định).</summary>
    Submitted = 3,

    /// <summary>Bị trả lại.</summary>
    Returned = 4,

    /// <summary>Đã tiếp nhận, phê duyệt.</summary>
    Accepted = 5,
}

/// <summary>One thing a unit owes in a current period, with its deadline and state.</summary>
/// <param name="Kind">Self-assessment, statistics form or report.</param>
/// <param name="Id">The assessment's, the form report's or the report submission's id.</param>
/// <param name="Title">The period's or the call's name.</param>
/// <param name="UnitId">The unit that owes it.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Deadline">Its deadline (an extension when given).</param>
/// <param name="State">Where it stands.</param>
/// <param name="Late">Submitted after the deadline.</param>
/// <param name="ReturnComment">Why it was returned, when it was.</param>
public sealed record Obligation(ObligationKind Kind, int Id, string Title, int UnitId, string UnitName, DateOnly Deadline, ObligationState State, bool Late, string? ReturnComment)
{
    /// <summary>True when the unit still has something to do.</summary>
    public bool IsOpen => State is ObligationState.NotStarted or ObligationState.Draft or ObligationState.Confirmed or ObligationState.Returned;

    /// <summary>True when still open after its deadline on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && Deadline < today;

    /// <summary>True when open and due within <paramref name="days"/> days of <paramref name="today"/> (not yet overdue).</summary>
    public bool IsDueWithin(DateOnly today, int days) => IsOpen && Deadline >= today && Deadline <= today.AddDays(days);
}

/// <summary>
/// Every obligation of the current periods, gathered from each capability (evaluations, statistics forms; registries
/// as they come): a unit's board, and a coordinator's view of who owes what in the scope.
/// </summary>
public static class Obligations
{
    /// <summary>Days an accepted obligation stays on the board after its deadline.</summary>
    public const int KeepAcceptedDays = 60;

    /// <summary>The obligations of the units the user reads (for a unit's own users, their unit), most urgent first.</summary>
    public static async Task<IReadOnlyList<Obligation>> InScopeAsync(DanVanDbContext db, UserScope scope, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var keepFrom = today.AddDays(-KeepAcceptedDays);
        var assessments = await db.Assessments.AsNoTracking()
            .Where(ScopeFilter.On<Assessment>(scope, a => a.Unit))
            .Where(a => a.Period!.OpensOn <= today && (a.Status != AssessmentStatus.Approved || a.Period.Deadline >= keepFrom))
            .Select(a => new { a.Id, a.Period!.Name, a.UnitId, Unit = a.Unit!.ShortName ?? a.Unit.Name, a.Unit.Kind, a.Period.Deadline, a.Period.LevelDeadlines, a.Status, a.ConfirmedAt, a.IsLate, a.ReturnComment })
            .ToListAsync(ct);
        var forms = await db.FormReports.AsNoTracking()
            .Where(ScopeFilter.On<FormReport>(scope, r => r.Unit))
            .Where(r => r.Period!.OpensOn <= today && (r.Status != FormReportStatus.Accepted || r.Period.Deadline >= keepFrom))
            .Select(r => new { r.Id, r.Period!.Name, r.UnitId, Unit = r.Unit!.ShortName ?? r.Unit.Name, r.Unit.Kind, r.Period.Deadline, r.Period.LevelDeadlines, r.ExtendedDeadline, r.Status, r.IsLate, r.ReturnComment })
            .ToListAsync(ct);
        var reports = await db.ReportSubmissions.AsNoTracking()
            .Where(ScopeFilter.On<Reports.Submissions.ReportSubmission>(scope, r => r.Unit))
            .Where(r => r.Call!.OpensOn <= today && (r.Status != Reports.Submissions.ReportSubmissionStatus.Accepted || r.Call.Deadline >= keepFrom))
            .Select(r => new { r.Id, r.Call!.Name, r.UnitId, Unit = r.Unit!.ShortName ?? r.Unit.Name, r.Call.Deadline, r.Status, r.IsLate, r.ReturnComment })
            .ToListAsync(ct);
        var all = assessments.Select(a => new Obligation(ObligationKind.SelfAssessment, a.Id, a.Name, a.UnitId, a.Unit,
                Deadlines.For(a.Deadline, a.LevelDeadlines, a.Kind), StateOf(a.Status, a.ConfirmedAt is not null), a.IsLate, a.Status == AssessmentStatus.Returned ? a.ReturnComment : null))
            .Concat(forms.Select(r => new Obligation(ObligationKind.StatisticsForm, r.Id, r.Name, r.UnitId, r.Unit,
                r.ExtendedDeadline ?? Deadlines.For(r.Deadline, r.LevelDeadlines, r.Kind), StateOf(r.Status), r.IsLate, r.Status == FormReportStatus.Returned ? r.ReturnComment : null)))
            .Concat(reports.Select(r => new Obligation(ObligationKind.Report, r.Id, r.Name, r.UnitId, r.Unit, r.Deadline, StateOf(r.Status), r.IsLate,
                r.Status == Reports.Submissions.ReportSubmissionStatus.Returned ? r.ReturnComment : null)));
        return [.. all.OrderBy(o => o.IsOpen ? 0 : 1).ThenBy(o => o.State == ObligationState.Returned ? 0 : 1).ThenBy(o => o.Deadline).ThenBy(o => o.UnitName, StringComparer.Ordinal)];
    }

    /// <summary>An evaluation's status as an obligation's state.</summary>
    public static ObligationState StateOf(AssessmentStatus status, bool confirmed) => status switch
    {
        AssessmentStatus.NotStarted => ObligationState.NotStarted,
        AssessmentStatus.Draft => confirmed ? ObligationState.Confirmed : ObligationState.Draft,
        AssessmentStatus.Returned => ObligationState.Returned,
        AssessmentStatus.Approved => ObligationState.Accepted,
        _ => ObligationState.Submitted,
    };

    /// <summary>A report's status as an obligation's state.</summary>
    public static ObligationState StateOf(Reports.Submissions.ReportSubmissionStatus status) => status switch
    {
        Reports.Submissions.ReportSubmissionStatus.NotSent => ObligationState.NotStarted,
        Reports.Submissions.ReportSubmissionStatus.Returned => ObligationState.Returned,
        Reports.Submissions.ReportSubmissionStatus.Accepted => ObligationState.Accepted,
        _ => ObligationState.Submitted,
    };

    /// <summary>A statistics form's status as an obligation's state.</summary>
    public static ObligationState StateOf(FormReportStatus status) => status switch
    {
        FormReportStatus.NotStarted => ObligationState.NotStarted,
        FormReportStatus.Draft => ObligationState.Draft,
        FormReportStatus.Confirmed => ObligationState.Confirmed,
        FormReportStatus.Returned => ObligationState.Returned,
        FormReportStatus.Accepted => ObligationState.Accepted,
        _ => ObligationState.Submitted,
    };
}
