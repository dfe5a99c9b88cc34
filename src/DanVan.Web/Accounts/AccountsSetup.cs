using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Api;
using DanVan.Web.Api.Accounts;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Accounts;

/// <summary>Accounts in the web host: sign-in (cookie and personal access tokens), roles within scopes, and their API.</summary>
public static class AccountsSetup
{
    /// <summary>Registers Identity, the sign-in cookie, API tokens, the role policies and the per-request scope.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<DanVanDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.AddScoped<AccountAdmin>();
        // The cookie is checked against the user's security stamp on every request, so a password change, a lock or a
        // sign-out ends the user's other sessions at once rather than after Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "danvan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, including HTTPS ended at a trusted proxy (X-Forwarded-Proto).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A signed-in user without the right role gets a plain 403 (shown by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        ApiAuthentication.Add(services);
        // One permission model answers every policy, page filter and API check; each capability registers its actions.
        services.AddSingleton(DanVan.Accounts.Permissions.Permissions.Builtin);
        services.AddAuthorization(o => Policies.Add(o, DanVan.Accounts.Permissions.Permissions.Builtin));
        services.AddScoped<IAuthorizationHandler, PermissionRequirementHandler>();
        services.AddScoped<ScopeCheck>();
        services.AddScoped<CurrentUser>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
        });
        return builder;
    }

    /// <summary>Maps /api/v1/tokens and /api/v1/session.</summary>
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapTokensApi();
        api.MapSessionApi();
        return api;
    }
}
