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
/// The unit fills its self-assessment: each criterion's value by its method and an explanation; each criterion saves
/// as it is left (the Field handler, with the script) and the whole form saves at any time (without it); the running
/// total and provisional class follow the typing (the Total handler) and every save. Two people on one sheet conflict
/// only on a criterion both changed (<see cref="EntryConflicts"/>): the typed value stays, the other's is shown beside it.
/// </summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.EnterSelf)]
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The assessment shown.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>Criteria someone else changed while the user typed: what is stored now, beside the typed value.</summary>
    public Dictionary<string, Conflict> Conflicts { get; } = new(StringComparer.Ordinal);

    /// <summary>The form's fields: the version it was built from and one field per criterion the unit scores.</summary>
    public sealed class Input
    {
        /// <summary>The assessment's version when the form was built (a form whose fields carry no stamp is checked by it).</summary>
        public int Version { get; set; }

        /// <summary>The entries.</summary>
        public List<EntryField> Entries { get; set; } = [];
    }

    /// <summary>The live total: computed from the typed values, nothing stored.</summary>
    public sealed record LiveTotal(string Total, string Max, string Band, IReadOnlyList<string> Explanation, IReadOnlyDictionary<string, string> Criteria, IReadOnlyDictionary<string, string> Errors);

    /// <summary>What someone else stored on a criterion while the user typed.</summary>
    /// <param name="Message">The refusal in Vietnamese.</param>
    /// <param name="Value">Their value in words ("35 điểm").</param>
    /// <param name="Note">Their explanation.</param>
    /// <param name="By">Who stored it (full name).</param>
    /// <param name="Base">The stamp of what is stored now: a save based on it keeps the user's value.</param>
    /// <param name="Theirs">Their value as form fields (to take it).</param>
    public sealed record Conflict(string Message, string Value, string? Note, string By, string Base, EntryField Theirs);

    /// <summary>The answer to one criterion's save: <c>saved</c>, <c>refused</c> (errors by field name) or <c>conflict</c>.</summary>
    public sealed record FieldAnswer(string State, string Criterion, string? Base, int Version, string Message, IReadOnlyDictionary<string, string> Errors, Conflict? Conflict);

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

    /// <summary>
    /// Saves the whole form: every field is checked by the core first; nothing is saved while one is wrong, or while a
    /// criterion someone else changed meanwhile waits for the user's choice (keep mine, the default on the next save, or take theirs).
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        ShowAnchors();

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == id);
        var refusals = new List<Refusal>();
        // A form that carries what each criterion started from conflicts per criterion; one that does not, on the whole sheet.
        var perCriterion = Data.Entries.Count > 0 && Data.Entries.All(e => e.Base is not null);
        if (!perCriterion && a.Version != Data.Version) refusals.Add(AssessmentWorkflow.StaleVersion(Data.Version, a.Version));
        else if (AssessmentEntries.StateRefusal(a, ScoreLayer.Self, at) is { } state) refusals.Add(state);
        var inputs = ReadFields(sheet, refusals, _ => true);
        if (perCriterion && refusals.Count == 0)
            foreach (var (criterionId, input) in inputs)
                if (await ConflictAsync(a, criterionId, input) is { } conflict) refusals.Add(conflict);
        if (refusals.Count > 0)
        {
            this.Show(refusals, FieldKey);
            return Page();
        }

        db.ExpectVersion(a, perCriterion ? a.Version : Data.Version);
        // Values the registry gives are taken first, so the unit's note on them lands on the registry's value.
        await RegistryChecks.TakeValuesAsync(db, a, sheet.Set, scope.UserName, at);
        var stored = this.TryRun(() =>
        {
            foreach (var (criterionId, input) in inputs) Store(a, sheet, criterionId, input, scope.UserName, at);
        }, FieldKey);
        if (!stored) return Page();

        var self = AssessmentWorkflow.UpdateSelfTotal(a, sheet.Set);
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.DraftSaved, Vi.Num(self.Total), self.BandLabel));
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Saves one criterion as the user leaves it (JSON): the posted form, of which only <paramref name="criterion"/> is
    /// read. Refused values and a change someone else made meanwhile store nothing and come back to show beside the field.
    /// </summary>
    public async Task<IActionResult> OnPostFieldAsync(int id, string? criterion)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        if (criterion is null || IndexOf(criterion) < 0 || !sheet.Leaves(ScoreLayer.Self).Any(r => r.Id == criterion)) return BadRequest();

        var scope = await current.GetAsync();
        var at = clock.UtcNow;
        var field = Data.Entries[IndexOf(criterion)];
        for (var attempt = 1; ; attempt++)
        {
            var a = await db.Assessments.Include(x => x.Entries).Include(x => x.Period).SingleAsync(x => x.Id == id);
            var refusals = new List<Refusal>();
            if (AssessmentEntries.StateRefusal(a, ScoreLayer.Self, at, criterion) is { } state) refusals.Add(state);
            var inputs = ReadFields(sheet, refusals, r => r.Id == criterion);
            if (refusals.Count == 0 && inputs.TryGetValue(criterion, out var typed))
            {
                if (field.Base is { } basedOn) { if (await ConflictAsync(a, criterion, typed, basedOn) is { } conflict) refusals.Add(conflict); }
                else if (a.Version != Data.Version) refusals.Add(AssessmentWorkflow.StaleVersion(Data.Version, a.Version));
            }
            if (refusals.Count > 0) return Answer(refusals, a, criterion);

            db.ExpectVersion(a, a.Version);
            await RegistryChecks.TakeValuesAsync(db, a, sheet.Set, scope.UserName, at);
            try
            {
                if (inputs.TryGetValue(criterion, out var input)) Store(a, sheet, criterion, input, scope.UserName, at);
            }
            catch (RefusedException ex)
            {
                return Answer(ex.Refusals, a, criterion);
            }
            AssessmentWorkflow.UpdateSelfTotal(a, sheet.Set);
            try
            {
                await db.SaveChangesAsync();
                return new JsonResult(new FieldAnswer("saved", criterion, EntryConflicts.Stamp(a, criterion, ScoreLayer.Self), a.Version,
                    UiText.FieldSaved, new Dictionary<string, string>(), null));
            }
            catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
            {
                if (attempt == 2) return Answer([AssessmentWorkflow.StaleVersion(null, null)], a, criterion);
                // Someone saved another part of the sheet in between: read it again, and the rule per criterion decides anew.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The running total and provisional class of the values as typed (JSON); nothing is stored.</summary>
    public async Task<IActionResult> OnPostTotalAsync(int id)
    {
        var stored = await db.Assessments.AsNoTracking().Include(x => x.Entries).SingleOrDefaultAsync(x => x.Id == id);
        if (stored is null) return NotFound();
        var set = (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == stored.CriteriaSetId)).Parse();
        var sheet = AssessmentSheet.Build(stored, set, "", []);
        Sheet = sheet;
        var refusals = new List<Refusal>();
        var inputs = ReadFields(sheet, refusals, _ => true);
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

    /// <summary>The form field a refusal points at; a refusal of the criterion as a whole goes to its value field.</summary>
    private string? FieldKey(Where where)
    {
        if (where is { Criterion: { } id, Field: null } && Sheet?.Set.FindCriterion(id) is { } c)
            where = Where.AtCriterion(id, char.ToLowerInvariant(EntryFields.ValueField(c)[0]) + EntryFields.ValueField(c)[1..]);
        return EntryFields.FieldKey(where, IndexOf);
    }

    /// <summary>The summary at the top links each refusal to its input.</summary>
    private void ShowAnchors() => ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(where =>
    {
        if (where.Criterion is not { } id || Sheet.Rows.FirstOrDefault(r => r.Id == id) is not { } row) return null;
        if (where.Field is null && Conflicts.ContainsKey(id)) return "conflict-" + row.HtmlId;
        var field = FieldKey(where)?.Split('.')[^1];
        if (field is null || (row.TakenFromRegistry && field is nameof(EntryField.Count) or nameof(EntryField.Achieved))) return "row-" + row.HtmlId;
        return EntryFields.InputId(row.HtmlId, field);
    });

    /// <summary>Stores one criterion's input (null: clears it) unless it is already so.</summary>
    private void Store(Assessment a, AssessmentSheet sheet, string criterionId, EntryInput? input, string user, DateTime at)
    {
        var existing = a.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == ScoreLayer.Self);
        if (input is null) AssessmentEntries.Remove(db, a, criterionId, ScoreLayer.Self, null, user, at);
        else if (!EntryFields.Same(input, existing)) AssessmentEntries.Set(db, a, sheet.Set, input, user, at);
    }

    /// <summary>The core's per-criterion conflict rule on the stamp the field carries; a conflict is kept for the page to show.</summary>
    private async Task<Refusal?> ConflictAsync(Assessment a, string criterionId, EntryInput? input, string? basedOn = null)
    {
        var index = IndexOf(criterionId);
        basedOn ??= Data.Entries[index].Base ?? EntryConflicts.None;
        if (EntryConflicts.Check(a, criterionId, ScoreLayer.Self, basedOn, input) is not { } refusal) return null;
        var entry = a.Entries.FirstOrDefault(e => e.CriterionId == criterionId && e.Layer == ScoreLayer.Self);
        var by = entry?.EnteredBy is { } user
            ? await db.Users.AsNoTracking().Where(u => u.UserName == user).Select(u => u.FullName).FirstOrDefaultAsync() ?? user
            : "—";
        var args = new Dictionary<string, object?>(refusal.Args, StringComparer.Ordinal) { ["user"] = by };
        refusal = refusal with { Args = args };
        var now = EntryConflicts.Stamp(entry);
        Conflicts[criterionId] = new Conflict(RefusalText.Render(refusal, RefusalText.Vietnamese),
            entry is null ? UiText.ConflictNoValue : EntryFields.Display(Sheet.Set.FindCriterion(criterionId)!, entry), entry?.Note, by, now,
            EntryField.From(criterionId, entry));
        // The next save of the form keeps the typed value unless the user takes theirs.
        Data.Entries[index].Base = now;
        return refusal;
    }

    private JsonResult Answer(IReadOnlyList<Refusal> refusals, Assessment a, string criterion)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in refusals)
            if (r.Code != "entry.changedByOther" && FieldKey(r.Where) is { } key) errors.TryAdd(key, RefusalText.Render(r, RefusalText.Vietnamese));
        var conflict = Conflicts.GetValueOrDefault(criterion);
        var first = refusals[0];
        var message = conflict is not null ? UiText.FieldConflict
            : errors.Count > 0 ? UiText.FieldRefused
            : RefusalText.Render(first, RefusalText.Vietnamese);
        return new JsonResult(new FieldAnswer(conflict is not null ? "conflict" : "refused", criterion, null, a.Version, message, errors, conflict))
        {
            StatusCode = AssessmentEntries.ConflictCodes.Contains(first.Code) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>Reads the posted fields of the leaves the unit scores that <paramref name="which"/> selects, each checked by
    /// the core; a leaf missing from the post, or whose stored value the user chose to take after a conflict, is left as it is.</summary>
    private Dictionary<string, EntryInput?> ReadFields(AssessmentSheet sheet, List<Refusal> refusals, Func<SheetRow, bool> which)
    {
        var inputs = new Dictionary<string, EntryInput?>(StringComparer.Ordinal);
        foreach (var row in sheet.Leaves(ScoreLayer.Self).Where(which))
        {
            var index = IndexOf(row.Id);
            if (index < 0 || Data.Entries[index].TakeTheirs)
            {
                if (index >= 0) _kept.Add(row.Id);
                continue;
            }
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
