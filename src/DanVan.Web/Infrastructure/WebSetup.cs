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

        builder.Services.AddIdentity<AppUser, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<DanVanDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        builder.Services.AddScoped<AccountAdmin>();
        // The cookie is checked against the user's security stamp on every request, so a password change, a lock or a
        // sign-out ends the user's other sessions at once rather than after Identity's default 30 minutes.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddDanVanProxy(config);
        builder.Services.ConfigureApplicationCookie(o =>
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
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddScoped<IAuthorizationHandler, RoleRequirementHandler>();
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
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            o.Conventions.AuthorizeFolder("/Periods", Policies.Coordinator);
            o.Conventions.AuthorizeFolder("/Dashboard", Policies.Reader);
            o.Conventions.AuthorizePage("/Evaluations/Queue", Policies.Reader);
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
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
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
        app.MapOpenApi("/api/{documentName}/openapi.json");
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
