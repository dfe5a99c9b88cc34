using System.Globalization;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>Registers or edits a "Dân vận khéo" model; a refusal keeps what was typed and shows each problem at its field.</summary>
[Permission(RegistryPermissions.WorkRecord)]
public sealed class Model(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : WorkEditPage(db, current, permissions)
{
    /// <summary>The record's id when editing.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    /// <summary>Tên mô hình.</summary>
    [BindProperty] public string? ModelName { get; set; }

    /// <summary>Codes of co-owning units, separated by ';'.</summary>
    [BindProperty] public string? CoOwners { get; set; }

    /// <summary>Lĩnh vực.</summary>
    [BindProperty] public string? Field { get; set; }

    /// <summary>Cấp.</summary>
    [BindProperty] public string? ModelLevel { get; set; }

    /// <summary>Năm bắt đầu.</summary>
    [BindProperty] public int? YearStarted { get; set; }

    /// <summary>Tình trạng.</summary>
    [BindProperty] public string? ModelStatus { get; set; }

    /// <summary>Báo cáo điển hình toàn quốc.</summary>
    [BindProperty] public bool PresentedNationally { get; set; }

    /// <summary>Văn bản.</summary>
    [BindProperty] public string? Documents { get; set; }

    /// <summary>Award rows (blank rows are ignored).</summary>
    [BindProperty] public List<AwardRow> Awards { get; set; } = [];

    /// <summary>One award row of the form.</summary>
    public sealed class AwardRow
    {
        /// <summary>Cấp.</summary>
        public string? Level { get; set; }

        /// <summary>Số quyết định.</summary>
        public string? Decision { get; set; }

        /// <summary>Ngày.</summary>
        public DateOnly? AwardedOn { get; set; }

        /// <summary>Tập thể / cá nhân.</summary>
        public string? Recipient { get; set; }
    }

    /// <summary>Shows the empty form, or the record's values.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadUnitsAsync();
        if (Id is { } id)
        {
            var m = await DanVanModels.LoadAsync(Db, id);
            if (await DenyAsync(m?.Unit) is { } denied) return denied;
            (UnitId, Version, ModelName, Field, ModelLevel, YearStarted, ModelStatus, PresentedNationally, Documents) =
                (m!.UnitId, m.Version, m.Name, m.Field, RegistryTerms.Code(m.Level), m.YearStarted, RegistryTerms.Code(m.Status), m.PresentedNationally, m.Documents);
            CoOwners = string.Join("; ", m.Owners.Where(o => o.Id != m.UnitId).Select(o => o.Code));
            Awards = [.. m.Awards.OrderBy(a => a.Position).Select(a => new AwardRow { Level = RegistryTerms.Code(a.Level), Decision = a.Decision, AwardedOn = a.AwardedOn, Recipient = RegistryTerms.Code(a.Recipient) })];
        }
        else
        {
            UnitId ??= Units.Count > 0 ? int.Parse(Units[0].Value, CultureInfo.InvariantCulture) : null;
            YearStarted = clock.Today.Year;
        }
        Pad();
        return Page();
    }

    /// <summary>Stores the model; refusals are shown at their fields with what was typed.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUnitsAsync();
        var input = new DanVanModelInput
        {
            ModelName = ModelName, Field = Field, ModelLevel = ModelLevel, YearStarted = YearStarted, ModelStatus = ModelStatus,
            PresentedNationally = PresentedNationally, Documents = Documents,
            CoOwners = [.. (CoOwners ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Awards = [.. Awards.Where(a => !string.IsNullOrWhiteSpace(a.Level) || !string.IsNullOrWhiteSpace(a.Decision) || a.AwardedOn is not null)
                .Select(a => new AwardInput(a.Level, a.Decision, a.AwardedOn, a.Recipient))],
        };
        var actor = await ActorAsync(clock);
        bool ok;
        if (Id is { } id)
        {
            var m = await DanVanModels.LoadAsync(Db, id);
            if (await DenyAsync(m?.Unit) is { } denied) return denied;
            ok = await this.TryRunAsync(() => DanVanModels.UpdateAsync(Db, m!, input, actor, Version), Key);
        }
        else
        {
            if (await ChosenUnitAsync() is not { } unit) { Pad(); return Page(); }
            if (await DenyAsync(unit) is { } denied) return denied;
            ok = await this.TryRunAsync(async () => Id = (await DanVanModels.RecordAsync(Db, unit, input, actor)).Id, Key);
        }
        if (!ok)
        {
            Pad();
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, UiText.WorkSaved, ModelName));
        return RedirectToPage("Index", new { registry = "models" });
    }

    private void Pad()
    {
        while (Awards.Count < 2 || Awards.TakeLast(1).Any(a => !string.IsNullOrWhiteSpace(a.Decision))) Awards.Add(new AwardRow());
    }
}
