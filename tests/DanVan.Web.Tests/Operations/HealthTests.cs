using System.Net;
using DanVan.Web.Infrastructure;

namespace DanVan.Web.Tests.Operations;

/// <summary>What a load balancer and an operator ask without signing in: is the instance alive, is it ready (its
/// database reachable); the metrics only for the machine itself and the networks named in the settings.</summary>
public abstract class HealthTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_answer_live_and_ready_without_a_sign_in_and_hide_metrics_from_an_unknown_peer()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var path in new[] { OperationsSetup.LivePath, OperationsSetup.ReadyPath })
        {
            var answer = await anonymous.GetAsync(path);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            (await answer.Content.ReadAsStringAsync()).ShouldBe("Healthy", path);
        }
        // The in-memory server has no TCP peer: not loopback, not an allowed network.
        (await anonymous.GetAsync(OperationsSetup.MetricsPath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.7", true)]
    [InlineData("10.0.1.7", false)]
    [InlineData("203.0.113.5", false)]
    public void Should_show_metrics_to_loopback_and_the_allowed_networks_only(string address, bool allowed) =>
        OperationsSetup.MayReadMetrics(IPAddress.Parse(address), [System.Net.IPNetwork.Parse("10.0.0.0/24")]).ShouldBe(allowed);
}

[Collection<SqliteWeb>]
public sealed class SqliteHealthTests(SqliteWebApp app) : HealthTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresHealthTests(PostgresWebApp app) : HealthTests(app);
