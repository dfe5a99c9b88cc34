using DanVan.Refusals;
using DanVan.Accounts.Permissions;
using System.ComponentModel;
using System.Security.Claims;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Web.Api.Accounts;

/// <summary>A personal access token as listed (never the token itself).</summary>
/// <param name="Id">Token id.</param>
/// <param name="Name">The name its owner gave it.</param>
/// <param name="Prefix">Its first characters, to recognise it.</param>
/// <param name="CreatedAt">When created (UTC).</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
/// <param name="RevokedAt">When revoked (UTC), if it was.</param>
/// <param name="Active">Usable now.</param>
public sealed record TokenView(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, bool Active);

/// <summary>A new token: the plain token is in this answer only; it cannot be shown again.</summary>
/// <param name="Token">The token as listed.</param>
/// <param name="PlainToken">Send it as <c>Authorization: Bearer dv_...</c>; store it safely, it is not shown again.</param>
public sealed record CreatedToken(TokenView Token, string PlainToken);

/// <summary>What to create.</summary>
public sealed record CreateTokenBody
{
    /// <summary>A name, e.g. the machine or script using it.</summary>
    [Description("A name, e.g. the script or system that will use it.")]
    public string? Name { get; init; }

    /// <summary>Lifetime in days, 1–365; default 90.</summary>
    [Description("Lifetime in days, 1–365; default 90.")]
    public int? ExpiresInDays { get; init; }
}

/// <summary>Personal access tokens of the signed-in user (the browser session; a token cannot manage tokens).</summary>
public static class TokensApi
{
    /// <summary>Maps /api/v1/tokens.</summary>
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("Tokens");
        group.MapGet("/", ListTokens)
            .WithName("ListTokens")
            .Requires(AccountPermissions.Self)
            .WithSummary("List your personal access tokens (signed-in session only)");
        group.MapPost("/", CreateToken)
            .WithName("CreateToken")
            .Requires(AccountPermissions.Self)
            .WithSummary("Create a personal access token; the answer shows it once (signed-in session only)");
        group.MapDelete("/{id:int}", RevokeToken)
            .WithName("RevokeToken")
            .Requires(AccountPermissions.Self)
            .WithSummary("Revoke one of your tokens; it stops working at once (signed-in session only)");
        return group;
    }

    /// <summary>GET /api/v1/tokens.</summary>
    public static async Task<Results<Ok<PagedList<TokenView>>, RefusedProblem, ForbiddenProblem>> ListTokens(
        [AsParameters] PageRequest page, ClaimsPrincipal user, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        if (ApiAuthentication.IsToken(user)) return TokenCannotManage();
        if (page.Problems() is { Count: > 0 } problems) return ApiProblems.Refused(problems);
        var scope = await me.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(await page.ReadAsync(
            ApiTokens.OfUser(db, scope.UserId).Select(t => new TokenView(
                t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedAt == null && t.ExpiresAt > now)),
            ct));
    }

    /// <summary>POST /api/v1/tokens.</summary>
    public static async Task<Results<Created<CreatedToken>, RefusedProblem, ForbiddenProblem>> CreateToken(
        CreateTokenBody body, ClaimsPrincipal user, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        if (ApiAuthentication.IsToken(user)) return TokenCannotManage();
        var scope = await me.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var (token, plain) = await ApiTokens.CreateAsync(db, scope.UserId, scope.UserName, body.Name, body.ExpiresInDays, now, ct);
            return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedToken(
                new TokenView(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.IsActive(now)), plain));
        }
        catch (RefusedException ex)
        {
            return ApiProblems.Refused(ex.Refusals);
        }
    }

    /// <summary>DELETE /api/v1/tokens/{id}.</summary>
    public static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem>> RevokeToken(
        int id, ClaimsPrincipal user, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        if (ApiAuthentication.IsToken(user)) return TokenCannotManage();
        var scope = await me.GetAsync(ct);
        return await ApiTokens.RevokeAsync(db, scope.UserId, scope.UserName, id, clock.GetUtcNow().UtcDateTime, ct)
            ? TypedResults.NoContent()
            : new NotFoundProblem($"You have no token {id}.");
    }

    private static ForbiddenProblem TokenCannotManage() =>
        new("Tokens are managed from a signed-in session (the page /Account/Tokens or this API with the sign-in cookie), not with a token.");
}
