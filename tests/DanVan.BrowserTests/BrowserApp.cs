using System.Net;
using DanVan.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests;

/// <summary>
/// One test class's world: the real app on Kestrel at 127.0.0.1 (a free port) over a fresh SQLite data folder, seeded with
/// <see cref="BrowserWorld"/>, and one headless Debian Chromium driven by Playwright. Each test opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>An office screen.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    /// <summary>A phone (iPhone 12–15 size).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"danvan-browser-{Guid.NewGuid():N}");
    private Host? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private BrowserWorld? _world;

    /// <summary>The app's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The seeded world; asking for it skips the test when Chromium is missing outside CI.</summary>
    public BrowserWorld World
    {
        get
        {
            RequireBrowser();
            return _world!;
        }
    }

    /// <summary>The app's services (for arranging data).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the app is not started");

    /// <summary>Where screenshots go: $DANVAN_TEST_ARTIFACTS/browser, else a temp folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("DANVAN_TEST_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "danvan-test-artifacts"),
        "browser");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.Find();
        if (chromium is null) return; // each test then skips

        _host = new Host(_dataFolder);
        _host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        var addresses = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single();
        _world = await BrowserWorld.SeedAsync(this);

        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>A context on the app's database, for arranging and checking data.</summary>
    public DanVanDbContext NewDbContext() => DanVanDatabase.Create(DatabaseSettings.SqliteIn(_dataFolder));

    /// <summary>A fresh browser context (own cookies) at a viewport; skips the test when Chromium is missing outside CI.</summary>
    public async Task<Session> OpenAsync(ViewportSize? viewport = null)
    {
        RequireBrowser();
        var phone = viewport is not null && viewport.Width < 600;
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        // The machine is shared with other builds: allow slow responses rather than flake.
        context.SetDefaultTimeout(30_000);
        return new Session(context, await context.NewPageAsync());
    }

    /// <summary>Opens a context and signs in through the login page.</summary>
    public async Task<Session> SignInAsync(string user, ViewportSize? viewport = null)
    {
        var session = await OpenAsync(viewport);
        var page = session.Page;
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync(user);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(BrowserWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        return session;
    }

    private void RequireBrowser()
    {
        if (_browser is null) Assert.Skip(Chromium.MissingReason);
    }

    /// <summary>Saves a screenshot of what the user sees (the viewport; <paramref name="fullPage"/> for the whole page) as NAME.png.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(ArtifactsFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }

    private sealed class Host(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(dataFolder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("DataFolder", dataFolder);
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
            // Full-strength hashing costs ~50 ms per sign-in on an idle machine; these tests sign in often.
            builder.ConfigureTestServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        }
    }
}

/// <summary>One browser context (own cookies) and its page; closing it ends the session.</summary>
public sealed class Session(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>The page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The context, to open a second tab or inspect cookies.</summary>
    public IBrowserContext Context { get; } = context;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}
