using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Obligations;

/// <summary>
/// What each unit owes (việc phải làm): every self-assessment and statistics form of the current periods for the units
/// the user reads — a unit's own board, or a coordinator's view of who owes what — with overdue items kept in view.
/// </summary>
[Permission(AccountPermissions.Self)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>Filter: "open" (default), "overdue" or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "open";

    /// <summary>Today in the province.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The obligations shown.</summary>
    public IReadOnlyList<Obligation> Items { get; private set; } = [];

    /// <summary>Counts by state over every obligation of the scope (before the filter).</summary>
    public IReadOnlyDictionary<ObligationState, int> Counts { get; private set; } = new Dictionary<ObligationState, int>();

    /// <summary>Number of overdue obligations.</summary>
    public int Overdue { get; private set; }

    /// <summary>Shows the board.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        var all = await DanVan.Periods.Obligations.InScopeAsync(db, await current.GetAsync(ct), Today, ct);
        Counts = all.GroupBy(o => o.State).ToDictionary(g => g.Key, g => g.Count());
        Overdue = all.Count(o => o.IsOverdue(Today));
        Items = Show switch
        {
            "all" => all,
            "overdue" => [.. all.Where(o => o.IsOverdue(Today))],
            _ => [.. all.Where(o => o.IsOpen)],
        };
    }

    /// <summary>The page where the obligation is done.</summary>
    public static string LinkOf(Obligation o) => o.Kind switch
    {
        ObligationKind.SelfAssessment => $"/Evaluations/Edit/{o.Id}",
        ObligationKind.StatisticsForm => $"/Statistics/Fill/{o.Id}",
        _ => $"/Reports/Calls/Send/{o.Id}",
    };
}
