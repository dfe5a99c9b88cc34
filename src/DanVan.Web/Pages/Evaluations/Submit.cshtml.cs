using DanVan.Web.Evaluations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using DanVan.Refusals;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The unit head confirms the self-assessment, then the unit submits it (late, or refused after the deadline, as the period says).</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Submit)]
public sealed class Submit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form: the version the page was built from.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>True when the user is the unit's head (who confirms).</summary>
    public bool IsHead { get; private set; }

    /// <summary>Leaves the unit scores, and how many have a value.</summary>
    public (int Entered, int Total) Progress { get; private set; }

    /// <summary>The leaves the unit scores that have no value yet, in sheet order.</summary>
    public IReadOnlyList<SheetRow> Empty { get; private set; } = [];

    /// <summary>How submitting now would stand against the deadline (the core's <see cref="Deadlines.Judge"/>).</summary>
    public DeadlineVerdict Verdict { get; private set; } = new(false, false);

    /// <summary>True when submitting now would be late.</summary>
    public bool WouldBeLate => Verdict.Late && Sheet.Status != AssessmentStatus.Returned;

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The assessment's version when the page was built.</summary>
        public int Version { get; set; }
    }

    /// <summary>Shows the summary and the buttons the user may use.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Data.Version = Sheet.Version;
        return Page();
    }

    /// <summary>The unit head confirms (signs off) the self-assessment.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!IsHead) return StatusCode(StatusCodes.Status403Forbidden);
        var scope = await current.GetAsync();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).Include(x => x.Unit).SingleAsync(x => x.Id == id);
        if (a.Version == Data.Version && a.IsEditableByUnit)
            await RegistryChecks.TakeValuesAsync(db, a, Sheet.Set, scope.UserName, clock.UtcNow); // the head confirms the registry's values as they stand
        if (!this.TryRun(() =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                AssessmentWorkflow.Confirm(db, a, scope.UserName, clock.UtcNow);
            })) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.Confirmed);
        return RedirectToPage(new { id });
    }

    /// <summary>Submits: needs the head's confirmation; after the deadline it is marked late, or refused when the period refuses late submissions.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var scope = await current.GetAsync();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).Include(x => x.Unit).SingleAsync(x => x.Id == id);
        if (!this.TryRun(() =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                AssessmentWorkflow.Submit(db, a, a.Period!, Sheet.Set, scope.UserName, clock.UtcNow, zone: clock.Zone);
            })) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(a.IsLate ? UiText.SubmittedLateNotice : UiText.SubmittedNotice);
        return RedirectToPage("View", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return false;
        Sheet = sheet;
        var scope = await current.GetAsync();
        IsHead = EvaluationAccess.May(scope, EvaluationPermissions.Confirm, await EvaluationAccess.TargetAsync(db, id));
        var leaves = sheet.Leaves(ScoreLayer.Self).ToList();
        Progress = (leaves.Count(r => r.SelfEntry is not null), leaves.Count);
        Empty = leaves.Where(r => r.SelfEntry is null).ToList();
        var stored = await db.Assessments.AsNoTracking().Include(x => x.Period).Include(x => x.Unit).SingleAsync(x => x.Id == id);
        Verdict = AssessmentWorkflow.Lateness(stored, stored.Period!, clock.UtcNow, clock.Zone);
        return true;
    }
}
