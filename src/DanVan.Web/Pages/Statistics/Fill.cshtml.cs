using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics;

/// <summary>
/// A unit's statistics form laid out as the paper form: the unit types its figures (Vietnamese numbers), saves drafts,
/// the head confirms, the unit submits; the coordinator accepts, returns or extends the deadline. Every rule is the core's.
/// </summary>
[Scoped(ScopeTarget.FormReport, StatisticsPermissions.Read)]
public sealed class Fill(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>Typed texts by indicator code.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Explanations by warning rule code.</summary>
    [BindProperty]
    public Dictionary<string, string?> Explanations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The report's version when the page was built.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The coordinator's comment when returning.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The new deadline of an extension.</summary>
    [BindProperty]
    public DateOnly? Until { get; set; }

    /// <summary>The reason of an extension.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The report.</summary>
    public FormReport Report { get; private set; } = null!;

    /// <summary>Its form.</summary>
    public FormDefinition Form { get; private set; } = null!;

    /// <summary>What the user may do now.</summary>
    public FormReportActions Actions { get; private set; } = null!;

    /// <summary>The unit's own stored values with the computed indicators.</summary>
    public IReadOnlyDictionary<string, IndicatorValue> Own { get; private set; } = new Dictionary<string, IndicatorValue>();

    /// <summary>Own figures with the submitted ones of the units under it, when it has any in the period (a district).</summary>
    public IReadOnlyDictionary<string, IndicatorValue>? Consolidated { get; private set; }

    /// <summary>Units under this one in the period: submitted and expected.</summary>
    public (int Submitted, int Expected) Below { get; private set; }

    /// <summary>The form's check of what would be submitted (errors, warnings).</summary>
    public EntryCheck? Check { get; private set; }

    /// <summary>Today in the province (for "overdue").</summary>
    public DateOnly Today => clock.Today;

    /// <summary>The user's own unit role lets them type (inputs rather than text).</summary>
    public bool Editable => Actions.Enter;

    /// <summary>Shows the form with the stored values.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Report.Version;
        foreach (var x in Form.Indicators.Where(i => i.IsTyped))
            Values[x.Code] = IndicatorText.Write(Report.Values.FirstOrDefault(v => v.Indicator == x.Code)?.ToValue());
        foreach (var (rule, text) in Report.ToFormValues().Explanations ?? new Dictionary<string, string>()) Explanations[rule] = text;
        return Page();
    }

    /// <summary>Saves the draft: every typed text read by the core; nothing is saved while one is wrong or the version is stale, and the typed texts stay.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Enter) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        var typed = Form.Indicators.Where(i => i.IsTyped && Values.ContainsKey(i.Code)).Select(i => KeyValuePair.Create(i.Code, Values[i.Code]));
        var (values, refusals) = FormFilling.Read(Form, typed);
        if (refusals.Count > 0)
        {
            ShowRefusals(refusals);
            return Page();
        }
        var explanations = Explanations.Where(e => Form.Rules.Any(r => r.Code == e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var saved = await this.TryRunAsync(() => FormFilling.SaveAsync(db, Report, new FormChanges(values, explanations), user, clock.UtcNow, clock.Zone, Version), FieldKey);
        if (!saved) return Page();
        TempData.Notice(UiText.StatDraftSaved);
        return RedirectToPage(new { id });
    }

    /// <summary>The unit's form as a file to fill offline: XLSX with only the value cells open, or CSV.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, string? format)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (bytes, type, extension) = FormWorkbook.File(Form, [UnitFigures.Of(Report)], format);
        return File(bytes, type, $"{Report.Period!.Form!.Code}-{Report.Period.Year}-{Report.Unit!.Code}{extension}");
    }

    /// <summary>Uploads the form filled offline: all or nothing; its problems listed at their sheet, row and column.</summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Enter) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        var done = await this.TryRunAsync(async () =>
        {
            var (table, fileName) = await Uploads.ReadTableAsync(upload, "upload");
            var figures = FormWorkbook.Read(Form, table, fileName);
            await FormWorkbook.ImportAsync(db, Report.Period!, figures, fileName, r => r.Id == id, user, clock.UtcNow, clock.Zone);
        });
        if (!done)
        {
            KeepStoredValues();
            return Page();
        }
        TempData.Notice(UiText.StatUploaded);
        return RedirectToPage(new { id });
    }

    /// <summary>The computed indicators of the figures as typed (JSON, cell texts by code); nothing is stored, a wrong text counts as not given.</summary>
    public async Task<IActionResult> OnPostComputeAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var typed = Form.Indicators.Where(i => i.IsTyped && Values.ContainsKey(i.Code)).Select(i => KeyValuePair.Create(i.Code, Values[i.Code]));
        var values = new Dictionary<string, IndicatorValue>(Report.ToFormValues().Values, StringComparer.Ordinal);
        foreach (var (code, text) in typed)
        {
            var (value, refusal) = IndicatorText.Parse(Form.Find(code)!, text);
            if (value is null || refusal is not null) values.Remove(code);
            else values[code] = value;
        }
        FormEntry.Compute(Form, values);
        return new JsonResult(Form.Indicators.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => StatisticsFormat.Cell(i, values.GetValueOrDefault(i.Code))));
    }

    /// <summary>The head confirms the saved figures.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Confirm) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        return await StepAsync(id, () => FormFilling.ConfirmAsync(db, Report, user, clock.UtcNow, Version), UiText.StatConfirmed);
    }

    /// <summary>Submits the confirmed figures; the form's errors and unexplained warnings refuse it, shown at their indicators.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Submit) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        return await StepAsync(id, () => FormFilling.SubmitAsync(db, Report, user, clock.UtcNow, clock.Zone, Version), UiText.StatSubmitted);
    }

    /// <summary>The coordinator accepts the submission.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Accept) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        return await StepAsync(id, () => FormFilling.AcceptAsync(db, Report, user, clock.UtcNow), UiText.StatAccepted);
    }

    /// <summary>The coordinator returns the submission with a comment.</summary>
    public async Task<IActionResult> OnPostReturnAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.Return) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        return await StepAsync(id, () => FormFilling.ReturnAsync(db, Report, Comment, user, clock.UtcNow), UiText.StatReturned);
    }

    /// <summary>The coordinator gives this unit a later deadline, with a reason.</summary>
    public async Task<IActionResult> OnPostExtendAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Actions.ExtendDeadline) return Forbid403();
        var user = (await current.GetAsync()).UserName;
        if (Until is not { } until)
        {
            ModelState.AddModelError(nameof(Until), UiText.Required.Replace("{0}", UiText.StatExtendUntil, StringComparison.Ordinal));
            return Page();
        }
        return await StepAsync(id, () => FormFilling.ExtendDeadlineAsync(db, Report, until, Reason, user, clock.UtcNow), UiText.StatExtended);
    }

    private async Task<IActionResult> StepAsync(int id, Func<Task> step, string notice)
    {
        try
        {
            await step();
        }
        catch (RefusedException ex)
        {
            // An unexplained warning is answered in its explanation box: the summary links there and the box shows it.
            this.Show(ex.Refusals.Select(r => r.Code == "forms.warningUnexplained" && r.Args.GetValueOrDefault("rule") is string rule
                ? r.At(Where.AtCriterion(rule, "explanation")) : r), FieldKey);
            KeepStoredValues();
            return Page();
        }
        TempData.Notice(notice);
        return RedirectToPage(new { id });
    }

    /// <summary>After a refused step the fields show what is stored (those forms post no values).</summary>
    private void KeepStoredValues()
    {
        foreach (var x in Form.Indicators.Where(i => i.IsTyped))
            Values[x.Code] = IndicatorText.Write(Report.Values.FirstOrDefault(v => v.Indicator == x.Code)?.ToValue());
        foreach (var (rule, text) in Report.ToFormValues().Explanations ?? new Dictionary<string, string>()) Explanations.TryAdd(rule, text);
    }

    private static StatusCodeResult Forbid403() => new(StatusCodes.Status403Forbidden);

    private void ShowRefusals(IEnumerable<Refusal> refusals) => this.Show(refusals, FieldKey);

    /// <summary>The posted field a refusal points at: an indicator's value, a rule's explanation, or the return and extension fields.</summary>
    public string? FieldKey(Where where)
    {
        ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)Anchor;
        ViewData[PageRefusals.PlaceKey] = (Func<Where, string?>)Place;
        if (where.Criterion is { } code)
            return where.Field == "explanation" ? $"Explanations[{code}]" : Form.Find(code) is { IsTyped: true } ? $"Values[{code}]" : null;
        return where.Field switch
        {
            "comment" => nameof(Comment),
            "until" => nameof(Until),
            "reason" => nameof(Reason),
            _ => null,
        };
    }

    /// <summary>The element a refusal in the summary links to.</summary>
    public string? Anchor(Where where) => where.Criterion is { } code
        ? where.Field == "explanation" ? FormLayout.ExplanationId(code) : FormLayout.FieldId(code)
        : where.Field switch { "comment" => "return-comment", "until" => "extend-until", "reason" => "extend-reason", _ => null };

    /// <summary>A refusal's place in words: the indicator's name, or the warning rule's description.</summary>
    public string? Place(Where where) => where.Criterion is not { } code ? null
        : where.Field == "explanation" ? Form.Rules.FirstOrDefault(r => r.Code == code) is { } rule ? UiText.StatExplanation + " — " + (rule.Description ?? rule.Code) : null
        : Form.Find(code) is { } x ? FormLayout.LabelOf(x) : null;

    /// <summary>The errors shown at an indicator: the field's own, then the form's rules pointing at it.</summary>
    public IReadOnlyList<string> ErrorsAt(string code)
    {
        var list = new List<string>();
        if (ModelState.TryGetValue($"Values[{code}]", out var entry)) list.AddRange(entry.Errors.Select(e => e.ErrorMessage));
        if (Check is not null)
            list.AddRange(Check.Errors.Where(r => r.Where.Criterion == code && r.Code != "forms.valueRequired").Select(r => RefusalText.Render(r, RefusalText.Vietnamese)));
        return list.Distinct().ToList();
    }

    /// <summary>The warning rules broken at an indicator (each needs an explanation).</summary>
    public IReadOnlyList<(FormRule Rule, string Text)> WarningsAt(string code) =>
        Check is null ? [] : Check.Warnings.Where(r => r.Where.Criterion == code)
            .Select(r => (Form.Rules.Single(x => x.Code == (string)r.Args["rule"]!), RefusalText.Render(r, RefusalText.Vietnamese))).ToList();

    private async Task<bool> LoadAsync(int id)
    {
        var report = await FormFilling.LoadAsync(db, id);
        if (report is null) return false;
        Report = report;
        Form = FormFilling.FormOf(report);
        Actions = StatisticsPermissions.ActionsFor(permissions, await current.GetAsync(), report);
        var own = new Dictionary<string, IndicatorValue>(report.ToFormValues().Values, StringComparer.Ordinal);
        FormEntry.Compute(Form, own);
        Own = own;
        var below = await db.FormReports.AsNoTracking()
            .Where(r => r.PeriodId == report.PeriodId && r.Id != report.Id && r.Unit!.Path.StartsWith(report.Unit!.Path))
            .GroupBy(r => 1).Select(g => new { Expected = g.Count(), Submitted = g.Count(r => r.Status == FormReportStatus.Submitted || r.Status == FormReportStatus.Accepted) })
            .SingleOrDefaultAsync();
        // Consolidated once: shown for a unit with units under it, and checked while the unit may still change it.
        var consolidated = below is not null || report.IsEditable ? await FormFigures.ConsolidatedAsync(db, report) : null;
        if (below is not null)
        {
            Below = (below.Submitted, below.Expected);
            Consolidated = consolidated;
        }
        if (report.IsEditable) Check = FormFilling.CheckForSubmission(report, consolidated!);
        return true;
    }
}
