using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Council;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Periods;

/// <summary>A coordinator sets how a period is appraised: by one coordinator, or by a council (members, chair, consensus rule, disagreement threshold).</summary>
[Scoped(ScopeTarget.Period, EvaluationPermissions.SetCouncil)]
public sealed class Council(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The period's name.</summary>
    public string PeriodName { get; private set; } = "";

    /// <summary>Accounts that may sit on the council.</summary>
    public IReadOnlyList<(string UserName, string FullName)> Candidates { get; private set; } = [];

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The settings' version when the page was built (0: none yet).</summary>
        public int Version { get; set; }

        /// <summary>True: a council appraises; false: one coordinator.</summary>
        public bool ByCouncil { get; set; }

        /// <summary>How the consensus is reached.</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.CouncilRuleLabel))]
        public ConsensusRule Rule { get; set; } = ConsensusRule.Median;

        /// <summary>Disagreement threshold, as typed ("2,5").</summary>
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.CouncilThresholdLabel))]
        public string? Threshold { get; set; }

        /// <summary>Members' user names.</summary>
        public List<string> Members { get; set; } = [];

        /// <summary>The chair's user name.</summary>
        public string? Chair { get; set; }
    }

    /// <summary>Shows the settings.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        await LoadAsync(id);
        var council = await Councils.FindAsync(db, id);
        Data = council is null
            ? new Input { Threshold = "2" }
            : new Input
            {
                Version = council.Version, ByCouncil = true, Rule = council.Rule, Threshold = Vi.Input(council.Threshold),
                Members = council.Members.Select(m => m.UserName).ToList(), Chair = council.Chair,
            };
        return Page();
    }

    /// <summary>Stores the settings (audited).</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        await LoadAsync(id);
        static string? Key(Where w) => w.Field switch
        {
            "threshold" => "Data.Threshold",
            "chair" => "Data.Chair",
            "rule" => "Data.Rule",
            "members" => "Data.Members",
            _ => w.Path?.StartsWith("members", StringComparison.Ordinal) == true ? "Data.Members" : null,
        };
        decimal threshold = 0;
        if (Data.ByCouncil && !Vi.TryParse(Data.Threshold ?? "", out threshold))
        {
            this.Show([Refusal.Of("council.threshold", Where.AtField("threshold"), ("value", Data.Threshold), ("max", Councils.MaxThreshold))], Key);
            return Page();
        }
        // The members in the order the page lists them.
        var members = Candidates.Select(c => c.UserName).Where(Data.Members.Contains).Concat(Data.Members.Where(m => Candidates.All(c => c.UserName != m))).ToList();
        var scope = await current.GetAsync();
        if (!await this.TryRunAsync(() => Councils.SetAsync(db, id, new CouncilSettings(Data.ByCouncil, Data.Rule, threshold, members, Data.Chair), Data.Version,
                scope.UserName, clock.UtcNow), Key)) return Page();
        if (!await this.TrySaveAsync(db)) return Page();
        TempData.Notice(UiText.CouncilSettingsSaved);
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(int id)
    {
        PeriodName = await db.Periods.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
        Candidates = await Councils.CandidatesAsync(db, id);
    }
}
