using DanVan.Accounts.Permissions;
using System.Security.Claims;
using DanVan.Accounts;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Accounts;

/// <summary>Who the caller is and what roles it holds; for a cookie session also the antiforgery token for writes.</summary>
/// <param name="UserId">Account id.</param>
/// <param name="UserName">User name, as the audit trail writes it.</param>
/// <param name="FullName">Full name.</param>
/// <param name="Authentication">"token" or "cookie".</param>
/// <param name="Roles">Roles within scope units.</param>
/// <param name="Antiforgery">For a cookie session: send <c>Token</c> in the header <c>HeaderName</c> with every POST, PUT and DELETE.</param>
public sealed record SessionView(string UserId, string UserName, string? FullName, string Authentication, IReadOnlyList<RoleView> Roles, AntiforgeryView? Antiforgery);

/// <summary>A role within a scope unit; no scope unit for a system administrator.</summary>
public sealed record RoleView(Role Role, UnitRef? ScopeUnit);

/// <summary>The antiforgery request token of a cookie session.</summary>
public sealed record AntiforgeryView(string HeaderName, string Token);

/// <summary>The caller's session.</summary>
public static class SessionApi
{
    /// <summary>Maps /api/v1/session.</summary>
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/session").WithTags("Session");
        group.MapGet("/", GetSession)
            .WithName("GetSession")
            .Requires(AccountPermissions.Self)
            .WithSummary("Who am I: account, roles within scopes, and (cookie sessions) the antiforgery token for writes");
        return group;
    }

    /// <summary>GET /api/v1/session.</summary>
    public static async Task<Ok<SessionView>> GetSession(
        HttpContext http, ClaimsPrincipal user, DanVanDbContext db, CurrentUser me, IAntiforgery antiforgery, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var fullName = await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        var unitIds = scope.Roles.Where(r => r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var roles = scope.Roles.OrderBy(r => r.Role).ThenBy(r => r.ScopeUnitId)
            .Select(r => new RoleView(r.Role, r.ScopeUnitId is { } id && units.TryGetValue(id, out var u) ? UnitRef.From(u) : null))
            .ToList();
        var isToken = ApiAuthentication.IsToken(user);
        AntiforgeryView? af = null;
        if (!isToken)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            af = new AntiforgeryView(tokens.HeaderName ?? "RequestVerificationToken", tokens.RequestToken!);
        }

        return TypedResults.Ok(new SessionView(scope.UserId, scope.UserName, fullName, isToken ? "token" : "cookie", roles, af));
    }
}
