using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Api;
using DanVan.Evaluations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using DanVan.Web.Resources;
using Microsoft.Extensions.WebEncoders;

namespace DanVan.Web.Infrastructure;

/// <summary>Registration and pipeline of the web host; one place, called from Program.</summary>
public static class WebSetup
{
    /// <summary>Registers database, accounts, pages and API.</summary>
    public static WebApplicationBuilder AddDanVanWeb(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataFolder = Path.GetFullPath(config["DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
        builder.Services.AddSingleton(new DataFolder(dataFolder));
        builder.Services.AddDanVanDatabase(DatabaseSettings.From(config["Database:Provider"], config.GetConnectionString("DanVan"), dataFolder));

        builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DanVanDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "danvan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // A signed-in user without the right role gets a plain 403 (shown by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddSingleton(DanVan.Accounts.Permissions.Permissions.Builtin);
        builder.Services.AddAuthorization(o => Policies.Add(o, DanVan.Accounts.Permissions.Permissions.Builtin));
        builder.Services.AddScoped<IAuthorizationHandler, PermissionRequirementHandler>();
        builder.Services.AddScoped<ScopeCheck>();

        // Keys live in the database so any instance behind a load balancer can read any cookie.
        builder.Services.AddDataProtection().SetApplicationName("DanVan").PersistKeysToDbContext<DanVanDbContext>();

        // Vietnamese text is written as characters, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddRazorPages(o =>
        {
            // Everything needs a signed-in user; folders add the role they need; each page checks the scope of its object.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AuthorizeFolder("/Admin", Policies.AccountsAdmin);
            o.Conventions.AuthorizeFolder("/Admin/Units", Policies.OrgUnitsAdmin);
            o.Conventions.AuthorizeFolder("/Admin/Groups", Policies.OrgUnitsAdmin);
            o.Conventions.AuthorizeFolder("/Admin/CriteriaSets", Policies.CriteriaAdmin);
            o.Conventions.AuthorizeFolder("/Periods", Policies.OpenPeriod);
            o.Conventions.AuthorizeFolder("/Dashboard", Policies.Monitor);
            o.Conventions.AuthorizePage("/Evaluations/Queue", Policies.Monitor);
        });
        // Evidence is refused above 10 MB with a message; the form limit leaves room to read and refuse it.
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 3 * EvidenceFiles.MaxBytes);
        builder.Services.Configure<MvcOptions>(o =>
        {
            // Every field error is written by a page in Vietnamese; nothing is required implicitly (with an English message).
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            VietnameseBindingMessages(o.ModelBindingMessageProvider);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.AddDanVanApi();
        return builder;
    }

    private static void VietnameseBindingMessages(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => string.Format(CultureInfo.CurrentCulture, UiText.BindValueInvalid, value, field));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => string.Format(CultureInfo.CurrentCulture, UiText.BindValueInvalidNoField, value));
        p.SetUnknownValueIsInvalidAccessor(field => string.Format(CultureInfo.CurrentCulture, UiText.BindUnknownInvalid, field));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => UiText.BindUnknownInvalidNoField);
        p.SetValueIsInvalidAccessor(value => string.Format(CultureInfo.CurrentCulture, UiText.BindValueInvalidNoField, value));
        p.SetValueMustBeANumberAccessor(field => string.Format(CultureInfo.CurrentCulture, UiText.BindMustBeNumber, field));
        p.SetNonPropertyValueMustBeANumberAccessor(() => UiText.BindMustBeNumberNoField);
        p.SetValueMustNotBeNullAccessor(field => string.Format(CultureInfo.CurrentCulture, UiText.Required, field));
        p.SetMissingBindRequiredValueAccessor(field => string.Format(CultureInfo.CurrentCulture, UiText.Required, field));
        p.SetMissingKeyOrValueAccessor(() => UiText.BindUnknownInvalidNoField);
        p.SetMissingRequestBodyRequiredValueAccessor(() => UiText.BindUnknownInvalidNoField);
    }

    /// <summary>The request pipeline.</summary>
    public static WebApplication UseDanVanWeb(this WebApplication app)
    {
        var vi = new CultureInfo("vi-VN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(vi),
            SupportedCultures = [vi],
            SupportedUICultures = [vi],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        // API clients get problem+json for bare status codes; people get the Vietnamese status page.
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps pages, the API and the OpenAPI document.</summary>
    public static WebApplication MapDanVanWeb(this WebApplication app)
    {
        app.MapRazorPages();
        // The API description is public, as it has always been; every data route declares its permission action.
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        app.MapDanVanApi();
        return app;
    }

    /// <summary>The command-line switch that creates the demo province and accounts.</summary>
    public const string DemoSwitch = "--demo";

    /// <summary>Applies migrations; with --demo (or Demo:Seed=true) creates the demo province and accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        await DanVanDatabase.MigrateAsync(db);
        var demo = args.Contains(DemoSwitch, StringComparer.Ordinal) || app.Configuration.GetValue<bool>("Demo:Seed");
        if (demo) await DemoSetup.SeedOnceAsync(scope.ServiceProvider, app.Logger);
    }
}

/// <summary>The folder holding the SQLite file and uploaded evidence.</summary>
public sealed record DataFolder(string Path);
