using System.Security.Claims;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>The signed-in user's scope for this request, loaded once: their roles and the paths of the units they hold them at.</summary>
/// <remarks>Only the user's own scope units are read; "the units in my scope" is a prefix match the database runs
/// (<see cref="ScopeFilter"/>), never a list of ids loaded here.</remarks>
public sealed class CurrentUser(IHttpContextAccessor http, DanVanDbContext db)
{
    private UserScope? _scope;

    /// <summary>The scope; an empty one for anonymous requests.</summary>
    public async Task<UserScope> GetAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal?.Identity?.Name ?? "";
        _scope = await UserScopes.LoadAsync(db, id ?? "", name, ct);
        return _scope;
    }
}
