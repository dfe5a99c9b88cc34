using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Council;
using DanVan.Evaluations.Scoring;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>A council member scores a submitted assessment alone: a value and a note per criterion, saved as a draft, then submitted.</summary>
/// <remarks>Only the period's council members score; anyone else allowed on councils is answered 403.</remarks>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Council)]
public sealed class Ballot(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form: the ballot's version and one field per leaf criterion.</summary>
    [BindProperty]
    public AdjustmentInput Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The period's council; null when one coordinator appraises.</summary>
    public PeriodCouncil? Council { get; private set; }

    /// <summary>When the member submitted the ballot; null while a draft.</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Shows the member's ballot.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var me = (await current.GetAsync()).UserName;
        var ballot = await db.CouncilBallots.AsNoTracking().Include(b => b.Scores).SingleOrDefaultAsync(b => b.AssessmentId == id && b.Member == me);
        SubmittedAt = ballot?.SubmittedAt;
        Data = new AdjustmentInput
        {
            Version = ballot?.Version ?? 0,
            Entries = Sheet.Leaves(ScoreLayer.Appraisal).Select(r => EntryField.From(r.Id, ballot?.Scores.FirstOrDefault(s => s.CriterionId == r.Id) is { } s
                ? new AssessmentEntry { CriterionId = s.CriterionId, Value = s.Value, Note = s.Note }
                : null)).ToList(),
        };
        return Page();
    }

    /// <summary>Saves the ballot as it stands (a draft stays a draft; a submitted ballot is revised).</summary>
    public Task<IActionResult> OnPostSaveAsync(int id) => SaveAsync(id, submit: false);

    /// <summary>Saves and submits the ballot: every criterion must be scored.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int id) => SaveAsync(id, submit: true);

    private async Task<IActionResult> SaveAsync(int id, bool submit)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var scope = await current.GetAsync();
        var ballot = await db.CouncilBallots.Include(b => b.Scores).SingleOrDefaultAsync(b => b.AssessmentId == id && b.Member == scope.UserName);
        SubmittedAt = ballot?.SubmittedAt;
        var refusals = new List<Refusal>();
        var inputs = new List<EntryInput>();
        foreach (var row in Sheet.Leaves(ScoreLayer.Appraisal))
        {
            var index = Data.IndexOf(row.Id);
            if (index < 0) continue;
            var input = EntryFields.Read(Data.Entries[index], row.Criterion, ScoreLayer.Appraisal, refusals);
            if (input is not null) inputs.Add(input);
        }
        string? Key(Where w) => EntryFields.FieldKey(w, Data.IndexOf);
        if (refusals.Count > 0)
        {
            this.Show(refusals, Key);
            return Page();
        }
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == id);
        if (!this.TryRun(() => Councils.SaveBallot(db, a, Council, Sheet.Set, ballot, scope.UserName, inputs, submit, Data.Version, clock.UtcNow), Key))
            return Page();
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(submit ? UiText.CouncilBallotSubmitted : UiText.CouncilBallotSaved);
        return submit ? RedirectToPage("Council", new { id }) : RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Council = await db.Councils.AsNoTracking().Include(c => c.Members.OrderBy(m => m.Position)).SingleOrDefaultAsync(c => c.PeriodId == sheet.PeriodId);
        // Only a member scores; a council of another period, or none, is said on the page.
        if (Council is not null && !Council.IsMember((await current.GetAsync()).UserName)) return StatusCode(StatusCodes.Status403Forbidden);
        return null;
    }
}
