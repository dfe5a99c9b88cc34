using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
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
/// The deciders' page of a reconsideration (phúc tra): per contested criterion accept with the value it takes, or
/// reject, always with reasons the unit reads; then publish the result again once every criterion is ruled on.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.RuleReconsideration)]
public sealed class Rulings(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The rulings typed.</summary>
    [BindProperty]
    public List<RulingRow> Rows { get; set; } = [];

    /// <summary>The reconsideration's version when the page was built.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The request.</summary>
    public Reconsideration Contest { get; private set; } = null!;

    /// <summary>The full name of who sent the request.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>One contested criterion's ruling as typed.</summary>
    public sealed class RulingRow
    {
        /// <summary>The criterion.</summary>
        public string CriterionId { get; set; } = "";

        /// <summary>"Accepted", "Rejected" or empty.</summary>
        public string? Decision { get; set; }

        /// <summary>The ruling's reasons.</summary>
        public string? Reason { get; set; }

        /// <summary>The value an accepted criterion takes.</summary>
        public EntryField Field { get; set; } = new();
    }

    /// <summary>Shows the contested criteria with the rulings so far.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        FillRows();
        return Page();
    }

    // The form as stored: each contested criterion's ruling, its value the one in force (a ruling's, or the published one).
    private void FillRows()
    {
        Version = Contest.Version;
        Rows = Contest.Items.Select(i =>
        {
            var row = Sheet.Rows.First(r => r.Id == i.CriterionId);
            var ruled = i.RuledValue is { } v ? new AssessmentEntry { CriterionId = i.CriterionId, Value = v } : null;
            var field = EntryField.From(i.CriterionId, ruled ?? row.ReconsiderationEntry ?? row.InspectionEntry ?? row.AppraisalEntry ?? row.SelfEntry);
            field.Note = null;
            return new RulingRow { CriterionId = i.CriterionId, Decision = i.Decision?.ToString(), Reason = i.Ruling, Field = field };
        }).ToList();
    }

    /// <summary>Stores the rulings given (rows with a decision or a reason), all or none.</summary>
    public async Task<IActionResult> OnPostRuleAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var scope = await current.GetAsync();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period).SingleAsync(x => x.Id == id);
        var r = await db.Reconsiderations.Include(x => x.Items).SingleAsync(x => x.AssessmentId == id);
        var given = Rows.Select((row, i) => (Row: row, Index: i))
            .Where(x => !string.IsNullOrWhiteSpace(x.Row.Decision) || !string.IsNullOrWhiteSpace(x.Row.Reason)).ToList();
        var refusals = new List<Refusal>();
        var rulings = new List<(string CriterionId, ReconsiderationRuling Ruling)>();
        foreach (var (row, _) in given)
        {
            var criterion = Sheet.Set.FindCriterion(row.CriterionId);
            if (criterion is null) continue;
            var decision = Enum.TryParse<ReconsiderationDecision>(row.Decision, out var d) ? d : (ReconsiderationDecision?)null;
            CriterionValue? value = null;
            if (decision == ReconsiderationDecision.Accepted)
            {
                row.Field.CriterionId = row.CriterionId;
                value = EntryFields.Read(row.Field, criterion, ScoreLayer.Reconsideration, refusals)?.Value ?? CriterionValue.Empty;
            }
            rulings.Add((row.CriterionId, new ReconsiderationRuling(decision, row.Reason, value)));
        }
        string? Key(Where w) => KeyOf(w);
        if (refusals.Count > 0)
        {
            this.Show(refusals, Key);
            return Page();
        }
        if (!this.TryRun(() =>
            {
                Reconsiderations.ExpectVersion(r, Version);
                foreach (var (criterionId, ruling) in rulings)
                    Reconsiderations.Rule(db, r, a, Sheet.Set, criterionId, ruling, scope.UserName, clock.UtcNow);
            }, Key)) return Page();
        if (!await this.TryRunAsync(() => Reconsiderations.SaveAsync(db))) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.ReconsiderationRulingsSaved, rulings.Count));
        return RedirectToPage(new { id });
    }

    /// <summary>Publishes the result again: recomputed, the group rules applied, a new numbered publication of the period.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var scope = await current.GetAsync();
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period).SingleAsync(x => x.Id == id);
        var r = await db.Reconsiderations.Include(x => x.Items).SingleAsync(x => x.AssessmentId == id);
        if (!await this.TryRunAsync(async () =>
            {
                Reconsiderations.ExpectVersion(r, Version);
                await Reconsiderations.PublishAsync(db, r, a, Sheet.Set, scope.UserName, clock.UtcNow);
                await Reconsiderations.SaveAsync(db);
            }))
        {
            FillRows();
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, UiText.ReconsiderationPublishedNotice, r.PublicationNumber));
        return RedirectToPage("Reconsider", new { id });
    }

    private string? KeyOf(Where w)
    {
        if (w.Criterion is not { } criterion) return null;
        var i = Rows.FindIndex(x => x.CriterionId == criterion);
        if (i < 0) return null;
        return w.Field switch
        {
            "note" => $"Rows[{i}].Reason",
            "decision" => $"Rows[{i}].Decision",
            null => $"Rows[{i}].Field.Points",
            "notApplicable" => $"Rows[{i}].Field.NotApplicable",
            { } f => $"Rows[{i}].Field.{char.ToUpperInvariant(f[0])}{f[1..]}",
        };
    }

    private async Task<bool> LoadAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        var request = await db.Reconsiderations.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.AssessmentId == id);
        if (sheet is null || request is null) return false;
        (Sheet, Contest) = (sheet, request);
        RequestedBy = (await PeopleNames.LoadAsync(db, [request.RequestedBy])).Who(request.RequestedBy);
        return true;
    }
}
