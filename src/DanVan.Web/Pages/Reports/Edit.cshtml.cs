using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Reports;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Reports;

/// <summary>Edits the text of a report (the prose blocks, summary, signer, recipients); figures are never typed here.</summary>
/// <remarks>Only a coordinator of exactly that scope, or an administrator. A save made from an older version is refused.</remarks>
[Permission(ReportPermissions.EditDraft)]
public sealed class Edit(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The report's scope unit id.</summary>
    [BindProperty(SupportsGet = true)]
    public int Scope { get; set; }

    /// <summary>The report's year.</summary>
    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    /// <summary>First day of a report over other days than the year (a review over several years); empty for the year's report.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day of such a report, in <see cref="Year"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>periodic, thematic or adHoc; empty for the template's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The report's days, for the heading; null for the year's report.</summary>
    public ReportSpan? Span { get; private set; }

    /// <summary>Which report of the year the text is for (<see cref="ReportDrafts.KeyOf"/>).</summary>
    private string Key { get; set; } = "";

    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The scope's name, for the heading.</summary>
    public string ScopeName { get; private set; } = "";

    /// <summary>The year whose text the form was started from, when this year had none.</summary>
    public int? CarriedFromYear { get; private set; }

    /// <summary>The report's text as the form holds it: plain text, paragraphs separated by blank lines.</summary>
    public sealed record Input
    {
        /// <summary>The summary under "BÁO CÁO".</summary>
        [StringLength(ReportDraft.MaxLineLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportSummary))]
        public string? Summary { get; set; }

        /// <summary>The opening paragraph.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportIntroduction))]
        public string? Introduction { get; set; }

        /// <summary>I. Công tác lãnh đạo, chỉ đạo.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportLeadership))]
        public string? Leadership { get; set; }

        /// <summary>II.1.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportImplementation))]
        public string? Implementation { get; set; }

        /// <summary>III.1.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportAdvantages))]
        public string? Advantages { get; set; }

        /// <summary>III.2.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportLimitations))]
        public string? Limitations { get; set; }

        /// <summary>IV.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportTasks))]
        public string? Tasks { get; set; }

        /// <summary>Authority lines, one per line.</summary>
        [StringLength(ReportDraft.MaxLineLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportSignerAuthority))]
        public string? SignerAuthority { get; set; }

        /// <summary>The signer's position.</summary>
        [StringLength(ReportDraft.MaxLineLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportSignerPosition))]
        public string? SignerPosition { get; set; }

        /// <summary>The signer's name.</summary>
        [StringLength(ReportDraft.MaxLineLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportSignerName))]
        public string? SignerName { get; set; }

        /// <summary>Recipients, one per line.</summary>
        [StringLength(ReportDraft.MaxBlockLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.ReportTooLong))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.ReportRecipients))]
        public string? Recipients { get; set; }

        /// <summary>The version the form was built from; 0 when the year had no draft.</summary>
        public int Version { get; set; }

        /// <summary>The prose blocks by section.</summary>
        public IReadOnlyDictionary<DraftBlock, string> Blocks() => new Dictionary<DraftBlock, string>
        {
            [DraftBlock.Introduction] = Introduction ?? "",
            [DraftBlock.Leadership] = Leadership ?? "",
            [DraftBlock.Implementation] = Implementation ?? "",
            [DraftBlock.Advantages] = Advantages ?? "",
            [DraftBlock.Limitations] = Limitations ?? "",
            [DraftBlock.Tasks] = Tasks ?? "",
        };

        /// <summary>The form filled from a draft.</summary>
        public static Input From(ReportDraft d) => new()
        {
            Summary = d.Summary,
            Introduction = d.Introduction,
            Leadership = d.Leadership,
            Implementation = d.Implementation,
            Advantages = d.Advantages,
            Limitations = d.Limitations,
            Tasks = d.Tasks,
            SignerAuthority = d.SignerAuthority,
            SignerPosition = d.SignerPosition,
            SignerName = d.SignerName,
            Recipients = d.Recipients,
            Version = d.Version,
        };
    }

    /// <summary>Shows the form with this year's text, or last year's as a starting point.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        var draft = await ReportDrafts.ForYearAsync(db, Scope, Year, Key, ct);
        Data = Input.From(draft);
        CarriedFromYear = draft.CarriedFromYear;
        return Page();
    }

    /// <summary>Saves the text and goes back to the report, or shows what is wrong.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        if (!ModelState.IsValid) return Page();

        var user = await current.GetAsync(ct);
        var input = new DraftInput(Scope, Year, Data.Summary, Data.Blocks(), Data.SignerAuthority, Data.SignerPosition, Data.SignerName, Data.Recipients, Data.Version, Key);
        var result = await ReportDrafts.SaveAsync(db, input, user.UserName, clock.UtcNow, ct);
        if (result.Outcome == DraftSaveOutcome.Conflict)
        {
            ModelState.AddModelError("", UiText.ReportConflict);
            return Page();
        }
        TempData[Index.NoticeKey] = UiText.ReportSaved;
        return RedirectToPage("Index", new { scope = Scope, year = Year, from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), kind = Kind });
    }

    /// <summary>
    /// 403 unless the user edits this scope's reports; 404 for a year out of range or a span or kind the report page would refuse.
    /// A report needs no evaluation period: a district's review, a report with a statistics appendix have prose too.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Scope, ct);
        if (unit is null || !ReportAccess.CanEdit(user, unit)) return StatusCode(StatusCodes.Status403Forbidden);
        if (Year is < 2000 or > 2100) return NotFound();
        try
        {
            var (span, kind) = ReportSpans.ReadFor(Year, From, To, Kind);
            Span = span;
            Key = ReportDrafts.KeyOf(Year, span, kind);
        }
        catch (DanVan.Refusals.RefusedException)
        {
            return NotFound();
        }
        ScopeName = unit.Name;
        return null;
    }
}
