using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DanVan.Accounts;

/// <summary>An account as listed.</summary>
/// <param name="Id">Account id.</param>
/// <param name="UserName">User name.</param>
/// <param name="FullName">Full name.</param>
/// <param name="LockedUntil">When a lock ends (UTC), if locked.</param>
/// <param name="Roles">Roles within scope units.</param>
public sealed record AccountSummary(string Id, string UserName, string FullName, DateTimeOffset? LockedUntil, IReadOnlyList<RoleAssignment> Roles);

/// <summary>
/// Administration of local accounts for every surface (pages, CLI): create, reset or change a password, assign and
/// revoke roles, lock and unlock. Each change and its audit line are one transaction, although Identity's
/// <see cref="UserManager{TUser}"/> saves on its own: it works on the same <see cref="DanVanDbContext"/>, so its saves
/// join the transaction begun here.
/// </summary>
/// <remarks>A password change or reset, and a lock, end the user's other sessions (the security stamp changes) and revoke the user's API tokens.</remarks>
public sealed class AccountAdmin(DanVanDbContext db, UserManager<AppUser> users)
{
    /// <summary>Lock end that means "until unlocked" (a whole second, which both databases store exactly).</summary>
    public static readonly DateTimeOffset LockedIndefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A user manager on <paramref name="db"/> with DanVan's rules, for hosts without dependency injection (CLI, tests).</summary>
    public static UserManager<AppUser> UsersFor(DanVanDbContext db)
    {
        var options = new IdentityOptions();
        AccountRules.Configure(options);
        return new UserManager<AppUser>(
            new UserStore<AppUser, IdentityRole, DanVanDbContext>(db),
            Options.Create(options),
            new PasswordHasher<AppUser>(),
            [new UserValidator<AppUser>()],
            [new PasswordValidator<AppUser>()],
            new UpperInvariantLookupNormalizer(),
            new IdentityErrorDescriber(),
            null!,
            NullLogger<UserManager<AppUser>>.Instance);
    }

    /// <summary>Every account with its roles, by user name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(ct);
        return accounts.Select(u => new AccountSummary(u.Id, u.UserName ?? "", u.FullName, u.LockoutEnd, u.Roles.OrderBy(r => r.Role).ToList())).ToList();
    }

    /// <summary>The account named <paramref name="userName"/>, or a refusal.</summary>
    public async Task<AppUser> FindAsync(string userName, CancellationToken ct = default) =>
        await users.FindByNameAsync(userName.Trim())
        ?? throw new RefusedException("account.notFound", Where.AtField("userName"), ("userName", userName));

    /// <summary>Creates an account with its first role within a scope.</summary>
    /// <exception cref="RefusedException">A rule refuses it; nothing is stored.</exception>
    public async Task<AppUser> CreateAsync(string userName, string fullName, string password, Role role, int? scopeUnitId, string actor, DateTime at, CancellationToken ct = default)
    {
        var name = (userName ?? "").Trim();
        var full = (fullName ?? "").Trim().Normalize();
        var refusals = new List<Refusal>();
        if (name.Length == 0) refusals.Add(Refusal.Of("request.required", Where.AtField("userName"), ("field", "userName")));
        else if (name.Length > AccountRules.UserNameMaxLength) refusals.Add(Refusal.Of("request.tooLong", Where.AtField("userName"), ("field", "userName"), ("max", AccountRules.UserNameMaxLength)));
        if (full.Length == 0) refusals.Add(Refusal.Of("request.required", Where.AtField("fullName"), ("field", "fullName")));
        else if (full.Length > AccountRules.FullNameMaxLength) refusals.Add(Refusal.Of("request.tooLong", Where.AtField("fullName"), ("field", "fullName"), ("max", AccountRules.FullNameMaxLength)));
        if (await RoleRefusalAsync(role, scopeUnitId, ct) is { } scope) refusals.Add(scope);
        if (refusals.Count > 0) throw new RefusedException(refusals);

        var user = new AppUser { UserName = name, FullName = full, LockoutEnabled = true };
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        var result = await users.CreateAsync(user, password ?? "");
        if (!result.Succeeded) throw new RefusedException(result.Errors.Select(e => AccountRules.FromIdentity(e, name)).ToList());
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = scopeUnitId });
        AuditTrail.Record(db, new AuditLine(actor, at, "account.create", AuditSubject.Account(user)) { New = $"{user.UserName}; {Describe(role, scopeUnitId)}" });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>An administrator sets a new password: the account is unlocked, its sessions end and its API tokens are revoked.</summary>
    /// <exception cref="RefusedException">The password does not meet the policy; nothing is changed.</exception>
    public async Task ResetPasswordAsync(AppUser user, string newPassword, string actor, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, newPassword ?? "");
            errors.AddRange(checkedPassword.Errors);
        }
        if (errors.Count > 0) throw new RefusedException(errors.Select(e => AccountRules.FromIdentity(e, user.UserName)).ToList());

        await using var tx = await db.BeginOwnTransactionAsync(ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword!);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // A new stamp ends every session of the account; it also stores the new hash (one save of the user).
        Check(await users.UpdateSecurityStampAsync(user), user);
        var revoked = await ApiTokens.RevokeAllAsync(db, user.Id, at, ct);
        AuditTrail.Record(db, new AuditLine(actor, at, "account.reset-password", AuditSubject.Account(user)) { New = RevokedNote(revoked) });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>The user changes their own password: their other sessions end and their API tokens are revoked.</summary>
    /// <exception cref="RefusedException">The current password is wrong or the new one does not meet the policy; nothing is changed.</exception>
    public async Task ChangePasswordAsync(AppUser user, string currentPassword, string newPassword, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        Check(await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? ""), user);
        var revoked = await ApiTokens.RevokeAllAsync(db, user.Id, at, ct);
        AuditTrail.Record(db, new AuditLine(user.UserName ?? user.Id, at, "account.change-password", AuditSubject.Account(user)) { New = RevokedNote(revoked) });
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Adds a role within a scope.</summary>
    /// <exception cref="RefusedException">The role may not be held there, or is already held.</exception>
    public async Task<RoleAssignment> AssignRoleAsync(AppUser user, Role role, int? scopeUnitId, string actor, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await RoleRefusalAsync(role, scopeUnitId, ct) is { } refusal) throw new RefusedException(refusal);
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == role && r.ScopeUnitId == scopeUnitId, ct))
            throw new RefusedException("account.roleAlreadyHeld", Where.AtField("role"), ("role", role.ToString()));
        var assignment = new RoleAssignment { UserId = user.Id, Role = role, ScopeUnitId = scopeUnitId };
        db.RoleAssignments.Add(assignment);
        AuditTrail.Record(db, new AuditLine(actor, at, "account.role-add", AuditSubject.Account(user)) { New = Describe(role, scopeUnitId) });
        await db.SaveChangesAsync(ct);
        return assignment;
    }

    /// <summary>Removes one of the user's role assignments; the last system administrator keeps the role.</summary>
    /// <exception cref="RefusedException">No such assignment, or it is the last system administrator's.</exception>
    public async Task RevokeRoleAsync(AppUser user, int assignmentId, string actor, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(r => r.Id == assignmentId && r.UserId == user.Id, ct)
            ?? throw new RefusedException("account.roleNotHeld", Where.AtField("role"));
        if (assignment.Role == Role.Administrator && assignment.ScopeUnitId is null
            && await db.RoleAssignments.CountAsync(r => r.Role == Role.Administrator && r.ScopeUnitId == null, ct) == 1)
            throw new RefusedException("account.lastAdministrator", Where.AtField("role"));
        db.RoleAssignments.Remove(assignment);
        AuditTrail.Record(db, new AuditLine(actor, at, "account.role-remove", AuditSubject.Account(user)) { Old = Describe(assignment.Role, assignment.ScopeUnitId) });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The assignment of <paramref name="role"/> in <paramref name="scopeUnitId"/>, or a refusal.</summary>
    public async Task<RoleAssignment> FindRoleAsync(AppUser user, Role role, int? scopeUnitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await db.RoleAssignments.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == user.Id && r.Role == role && r.ScopeUnitId == scopeUnitId, ct)
            ?? throw new RefusedException("account.roleNotHeld", Where.AtField("role"), ("role", role.ToString()));
    }

    /// <summary>Locks the account until unlocked: sign-in is refused, its sessions end, its tokens stop working.</summary>
    public async Task LockAsync(AppUser user, string actor, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true), user);
        Check(await users.SetLockoutEndDateAsync(user, LockedIndefinitely), user);
        Check(await users.UpdateSecurityStampAsync(user), user);
        AuditTrail.Record(db, new AuditLine(actor, at, "account.lock", AuditSubject.Account(user)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Unlocks an account locked by an administrator or after repeated failed sign-ins.</summary>
    public async Task UnlockAsync(AppUser user, string actor, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null), user);
        Check(await users.ResetAccessFailedCountAsync(user), user);
        AuditTrail.Record(db, new AuditLine(actor, at, "account.unlock", AuditSubject.Account(user)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    private async Task<Refusal?> RoleRefusalAsync(Role role, int? scopeUnitId, CancellationToken ct)
    {
        var unit = scopeUnitId is { } id ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        return AccountRules.CheckRoleScope(role, scopeUnitId, unit);
    }

    private static void Check(IdentityResult result, AppUser user)
    {
        if (!result.Succeeded) throw new RefusedException(result.Errors.Select(e => AccountRules.FromIdentity(e, user.UserName)).ToList());
    }

    private static string? RevokedNote(int revoked) => revoked == 0 ? null : $"{revoked} token thu hồi";

    /// <summary>A role within a scope as the trail writes it, e.g. "Coordinator @ 12".</summary>
    public static string Describe(Role role, int? unitId) => $"{role} @ {unitId?.ToString(CultureInfo.InvariantCulture) ?? "*"}";
}
