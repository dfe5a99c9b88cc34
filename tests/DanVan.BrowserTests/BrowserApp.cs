using System.Net;
using DanVan.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.BrowserTests;

/// <summary>
/// The browser tests' app: the real app on Kestrel at 127.0.0.1 (a free port) over a SQLite data folder, and one headless
/// Debian Chromium driven by Playwright, both started once for the collection. Before each test (<see cref="BrowserTest"/>)
/// the database is emptied and <see cref="TestWorld"/> seeded again; each test opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>An office screen.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    /// <summary>A phone (iPhone 12–15 size).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private KestrelApp? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestWorld? _world;

    /// <summary>The app's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The world seeded for the current test; asking for it skips the test when Chromium is missing outside CI.</summary>
    public TestWorld World
    {
        get
        {
            RequireBrowser();
            return _world!;
        }
    }

    /// <summary>The app (for arranging data with <see cref="TestWorld"/>).</summary>
    public WebAppFactory Web => _host ?? throw new InvalidOperationException("the app is not started");

    /// <summary>The app's services (for arranging data).</summary>
    public IServiceProvider Services => Web.Services;

    /// <summary>Where screenshots go: $DANVAN_TEST_ARTIFACTS/browser, else a temp folder.</summary>
    public static string ArtifactsFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("DANVAN_TEST_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "danvan-test-artifacts"),
        "browser");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.Find();
        if (chromium is null) return; // each test then skips

        _host = new KestrelApp();
        _host.StartServer();
        var addresses = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single();

        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>Empties the database and seeds <see cref="TestWorld"/> again; skips the test when Chromium is missing outside CI.</summary>
    public async Task ResetAsync()
    {
        RequireBrowser();
        await _host!.ResetAsync();
        _world = await TestWorld.SeedAsync(_host);
    }

    /// <summary>A context on the app's database, for arranging and checking data.</summary>
    public DanVanDbContext NewDbContext() => Web.NewDbContext();

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
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(TestWorld.Password);
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
    }

    /// <summary>The app on Kestrel (a real port for the browser) instead of the in-memory test server.</summary>
    private sealed class KestrelApp : WebAppFactory
    {
        public KestrelApp()
            : base(DatabaseProvider.Sqlite, createNow: true) =>
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }
}

/// <summary>Base of every browser test class: the collection's app, emptied and seeded with <see cref="TestWorld"/> before each test.</summary>
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    /// <summary>The collection's app and browser.</summary>
    protected BrowserApp App { get; } = app;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The browser tests: one app and one Chromium for all of them.</summary>
[CollectionDefinition]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;

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
