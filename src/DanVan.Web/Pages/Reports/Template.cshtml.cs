using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Reports.Templates;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Reports;

/// <summary>
/// The scope's report template (mẫu báo cáo): the header, signer, recipients, the sections of II.2 and their wording, what
/// the report includes — edited as a form with a live preview of the latest year's report, kept as versions, downloaded
/// and uploaded as a file (docs/report-template-format.md).
/// </summary>
/// <remarks>Only whoever edits the scope's reports (a coordinator of exactly that scope, or an administrator); others get 404.</remarks>
[Permission(ReportPermissions.EditDraft)]
public sealed partial class Template(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The scope unit id.</summary>
    [BindProperty(SupportsGet = true)]
    public int Scope { get; set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public TemplateForm Form { get; set; } = new();

    /// <summary>An uploaded template file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The scope's name.</summary>
    public string ScopeName { get; private set; } = "";

    /// <summary>Where the template shown comes from: the scope's own version, a scope above, or the standard one.</summary>
    public TemplateInUse InUse { get; private set; } = TemplateInUse.Standard;

    /// <summary>The name of the scope whose template is inherited, when it is not the scope's own.</summary>
    public string? InheritedFrom { get; private set; }

    /// <summary>The scope's stored versions, newest first.</summary>
    public IReadOnlyList<StoredReportTemplate> Versions { get; private set; } = [];

    /// <summary>The unit groups a section may report: code and name.</summary>
    public IReadOnlyList<(string Code, string Name)> Groups { get; private set; } = [];

    /// <summary>The preview: the latest year's document as the form would write it; null when no period covers the scope.</summary>
    public OfficialDocument? Preview { get; private set; }

    /// <summary>The year previewed.</summary>
    public int? PreviewYear { get; private set; }

    /// <summary>Shows the template the scope's reports use, and its preview.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        Form = TemplateForm.From(InUse.Template, InUse.OwnerUnitId == Scope ? InUse.Version : Versions.Count > 0 ? Versions[0].Version : 0);
        await PreviewAsync(InUse.Template, ct);
        return Page();
    }

    /// <summary>The preview of the form as typed, without saving (the page's script asks for it as the user types).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        var template = Form.ToTemplate();
        var problems = ReportTemplateFile.Check(template, Groups.Select(g => g.Code).ToList());
        if (problems.Count > 0) this.Show(problems, FieldKey);
        else await PreviewAsync(template, ct);
        return Request.Headers.ContainsKey("X-Preview") ? Partial("_TemplatePreview", this) : Page();
    }

    /// <summary>Saves the form as the scope's next version.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        return await SaveAsync(Form.ToTemplate(), Form.Version, ct);
    }

    /// <summary>Stores an uploaded template file as the scope's next version.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        Form = TemplateForm.From(InUse.Template, Versions.Count > 0 ? Versions[0].Version : 0);
        if (Upload is null || Upload.Length == 0)
        {
            this.Show([Refusal.Of("reports.templateEmpty", Where.AtField(nameof(Upload)))]);
            return Page();
        }
        string text;
        using (var reader = new StreamReader(Upload.OpenReadStream()))
            text = await reader.ReadToEndAsync(ct);
        var read = ReportTemplateFile.Parse(text, Groups.Select(g => g.Code).ToList(), Path.GetFileName(Upload.FileName));
        if (!read.IsValid)
        {
            this.Show(read.Refusals);
            return Page();
        }
        return await SaveAsync(read.Template!, expectedVersion: null, ct);
    }

    /// <summary>The template the scope's reports use, as a file.</summary>
    public async Task<IActionResult> OnGetFileAsync(CancellationToken ct)
    {
        if (await RefuseAsync(ct) is { } refusal) return refusal;
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(ReportTemplateFile.Serialize(InUse.Template));
        return File(bytes, "application/json; charset=utf-8", $"mau-bao-cao-{Slug(ScopeName)}.json");
    }

    private async Task<IActionResult> SaveAsync(ReportTemplate template, int? expectedVersion, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        StoredReportTemplate? stored = null;
        if (!await this.TryRunAsync(async () => stored = await ReportTemplates.SaveAsync(db, Scope, template, expectedVersion, user.UserName, clock.UtcNow, ct), FieldKey))
        {
            await PreviewAsync(null, ct);
            return Page();
        }
        TempData.Notice(string.Format(System.Globalization.CultureInfo.CurrentCulture, UiText.TemplateSaved, stored!.Version));
        return RedirectToPage(new { scope = Scope });
    }

    private async Task PreviewAsync(ReportTemplate? template, CancellationToken ct)
    {
        if (template is null) return;
        var years = await db.Periods.AsNoTracking().Select(p => new { p.Year, p.ScopeUnitId }).ToListAsync(ct);
        foreach (var year in years.Select(p => p.Year).Distinct().OrderDescending())
        {
            if (await ReportQuery.FindPeriodAsync(db, year, Scope, ct) is null) continue;
            var content = await ReportDocuments.LoadAsync(db, new ReportRequest(year, Scope, 0, Today: clock.Today, Template: template), ct);
            Preview = ReportDocuments.Document(content, charts: false);
            PreviewYear = year;
            return;
        }
    }

    /// <summary>404 unless the user edits this scope's reports; loads the scope, its template and groups.</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Scope, ct);
        if (unit is null || !ReportAccess.CanEdit(user, unit)) return NotFound();
        ScopeName = unit.Name;
        InUse = await ReportTemplates.ForScopeAsync(db, Scope, ct);
        if (InUse.OwnerUnitId is { } owner && owner != Scope)
            InheritedFrom = await db.Units.Where(u => u.Id == owner).Select(u => u.Name).SingleAsync(ct);
        Versions = await ReportTemplates.VersionsAsync(db, Scope, ct);
        Groups = (await db.Groups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct))
            .Select(g => (g.Code, g.Name)).ToList();
        return null;
    }

    /// <summary>The form field a refusal's JSON path points at, so the message shows beside it.</summary>
    private static string? FieldKey(Where where)
    {
        if (where.Path is not { } path) return where.Field == "version" ? "Form.Version" : null;
        if (SectionPath().Match(path) is { Success: true } s)
        {
            var field = s.Groups[2].Value;
            var name = field.StartsWith("parts", StringComparison.Ordinal) || field.Length == 0 ? "Parts" : char.ToUpperInvariant(field[0]) + field[1..];
            return $"Form.Sections[{s.Groups[1].Value}].{name}";
        }
        if (path.StartsWith("$.results.phrases.", StringComparison.Ordinal)) return "Form." + Pascal(path["$.results.phrases.".Length..]);
        return path switch
        {
            "$.name" => "Form.Name",
            "$.summary" => "Form.Summary",
            "$.header.governingBody" => "Form.GoverningBody",
            "$.header.issuer" => "Form.Issuer",
            "$.header.symbol" => "Form.Symbol",
            "$.header.place" => "Form.Place",
            "$.signer.position" => "Form.SignerPosition",
            "$.signer.name" => "Form.SignerName",
            "$.results.namedListThreshold" => "Form.NamedListThreshold",
            "$.results.topCriteria" => "Form.TopCriteria",
            _ when path.StartsWith("$.signer.authority", StringComparison.Ordinal) => "Form.SignerAuthority",
            _ when path.StartsWith("$.recipients", StringComparison.Ordinal) => "Form.Recipients",
            _ => null,
        };
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string Slug(string name) =>
        Regex.Replace(VietnameseFormat.Fold(name).ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

    [GeneratedRegex(@"^\$\.results\.sections\[(\d+)\]\.?([A-Za-z]*)")]
    private static partial Regex SectionPath();
}
