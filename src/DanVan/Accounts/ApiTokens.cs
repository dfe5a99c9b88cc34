using DanVan.Refusals;
using DanVan.Audit;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Accounts;

/// <summary>A user's personal access tokens: create (the plain token is shown once), list, revoke, look up.</summary>
/// <remarks>The API and the token page both use these; a token acts with its owner's current roles.</remarks>
public static class ApiTokens
{
    /// <summary>Lifetime when none is asked for.</summary>
    public const int DefaultLifetimeDays = 90;

    /// <summary>Longest lifetime allowed.</summary>
    public const int MaxLifetimeDays = 365;

    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most active tokens one user may hold.</summary>
    public const int MaxActivePerUser = 20;

    /// <summary>Creates a token for <paramref name="userId"/>, saves it and the audit line, and returns the plain token.</summary>
    /// <exception cref="RefusedException">The name or lifetime is not acceptable; nothing is stored.</exception>
    public static async Task<(ApiToken Token, string Plain)> CreateAsync(
        DanVanDbContext db, string userId, string userName, string? name, int? lifetimeDays, DateTime now, CancellationToken ct = default)
    {
        var problems = new List<Refusal>();
        var trimmed = name?.Trim().Normalize() ?? "";
        if (trimmed.Length == 0) problems.Add(Refusal.Of("tokens.nameRequired", Where.AtField("name")));
        else if (trimmed.Length > MaxNameLength) problems.Add(Refusal.Of("tokens.nameTooLong", Where.AtField("name"), ("max", MaxNameLength)));
        var days = lifetimeDays ?? DefaultLifetimeDays;
        if (days is < 1 or > MaxLifetimeDays) problems.Add(Refusal.Of("tokens.lifetime", Where.AtField("expiresInDays"), ("days", days), ("max", MaxLifetimeDays)));
        var active = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (active >= MaxActivePerUser) problems.Add(Refusal.Of("tokens.tooMany", Where.AtField("name"), ("count", active)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var (token, plain) = ApiToken.Create(userId, trimmed, now, TimeSpan.FromDays(days));
        db.ApiTokens.Add(token);
        AuditTrail.Record(db, new AuditLine(userName, now, "token.create", AuditSubject.Of(token))
        {
            New = $"{token.Name} ({token.Prefix}…), hết hạn {token.ExpiresAt:dd/MM/yyyy}",
        });
        await db.SaveChangesAsync(ct);
        return (token, plain);
    }

    /// <summary>
    /// True when the access-token page is for this user: a role that connects other programs
    /// (<see cref="Permissions.AccountPermissions.Tokens"/>), or an account that already holds a token (active or not),
    /// so its owner can still see and revoke it. A unit's clerk or head never meets the page otherwise.
    /// </summary>
    public static async Task<bool> OffersPageAsync(DanVanDbContext db, Permissions.Permissions permissions, UserScope user, CancellationToken ct = default) =>
        permissions.MayAnywhere(user, Permissions.AccountPermissions.Tokens)
        || await db.ApiTokens.AnyAsync(t => t.UserId == user.UserId, ct);

    /// <summary>The user's tokens, newest first.</summary>
    public static IQueryable<ApiToken> OfUser(DanVanDbContext db, string userId) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);

    /// <summary>Revokes one of the user's own tokens; false when the user has no token with this id.</summary>
    /// <remarks>Revoking a revoked token changes nothing and returns true.</remarks>
    public static async Task<bool> RevokeAsync(DanVanDbContext db, string userId, string userName, int tokenId, DateTime now, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        if (token.RevokedAt is not null) return true;
        token.RevokedAt = now;
        AuditTrail.Record(db, new AuditLine(userName, now, "token.revoke", AuditSubject.Of(token)) { Old = $"{token.Name} ({token.Prefix}…)" });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes every active token of the user (password change, reset, lock); the caller records the audit line and saves.</summary>
    /// <returns>How many tokens were revoked.</returns>
    public static async Task<int> RevokeAllAsync(DanVanDbContext db, string userId, DateTime now, CancellationToken ct = default)
    {
        var active = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in active) token.RevokedAt = now;
        return active.Count;
    }

    /// <summary>The active token whose hash matches <paramref name="plain"/>, or null.</summary>
    public static async Task<ApiToken?> FindActiveAsync(DanVanDbContext db, string plain, DateTime now, CancellationToken ct = default)
    {
        if (!plain.StartsWith("dv_", StringComparison.Ordinal) || plain.Length > 200) return null;
        var hash = ApiToken.Hash(plain);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return token is not null && token.IsActive(now) ? token : null;
    }
}
