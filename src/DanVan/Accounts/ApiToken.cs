using System.Security.Cryptography;
using System.Text;

namespace DanVan.Accounts;

/// <summary>A personal access token for machine clients of the API; only its hash is stored.</summary>
public sealed class ApiToken
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The owner; the token acts with the owner's roles and scopes.</summary>
    public required string UserId { get; set; }

    /// <summary>A name the owner gives it.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters, to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>When created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it stops working (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When revoked (UTC), if it was.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>True when usable at <paramref name="now"/>.</summary>
    public bool IsActive(DateTime now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Creates a new random token; returns the entity and the plain token, shown once.</summary>
    public static (ApiToken Token, string Plain) Create(string userId, string name, DateTime now, TimeSpan lifetime)
    {
        var plain = "dv_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(plain),
            Prefix = plain[..8],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, plain);
    }

    /// <summary>SHA-256 of a plain token, hex.</summary>
    public static string Hash(string plain) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
}
