namespace DanVan.Web.Infrastructure;

/// <summary>Response headers that keep pages from being framed, sniffed or made to run foreign scripts.</summary>
/// <remarks>Pages load only their own scripts and styles (no CDN); the API under /api is left to its own rules.</remarks>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = Policy;
            headers.XFrameOptions = "DENY";
        }
        await next();
    });
}
