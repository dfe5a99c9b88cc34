using System.Text.Json.Nodes;

namespace DanVan.Web.Tests.Api;

/// <summary>The committed docs/openapi.v1.json is the live document: an API change is a visible diff.</summary>
[Collection<SqliteWeb>]
public sealed class OpenApiDocumentTests(SqliteWebApp app) : WebTest(app)
{
    private const string Committed = "docs/openapi.v1.json";
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_serve_the_committed_OpenAPI_document()
    {
        var live = await _app.CreateClient().GetStringAsync("/api/v1/openapi.json");
        var path = Path.Combine(RepositoryRoot(), Committed);
        if (Environment.GetEnvironmentVariable("DANVAN_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, live.ReplaceLineEndings("\n").TrimEnd() + "\n");

        File.Exists(path).ShouldBeTrue($"{Committed} is missing. {Regenerate}");
        var same = JsonNode.DeepEquals(JsonNode.Parse(live), JsonNode.Parse(await File.ReadAllTextAsync(path)));
        same.ShouldBeTrue($"The live /api/v1/openapi.json differs from {Committed}. {Regenerate}");
    }

    [Fact]
    public async Task Should_describe_every_endpoint_with_its_statuses()
    {
        var doc = JsonNode.Parse(await _app.CreateClient().GetStringAsync("/api/v1/openapi.json"))!;
        var paths = doc["paths"]!.AsObject();
        paths.Count.ShouldBeGreaterThanOrEqualTo(17);
        foreach (var (path, item) in paths)
        {
            foreach (var (method, op) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                op!["operationId"].ShouldNotBeNull(where);
                op["summary"].ShouldNotBeNull(where);
                op["tags"]!.AsArray().Count.ShouldBe(1, where);
                var statuses = op["responses"]!.AsObject().Select(r => r.Key).ToList();
                statuses.ShouldContain("401", where);
                statuses.ShouldContain(s => s.StartsWith('2'), where);
                if (path.Contains("{id}", StringComparison.Ordinal)) statuses.ShouldContain("404", where);
                if (method != "get") statuses.ShouldContain(s => s == "400" || s == "404", where);
            }
        }

        doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        doc["paths"]!["/api/v1/assessments/{id}/evidence"]!["post"]!["requestBody"]!["content"]!.AsObject()
            .Select(c => c.Key).ShouldBe(["application/json", "multipart/form-data"], ignoreOrder: true);
    }

    private const string Regenerate =
        "If the change is intended, regenerate the file and commit it with the change: "
        + "DANVAN_UPDATE_OPENAPI=1 dotnet test --project tests/DanVan.Web.Tests --filter-class DanVan.Web.Tests.Api.OpenApiDocumentTests "
        + "(or: dotnet run --project src/DanVan.Web, then save http://localhost:5000/api/v1/openapi.json as docs/openapi.v1.json).";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.slnx"))) return dir.FullName;
        throw new InvalidOperationException("DanVan.slnx not found above " + AppContext.BaseDirectory);
    }
}
