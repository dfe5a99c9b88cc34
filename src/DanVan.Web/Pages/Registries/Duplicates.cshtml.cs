using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Registries.Duplicates;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries;

/// <summary>One side of a suggested pair as this clerk sees it.</summary>
/// <param name="Key">"R:12" or "P:7".</param>
/// <param name="Record">The record (unit loaded).</param>
/// <param name="Citizens">Its citizens, masked unless the clerk may read personal data.</param>
public sealed record DuplicateSide(string Key, CitizenRecord Record, CitizensShown Citizens);

/// <summary>A suggested pair with both sides.</summary>
/// <param name="Candidate">The finder's suggestion.</param>
/// <param name="Left">The left record.</param>
/// <param name="Right">The right record.</param>
public sealed record DuplicatePair(DuplicateCandidate Candidate, DuplicateSide Left, DuplicateSide Right);

/// <summary>Suggested duplicates under a unit, most probable first, with their reasons; a registry clerk covering both records
/// merges them into one case or marks them not the same, and undoes recent decisions.</summary>
[Permission(RegistryPermissions.Merge)]
public sealed class Duplicates(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions, PersonalDataProtector protector) : RegistryPage
{
    /// <summary>The unit whose records (and those below) are compared.</summary>
    [BindProperty(SupportsGet = true)]
    public int Unit { get; set; }

    /// <summary>The unit.</summary>
    public DanVan.OrgUnits.OrgUnit Scope { get; private set; } = null!;

    /// <summary>The suggested pairs.</summary>
    public IReadOnlyList<DuplicatePair> Pairs { get; private set; } = [];

    /// <summary>Recent decisions (not undone) on records of the unit.</summary>
    public IReadOnlyList<DuplicateDecision> Decisions { get; private set; } = [];

    /// <summary>Shows the pairs and the recent decisions.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopeAsync() is { } refused) return refused;
        await LoadAsync();
        return Page();
    }

    /// <summary>Merges the pair into one case.</summary>
    public Task<IActionResult> OnPostMergeAsync(string left, string right, double probability) =>
        DecideAsync(left, right, (a, b, user) => DanVan.Registries.Cases.MergeAsync(db, a, b, probability, user, clock.UtcNow), UiText.RegDupMerged);

    /// <summary>Marks the pair as not the same matter.</summary>
    public Task<IActionResult> OnPostRejectAsync(string left, string right, double probability) =>
        DecideAsync(left, right, (a, b, user) => DanVan.Registries.Cases.RejectAsync(db, a, b, probability, user, clock.UtcNow), UiText.RegDupRejected);

    /// <summary>Undoes a decision (the same right as deciding, over both records).</summary>
    public async Task<IActionResult> OnPostUndoAsync(int decision)
    {
        if (await ScopeAsync() is { } refused) return refused;
        var d = await db.DuplicateDecisions.SingleOrDefaultAsync(x => x.Id == decision);
        if (d is null) return NotFound();
        foreach (var key in new[] { d.LeftKey, d.RightKey })
            if ((await CheckAsync(key)).Denied is { } denied) return denied;
        var user = await current.GetAsync();
        if (!await TryAsync(() => DanVan.Registries.Cases.UndoAsync(db, d, user.UserName, clock.UtcNow)))
        {
            await LoadAsync();
            return Page();
        }
        TempData.Notice(UiText.RegDupUndone);
        return RedirectToPage(new { unit = Unit });
    }

    private async Task<IActionResult> DecideAsync(string left, string right, Func<CitizenRecord, CitizenRecord, string, Task> decide, string notice)
    {
        if (await ScopeAsync() is { } refused) return refused;
        var (a, deniedA) = await CheckAsync(left);
        if (deniedA is not null) return deniedA;
        var (b, deniedB) = await CheckAsync(right);
        if (deniedB is not null) return deniedB;
        var user = await current.GetAsync();
        if (!await TryAsync(() => decide(a!, b!, user.UserName)))
        {
            await LoadAsync();
            return Page();
        }
        TempData.Notice(notice);
        return RedirectToPage(new { unit = Unit });
    }

    // The same checks as the API: each record found in scope, and the clerk's role covering its unit.
    private async Task<(CitizenRecord? Record, IActionResult? Denied)> CheckAsync(string? key)
    {
        var user = await current.GetAsync();
        var record = key is null ? null : await RegistriesAccess.FindRecordAsync(db, user, key);
        if (record is null) return (null, NotFound());
        return permissions.Decide(user, RegistryPermissions.Merge, Target.Unit(record.Unit!)) switch
        {
            AccessOutcome.NotFound => (null, NotFound()),
            AccessOutcome.Forbidden => (null, new StatusCodeResult(StatusCodes.Status403Forbidden)),
            _ => (record, null),
        };
    }

    private async Task<IActionResult?> ScopeAsync()
    {
        var user = await current.GetAsync();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Unit);
        if (unit is null) return NotFound();
        switch (permissions.Decide(user, RegistryPermissions.Merge, Target.Unit(unit)))
        {
            case AccessOutcome.NotFound: return NotFound();
            case AccessOutcome.Forbidden: return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }
        Scope = unit;
        return null;
    }

    private async Task LoadAsync()
    {
        // A refused write may have left tracked changes; the page's own reads (and the personal-read log) must not save them.
        db.ChangeTracker.Clear();
        var user = await current.GetAsync();
        var found = await DuplicateSuggestions.FindAsync(db, Scope.Path, max: 100);
        var pairs = new List<DuplicatePair>();
        foreach (var c in found)
        {
            if (await SideAsync(c.LeftKey) is not { } left || await SideAsync(c.RightKey) is not { } right) continue;
            pairs.Add(new DuplicatePair(c, left, right));
        }
        Pairs = pairs;
        var inUnit = await db.Receptions.Where(r => r.Unit!.Path.StartsWith(Scope.Path)).Select(r => "R:" + r.Id).ToListAsync();
        inUnit.AddRange(await db.Petitions.Where(r => r.Unit!.Path.StartsWith(Scope.Path)).Select(r => "P:" + r.Id).ToListAsync());
        var keys = inUnit.ToHashSet(StringComparer.Ordinal);
        // Decisions are few beside records; filtering their keys in memory keeps the query portable.
        Decisions = (await db.DuplicateDecisions.AsNoTracking().Where(d => d.UndoneAt == null).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToListAsync())
            .Where(d => keys.Contains(d.LeftKey) && keys.Contains(d.RightKey)).Take(50).ToList();

        async Task<DuplicateSide?> SideAsync(string key)
        {
            if (await RegistriesAccess.FindRecordAsync(db, user, key) is not { } record) return null;
            await db.Entry(record).Collection(r => r.Citizens).LoadAsync();
            return new DuplicateSide(key, record, await RegistriesAccess.ShowCitizensAsync(db, permissions, user, record, protector, clock.UtcNow, "page"));
        }
    }

    /// <summary>A reason in Vietnamese: "Số CCCD: trùng khớp", "Họ tên: gần giống (0,93)"; never personal data.</summary>
    public static string Reason(MatchReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var field = UiText.ResourceManager.GetString("RegDupField_" + reason.Field, Vi.Culture) ?? reason.Field;
        var level = UiText.ResourceManager.GetString("RegDupLevel_" + reason.Level, Vi.Culture) ?? reason.Level;
        return reason.Level == "close"
            ? $"{field}: {level} ({reason.Similarity.ToString("0.00", Vi.Culture)})"
            : $"{field}: {level}";
    }

    /// <summary>The record's page.</summary>
    public static string ViewPage(string key) => key.StartsWith('P') ? "/Registries/Petitions/View" : "/Registries/Receptions/View";

    /// <summary>The record's id from its key.</summary>
    public static int IdOfKey(string key) => int.Parse(key.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
}
