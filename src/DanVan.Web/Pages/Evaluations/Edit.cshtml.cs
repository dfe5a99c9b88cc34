using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
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

    /// <summary>Saves the draft: every field is checked first; nothing is saved while one is wrong, or when someone saved in between.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;

        if (sheet.Version != Data.Version) ModelState.AddModelError("", UiText.ConcurrencyConflict);
        else if (sheet.Status is not (AssessmentStatus.NotStarted or AssessmentStatus.Draft or AssessmentStatus.Returned))
            ModelState.AddModelError("", UiText.AssessmentNotEditable);
        else if (sheet.NotOpenOn(clock.Today)) ModelState.AddModelError("", string.Format(Vi.Culture, UiText.PeriodNotOpenYet, Vi.Date(sheet.OpensOn)));
        var inputs = ReadFields(sheet, (field, message) => ModelState.AddModelError(field, message));
        if (!ModelState.IsValid) return Page();

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == id);
        db.ExpectVersion(a, Data.Version);
        try
        {
            foreach (var (criterionId, input) in inputs)
            {
                var existing = a.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == ScoreLayer.Self);
                if (input is null) AssessmentEntries.Remove(db, a, criterionId, ScoreLayer.Self, null, scope.UserName, at);
                else if (!EntryFields.Same(input, existing)) AssessmentEntries.Set(db, a, sheet.Set, input, scope.UserName, at);
            }
        }
        catch (RefusedInputException ex)
        {
            ModelState.AddModelError("", UiText.EntryRefused + " " + string.Join("; ", ex.Problems));
            return Page();
        }

        var self = ScoringEngine.Compute(sheet.Set, new ScoringInput { Entries = a.ToScoreEntries(), UpToLayer = ScoreLayer.Self, Flags = a.FlagSet });
        a.SelfTotal = self.Total;
        a.SelfBand = self.Band;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.DraftSaved, Vi.Num(self.Total), self.BandLabel));
        return RedirectToPage(new { id });
    }

    /// <summary>The running total and provisional class of the values as typed (JSON); nothing is stored.</summary>
    public async Task<IActionResult> OnPostTotalAsync(int id)
    {
        var stored = await db.Assessments.AsNoTracking().Include(x => x.Entries).SingleOrDefaultAsync(x => x.Id == id);
        if (stored is null) return NotFound();
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == stored.CriteriaSetId)).Parse();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var sheet = AssessmentSheet.Build(stored, set, "", []);
        var inputs = ReadFields(sheet, (field, message) => errors.TryAdd(field, message));

        // Criteria not in the form keep their stored value; a wrong value counts as not entered until corrected.
        var posted = Data.Entries.Select(e => e.CriterionId).ToHashSet(StringComparer.Ordinal);
        var entries = stored.Entries.Where(e => e.Layer == ScoreLayer.Self && !posted.Contains(e.CriterionId)).Select(e => e.ToScoreEntry()).ToList();
        entries.AddRange(inputs.Values.Where(i => i is not null).Select(i => i!.ToScoreEntry()));
        var result = ScoringEngine.Compute(set, new ScoringInput { Entries = entries, UpToLayer = ScoreLayer.Self, Flags = stored.FlagSet });
        return new JsonResult(new LiveTotal(Vi.Num(result.Total), Vi.Num(result.MaxPoints), result.BandLabel, result.Explanation,
            result.Criteria.ToDictionary(x => x.Key, x => Vi.Num(x.Value.Points)), errors));
    }

    /// <summary>The index of a criterion's field in the posted list, for field names.</summary>
    public int IndexOf(string criterionId) => Data.Entries.FindIndex(e => e.CriterionId == criterionId);

    /// <summary>Reads the posted fields of the leaves the unit scores; a leaf missing from the post is left as it is.</summary>
    private Dictionary<string, EntryInput?> ReadFields(AssessmentSheet sheet, Action<string, string> error)
    {
        var inputs = new Dictionary<string, EntryInput?>(StringComparer.Ordinal);
        foreach (var row in sheet.Leaves(ScoreLayer.Self))
        {
            var index = IndexOf(row.Id);
            if (index < 0) continue;
            var problems = 0;
            var input = EntryFields.Read(Data.Entries[index], row.Criterion, ScoreLayer.Self, $"Data.Entries[{index}]", (f, m) =>
            {
                problems++;
                error(f, m);
            });
            if (problems == 0) inputs[row.Id] = input;
        }
        return inputs;
    }
}
