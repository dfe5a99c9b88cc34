using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Accounts;

/// <summary>The rules of local accounts, shared by the web host and the CLI: password policy, lockout, role scopes.</summary>
public static class AccountRules
{
    /// <summary>Shortest password.</summary>
    public const int PasswordMinLength = 10;

    /// <summary>Longest user name.</summary>
    public const int UserNameMaxLength = 64;

    /// <summary>Longest full name.</summary>
    public const int FullNameMaxLength = 200;

    /// <summary>Failed sign-ins before the account is locked.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a lock after failed sign-ins lasts.</summary>
    public static readonly TimeSpan FailedSignInLockout = TimeSpan.FromMinutes(15);

    /// <summary>True while an account may not act: locked by an administrator, or in the lockout after failed sign-ins
    /// (the API's tokens and the CLI's --as judge it the same way).</summary>
    public static bool IsLocked(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>Letters without diacritics, digits and . _ - (what the sign-in form accepts).</summary>
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

    /// <summary>The Identity options of every DanVan host.</summary>
    public static void Configure(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Password.RequiredLength = PasswordMinLength;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireDigit = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = FailedSignInLockout;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = UserNameCharacters;
    }

    /// <summary>Why <paramref name="role"/> may not be held in <paramref name="scope"/> (null: a system-wide role), or null when it may.</summary>
    /// <param name="role">The role.</param>
    /// <param name="scopeUnitId">The scope asked for.</param>
    /// <param name="scope">The scope unit as found, or null when there is no such unit.</param>
    public static Refusal? CheckRoleScope(Role role, int? scopeUnitId, OrgUnit? scope)
    {
        if (!Enum.IsDefined(role)) return Refusal.Of("account.unknownRole", Where.AtField("role"), ("role", role.ToString()));
        if (role == Role.Administrator)
            return scopeUnitId is null ? null : new Refusal("account.adminNoScope", Where.AtField("scopeUnitId"));
        if (scopeUnitId is null) return new Refusal("account.scopeRequired", Where.AtField("scopeUnitId"));
        if (scope is null) return Refusal.Of("account.unknownUnit", Where.AtField("scopeUnitId"), ("unit", scopeUnitId));
        if (role == Role.Coordinator && scope.Kind is not (OrgUnitKind.Province or OrgUnitKind.District))
            return Refusal.Of("account.coordinatorScopeKind", Where.AtField("scopeUnitId"), ("unit", scope.Code));
        return null;
    }

    /// <summary>Identity's refusal of a user name or password as a refusal of ours (worded by our catalogues).</summary>
    public static Refusal FromIdentity(IdentityError error, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => Refusal.Of("account.passwordTooShort", Where.AtField("password"), ("min", PasswordMinLength)),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new Refusal("account.passwordRequiresDigit", Where.AtField("password")),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new Refusal("account.passwordRequiresUpper", Where.AtField("password")),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => new Refusal("account.passwordRequiresLower", Where.AtField("password")),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => new Refusal("account.passwordRequiresSymbol", Where.AtField("password")),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new Refusal("account.passwordTooSimple", Where.AtField("password")),
            nameof(IdentityErrorDescriber.PasswordMismatch) => new Refusal("account.passwordMismatch", Where.AtField("currentPassword")),
            nameof(IdentityErrorDescriber.DuplicateUserName) => Refusal.Of("account.userNameTaken", Where.AtField("userName"), ("userName", userName)),
            nameof(IdentityErrorDescriber.InvalidUserName) => Refusal.Of("account.userNameInvalid", Where.AtField("userName"), ("userName", userName)),
            _ => Refusal.Of("account.rejected", Where.Request, ("code", error.Code)),
        };
    }
}
