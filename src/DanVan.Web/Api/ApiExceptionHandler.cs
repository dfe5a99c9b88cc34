using DanVan.Refusals;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api;

/// <summary>Turns what escapes an API handler into problem+json: unreadable input (400/413/415 naming where),
/// a lost save race (409), anything else (500 without internals). Pages keep the HTML error page.</summary>
/// <remarks>Handlers answer refusals themselves; this is the net under the model binder and the database.
/// Active wherever the exception handler middleware runs (every environment but Development).</remarks>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; the feature keeps the original path.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        switch (exception)
        {
            case BadHttpRequestException bad:
                http.Response.StatusCode = bad.StatusCode;
                var refusal = bad.InnerException is JsonException json
                    ? Refusal.Of("request.unreadableJson", Where.AtField(JsonPath(json.Path)), ("line", json.LineNumber + 1), ("position", json.BytePositionInLine + 1))
                    : Refusal.Of("request.unreadable", Where.Request, ("detail", bad.Message));
                await ApiProblems.Refused([refusal], bad.StatusCode).ExecuteAsync(http);
                return true;
            case DbUpdateException when DanVan.Evaluations.SaveConflicts.IsLostRace(exception):
                await ConflictProblem.LostRace().ExecuteAsync(http);
                return true;
            case RefusedException refusedCore:
                await ApiProblems.RefusedByCode(refusedCore.Refusals).ExecuteAsync(http);
                return true;
            default:
                log.LogError(exception, "API request {Method} {Path} failed", http.Request.Method, path);
                await ApiProblems.WriteAsync(http, StatusCodes.Status500InternalServerError, "Server error",
                    "The server could not complete the request; nothing may have been saved. Try again, or tell the system administrator.", "server-error");
                return true;
        }
    }

    /// <summary>"$.points" → "points": the error key a client recognises.</summary>
    internal static string JsonPath(string? path) => path switch
    {
        null or "" or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path,
    };
}
