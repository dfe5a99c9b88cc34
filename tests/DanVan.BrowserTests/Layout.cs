namespace DanVan.BrowserTests;

/// <summary>Layout checks a person would make by looking at the page.</summary>
public static class Layout
{
    /// <summary>How many CSS pixels the page is wider than the viewport (0 when nothing makes the whole page scroll sideways).</summary>
    public static Task<int> HorizontalOverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");

    /// <summary>The widest hidden part (CSS pixels) among the elements found: how far a person must scroll one of them sideways.</summary>
    public static Task<int> HiddenWidthAsync(ILocator boxes) =>
        boxes.EvaluateAllAsync<int>("els => Math.max(0, ...els.map(e => e.scrollWidth - e.clientWidth))");
}
