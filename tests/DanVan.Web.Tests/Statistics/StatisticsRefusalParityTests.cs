extern alias cli;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DanVan.Web.Tests.Statistics.StatisticsScenario;

namespace DanVan.Web.Tests.Statistics;

/// <summary>
/// One table of statistics forms' refusals, each run through the API and the CLI: both must give the same code (API:
/// problem+json <c>code</c>, or the status for a role that may not; CLI: <c>error[code]</c>). The table must name every
/// write route of /api/v1/forms, /api/v1/form-periods and /api/v1/form-reports, so a new route fails until it has a row.
/// The entry page (another part of issue 9) adds its own column.
/// </summary>
public abstract class StatisticsRefusalParityTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private sealed record World(StatisticsScenario S, int Period, int Report);

    /// <summary>One case: the code both surfaces must give; a null CLI action says why the CLI has no such operation.</summary>
    private sealed record Case(string Name, string Code, string[] Routes, Func<World, Task> Arrange,
        Func<World, Task<string>> Api, Func<World, Task<string>>? Cli, string? NoCli = null);

    private static readonly string[] ErrorRuleValues = ["poorRate=3,43", "ntmScope=26/27", "ntmCommunes=15", "receptions=10", "receptionVisitors=20", "receptionsByChairman=11"];

    private static IReadOnlyList<Case> Cases() =>
    [
        new("a value that cannot be read", "forms.valueUnreadable", ["PUT /api/v1/form-reports/{id:int}", "PATCH /api/v1/form-reports/{id:int}", "cli stats set"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, NgaSon, HttpMethod.Patch, $"/api/v1/form-reports/{w.Report}", new { values = new { receptions = "mười" } }, ifMatch: true),
            w => CliAsync(w, "stats", "set", "--period", P(w), "--unit", "38.NS", "--on", "2018-12-10", "receptions=mười")),
        new("a percentage outside 0–100", "forms.percentageRange", ["PUT /api/v1/form-reports/{id:int}", "cli stats set"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, NgaSon, HttpMethod.Put, $"/api/v1/form-reports/{w.Report}", new { values = new { poorRate = 120 } }, ifMatch: true),
            w => CliAsync(w, "stats", "set", "--period", P(w), "--unit", "38.NS", "--on", "2018-12-10", "poorRate=120")),
        new("an error rule blocks submission", "forms.ruleBroken", ["POST /api/v1/form-reports/{id:int}/submit", "cli stats submit"],
            w => FillAsync(w, confirm: true, ErrorRuleValues),
            w => ApiAsync(w, NgaSon, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/submit", null),
            w => CliAsync(w, "stats", "submit", "--period", P(w), "--unit", "38.NS", "--on", "2018-12-10")),
        new("submission before the head confirms", "forms.notConfirmed", ["POST /api/v1/form-reports/{id:int}/submit", "cli stats submit"],
            w => FillAsync(w, confirm: false, ["receptions=10"]),
            w => ApiAsync(w, NgaSon, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/submit", null),
            w => CliAsync(w, "stats", "submit", "--period", P(w), "--unit", "38.NS", "--on", "2018-12-10")),
        new("confirmation after submission", "forms.notEditable", ["POST /api/v1/form-reports/{id:int}/confirm", "cli stats confirm"],
            w => FillAsync(w, confirm: true, [.. ErrorRuleValues[..^1], "receptionsByChairman=2"], submit: true),
            w => ApiAsync(w, NgaSonHead, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/confirm", null),
            w => CliAsync(w, "stats", "confirm", "--period", P(w), "--unit", "38.NS", "--on", "2018-12-10")),
        new("acceptance of what was not submitted", "forms.notSubmitted", ["POST /api/v1/form-reports/{id:int}/accept", "cli stats accept"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, Coordinator, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/accept", null),
            w => CliAsync(w, "stats", "accept", "--period", P(w), "--unit", "38.NS")),
        new("return without a comment", "forms.commentRequired", ["POST /api/v1/form-reports/{id:int}/return", "cli stats return"],
            w => FillAsync(w, confirm: true, [.. ErrorRuleValues[..^1], "receptionsByChairman=2"], submit: true),
            w => ApiAsync(w, Coordinator, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/return", new { comment = " " }),
            w => CliAsync(w, "stats", "return", "--period", P(w), "--unit", "38.NS", "--comment", " ")),
        new("an extension without a reason", "forms.reasonRequired", ["POST /api/v1/form-reports/{id:int}/extend", "cli stats extend"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, Coordinator, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/extend", new { until = "2018-12-30", reason = "" }),
            w => CliAsync(w, "stats", "extend", "--period", P(w), "--unit", "38.NS", "--until", "2018-12-30", "--reason", "")),
        new("a unit user accepting", "403", ["POST /api/v1/form-reports/{id:int}/accept"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, NgaSon, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/accept", null),
            null, "the CLI acts as the server's administrator"),
        new("a stale version", "forms.staleVersion", ["PUT /api/v1/form-reports/{id:int}", "PATCH /api/v1/form-reports/{id:int}"],
            w => FillAsync(w, confirm: false, ["receptions=10"]),
            w => ApiAsync(w, NgaSon, HttpMethod.Patch, $"/api/v1/form-reports/{w.Report}", new { values = new { receptions = 11 }, version = 0 }),
            null, "the CLI reads the current version itself; it has no versioned change"),
        new("a form naming an unknown indicator", "forms.unknownIndicator", ["POST /api/v1/forms", "POST /api/v1/forms/validate", "cli forms import", "cli forms validate"],
            _ => Task.CompletedTask,
            async w =>
            {
                using var client = w.S.As(Coordinator);
                var response = await client.PostAsync("/api/v1/forms", new StringContent(BrokenForm(), Encoding.UTF8, "application/json"));
                var validate = await client.PostAsync("/api/v1/forms/validate", new StringContent(BrokenForm(), Encoding.UTF8, "application/json"));
                var (a, b) = (await CodeOf(response), await CodeOf(validate));
                return a == b ? a : $"import {a}, validate {b}";
            },
            async w =>
            {
                Directory.CreateDirectory(w.S.App.DataFolder);
                var file = Path.Combine(w.S.App.DataFolder, "hong.json");
                await File.WriteAllTextAsync(file, BrokenForm());
                var (a, b) = (await CliAsync(w, "forms", "import", file), await CliAsync(w, "forms", "validate", file));
                return a == b ? a : $"import {a}, validate {b}";
            }),
        new("a figures file with a value that cannot be read", "forms.valueUnreadable", ["PUT /api/v1/form-reports/{id:int}/file", "POST /api/v1/form-periods/{id:int}/import", "cli stats import"],
            _ => Task.CompletedTask,
            async w =>
            {
                using var client = w.S.As(NgaSon);
                static ByteArrayContent Csv() => new(Encoding.UTF8.GetBytes(FiguresCsv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
                var (a, b) = (await CodeOf(await client.PutAsync($"/api/v1/form-reports/{w.Report}/file", Csv())), await CodeOf(await client.PostAsync($"/api/v1/form-periods/{w.Period}/import", Csv())));
                return a == b ? a : $"unit file {a}, import {b}";
            },
            async w =>
            {
                Directory.CreateDirectory(w.S.App.DataFolder);
                var file = Path.Combine(w.S.App.DataFolder, "so-lieu.csv");
                await File.WriteAllTextAsync(file, FiguresCsv);
                return await CliAsync(w, "stats", "import", "--period", P(w), file);
            }),
        new("a second period of the same form, scope and year", "forms.periodTaken", ["POST /api/v1/form-periods", "cli forms periods open"],
            _ => Task.CompletedTask,
            w => ApiAsync(w, Coordinator, HttpMethod.Post, "/api/v1/form-periods", new { formCode = "thanh-hoa-dvcq-phu-luc", year = 2018, scopeUnitId = w.S.NgaSonId, opensOn = "2018-11-01" }),
            w => CliAsync(w, "forms", "periods", "open", "--form", "thanh-hoa-dvcq-phu-luc", "--year", "2018", "--scope", "38.NS", "--opens", "2018-11-01")),
    ];

    [Fact]
    public void Should_have_a_row_for_every_write_route_of_statistics_forms()
    {
        _ = _app.Server;
        var api = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && (t.StartsWith("/api/v1/form", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Where(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !r.StartsWith("HEAD ", StringComparison.Ordinal)).ToList();
        api.Count.ShouldBeGreaterThanOrEqualTo(10);
        var covered = Cases().SelectMany(c => c.Routes).ToHashSet(StringComparer.Ordinal);
        api.Where(r => !covered.Contains(r)).Order(StringComparer.Ordinal)
            .ShouldBeEmpty("a write route without a row in the refusal table: add its cases to Cases()");
    }

    public static TheoryData<string> CaseNames() => [.. Cases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Should_give_the_same_code_on_the_api_and_the_cli(string name)
    {
        var c = Cases().Single(x => x.Name == name);
        var s = await SeedAsync(_app);
        var period = await s.OpenNgaSon2018Async();
        var w = new World(s, period, await s.ReportIdAsync(period, s.NgaSonId));
        await c.Arrange(w);
        var before = await StateAsync(w);

        (await c.Api(w)).ShouldBe(c.Code, $"API, case '{name}'");
        (await StateAsync(w)).ShouldBe(before, "a refusal changes nothing");
        if (c.Cli is null) c.NoCli.ShouldNotBeNullOrWhiteSpace("a case without a CLI run says why the CLI has no such operation");
        else (await c.Cli(w)).ShouldBe(c.Code, $"CLI, case '{name}'");
        (await StateAsync(w)).ShouldBe(before, "a refusal changes nothing");
    }

    private const string FiguresCsv = "unit_code,indicator,value\n38.NS,receptions,mười\n";

    private static string P(World w) => w.Period.ToString(CultureInfo.InvariantCulture);

    private async Task<string> StateAsync(World w)
    {
        await using var db = _app.NewDbContext();
        var r = await db.FormReports.Include(x => x.Values).SingleAsync(x => x.Id == w.Report);
        return $"{r.Status} v{r.Version} {r.Values.Count} values; {await db.Forms.CountAsync()} forms, {await db.FormPeriods.CountAsync()} periods, {await db.Audit.CountAsync()} audit lines";
    }

    private static string BrokenForm()
    {
        var form = JsonNode.Parse(AppendixJson)!;
        form["code"] = "hong";
        form["rules"]![0]!["expression"] = "ntmCommunes <= nowhere";
        return form.ToJsonString();
    }

    /// <summary>Nga Sơn's officer saves values (and the head confirms, and the officer submits) through the API.</summary>
    private static async Task FillAsync(World w, bool confirm, string[] values, bool submit = false)
    {
        var body = values.ToDictionary(v => v[..v.IndexOf('=', StringComparison.Ordinal)], v => (object)v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        (await ApiAsync(w, NgaSon, HttpMethod.Patch, $"/api/v1/form-reports/{w.Report}", new { values = body }, ifMatch: true)).ShouldStartWith("accepted");
        if (confirm) (await ApiAsync(w, NgaSonHead, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/confirm", null)).ShouldStartWith("accepted");
        if (submit) (await ApiAsync(w, NgaSon, HttpMethod.Post, $"/api/v1/form-reports/{w.Report}/submit", null)).ShouldStartWith("accepted");
    }

    private static async Task<string> ApiAsync(World w, string user, HttpMethod method, string url, object? body, bool ifMatch = false)
    {
        using var client = w.S.As(user);
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch)
        {
            var read = await client.GetAsync($"/api/v1/form-reports/{w.Report}");
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(read.Headers.ETag!.Tag));
        }
        return await CodeOf(await client.SendAsync(request));
    }

    private static async Task<string> CodeOf(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return $"accepted ({(int)response.StatusCode})";
        if (response.StatusCode == HttpStatusCode.Forbidden) return "403";
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return problem["code"]?.GetValue<string>() ?? $"no code ({(int)response.StatusCode})";
    }

    private static async Task<string> CliAsync(World w, params string[] args)
    {
        await using var db = w.S.App.NewDbContext();
        var connection = db.Database.GetConnectionString()!;
        var database = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal) ? "postgres" : "sqlite";
        using var output = new StringWriter();
        using var error = new StringWriter();
        await cli::DanVan.Cli.Cli.RunAsync([.. args, "--database", database, "--connection", connection, "--lang", "en"], output, error);
        var line = error.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("error[", StringComparison.Ordinal));
        return line is null ? $"no error[code] line: {error}{output}" : line[6..line.IndexOf(']', StringComparison.Ordinal)];
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteStatisticsRefusalParityTests(SqliteWebApp app) : StatisticsRefusalParityTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresStatisticsRefusalParityTests(PostgresWebApp app) : StatisticsRefusalParityTests(app);
