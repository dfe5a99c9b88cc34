using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using DanVan.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Api;

/// <summary>Problem+json answers of the API: one shape (RFC 9457) with a stable <c>code</c> extension.</summary>
/// <remarks>Each status has its own result type so that handlers list every status in their signature and the
/// OpenAPI document shows it, as <c>Results&lt;Ok&lt;T&gt;, NotFoundProblem, ...&gt;</c>.</remarks>
public static class ApiProblems
{
    /// <summary>The media type of every error answer.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>The core's refusals as problem+json (<see cref="RefusedProblem"/>): 400 unless <paramref name="status"/> says otherwise.</summary>
    public static RefusedProblem Refused(IReadOnlyList<Refusal> refusals, int status = StatusCodes.Status400BadRequest) => new(refusals, status);

    /// <summary>The core's refusals with the status their codes call for: 409 for a state or version conflict (an assessment's or a form's), else 400.</summary>
    public static RefusedProblem RefusedByCode(IReadOnlyList<Refusal> refusals) =>
        new(refusals, refusals.Any(r => DanVan.Evaluations.AssessmentEntries.ConflictCodes.Contains(r.Code) || DanVan.Statistics.FormFilling.ConflictCodes.Contains(r.Code)
            || DanVan.Registries.RegistryConflicts.Codes.Contains(r.Code) || DanVan.Evaluations.Reconsiderations.Reconsiderations.ConflictCodes.Contains(r.Code))
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest);

    /// <summary>Bad input (400) with one located refusal.</summary>
    public static RefusedProblem Invalid(string code, Where where, params (string Name, object? Value)[] args) => new([Refusal.Of(code, where, args)]);

    /// <summary>Writes a problem+json answer.</summary>
    internal static Task WriteAsync(HttpContext http, int status, string title, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);

    internal static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}

/// <summary>404: the resource does not exist or lies outside the caller's scope (the two are not told apart).</summary>
public sealed class NotFoundProblem(string detail) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status404NotFound;

    /// <summary>The explanation.</summary>
    public string Detail { get; } = detail;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiProblems.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Not found", Detail, "not-found");

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>403: the caller can read the resource but its roles do not allow this action.</summary>
public sealed class ForbiddenProblem(string detail) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status403Forbidden;

    /// <summary>The explanation.</summary>
    public string Detail { get; } = detail;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiProblems.WriteAsync(httpContext, StatusCodes.Status403Forbidden, "Forbidden", Detail, "forbidden");

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>409: the assessment's status does not allow the action, or the caller's version is stale.</summary>
public sealed class ConflictProblem : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private ConflictProblem(string code, string title, string detail)
    {
        Code = code;
        Title = title;
        Detail = detail;
    }

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status409Conflict;

    /// <summary>"wrong-status" or "stale-version".</summary>
    public string Code { get; }

    /// <summary>Short title.</summary>
    public string Title { get; }

    /// <summary>The explanation.</summary>
    public string Detail { get; }

    /// <summary>The status does not allow it (e.g. entries after submission).</summary>
    public static ConflictProblem WrongStatus(string detail) => new("wrong-status", "Not allowed in this status", detail);

    /// <summary>Someone saved the assessment after the caller read it.</summary>
    public static ConflictProblem StaleVersion(int sent, int current) => new("stale-version", "Changed by someone else",
        $"The assessment was saved by someone else after you read it (your version {sent}, current version {current}). "
        + "Nothing was changed. Reload it (GET the assessment), re-apply your change and send the new version. "
        + "Đánh giá đã được người khác cập nhật; vui lòng tải lại trang rồi nhập lại thay đổi.");

    /// <summary>The save lost a race with another one.</summary>
    public static ConflictProblem LostRace() => new("stale-version", "Changed by someone else",
        "The assessment was saved by someone else at the same moment. Nothing was changed. Reload it and try again. "
        + "Đánh giá vừa được người khác cập nhật; vui lòng tải lại rồi thử lại.");

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiProblems.WriteAsync(httpContext, StatusCodes.Status409Conflict, Title, Detail, Code);

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Describe(builder, StatusCodes.Status409Conflict);
}

/// <summary>428: a change to an assessment (or a unit's form) must say which version it was made on (If-Match or <c>version</c>).</summary>
/// <param name="detail">What to send; default the assessment's wording.</param>
public sealed class PreconditionRequiredProblem(string? detail = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status428PreconditionRequired;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiProblems.WriteAsync(httpContext, StatusCodes.Status428PreconditionRequired, "Version required",
            detail ?? "Send the assessment's version as an If-Match header (the ETag of GET /api/v1/assessments/{id}) or as the 'version' field.",
            "version-required");

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Describe(builder, StatusCodes.Status428PreconditionRequired);
}

/// <summary>413: an uploaded file is larger than allowed; nothing was stored.</summary>
public sealed class ContentTooLargeProblem(string detail) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status413PayloadTooLarge;

    /// <summary>The explanation.</summary>
    public string Detail { get; } = detail;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(detail: Detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "too-large",
                ["errors"] = new Dictionary<string, string[]> { ["file"] = [Detail] },
            }).ExecuteAsync(httpContext);

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ApiProblems.Describe(builder, StatusCodes.Status413PayloadTooLarge);
}

/// <summary>
/// The core refused (400, or the status given): <c>code</c> is the first refusal's code, <c>title</c> its sentence in
/// the language of Accept-Language (Vietnamese by default, English on request), <c>errors</c> maps each location key
/// (<see cref="Where.Key"/>, "body" for the request as a whole) to its sentences, and <c>refusals</c> lists every
/// refusal with its code, location and arguments so a client can word them itself.
/// </summary>
public sealed class RefusedProblem(IReadOnlyList<Refusal> refusals, int status = StatusCodes.Status400BadRequest)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => status;

    /// <summary>Every refusal.</summary>
    public IReadOnlyList<Refusal> Refusals { get; } = refusals;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var culture = RefusalText.CultureFor(httpContext.Request.Headers.AcceptLanguage.ToString());
        httpContext.Response.Headers.ContentLanguage = culture.TwoLetterISOLanguageName;
        var errors = Refusals.GroupBy(r => r.Where.Key is { Length: > 0 } key ? key : "body", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => RefusalText.Render(r, culture)).ToArray(), StringComparer.Ordinal);
        var list = Refusals.Select(r => new Dictionary<string, object?>
        {
            ["code"] = r.Code,
            ["where"] = r.Where.Key,
            ["args"] = r.Args,
            ["message"] = RefusalText.Render(r, culture),
        }).ToList();
        return TypedResults.Problem(
            detail: Refusals.Count == 1 ? null : string.Join(" ", Refusals.Skip(1).Select(r => RefusalText.Render(r, culture))),
            statusCode: status,
            title: RefusalText.Render(Refusals[0], culture),
            extensions: new Dictionary<string, object?> { ["code"] = Refusals[0].Code, ["errors"] = errors, ["refusals"] = list })
            .ExecuteAsync(httpContext);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ApiProblems.Describe(builder, StatusCodes.Status400BadRequest);
        ApiProblems.Describe(builder, StatusCodes.Status409Conflict);
    }
}
