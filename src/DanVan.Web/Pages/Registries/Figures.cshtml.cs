using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries;

/// <summary>
/// The citizen registries' figures for a scope (the unit and every unit below it) and a date range, as reports state them
/// (lượt/người/vụ việc after de-duplication, by kind, delegations, petitions, resolution rate), with the same period of the previous year beside.
/// </summary>
[Permission(RegistryPermissions.Read)]
public sealed class Figures(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>The scope unit.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    /// <summary>First day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Units the user reads.</summary>
    public IReadOnlyList<SelectListItem> Units { get; private set; } = [];

    /// <summary>The scope shown.</summary>
    public OrgUnit Scope { get; private set; } = null!;

    /// <summary>One line of the table: this period, the same period a year before.</summary>
    /// <param name="Code">A stable key for tests.</param>
    /// <param name="Label">What it counts.</param>
    /// <param name="Now">This period.</param>
    /// <param name="Before">The same period of the previous year.</param>
    /// <param name="Indent">A sub-line.</param>
    public sealed record Line(string Code, string Label, string Now, string Before, bool Indent = false);

    /// <summary>The lines, in the order reports give them.</summary>
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    /// <summary>The report's sentence for the receptions.</summary>
    public string Sentence { get; private set; } = "";

    /// <summary>Shows the figures.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await current.GetAsync();
        var tree = await UnitOptions.TreeAsync(db);
        var readable = tree.Where(u => user.CanRead(u.Path)).ToList();
        Units = readable.Select(u => new SelectListItem(new string('\u00A0', u.Depth * 3) + u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var unitId = Unit ?? readable.FirstOrDefault()?.Id;
        if (unitId is null) return NotFound();
        var scope = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId);
        if (scope is null) return NotFound();
        switch (RegistriesAccess.Decide(permissions, user, RegistryPermissions.Read, scope))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Scope = scope;
        Unit = scope.Id;
        From ??= new DateOnly(clock.Today.Year, 1, 1);
        To ??= clock.Today;
        if (To < From) (From, To) = (To, From);
        var now = new FigureScope(scope.Path, true, From.Value, To.Value);
        var before = now.YearBefore();
        var (r, rb) = (await CitizenFigures.ReceptionsAsync(db, now), await CitizenFigures.ReceptionsAsync(db, before));
        var (p, pb) = (await CitizenFigures.PetitionsAsync(db, now), await CitizenFigures.PetitionsAsync(db, before));
        var (d, db2) = (await CitizenFigures.DialoguesAsync(db, now), await CitizenFigures.DialoguesAsync(db, before));
        Lines = Build(r, rb, p, pb, d, db2);
        Sentence = string.Format(Vi.Culture, UiText.RegFiguresSentence, Vi.Num(r.Total.Visits), Vi.Num(r.Total.People), Vi.Num(r.Matters),
            Difference(r.Total.Visits, rb.Total.Visits), before.From.Year == before.To.Year ? before.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{before.From.Year}–{before.To.Year}",
            Vi.Num(r.Total.Visits), Vi.Num(rb.Total.Visits));
        return Page();
    }

    private static List<Line> Build(ReceptionFigures r, ReceptionFigures rb, PetitionFigures p, PetitionFigures pb, DialogueFigures d, DialogueFigures db)
    {
        static string N(int n) => Vi.Num(n);
        static string Visits(VisitCount? v) => v is null ? "0 lượt/0 người" : $"{Vi.Num(v.Visits)} lượt/{Vi.Num(v.People)} người";
        static string Rate(PetitionFigures x) => x.WithinCompetence == 0 ? "—" : Vi.Num(Math.Round(100m * x.Resolved / x.WithinCompetence, 2)) + "%";
        var lines = new List<Line>
        {
            new("receptions", UiText.RegFigReceptions, $"{Visits(r.Total)}/{N(r.Matters)} vụ việc", $"{Visits(rb.Total)}/{N(rb.Matters)} vụ việc"),
        };
        foreach (var kind in Enum.GetValues<ReceptionKind>())
            lines.Add(new("receptions." + RegistryTerms.Code(kind), RegistryLabels.Of(kind), Visits(r.ByKind.GetValueOrDefault(kind)), Visits(rb.ByKind.GetValueOrDefault(kind)), true));
        lines.Add(new("receptions.delegations", UiText.RegFigDelegations, $"{N(r.Delegations)} lượt đoàn/{N(r.DelegationMatters)} vụ việc", $"{N(rb.Delegations)} lượt đoàn/{N(rb.DelegationMatters)} vụ việc"));
        lines.Add(new("receptions.byHead", UiText.RegFigByHead, $"{N(r.ByHead)} lượt ({N(r.PeriodicByHead)} định kỳ)", $"{N(rb.ByHead)} lượt ({N(rb.PeriodicByHead)} định kỳ)"));
        lines.Add(new("petitions", UiText.RegFigPetitions, $"{N(p.Received)} đơn", $"{N(pb.Received)} đơn"));
        foreach (var kind in Enum.GetValues<MatterKind>())
            lines.Add(new("petitions." + RegistryTerms.Code(kind), RegistryLabels.Of(kind), N(p.ByKind.GetValueOrDefault(kind)), N(pb.ByKind.GetValueOrDefault(kind)), true));
        lines.Add(new("petitions.withinCompetence", UiText.RegField_withinCompetence, N(p.WithinCompetence), N(pb.WithinCompetence)));
        lines.Add(new("petitions.escalated", UiText.RegField_escalated, N(p.Escalated), N(pb.Escalated)));
        lines.Add(new("petitions.resolved", UiText.RegFigResolved, N(p.Resolved), N(pb.Resolved)));
        lines.Add(new("petitions.resolutionRate", UiText.RegFigResolutionRate, Rate(p), Rate(pb)));
        lines.Add(new("petitions.overdue", UiText.RegFigOverdue, N(p.Overdue), N(pb.Overdue)));
        lines.Add(new("dialogues", UiText.RegFigDialogues, $"{N(d.Held)} cuộc ({N(d.ByHead)} do người đứng đầu chủ trì)", $"{N(db.Held)} cuộc ({N(db.ByHead)} do người đứng đầu chủ trì)"));
        lines.Add(new("dialogues.openFollowUps", UiText.RegOpenFollowUps, N(d.OpenFollowUps), N(db.OpenFollowUps)));
        return lines;
    }

    private static string Difference(int now, int before) => now == before
        ? UiText.RegFigSame
        : string.Format(Vi.Culture, now < before ? UiText.RegFigFewer : UiText.RegFigMore, Vi.Num(Math.Abs(now - before)));
}
