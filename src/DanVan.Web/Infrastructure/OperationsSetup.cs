using System.Net;
using DanVan.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;

namespace DanVan.Web.Infrastructure;

/// <summary>What an operator and a load balancer look at: health endpoints and request metrics.</summary>
/// <remarks>
/// <c>/health/live</c> answers while the process serves requests; <c>/health/ready</c> also checks the database, so a
/// load balancer stops sending work to an instance that cannot reach it. <c>/metrics</c> is in Prometheus's text format
/// (requests by route, method and status, durations, requests in progress, .NET runtime figures), answered only to
/// loopback and the networks in <c>Metrics:AllowedNetworks</c> (CIDR); to anyone else it does not exist (404).
/// </remarks>
public static class OperationsSetup
{
    /// <summary>Path of the liveness check.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Path of the readiness check (database reachable).</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Path of the metrics.</summary>
    public const string MetricsPath = "/metrics";

    private const string ReadyTag = "ready";

    /// <summary>Registers the health checks (the database for readiness).</summary>
    public static WebApplicationBuilder AddDanVanOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<DanVanDbContext>("database", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Maps /health/live, /health/ready and /metrics, open without signing in.</summary>
    public static WebApplication MapDanVanOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableHttpMetrics();
        var allowed = (app.Configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? [])
            .Select(n => System.Net.IPNetwork.Parse(n.Trim())).ToList();
        app.MapMetrics(MetricsPath).AllowAnonymous().AddEndpointFilter(async (context, next) =>
            MayReadMetrics(context.HttpContext.Connection.RemoteIpAddress, allowed) ? await next(context) : Results.NotFound());
        return app;
    }

    /// <summary>Loopback (a scraper on the same machine, the test host) or one of the configured networks.</summary>
    public static bool MayReadMetrics(IPAddress? address, IReadOnlyList<System.Net.IPNetwork> allowed)
    {
        if (address is null) return false; // not a TCP peer (a Unix socket behind a proxy): the proxy's clients are unknown
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || allowed.Any(n => n.Contains(address));
    }
}
