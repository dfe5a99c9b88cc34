using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
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
/// Reconsideration of a published result (phúc tra), as the unit sees it: within the period's window the head contests
/// named criteria with reasons and the documents that back them; afterwards everyone who reads the assessment follows
/// the rulings and the result published again.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Read, PostAction = EvaluationPermissions.RequestReconsideration)]
public sealed class Reconsider(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form: one row per leaf criterion; a row with a reason is contested.</summary>
    [BindProperty]
    public List<ContestRow> Rows { get; set; } = [];

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The reconsideration, once requested.</summary>
    public Reconsideration? Contest { get; private set; }

    /// <summary>The full name of who sent the request.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>Why the unit cannot contest now (shown instead of the form), or null.</summary>
    public Refusal? Closed { get; private set; }

    /// <summary>The last day to contest, when the period allows it.</summary>
    public DateOnly? LastDay { get; private set; }

    /// <summary>The user may send the request (the unit head).</summary>
    public bool MayRequest { get; private set; }

    /// <summary>The user rules on it (a decider).</summary>
    public bool MayRule { get; private set; }

    /// <summary>One criterion of the form.</summary>
    public sealed class ContestRow
    {
        /// <summary>The criterion.</summary>
        public string CriterionId { get; set; } = "";

        /// <summary>Why the unit contests it; empty: not contested.</summary>
        public string? Reason { get; set; }

        /// <summary>The document cited.</summary>
        public string? DocumentRef { get; set; }
    }

    /// <summary>Shows the request, or the form while the window is open.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Rows = Sheet.Leaves(DanVan.Evaluations.Scoring.ScoreLayer.Appraisal).Select(r => new ContestRow { CriterionId = r.Id }).ToList();
        return Page();
    }

    /// <summary>Sends the request: the rows with a reason or a document are the contested criteria.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var scope = await current.GetAsync();
        var a = _assessment!;
        var contested = Rows.Select((r, i) => (Row: r, Index: i))
            .Where(x => !string.IsNullOrWhiteSpace(x.Row.Reason) || !string.IsNullOrWhiteSpace(x.Row.DocumentRef)).ToList();
        var items = contested.Select(x => new ContestedCriterion(x.Row.CriterionId, x.Row.Reason, x.Row.DocumentRef)).ToList();
        if (!await this.TryRunAsync(async () =>
            {
                Reconsiderations.Request(db, a, a.Period!, Sheet.Set, Contest is not null, items, scope.UserName, clock.UtcNow, clock.Zone);
                await Reconsiderations.SaveAsync(db);
            }, w => FieldOf(w, contested.Select(x => x.Index).ToList()))) return Page();
        TempData.Notice(UiText.ReconsiderationSentNotice);
        return RedirectToPage(new { id });
    }

    // items[i].reason → the form row the i-th contested item came from.
    private static string? FieldOf(Where w, IReadOnlyList<int> rows)
    {
        if (w.Path is not { } path || !path.StartsWith("items[", StringComparison.Ordinal)) return null;
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (!int.TryParse(path[6..close], System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= rows.Count) return null;
        var field = path[(close + 2)..] switch { "documentRef" => nameof(ContestRow.DocumentRef), _ => nameof(ContestRow.Reason) };
        return $"Rows[{rows[i]}].{field}";
    }

    private Assessment? _assessment;

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return false;
        Sheet = sheet;
        var scope = await current.GetAsync();
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id);
        if (a is null) return false;
        _assessment = a;
        Contest = await db.Reconsiderations.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.AssessmentId == id);
        if (Contest is not null) RequestedBy = (await PeopleNames.LoadAsync(db, [Contest.RequestedBy])).Who(Contest.RequestedBy);
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == a.PeriodId);
        Closed = Reconsiderations.RequestRefusal(a, period, Contest is not null, clock.UtcNow, clock.Zone);
        LastDay = Reconsiderations.LastDay(a, period, clock.Zone);
        MayRequest = EvaluationAccess.May(scope, a, EvaluationPermissions.RequestReconsideration);
        MayRule = EvaluationAccess.May(scope, a, EvaluationPermissions.RuleReconsideration);
        return true;
    }
}
