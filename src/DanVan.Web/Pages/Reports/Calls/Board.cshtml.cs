using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using DanVan.Web.Infrastructure;
using DanVan.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Reports.Calls;

/// <summary>
/// One call as the asking unit follows it: which units' reports are in, late or missing, what each sent (downloadable
/// exactly as sent), and — for its coordinator — accepting a report or returning it with a reason.
/// </summary>
[Permission(ReportPermissions.Read)]
public sealed class Board(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The call.</summary>
    public ReportCall Call { get; private set; } = null!;

    /// <summary>One row per owing unit, by code.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>True when the user may accept and return here.</summary>
    public bool MayReceive { get; private set; }

    /// <summary>Today in the province.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Sent, late, missing and accepted, counted as everywhere else.</summary>
    public ReportCallProgress Progress { get; private set; } = ReportCallProgress.Of([]);

    /// <summary>Missing after the deadline.</summary>
    public int Overdue => Rows.Count(r => r.Overdue);

    /// <summary>One unit's report.</summary>
    public sealed record Row(int Id, string UnitCode, string UnitName, ReportSubmissionStatus Status, DateTime? SentAt, string? SentBy,
        bool IsLate, bool Overdue, string? Coverage, string? ReturnComment, int Version, bool HasDocument);

    /// <summary>Shows the board; 404 outside the user's scope.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Accepts a unit's report.</summary>
    public Task<IActionResult> OnPostAcceptAsync(int id, int submission, int version, CancellationToken ct) =>
        ReceiveAsync(id, submission, (s, user) => ReportCalls.AcceptAsync(db, s, user, clock.UtcNow, version, ct), Resources.UiText.CallAcceptedNotice, ct);

    /// <summary>Returns a unit's report with a reason the unit sees.</summary>
    public Task<IActionResult> OnPostReturnAsync(int id, int submission, int version, string? comment, CancellationToken ct) =>
        ReceiveAsync(id, submission, (s, user) => ReportCalls.ReturnAsync(db, s, comment, user, clock.UtcNow, version, ct), Resources.UiText.CallReturnedNotice, ct);

    private async Task<IActionResult> ReceiveAsync(int id, int submissionId, Func<ReportSubmission, string, Task> step, string notice, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var s = await db.ReportSubmissions.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == submissionId && x.CallId == id, ct);
        if (s is null) return NotFound();
        if (!MayReceive) return new StatusCodeResult(StatusCodes.Status403Forbidden);
        var user = await current.GetAsync(ct);
        if (!await this.TryRunAsync(() => step(s, user.UserName))) return Page();
        TempData.Notice(string.Format(Vi.Culture, notice, s.Unit!.Name));
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (await ReportCallAccess.FindCallAsync(db, permissions, user, id, ct) is not { } call) return false;
        Call = call;
        Today = clock.Today;
        MayReceive = ReportCallAccess.MayReceive(permissions, user, call);
        var rows = await db.ReportSubmissions.AsNoTracking().Where(s => s.CallId == id)
            .Select(s => new { s.Id, s.Unit!.Code, s.Unit.Name, s.Status, s.SentAt, s.SentBy, s.IsLate, s.Coverage, s.ReturnComment, s.Version, HasDocument = s.Document != null })
            .ToListAsync(ct);
        var people = await PeopleNames.LoadAsync(db, rows.Select(r => r.SentBy), ct);
        Rows = rows.OrderBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new Row(r.Id, r.Code, r.Name, r.Status, r.SentAt, r.SentBy is null ? null : people.Who(r.SentBy), r.IsLate,
                ReportSubmission.IsOpenStatus(r.Status) && call.Deadline < Today,
                r.Coverage, r.ReturnComment, r.Version, r.HasDocument))
            .ToList();
        Progress = ReportCallProgress.Of(Rows.Select(r => (r.Status, r.IsLate)).ToList());
        return true;
    }
}
