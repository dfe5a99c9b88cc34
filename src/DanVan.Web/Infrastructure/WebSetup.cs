using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Data;
using DanVan.Periods;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using DanVan.Web.Resources;
using Microsoft.Extensions.WebEncoders;

namespace DanVan.Web.Infrastructure;

/// <summary>What every capability of the web host shares: storage, pages, the pipeline, the database at start.</summary>
public static class WebSetup
{
    /// <summary>Registers the data folder, the database and the data protection keys kept in it.</summary>
    public static WebApplicationBuilder AddDanVanStorage(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataFolder = Path.GetFullPath(config["DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
        builder.Services.AddSingleton(new DataFolder(dataFolder));
        // One clock for pages, API and core: tests replace TimeProvider to freeze time; deadlines are judged in the province's zone.
        builder.Services.TryAddSingleton(TimeProvider.System);
        var zone = ProvinceClock.FindZone(config["Province:TimeZone"]);
        builder.Services.AddSingleton(sp => new ProvinceClock(sp.GetRequiredService<TimeProvider>(), zone));
        builder.Services.AddDanVanDatabase(DatabaseSettings.From(config["Database:Provider"], config.GetConnectionString("DanVan"), dataFolder));
        // Keys live in the database so any instance behind a load balancer can read any cookie.
        builder.Services.AddDataProtection().SetApplicationName("DanVan").PersistKeysToDbContext<DanVanDbContext>();
        builder.Services.AddDanVanProxy(config);
        return builder;
    }

    /// <summary>Registers Razor Pages (signed-in users only, the admin area for administrators) with Vietnamese text throughout.</summary>
    /// <remarks>Each capability's AddX() adds the rules of its own folders.</remarks>
    public static WebApplicationBuilder AddDanVanPages(this WebApplicationBuilder builder)
    {
        // Vietnamese text is written as characters, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        // A coordinator's queue or report page is 100–200 KB of repetitive HTML; compressed it is a tenth of that on a slow line.
        // Over HTTPS too: the only secret in a page is the antiforgery token, which is masked afresh for every response,
        // so BREACH has nothing stable to recover.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.AddRazorPages(o =>
        {
            // Everything needs a signed-in user; folders add the role they need; each page checks the scope of its object.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AuthorizeFolder("/Admin", Policies.AccountsAdmin);
        });
        builder.Services.Configure<MvcOptions>(o =>
        {
            // Every field error is written by a page in Vietnamese; nothing is required implicitly (with an English message).
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            VietnameseBindingMessages(o.ModelBindingMessageProvider);
        });
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
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages link CSS and scripts with asp-append-version (?v=hash): such a URL never changes content, so keep it a year;
            // without the hash, ask again after an hour.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=3600",
        });
        app.UseRouting();
        // After routing, so requests are counted by route template ("/Evaluations/Edit/{id}"), not by every id.
        Prometheus.HttpMetricsMiddlewareExtensions.UseHttpMetrics(app);
        app.UseAuthentication();
        app.UseAuthorization();
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
