using System.CommandLine;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Accounts;

/// <summary>danvan accounts create|list|reset-password|assign|revoke|lock|unlock: local accounts, so that a database built with the CLI can be signed into.</summary>
/// <remarks>Every change goes through <see cref="AccountAdmin"/>, the pages' own core, and is audited as the account the command acts as
/// (--as; "cli", the server's operator, without it). Every command asks accounts.admin, except the creation of the first system
/// administrator (no account holds that role yet): the bootstrap of a new database.</remarks>
public static class AccountsCommands
{
    /// <summary>The user name the audit trail records for the server's operator (a command run without --as).</summary>
    public const string Actor = CliContext.OperatorName;

    /// <summary>The variable a password may be read from instead of the command line (which other users may see).</summary>
    public const string PasswordVariable = "DANVAN_PASSWORD";

    private static readonly Dictionary<string, Role> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["administrator"] = Role.Administrator,
        ["coordinator"] = Role.Coordinator,
        ["unit-user"] = Role.UnitUser,
        ["unit-head"] = Role.UnitHead,
        ["inspector"] = Role.Inspector,
        ["viewer"] = Role.Viewer,
        ["registry-clerk"] = Role.RegistryClerk,
    };

    /// <summary>The "accounts" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var accounts = new Command("accounts", "Local accounts (tài khoản): create, list, reset a password, assign or revoke a role within a scope, lock, unlock");
        accounts.Subcommands.Add(Create(globals));
        accounts.Subcommands.Add(List(globals));
        accounts.Subcommands.Add(ResetPassword(globals));
        accounts.Subcommands.Add(Assign(globals));
        accounts.Subcommands.Add(Revoke(globals));
        accounts.Subcommands.Add(Lock(globals, true));
        accounts.Subcommands.Add(Lock(globals, false));
        return accounts;
    }

    private static Argument<string> UserName() => new("user") { Description = "User name (letters without diacritics, digits, . _ -)" };

    private static Option<string?> Password() => new("--password")
    {
        Description = $"The password ({AccountRules.PasswordMinLength}+ characters with upper- and lower-case letters and a digit); "
            + $"without it, read from the variable {PasswordVariable} or one line of standard input",
        HelpName = "text",
    };

    private static Option<string> RoleOption()
    {
        var role = new Option<string>("--role") { Description = "Role: " + string.Join(", ", Roles.Keys), Required = true, HelpName = "role" };
        role.AcceptOnlyFromAmong([.. Roles.Keys]);
        return role;
    }

    private static Option<string?> ScopeOption() => new("--scope")
    {
        Description = "Code of the scope unit (every role but administrator needs one), e.g. T01",
        HelpName = "unit code",
    };

    private static Command Create(GlobalOptions globals)
    {
        var user = UserName();
        var fullName = new Option<string>("--full-name") { Description = "Full name, as the audit trail shows it", Required = true, HelpName = "text" };
        var password = Password();
        var role = RoleOption();
        var scope = ScopeOption();
        var command = new Command("create", "Create an account with its first role within a scope") { user, fullName, password, role, scope };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            // Bootstrap: the first system administrator of a new database is created unchecked.
            var bootstrap = Roles[context.Get(role)!] == Role.Administrator
                && !await db.RoleAssignments.AnyAsync(r => r.Role == Role.Administrator && r.ScopeUnitId == null, ct);
            if (!bootstrap) CliContext.Require(actor, AccountPermissions.Admin, Target.None);
            var scopeId = await ScopeIdAsync(db, context.Get(scope), ct);
            var admin = Admin(db);
            var created = await admin.CreateAsync(context.Get(user)!, context.Get(fullName)!, ReadPassword(context.Get(password)),
                Roles[context.Get(role)!], scopeId, actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"Created account {created.UserName} ({context.Get(role)}{(context.Get(scope) is { } s ? " in " + s : "")}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List accounts: user name, full name, roles within scopes, lock");
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            CliContext.Require(await context.ActorAsync(db, ct), AccountPermissions.Admin, Target.None);
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
            var table = new TextTable("User", "Full name", "Roles", "Locked until");
            var now = DateTimeOffset.UtcNow;
            var accounts = await Admin(db).ListAsync(ct);
            foreach (var a in accounts)
            {
                var roles = string.Join("; ", a.Roles.Select(r => RoleName(r.Role) + (r.ScopeUnitId is { } id ? " @ " + units.GetValueOrDefault(id, id.ToString(Format.Vi)) : "")));
                var locked = a.LockedUntil is { } end && end > now
                    ? end >= AccountAdmin.LockedIndefinitely ? "until unlocked" : end.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Format.Vi)
                    : "";
                table.Add(a.UserName, a.FullName, roles, locked);
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{accounts.Count} accounts.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ResetPassword(GlobalOptions globals)
    {
        var user = UserName();
        var password = Password();
        var command = new Command("reset-password", "Set a new password; the account is unlocked, its sessions end and its API tokens are revoked") { user, password };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, AccountPermissions.Admin, Target.None);
            var admin = Admin(db);
            var account = await admin.FindAsync(context.Get(user)!, ct);
            await admin.ResetPasswordAsync(account, ReadPassword(context.Get(password)), actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"Password of {account.UserName} reset.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Assign(GlobalOptions globals)
    {
        var user = UserName();
        var role = RoleOption();
        var scope = ScopeOption();
        var command = new Command("assign", "Give the account a role within a scope") { user, role, scope };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, AccountPermissions.Admin, Target.None);
            var admin = Admin(db);
            var account = await admin.FindAsync(context.Get(user)!, ct);
            await admin.AssignRoleAsync(account, Roles[context.Get(role)!], await ScopeIdAsync(db, context.Get(scope), ct), actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"{account.UserName} now holds {context.Get(role)}{(context.Get(scope) is { } s ? " in " + s : "")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals)
    {
        var user = UserName();
        var role = RoleOption();
        var scope = ScopeOption();
        var command = new Command("revoke", "Take a role within a scope away from the account (the last system administrator keeps it)") { user, role, scope };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, AccountPermissions.Admin, Target.None);
            var admin = Admin(db);
            var account = await admin.FindAsync(context.Get(user)!, ct);
            var held = await admin.FindRoleAsync(account, Roles[context.Get(role)!], await ScopeIdAsync(db, context.Get(scope), ct), ct);
            await admin.RevokeRoleAsync(account, held.Id, actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"{account.UserName} no longer holds {context.Get(role)}{(context.Get(scope) is { } s ? " in " + s : "")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Lock(GlobalOptions globals, bool locking)
    {
        var user = UserName();
        var command = locking
            ? new Command("lock", "Lock the account until unlocked: sign-in is refused, its sessions end, its API tokens stop working") { user }
            : new Command("unlock", "Unlock the account (after a lock or repeated failed sign-ins)") { user };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, AccountPermissions.Admin, Target.None);
            var admin = Admin(db);
            var account = await admin.FindAsync(context.Get(user)!, ct);
            if (locking) await admin.LockAsync(account, actor.UserName, DateTime.UtcNow, ct);
            else await admin.UnlockAsync(account, actor.UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"{account.UserName} {(locking ? "locked" : "unlocked")}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static AccountAdmin Admin(DanVanDbContext db) => new(db, AccountAdmin.UsersFor(db));

    private static string RoleName(Role role) => Roles.First(r => r.Value == role).Key;

    private static async Task<int?> ScopeIdAsync(DanVanDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var trimmed = code.Trim();
        return await db.Units.AsNoTracking().Where(u => u.Code == trimmed).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw new RefusedException("account.unknownUnit", Where.AtField("scopeUnitId"), ("unit", trimmed));
    }

    private static string ReadPassword(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return given;
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return Console.In.ReadLine() ?? "";
    }
}
