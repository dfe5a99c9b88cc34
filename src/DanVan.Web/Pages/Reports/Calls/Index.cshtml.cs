using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Reports.Calls;

/// <summary>
/// Reports sent up the levels: the calls the user's units made (with how many reports are in, late or missing), the
/// reports the user's units owe, and — for a coordinator — a form to ask the level below for its reports.
/// </summary>
[Permission(AccountPermissions.Self)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>Kinds of unit a call may be addressed to, in the order offered.</summary>
    public static readonly OrgUnitKind[] Levels = [OrgUnitKind.District, OrgUnitKind.Commune, OrgUnitKind.ProvincialAgency, OrgUnitKind.DistrictOffice, OrgUnitKind.PublicServiceUnit];

    /// <summary>The calls of units the user follows.</summary>
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];

    /// <summary>The reports the user's units owe.</summary>
    public IReadOnlyList<OwedRow> Owed { get; private set; } = [];

    /// <summary>The units the user may open a call for (coordinator there).</summary>
    public IReadOnlyList<(int Id, string Name)> Askers { get; private set; } = [];

    /// <summary>The form to open a call.</summary>
    [BindProperty]
    public OpenForm Data { get; set; } = new();

    /// <summary>A call and its progress.</summary>
    public sealed record CallRow(int Id, string Name, int Year, string Asker, DateOnly Deadline, int Units, int Sent, int Late, int Missing, int Accepted);

    /// <summary>A report a unit owes.</summary>
    public sealed record OwedRow(int Id, string Name, string Unit, string Asker, DateOnly Deadline, ReportSubmissionStatus Status, bool Overdue);

    /// <summary>What the coordinator types to open a call.</summary>
    public sealed class OpenForm
    {
        /// <summary>The asking unit.</summary>
        public int ScopeUnitId { get; set; }

        /// <summary>Year reported on.</summary>
        [Range(2000, 2100)]
        public int Year { get; set; }

        /// <summary>Kind of unit that owes.</summary>
        public OrgUnitKind Level { get; set; } = OrgUnitKind.District;

        /// <summary>Name; empty for the standard one.</summary>
        public string? Name { get; set; }

        /// <summary>First day.</summary>
        public DateOnly? OpensOn { get; set; }

        /// <summary>Deadline.</summary>
        public DateOnly? Deadline { get; set; }

        /// <summary>Receive late reports.</summary>
        public bool AcceptLate { get; set; } = true;

        /// <summary>First day the reports cover; empty for the whole year.</summary>
        public DateOnly? From { get; set; }

        /// <summary>Last day the reports cover; empty for the whole year.</summary>
        public DateOnly? To { get; set; }

        /// <summary>periodic, thematic, adHoc; empty for each unit's template's.</summary>
        public string? Kind { get; set; }

        /// <summary>Kind of the document that asks ("Công văn").</summary>
        public string? RequestKind { get; set; }

        /// <summary>Its số, ký hiệu; empty when the call cites no document.</summary>
        public string? RequestNumber { get; set; }

        /// <summary>Its date.</summary>
        public DateOnly? RequestDate { get; set; }

        /// <summary>Its issuer.</summary>
        public string? RequestIssuer { get; set; }

        /// <summary>Its trích yếu.</summary>
        public string? RequestTitle { get; set; }

        /// <summary>The document that asks, or null when nothing of it was typed.</summary>
        public DanVan.Criteria.DocumentRef? Request =>
            new[] { RequestNumber, RequestIssuer, RequestTitle }.All(string.IsNullOrWhiteSpace) && RequestDate is null ? null
            : new() { Kind = RequestKind ?? "", Number = RequestNumber ?? "", Date = RequestDate, Issuer = RequestIssuer, Title = RequestTitle };
    }

    /// <summary>Shows the lists and the form.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Data = new OpenForm { Year = today.Month >= 10 ? today.Year : today.Year - 1, OpensOn = today, Deadline = today.AddDays(15) };
        await LoadAsync(ct);
    }

    /// <summary>Opens a call; refusals are shown at their fields.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var asker = await db.Units.AsNoTracking().Where(u => u.Id == Data.ScopeUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (asker is null || !permissions.May(user, ReportPermissions.OpenCall, new Target(asker))) return NotFound();
        if (!ModelState.IsValid || Data.OpensOn is null || Data.Deadline is null)
        {
            if (Data.OpensOn is null) ModelState.AddModelError("Data.OpensOn", string.Format(Vi.Culture, Resources.UiText.Required, Resources.UiText.CallOpensOn));
            if (Data.Deadline is null) ModelState.AddModelError("Data.Deadline", string.Format(Vi.Culture, Resources.UiText.Required, Resources.UiText.Deadline));
            await LoadAsync(ct);
            return Page();
        }
        ReportCall? call = null;
        var done = await this.TryRunAsync(async () =>
        {
            var (span, kind) = ReportSpans.Read(Data.From, Data.To, Data.Kind);
            call = await ReportCalls.OpenAsync(db,
                new OpenReportCall(Data.Name, Data.Year, Data.ScopeUnitId, Data.Level, Data.OpensOn.Value, Data.Deadline.Value, Data.AcceptLate, span, kind, Data.Request),
                user.UserName, clock.UtcNow, ct);
        }, where => where.Field is { } f ? "Data." + Pascal(f.StartsWith("request.", StringComparison.Ordinal) ? "request" + Pascal(f[8..]) : f) : null);
        if (!done)
        {
            await LoadAsync(ct);
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, Resources.UiText.CallOpened, call!.Submissions.Count));
        return RedirectToPage("Board", new { id = call.Id });
    }

    private static string Pascal(string f) => char.ToUpperInvariant(f[0]) + f[1..];

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var today = clock.Today;
        var calls = await db.ReportCalls.AsNoTracking().Where(ScopeFilter.On<ReportCall>(user, c => c.ScopeUnit))
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Name, c.Year, Asker = c.ScopeUnit!.Name, AskerPath = c.ScopeUnit.Path, c.Deadline,
                Submissions = c.Submissions.Select(s => new { s.Status, s.IsLate }).ToList(),
            })
            .ToListAsync(ct);
        Calls = calls.Where(c => permissions.May(user, ReportPermissions.Read, new Target(c.AskerPath)))
            .Select(c => (Call: c, P: ReportCallProgress.Of(c.Submissions.Select(s => (s.Status, s.IsLate)).ToList())))
            .Select(x => new CallRow(x.Call.Id, x.Call.Name, x.Call.Year, x.Call.Asker, x.Call.Deadline, x.P.Units, x.P.Sent, x.P.Late, x.P.Missing, x.P.Accepted)).ToList();
        var owed = await db.ReportSubmissions.AsNoTracking().Where(ScopeFilter.On<ReportSubmission>(user, s => s.Unit))
            .OrderByDescending(s => s.Call!.Deadline).ThenBy(s => s.Unit!.Code)
            .Select(s => new { s.Id, s.Call!.Name, Unit = s.Unit!.Name, s.Unit.Path, Asker = s.Call.ScopeUnit!.Name, s.Call.Deadline, s.Status })
            .ToListAsync(ct);
        Owed = owed.Where(s => permissions.May(user, ReportPermissions.Send, new Target(s.Path)))
            .Select(s => new OwedRow(s.Id, s.Name, s.Unit, s.Asker, s.Deadline, s.Status,
                ReportSubmission.IsOpenStatus(s.Status) && s.Deadline < today)).ToList();
        var exact = user.Roles.Where(r => r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        var candidates = await db.Units.AsNoTracking().Where(u => exact.Contains(u.Id)).OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        Askers = candidates.Where(u => permissions.May(user, ReportPermissions.OpenCall, new Target(u.Path))).Select(u => (u.Id, u.Name)).ToList();
    }
}
