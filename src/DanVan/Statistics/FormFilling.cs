using System.Text.Json;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Statistics;

/// <summary>Changes to a unit's form: values by indicator (null clears one) and explanations by rule (null or blank clears one).</summary>
/// <param name="Values">Typed values by indicator code.</param>
/// <param name="Explanations">Explanations of warning rules by rule code.</param>
/// <param name="ReplaceAll">True: indicators and explanations not given are cleared (a whole form posted or uploaded).</param>
public sealed record FormChanges(IReadOnlyDictionary<string, IndicatorValue?> Values, IReadOnlyDictionary<string, string?>? Explanations = null, bool ReplaceAll = false);

/// <summary>
/// The filling cycle of a unit's form, the one place its rules live: save (draft), the head confirms, submit, the
/// coordinator accepts or returns; a coordinator extends one unit's deadline. Every step is one transaction with its audit line.
/// </summary>
public static class FormFilling
{
    /// <summary>Codes that refuse a step because of the report's state or version, not its input (409 on the API).</summary>
    public static readonly IReadOnlySet<string> ConflictCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "forms.notEditable", "forms.notOpenYet", "forms.notConfirmed", "forms.notSubmitted", "forms.lateRefused",
        "forms.staleVersion", "forms.versionFrozen",
    };

    /// <summary>Largest number stored (values are kept in ten-thousandths in a 64-bit column).</summary>
    public const decimal MaxNumber = 100_000_000_000_000m;

    /// <summary>A report with everything the cycle needs: period, form, scope unit, unit and values; null when there is none.</summary>
    public static Task<FormReport?> LoadAsync(DanVanDbContext db, int reportId, CancellationToken ct = default) =>
        db.Set<FormReport>().Include(r => r.Period!).ThenInclude(p => p.Form).Include(r => r.Period!).ThenInclude(p => p.ScopeUnit)
            .Include(r => r.Unit).Include(r => r.Values).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == reportId, ct);

    /// <summary>The report of a unit in a period, loaded as <see cref="LoadAsync"/> does.</summary>
    public static async Task<FormReport?> LoadAsync(DanVanDbContext db, int periodId, int unitId, CancellationToken ct = default)
    {
        var id = await db.Set<FormReport>().Where(r => r.PeriodId == periodId && r.UnitId == unitId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(db, id.Value, ct);
    }

    /// <summary>
    /// Reads typed texts (a page's fields, a sheet's cells) into values: unknown and computed indicators, unreadable
    /// texts and values out of range are refused at the indicator; blank clears.
    /// </summary>
    public static (Dictionary<string, IndicatorValue?> Values, List<Refusal> Refusals) Read(FormDefinition form, IEnumerable<KeyValuePair<string, string?>> texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<string, IndicatorValue?>(StringComparer.Ordinal);
        var refusals = new List<Refusal>();
        foreach (var (code, text) in texts)
        {
            if (form.Find(code) is not { } x) refusals.Add(Refusal.Of("forms.valueUnknownIndicator", Where.AtCriterion(code), ("code", code)));
            else if (x.IsComputed) { if (!string.IsNullOrWhiteSpace(text)) refusals.Add(Refusal.Of("forms.valueComputed", Where.AtCriterion(code), ("code", code))); }
            else if (x.IsFromRegistry) { if (!string.IsNullOrWhiteSpace(text)) refusals.Add(FromRegistry(x)); }
            else
            {
                var (value, refusal) = IndicatorText.Parse(x, text);
                if (refusal is not null) refusals.Add(refusal);
                else values[code] = value;
            }
        }
        return (values, refusals);
    }

    /// <summary>What refuses a change of the report's values, before any is applied.</summary>
    public static List<Refusal> Check(FormReport r, FormChanges changes, DateTime at, TimeZoneInfo zone, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(changes);
        var form = FormOf(r);
        var refusals = new List<Refusal>();
        if (expectedVersion is { } v && v != r.Version) return [Stale(v, r.Version)];
        if (!r.IsEditable) return [Refusal.Of("forms.notEditable", Where.Request, ("status", r.Status.ToString()))];
        if (Deadlines.DayIn(zone, at) < r.Period!.OpensOn) return [Refusal.Of("forms.notOpenYet", Where.Request, ("opensOn", r.Period.OpensOn))];
        foreach (var (code, value) in changes.Values)
        {
            if (form.Find(code) is not { } x) refusals.Add(Refusal.Of("forms.valueUnknownIndicator", Where.AtCriterion(code), ("code", code)));
            else if (x.IsComputed) refusals.Add(Refusal.Of("forms.valueComputed", Where.AtCriterion(code), ("code", code)));
            else if (x.IsFromRegistry) refusals.Add(FromRegistry(x));
            else if (value is null) continue;
            else if (FormEntry.CheckValue(x, value) is { } refusal) refusals.Add(refusal);
            else if (value is NumberValue { Value: var n } && Math.Abs(n) > MaxNumber || value is RatioValue { Whole: > MaxNumber })
                refusals.Add(Refusal.Of("forms.valueTooLarge", Where.AtCriterion(code), ("max", MaxNumber)));
            else if (value is TextValue t && TextLimit.Check(t.Text, Where.AtCriterion(code), "value") is { } tooLong) refusals.Add(tooLong);
        }
        foreach (var (rule, text) in changes.Explanations ?? new Dictionary<string, string?>())
        {
            if (form.Rules.All(x => x.Code != rule)) refusals.Add(Refusal.Of("forms.unknownRule", Where.AtCriterion(rule, "explanation"), ("rule", rule)));
            else if (TextLimit.Check(text, Where.AtCriterion(rule, "explanation"), "explanation") is { } tooLong) refusals.Add(tooLong);
        }
        return refusals;
    }

    /// <summary>Saves a draft: values checked one by one (rules between indicators only bind submission), a confirmation cleared by the change.</summary>
    /// <exception cref="RefusedException">Nothing is saved.</exception>
    public static async Task SaveAsync(DanVanDbContext db, FormReport r, FormChanges changes, string user, DateTime at, TimeZoneInfo zone, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var refusals = Check(r, changes, at, zone, expectedVersion);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        var form = FormOf(r);
        var before = r.ToFormValues();
        var wanted = new Dictionary<string, IndicatorValue?>(StringComparer.Ordinal);
        if (changes.ReplaceAll) foreach (var x in form.Indicators.Where(i => i.IsTyped)) wanted[x.Code] = null;
        foreach (var (code, value) in changes.Values) wanted[code] = value;
        foreach (var (code, value) in await FromRegistriesAsync(db, r, ct)) wanted[code] = value;

        var changed = new List<string>();
        foreach (var (code, value) in wanted)
        {
            var row = r.Values.FirstOrDefault(v => v.Indicator == code);
            if (Equals(row?.ToValue(), value)) continue;
            changed.Add(code);
            if (value is null) { r.Values.Remove(row!); db.Remove(row!); }
            else if (row is null) { row = new FormReportValue { ReportId = r.Id, Indicator = code }; row.Set(value); r.Values.Add(row); }
            else row.Set(value);
        }
        var explanations = changes.ReplaceAll ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(before.Explanations!, StringComparer.Ordinal);
        foreach (var (rule, text) in changes.Explanations ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrWhiteSpace(text)) explanations.Remove(rule);
            else explanations[rule] = text.Trim();
        }
        var explained = JsonSerializer.Serialize(explanations);
        if (explained != r.Explanations) { changed.Add("giải trình"); r.Explanations = explained; }
        if (changed.Count == 0) return;

        r.Status = FormReportStatus.Draft;
        (r.ConfirmedAt, r.ConfirmedBy) = (null, null);
        r.UpdatedAt = at;
        AuditTrail.Record(db, new AuditLine(user, at, "form.save", AuditSubject.Of(r))
        {
            Old = Describe(form, before.Values, changed),
            New = Describe(form, r.ToFormValues().Values, changed),
        });
        await SaveAsync(db, r, ct);
    }

    /// <summary>The head confirms the figures as they are saved.</summary>
    /// <exception cref="RefusedException">Not editable, or a stale version.</exception>
    public static async Task ConfirmAsync(DanVanDbContext db, FormReport r, string user, DateTime at, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (expectedVersion is { } v && v != r.Version) throw new RefusedException(Stale(v, r.Version));
        if (!r.IsEditable) throw new RefusedException("forms.notEditable", Where.Request, ("status", r.Status.ToString()));
        r.Status = FormReportStatus.Confirmed;
        (r.ConfirmedAt, r.ConfirmedBy) = (at, user);
        AuditTrail.Record(db, new AuditLine(user, at, "form.confirm", AuditSubject.Of(r)));
        await SaveAsync(db, r, ct);
    }

    /// <summary>What refuses the submission now: the cycle, then the form's check of the consolidated figures, then the deadline.</summary>
    public static async Task<List<Refusal>> SubmissionRefusalsAsync(DanVanDbContext db, FormReport r, DateTime at, TimeZoneInfo zone, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Status != FormReportStatus.Confirmed)
            return [Refusal.Of(r.IsEditable ? "forms.notConfirmed" : "forms.notEditable", Where.Request, ("status", r.Status.ToString()))];
        // The registry moved since the head confirmed: submitting would send figures nobody has seen.
        var moved = (await FromRegistriesAsync(db, r, ct)).Where(v => !Equals(r.Values.FirstOrDefault(x => x.Indicator == v.Key)?.ToValue(), v.Value)).ToList();
        if (moved.Count > 0) return [.. moved.Select(v => Refusal.Of("forms.registryChanged", Where.AtCriterion(v.Key), ("code", v.Key)))];
        var check = await CheckForSubmissionAsync(db, r, ct);
        if (!check.CanSubmit) return [.. check.SubmissionRefusals];
        var verdict = Judge(r, at, zone);
        return verdict.Refused ? [Refusal.Of("forms.lateRefused", Where.Request, ("deadline", r.Deadline))] : [];
    }

    /// <summary>The form's check of what the unit would submit: its own figures with its units' submitted ones, as the form aggregates them.</summary>
    public static async Task<EntryCheck> CheckForSubmissionAsync(DanVanDbContext db, FormReport r, CancellationToken ct = default) =>
        CheckForSubmission(r, await FormFigures.ConsolidatedAsync(db, r, ct));

    /// <summary>The same check of figures already consolidated (<see cref="FormFigures.ConsolidatedAsync"/>), for a page that shows them too.</summary>
    public static EntryCheck CheckForSubmission(FormReport r, IReadOnlyDictionary<string, IndicatorValue> consolidated) =>
        FormEntry.Check(FormOf(r), new FormValues(consolidated, r.ToFormValues().Explanations), consolidated: true);

    /// <summary>Submits the confirmed figures; late is judged against the unit's deadline (its extension when given).</summary>
    /// <exception cref="RefusedException">Nothing changes.</exception>
    public static async Task SubmitAsync(DanVanDbContext db, FormReport r, string user, DateTime at, TimeZoneInfo zone, int? expectedVersion = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (expectedVersion is { } v && v != r.Version) throw new RefusedException(Stale(v, r.Version));
        var refusals = await SubmissionRefusalsAsync(db, r, at, zone, ct);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        var verdict = Judge(r, at, zone);
        r.Status = FormReportStatus.Submitted;
        (r.SubmittedAt, r.IsLate, r.ReturnComment) = (at, verdict.Late, null);
        AuditTrail.Record(db, new AuditLine(user, at, "form.submit", AuditSubject.Of(r)) { New = verdict.Late ? "nộp muộn" : "đúng hạn" });
        await SaveAsync(db, r, ct);
    }

    /// <summary>The coordinator accepts a submission.</summary>
    /// <exception cref="RefusedException">Not submitted.</exception>
    public static async Task AcceptAsync(DanVanDbContext db, FormReport r, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Status != FormReportStatus.Submitted) throw new RefusedException("forms.notSubmitted", Where.Request, ("status", r.Status.ToString()));
        r.Status = FormReportStatus.Accepted;
        (r.AcceptedAt, r.AcceptedBy) = (at, user);
        AuditTrail.Record(db, new AuditLine(user, at, "form.accept", AuditSubject.Of(r)));
        await SaveAsync(db, r, ct);
    }

    /// <summary>The coordinator returns a submitted or accepted form with a comment; the head must confirm again.</summary>
    /// <exception cref="RefusedException">Not submitted, or no comment.</exception>
    public static async Task ReturnAsync(DanVanDbContext db, FormReport r, string? comment, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!r.Counts) throw new RefusedException("forms.notSubmitted", Where.Request, ("status", r.Status.ToString()));
        if (string.IsNullOrWhiteSpace(comment)) throw new RefusedException("forms.commentRequired", Where.AtField("comment"));
        if (TextLimit.Check(comment, Where.AtField("comment"), "comment") is { } tooLong) throw new RefusedException(tooLong);
        r.Status = FormReportStatus.Returned;
        (r.ReturnComment, r.ConfirmedAt, r.ConfirmedBy, r.AcceptedAt, r.AcceptedBy) = (comment.Trim(), null, null, null, null);
        AuditTrail.Record(db, new AuditLine(user, at, "form.return", AuditSubject.Of(r)) { Reason = comment.Trim() });
        await SaveAsync(db, r, ct);
    }

    /// <summary>A coordinator gives one unit a later deadline, with a reason.</summary>
    /// <exception cref="RefusedException">No reason, a day before the unit's level deadline, or already submitted.</exception>
    public static async Task ExtendDeadlineAsync(DanVanDbContext db, FormReport r, DateOnly until, string? reason, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!r.IsEditable) throw new RefusedException("forms.notEditable", Where.Request, ("status", r.Status.ToString()));
        if (string.IsNullOrWhiteSpace(reason)) throw new RefusedException("forms.reasonRequired", Where.AtField("reason"));
        if (TextLimit.Check(reason, Where.AtField("reason"), "reason") is { } tooLong) throw new RefusedException(tooLong);
        var level = r.Period!.DeadlineFor(r.Unit?.Kind);
        if (until < level) throw new RefusedException("forms.extensionBeforeDeadline", Where.AtField("until"), ("until", until), ("deadline", level));
        var old = r.Deadline;
        r.ExtendedDeadline = until;
        AuditTrail.Record(db, new AuditLine(user, at, "form.extendDeadline", AuditSubject.Of(r))
        {
            Old = old.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            New = until.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Reason = reason.Trim(),
        });
        await SaveAsync(db, r, ct);
    }

    /// <summary>How a submission now stands against the unit's deadline; a revision after a return keeps its first lateness.</summary>
    public static DeadlineVerdict Judge(FormReport r, DateTime at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Deadlines.Judge(at, new DeadlineRule(r.Deadline, r.Period!.AcceptLate, zone),
            r.SubmittedAt is not null ? r.IsLate : null);
    }

    /// <summary>The refusal of a stale version (409 on the API).</summary>
    public static Refusal Stale(int? sent, int current) => Refusal.Of("forms.staleVersion", Where.Request, ("sent", sent), ("current", current));

    /// <summary>The report's form definition (period and form loaded).</summary>
    public static FormDefinition FormOf(FormReport r) =>
        (r?.Period?.Form ?? throw new InvalidOperationException("load the report's period and form")).Definition();

    /// <summary>The values of the form's registry indicators for the unit's own records over the period (the form adds units up itself).</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorValue?>> FromRegistriesAsync(DanVanDbContext db, FormReport r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sourced = FormOf(r).Indicators.Where(i => i.IsFromRegistry).ToList();
        if (sourced.Count == 0) return new Dictionary<string, IndicatorValue?>();
        var period = r.Period!.Reporting;
        var figures = await DanVan.Registries.RegistryFigures.ComputeAsync(db,
            new DanVan.Registries.FigureScope(r.Unit!.Path, false, period.From, period.To), sourced.Select(i => i.Registry!).ToList(), ct);
        return sourced.ToDictionary(i => i.Code, i => Fit(i, figures.GetValueOrDefault(i.Registry!)), StringComparer.Ordinal);
    }

    // A count feeds a number, a ratio a ratio or a percentage.
    private static IndicatorValue? Fit(Indicator x, IndicatorValue? value) => (x.Type, value) switch
    {
        (IndicatorType.Percentage, RatioValue { Whole: > 0 } v) => new NumberValue(Math.Round(100m * v.Part / v.Whole, 4)),
        (IndicatorType.Percentage, RatioValue) => null,
        _ => value,
    };

    private static Refusal FromRegistry(Indicator x) => Refusal.Of("forms.valueFromRegistry", Where.AtCriterion(x.Code), ("code", x.Code), ("figure", x.Registry));

    private static async Task SaveAsync(DanVanDbContext db, FormReport r, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedException(Stale(r.Version, r.Version + 1));
        }
    }

    private static string Describe(FormDefinition form, IReadOnlyDictionary<string, IndicatorValue> values, List<string> codes) =>
        string.Join("; ", codes.Where(c => form.Find(c) is not null).Select(c => $"{c}={IndicatorText.Write(values.GetValueOrDefault(c))}"));
}
