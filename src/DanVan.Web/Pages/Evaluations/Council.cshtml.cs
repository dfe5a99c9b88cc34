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

/// <summary>
/// The council's meeting on one assessment: per criterion each member's score, the spread, the disagreements beyond the
/// threshold, the consensus by the period's rule; the chair (or the coordinator running the meeting) records it in the
/// appraisal layer. A member sees the others' scores only after submitting their own.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Council)]
public sealed class Council(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>Under "the chair decides", the chair's value and reason per criterion; otherwise only the version.</summary>
    [BindProperty]
    public AdjustmentInput Data { get; set; } = new();

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The council as the viewer may see it; null when one coordinator appraises the period.</summary>
    public CouncilView? View { get; private set; }

    /// <summary>Full names of the members by user name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>The council's row of a criterion, if shown.</summary>
    public ConsensusRow? RowOf(string criterionId) => View?.Rows.FirstOrDefault(r => r.CriterionId == criterionId);

    /// <summary>A member's name as the page shows it.</summary>
    public string NameOf(string member) => Names.TryGetValue(member, out var n) && n.Length > 0 ? $"{n} ({member})" : member;

    /// <summary>A council value in words, as an entry of the method.</summary>
    public static string Display(DanVan.Criteria.Criterion c, CriterionValue value) =>
        EntryFields.Display(c, new AssessmentEntry { CriterionId = c.Id, Value = value });

    /// <summary>Shows the council's table.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var chairBallot = await db.CouncilBallots.AsNoTracking().Include(b => b.Scores)
            .SingleOrDefaultAsync(b => b.AssessmentId == id && b.Member == (View == null ? "" : View.Council.Chair));
        Data = new AdjustmentInput
        {
            Version = Sheet.Version,
            Entries = Sheet.Leaves(ScoreLayer.Appraisal).Select(r => EntryField.From(r.Id,
                chairBallot?.Scores.FirstOrDefault(s => s.CriterionId == r.Id) is { } s ? new AssessmentEntry { CriterionId = r.Id, Value = s.Value } : null)).ToList(),
        };
        return Page();
    }

    /// <summary>Records the consensus in the appraisal layer: one entry per criterion with its basis as the note.</summary>
    public async Task<IActionResult> OnPostRecordAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var scope = await current.GetAsync();
        var refusals = new List<Refusal>();
        var decided = new List<EntryInput>();
        if (View?.Council.Rule == ConsensusRule.ChairDecides)
        {
            foreach (var row in Sheet.Leaves(ScoreLayer.Appraisal))
            {
                var index = Data.IndexOf(row.Id);
                if (index < 0) continue;
                if (EntryFields.Read(Data.Entries[index], row.Criterion, ScoreLayer.Appraisal, refusals) is { } input) decided.Add(input);
            }
        }
        string? Key(Where w) => EntryFields.FieldKey(w, Data.IndexOf);
        if (refusals.Count > 0)
        {
            this.Show(refusals, Key);
            return Page();
        }
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period).ThenInclude(p => p!.ScopeUnit).SingleAsync(x => x.Id == id);
        var council = await Councils.FindAsync(db, Sheet.PeriodId);
        var ballots = await Councils.BallotsAsync(db, id);
        var changed = 0;
        if (!this.TryRun(() =>
            {
                AssessmentWorkflow.ExpectVersion(a, Data.Version);
                changed = Councils.RecordConsensus(db, a, council, Sheet.Set, ballots, decided, scope.UserName,
                    EvaluationAccess.May(scope, a, EvaluationPermissions.Appraise), clock.UtcNow);
            }, Key)) return Page();
        db.ExpectVersion(a, Data.Version);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.CouncilRecorded, changed));
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        var council = await db.Councils.AsNoTracking().Include(c => c.Members.OrderBy(m => m.Position)).SingleOrDefaultAsync(c => c.PeriodId == sheet.PeriodId);
        if (council is null) return null;
        var scope = await current.GetAsync();
        var mayAppraise = EvaluationAccess.May(scope, EvaluationPermissions.Appraise, await EvaluationAccess.TargetAsync(db, id));
        var ballots = await db.CouncilBallots.AsNoTracking().Include(b => b.Scores).Where(b => b.AssessmentId == id).ToListAsync();
        View = Councils.View(council, sheet.Set, ballots, scope.UserName, mayAppraise);
        if (View.Role == CouncilRole.None) return StatusCode(StatusCodes.Status403Forbidden);
        var members = council.Members.Select(m => m.UserName).ToList();
        Names = await db.Users.AsNoTracking().Where(u => members.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName);
        return null;
    }
}
