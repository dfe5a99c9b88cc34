using DanVan.Refusals;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Web.Api;

/// <summary>How API callers prove who they are: a personal access token (Bearer) or the browser's sign-in cookie.</summary>
/// <remarks>
/// A request with <c>Authorization: Bearer ...</c> is judged by the token alone, even if it also carries a cookie.
/// Cookie-authenticated writes (POST, PUT, PATCH, DELETE) must carry the antiforgery token in the
/// <c>RequestVerificationToken</c> header (see <see cref="CookieAntiforgeryFilter"/>); token-authenticated ones need not,
/// since a browser never adds a Bearer header by itself.
/// </remarks>
public static class ApiAuthentication
{
    /// <summary>The scheme of personal access tokens.</summary>
    public const string TokenScheme = "DanVanToken";

    /// <summary>The scheme the API's policy uses: the token scheme when a Bearer header is present, otherwise the cookie.</summary>
    public const string ApiScheme = "DanVanApi";

    /// <summary>The authorization policy of every API endpoint.</summary>
    public const string Policy = "DanVanApi";

    /// <summary>Claim holding the id of the token used.</summary>
    public const string TokenIdClaim = "danvan:token_id";

    /// <summary>True when the request was authenticated by a personal access token.</summary>
    public static bool IsToken(ClaimsPrincipal user) => user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == TokenScheme);

    /// <summary>True when the request carries a Bearer authorization header.</summary>
    public static bool HasBearer(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    internal static void Add(IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, null)
            .AddPolicyScheme(ApiScheme, null, o => o.ForwardDefaultSelector = http =>
                HasBearer(http) ? TokenScheme : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAntiforgery();
    }
}

/// <summary>Authenticates <c>Authorization: Bearer dv_...</c>: an active token whose owner exists and is not locked out.</summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DanVanDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var plain = header["Bearer ".Length..].Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await ApiTokens.FindActiveAsync(db, plain, now, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("the token is unknown, expired or revoked");
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("the token's owner no longer exists");
        if (AccountRules.IsLocked(user.LockoutEnd, clock.GetUtcNow())) return AuthenticateResult.Fail("the token's owner is locked out");

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.UserName ?? user.Id),
                new Claim(ApiAuthentication.TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            ApiAuthentication.TokenScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiAuthentication.TokenScheme));
    }
}

/// <summary>API requests that fail authorization get 401/403 problem+json, never a redirect to the login page.</summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !context.Request.Path.StartsWithSegments("/api"))
        {
            await _pages.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            var bearer = ApiAuthentication.HasBearer(context);
            context.Response.Headers.WWWAuthenticate = bearer ? "Bearer error=\"invalid_token\"" : "Bearer";
            await ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Not signed in",
                bearer
                    ? "The access token is unknown, expired or revoked."
                    : "Send a personal access token (Authorization: Bearer dv_...) or sign in.",
                "unauthenticated");
            return;
        }

        await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
            "Your account may not use this endpoint.", "forbidden");
    }
}

/// <summary>Refuses cookie-authenticated writes without a valid antiforgery token (CSRF); Bearer requests pass.</summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method);
        if (!safe && http.User.Identity?.IsAuthenticated == true && !ApiAuthentication.IsToken(http.User)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            return ApiProblems.Invalid("request.antiforgery", Where.AtField("RequestVerificationToken"));
        }

        return await next(context);
    }
}
