namespace DanVan.BrowserTests;

/// <summary>Debian's Chromium, which Playwright drives instead of a downloaded browser.</summary>
public static class Chromium
{
    /// <summary>Flags for a headless run on a build machine: no sandbox (root in containers), no GPU, no calls home.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The browser's path (env DANVAN_CHROMIUM, else /usr/bin/chromium); null when it is missing outside CI.</summary>
    /// <exception cref="InvalidOperationException">In CI (CI=true), when the browser is missing: the run fails, never skips.</exception>
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("DANVAN_CHROMIUM") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        if (File.Exists(path)) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException($"Chromium is not at {path}; scripts/test.sh installs the Debian package 'chromium'.");
        return null;
    }

    /// <summary>Why browser tests are skipped on this machine.</summary>
    public const string MissingReason = "Chromium is not installed (/usr/bin/chromium or DANVAN_CHROMIUM); scripts/test.sh installs it";
}
