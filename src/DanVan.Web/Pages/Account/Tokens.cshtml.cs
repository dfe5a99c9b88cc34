using DanVan.Refusals;
using DanVan.Accounts.Permissions;
using System.ComponentModel.DataAnnotations;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Account;

/// <summary>The signed-in user's personal access tokens for the API: list, create (the token is shown once), revoke.</summary>
/// <remarks>Only for those who need it (<see cref="ApiTokens.OffersPageAsync"/>): anyone else is answered 403, as for
/// any page of their own scope their role does not allow, and the menu does not offer it.</remarks>
[Permission(AccountPermissions.Self)]
public sealed class Tokens(DanVanDbContext db, CurrentUser current, TimeProvider clock, Permissions permissions) : PageModel
{
    /// <summary>The creation form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The user's tokens, newest first.</summary>
    public IReadOnlyList<Row> List { get; private set; } = [];

    /// <summary>The token just created, shown on this answer only.</summary>
    public string? Created { get; private set; }

    /// <summary>A message after revoking.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The creation form's fields.</summary>
    public sealed class Input
    {
        /// <summary>A name for the token.</summary>
        [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Required))]
        [StringLength(ApiTokens.MaxNameLength)]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.TokenName))]
        public string Name { get; set; } = "";

        /// <summary>Lifetime in days.</summary>
        [Range(1, ApiTokens.MaxLifetimeDays, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.TokenLifetimeRange))]
        [Display(ResourceType = typeof(UiText), Name = nameof(UiText.TokenLifetimeDays))]
        public int LifetimeDays { get; set; } = ApiTokens.DefaultLifetimeDays;
    }

    /// <summary>A token as listed.</summary>
    public sealed record Row(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, bool Active);

    /// <summary>Before any handler: a signed-in user the page is not for is answered 403.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.Identity?.IsAuthenticated == true
            && !await ApiTokens.OffersPageAsync(db, permissions, await current.GetAsync(HttpContext.RequestAborted), HttpContext.RequestAborted))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    /// <summary>Shows the list and the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Creates a token and shows it once (no redirect: the token must not travel in a URL or a cookie).</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (ModelState.IsValid)
        {
            var scope = await current.GetAsync(ct);
            try
            {
                var (_, plain) = await ApiTokens.CreateAsync(db, scope.UserId, scope.UserName, Data.Name, Data.LifetimeDays, Now, ct);
                Created = plain;
                Data = new Input();
                ModelState.Clear();
            }
            catch (RefusedException ex)
            {
                this.Show(ex.Refusals, where => where.Field == "expiresInDays" ? "Data.LifetimeDays" : "Data.Name");
            }
        }

        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Revokes one of the user's tokens.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var scope = await current.GetAsync(ct);
        if (!await ApiTokens.RevokeAsync(db, scope.UserId, scope.UserName, id, Now, ct)) return NotFound();
        Message = UiText.TokenRevoked;
        return RedirectToPage();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetAsync(ct);
        var now = Now;
        List = await ApiTokens.OfUser(db, scope.UserId)
            .Select(t => new Row(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedAt == null && t.ExpiresAt > now))
            .ToListAsync(ct);
    }
}
