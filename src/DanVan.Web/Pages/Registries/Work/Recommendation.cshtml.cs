using System.Globalization;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>Records or follows up a recommendation of the Front addressed to a unit.</summary>
[Permission(RegistryPermissions.WorkRecord)]
public sealed class Recommendation(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : WorkEditPage(db, current, permissions)
{
    /// <summary>The record's id when editing.</summary>
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }

    /// <summary>Cơ quan kiến nghị.</summary>
    [BindProperty] public string? Issuer { get; set; }

    /// <summary>Cấp.</summary>
    [BindProperty] public string? IssuerLevel { get; set; }

    /// <summary>Giám sát / phản biện.</summary>
    [BindProperty] public string? Source { get; set; }

    /// <summary>Số văn bản.</summary>
    [BindProperty] public string? Reference { get; set; }

    /// <summary>Ngày kiến nghị.</summary>
    [BindProperty] public DateOnly? IssuedOn { get; set; }

    /// <summary>Chủ đề.</summary>
    [BindProperty] public string? Topic { get; set; }

    /// <summary>Nội dung.</summary>
    [BindProperty] public string? RecommendationContent { get; set; }

    /// <summary>Hạn trả lời.</summary>
    [BindProperty] public DateOnly? DueOn { get; set; }

    /// <summary>Văn bản trả lời.</summary>
    [BindProperty] public string? ResponseReference { get; set; }

    /// <summary>Ngày trả lời.</summary>
    [BindProperty] public DateOnly? RespondedOn { get; set; }

    /// <summary>Kết quả.</summary>
    [BindProperty] public string? RecommendationStatus { get; set; }

    /// <summary>Lý do.</summary>
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadUnitsAsync();
        if (Id is { } id)
        {
            var r = await Db.FrontRecommendations.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id);
            if (await DenyAsync(r?.Unit) is { } denied) return denied;
            (UnitId, Version, Issuer, IssuerLevel, Source, Reference, IssuedOn, Topic, RecommendationContent) =
                (r!.UnitId, r.Version, r.Issuer, RegistryTerms.Code(r.IssuerLevel), RegistryTerms.Code(r.Source), r.Reference, r.IssuedOn, r.Topic, r.Content);
            (DueOn, ResponseReference, RespondedOn, RecommendationStatus, Reason) = (r.DueOn, r.ResponseReference, r.RespondedOn, RegistryTerms.Code(r.Status), r.Reason);
        }
        else
        {
            UnitId ??= Units.Count > 0 ? int.Parse(Units[0].Value, CultureInfo.InvariantCulture) : null;
            RecommendationStatus = "inProgress";
        }
        return Page();
    }

    /// <summary>Stores the recommendation; refusals are shown at their fields.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUnitsAsync();
        var input = new RecommendationInput
        {
            Issuer = Issuer, IssuerLevel = IssuerLevel, Source = Source, Reference = Reference, IssuedOn = IssuedOn, Topic = Topic, Content = RecommendationContent,
            DueOn = DueOn, ResponseReference = ResponseReference, RespondedOn = RespondedOn, RecommendationStatus = RecommendationStatus, Reason = Reason,
        };
        var actor = await ActorAsync(clock);
        bool ok;
        if (Id is { } id)
        {
            var r = await Db.FrontRecommendations.Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id);
            if (await DenyAsync(r?.Unit) is { } denied) return denied;
            ok = await this.TryRunAsync(() => FrontRecommendations.UpdateAsync(Db, r!, input, actor, Version), Key);
        }
        else
        {
            if (await ChosenUnitAsync() is not { } unit) return Page();
            if (await DenyAsync(unit) is { } denied) return denied;
            ok = await this.TryRunAsync(() => FrontRecommendations.RecordAsync(Db, unit, input, actor), Key);
        }
        if (!ok) return Page();
        TempData.Notice(string.Format(Vi.Culture, UiText.WorkSaved, Topic));
        return RedirectToPage("Index", new { registry = "recommendations" });
    }
}
