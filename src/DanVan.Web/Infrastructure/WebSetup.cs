using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
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
        });

        // Keys live in the database so any instance behind a load balancer can read any cookie.
        builder.Services.AddDataProtection().SetApplicationName("DanVan").PersistKeysToDbContext<DanVanDbContext>();

        // Vietnamese text is written as characters, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<EvidenceStore>();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1");
        builder.AddDanVanApi();
        return builder;
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
        app.UseStatusCodePages();
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

    /// <summary>Applies migrations; with --demo (or Demo:Seed=true) creates the demo province and accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        await DanVanDatabase.MigrateAsync(db);
    }
}

/// <summary>The folder holding the SQLite file and uploaded evidence.</summary>
public sealed record DataFolder(string Path);
