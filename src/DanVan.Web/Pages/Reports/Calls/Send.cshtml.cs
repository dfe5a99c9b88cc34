using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using DanVan.Web.Infrastructure;
using DanVan.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Reports.Calls;

/// <summary>
/// A unit's report owed to the level above: the call and its deadline, where it stands (with the reason of a return),
/// what stops it from being sent now, and sending it — built from data at that moment and kept exactly as sent.
/// </summary>
[Permission(AccountPermissions.Self)]
public sealed class Send(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The submission, with its call and unit.</summary>
    public ReportSubmission Submission { get; private set; } = null!;

    /// <summary>True when the user may send it (the unit's coordinator or head).</summary>
    public bool MaySend { get; private set; }

    /// <summary>What stops it from being sent now (empty when it can be sent, or is not open to sending).</summary>
    public IReadOnlyList<Refusal> Blocking { get; private set; } = [];

    /// <summary>The unit's report progress: approved of units, when a period covers it.</summary>
    public ReportProgress? Progress { get; private set; }

    /// <summary>Shows the report owed; 404 outside the user's scope.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await CheckAsync(ct);
        return Page();
    }

    /// <summary>Sends the report; refusals are shown on the page and nothing is stored.</summary>
    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: true)) return NotFound();
        if (!MaySend) return new StatusCodeResult(StatusCodes.Status403Forbidden);
        var user = await current.GetAsync(ct);
        if (!await this.TryRunAsync(() => ReportCalls.SendAsync(db, Submission, user.UserName, clock.UtcNow, clock.Zone, version, ct)))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            await CheckAsync(ct);
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, Resources.UiText.CallSentNotice, Submission.Call!.ScopeUnit!.Name));
        return RedirectToPage(new { id });
    }

    /// <summary>Who sent it, as people read it.</summary>
    public string SentBy { get; private set; } = "";

    /// <summary>The document a send would send now, built the same way (the call's span, kind and request); for those who may send it.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MaySend || !Submission.IsOpen) return NotFound();
        try
        {
            var content = await ReportDocuments.LoadAsync(db, ReportCalls.RequestOf(Submission.Call!, Submission.UnitId, clock.Today), ct);
            return File(DocxWriter.ToBytes(ReportDocuments.Document(content)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "du-thao-" + ReportFileNames.For(content, "docx"));
        }
        catch (RefusedException)
        {
            return NotFound();
        }
    }

    /// <summary>The document exactly as sent.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Submission.Document is not { } doc) return NotFound();
        return File(doc, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Submission.FileName ?? "bao-cao.docx");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var user = await current.GetAsync(ct);
        if (await ReportCallAccess.FindSubmissionAsync(db, permissions, user, id, tracked, ct) is not { } s) return false;
        Submission = s;
        MaySend = ReportCallAccess.MaySend(permissions, user, s);
        SentBy = (await PeopleNames.LoadAsync(db, [s.SentBy], ct)).Who(s.SentBy);
        return true;
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        if (!Submission.IsOpen) return;
        try
        {
            var content = await ReportDocuments.LoadAsync(db, ReportCalls.RequestOf(Submission.Call!, Submission.UnitId, clock.Today), ct);
            Progress = content.Report.Progress;
            Blocking = ReportCalls.SendRefusals(Submission, Progress, clock.UtcNow, clock.Zone);
        }
        catch (RefusedException ex)
        {
            Blocking = ex.Refusals;
        }
    }
}
