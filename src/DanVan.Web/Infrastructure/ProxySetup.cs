using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DanVan.Web.Infrastructure;

/// <summary>
/// Running behind a TLS-terminating reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed only from the
/// proxies named in the settings <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR); the
/// loopback address is trusted by default (a proxy on the same machine). HTTPS at the proxy then makes the sign-in
/// cookie Secure and sends HSTS (<c>Proxy:HstsDays</c>, 365 by default).
/// </summary>
public static class ProxySetup
{
    /// <summary>Registers the forwarded-headers and HSTS options from configuration.</summary>
    public static IServiceCollection AddDanVanProxy(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var p in proxies) o.KnownProxies.Add(IPAddress.Parse(p.Trim()));
            foreach (var n in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n.Trim()));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Proxy:HstsDays", 365));
            o.IncludeSubDomains = false;
        });
        return services;
    }
}
