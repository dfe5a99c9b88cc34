using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using DanVan.Periods;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// The unit fills its self-assessment: each criterion's value by its method and an explanation; drafts save at any
/// time; the running total and provisional class follow the typing (the Total handler) and every save.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.EnterSelf)]
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment shown.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The form's fields: the version it was built from and one field per criterion the unit scores.</summary>
    public sealed class Input
    {
        /// <summary>The assessment's version when the form was built.</summary>
        public int Version { get; set; }

        /// <summary>The entries.</summary>
        public List<EntryField> Entries { get; set; } = [];
    }

    /// <summary>The live total: computed from the typed values, nothing stored.</summary>
    public sealed record LiveTotal(string Total, string Max, string Band, IReadOnlyList<string> Explanation, IReadOnlyDictionary<string, string> Criteria, IReadOnlyDictionary<string, string> Errors);

    /// <summary>Shows the form; an assessment the unit can no longer edit opens read-only.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        if (sheet.Status is not (AssessmentStatus.NotStarted or AssessmentStatus.Draft or AssessmentStatus.Returned))
            return RedirectToPage("View", new { id });
        Sheet = sheet;
        Data = new Input
        {
            Version = sheet.Version,
            Entries = sheet.Leaves(ScoreLayer.Self).Select(r => EntryField.From(r.Id, r.SelfEntry)).ToList(),
        };
        return Page();
    }

    /// <summary>Saves the draft: every field is checked by the core first; nothing is saved while one is wrong, or when someone saved in between.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == id);
        var refusals = new List<Refusal>();
        if (a.Version != Data.Version) refusals.Add(AssessmentWorkflow.StaleVersion(Data.Version, a.Version));
        else if (AssessmentEntries.StateRefusal(a, ScoreLayer.Self, at) is { } state) refusals.Add(state);
        var inputs = ReadFields(sheet, refusals);
        if (refusals.Count > 0)
        {
            this.Show(refusals, FieldKey);
            return Page();
        }

        db.ExpectVersion(a, Data.Version);
        // Values the registry gives are taken first, so the unit's note on them lands on the registry's value.
        await RegistryChecks.TakeValuesAsync(db, a, sheet.Set, scope.UserName, at);
        var stored = this.TryRun(() =>
        {
            foreach (var (criterionId, input) in inputs)
            {
                var existing = a.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == ScoreLayer.Self);
                if (input is null) AssessmentEntries.Remove(db, a, criterionId, ScoreLayer.Self, null, scope.UserName, at);
                else if (!EntryFields.Same(input, existing)) AssessmentEntries.Set(db, a, sheet.Set, input, scope.UserName, at);
            }
        }, FieldKey);
        if (!stored) return Page();

        var self = AssessmentWorkflow.UpdateSelfTotal(a, sheet.Set);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.DraftSaved, Vi.Num(self.Total), self.BandLabel));
        return RedirectToPage(new { id });
    }

    /// <summary>The running total and provisional class of the values as typed (JSON); nothing is stored.</summary>
    public async Task<IActionResult> OnPostTotalAsync(int id)
    {
        var stored = await db.Assessments.AsNoTracking().Include(x => x.Entries).SingleOrDefaultAsync(x => x.Id == id);
        if (stored is null) return NotFound();
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == stored.CriteriaSetId)).Parse();
        var sheet = AssessmentSheet.Build(stored, set, "", []);
        var refusals = new List<Refusal>();
        var inputs = ReadFields(sheet, refusals);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in refusals)
            if (FieldKey(r.Where) is { } key) errors.TryAdd(key, RefusalText.Render(r, RefusalText.Vietnamese));

        // Criteria not in the form keep their stored value; a wrong value counts as not entered until corrected.
        var posted = Data.Entries.Select(e => e.CriterionId).Where(id => !_kept.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var entries = stored.Entries.Where(e => e.Layer == ScoreLayer.Self && !posted.Contains(e.CriterionId)).Select(e => e.ToScoreEntry()).ToList();
        entries.AddRange(inputs.Values.Where(i => i is not null).Select(i => i!.ToScoreEntry()));
        var result = AssessmentWorkflow.SelfResult(set, entries, stored.FlagSet);
        return new JsonResult(new LiveTotal(Vi.Num(result.Total), Vi.Num(result.MaxPoints), result.BandLabel, result.Explanation,
            result.Criteria.ToDictionary(x => x.Key, x => Vi.Num(x.Value.Points)), errors));
    }

    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);

    /// <summary>The index of a criterion's field in the posted list, for field names.</summary>
    public int IndexOf(string criterionId) => Data.Entries.FindIndex(e => e.CriterionId == criterionId);

    private string? FieldKey(Where where) => EntryFields.FieldKey(where, IndexOf);

    /// <summary>Reads the posted fields of the leaves the unit scores, each checked by the core; a leaf missing from the post is left as it is.</summary>
    private Dictionary<string, EntryInput?> ReadFields(AssessmentSheet sheet, List<Refusal> refusals)
    {
        var inputs = new Dictionary<string, EntryInput?>(StringComparer.Ordinal);
        foreach (var row in sheet.Leaves(ScoreLayer.Self))
        {
            var index = IndexOf(row.Id);
            if (index < 0) continue;
            var found = new List<Refusal>();
            var input = EntryFields.Read(Data.Entries[index], row.Criterion, ScoreLayer.Self, found);
            // Nothing typed on a value the registry gives keeps the value (the form has no field to clear it).
            if (input is null && found.Count == 0 && row.TakenFromRegistry)
            {
                _kept.Add(row.Id);
                continue;
            }
            if (input is not null) found.AddRange(AssessmentEntries.CheckValue(sheet.Set, input));
            if (found.Count == 0) inputs[row.Id] = input;
            refusals.AddRange(found);
        }
        return inputs;
    }
}
