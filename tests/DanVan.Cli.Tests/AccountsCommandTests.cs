using DanVan.Accounts;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests;

/// <summary>danvan accounts create|list|reset-password|assign|revoke|lock|unlock, each audited as "cli".</summary>
public abstract class AccountsCommandTests(TestDatabase database) : CliTestBase(database)
{
    private const string Password = "KhoiDau@2026";

    // Refusals are read in Vietnamese, whatever the machine's LANG says.
    private Task<CliRun> RunViAsync(params string[] args) => RunAsync(["--lang", "vi", .. args]);

    private async Task ImportUnitsAsync() => await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));

    [Fact]
    public async Task Should_create_list_and_administer_accounts_with_an_audit_line_per_change()
    {
        await ImportUnitsAsync();
        (await RunOkAsync("accounts", "create", "quantri", "--full-name", "Quản trị viên", "--role", "administrator", "--password", Password))
            .Out.ShouldContain("Created account quantri (administrator).");
        (await RunOkAsync("accounts", "create", "tonghop", "--full-name", "Cán bộ tổng hợp", "--role", "coordinator", "--scope", "P", "--password", Password))
            .Out.ShouldContain("Created account tonghop (coordinator in P).");
        (await RunOkAsync("accounts", "assign", "tonghop", "--role", "viewer", "--scope", "D1")).Out.ShouldContain("tonghop now holds viewer in D1.");

        var list = await RunOkAsync("accounts", "list");
        list.Out.ShouldContain("quantri");
        list.Out.ShouldContain("coordinator @ P; viewer @ D1");
        list.Out.ShouldContain("2 accounts.");

        await RunOkAsync("accounts", "revoke", "tonghop", "--role", "viewer", "--scope", "D1");
        await RunOkAsync("accounts", "lock", "tonghop");
        (await RunOkAsync("accounts", "list")).Out.ShouldContain("until unlocked");
        await RunOkAsync("accounts", "unlock", "tonghop");
        (await RunOkAsync("accounts", "reset-password", "tonghop", "--password", "MatKhauMoi2026")).Out.ShouldContain("Password of tonghop reset.");

        await using var db = Db.NewContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.UserName == "tonghop");
        user.Roles.Select(r => r.Role).ShouldBe([Role.Coordinator]);
        user.LockoutEnd.ShouldBeNull();
        var users = AccountAdmin.UsersFor(db);
        (await users.CheckPasswordAsync(user, "MatKhauMoi2026")).ShouldBeTrue();
        var trail = await db.Audit.Where(a => a.SubjectType == "AppUser" && a.SubjectId == user.Id).OrderBy(a => a.Id).ToListAsync();
        trail.Select(a => a.Action).ShouldBe(["account.create", "account.role-add", "account.role-remove", "account.lock", "account.unlock", "account.reset-password"]);
        trail.ShouldAllBe(a => a.User == "cli");
    }

    [Fact]
    public async Task Should_refuse_a_weak_password_a_taken_name_and_a_role_outside_its_scope_and_store_nothing()
    {
        await ImportUnitsAsync();
        var weak = await RunViAsync("accounts", "create", "canbo", "--full-name", "Cán bộ", "--role", "unit-user", "--scope", "A1", "--password", "ngan");
        weak.Exit.ShouldBe(ExitCodes.Refused);
        weak.Err.ShouldContain("Mật khẩu phải có ít nhất 10 ký tự.");

        var coordinatorOfCommune = await RunViAsync("accounts", "create", "xa", "--full-name", "Cán bộ xã", "--role", "coordinator", "--scope", "C1", "--password", Password);
        coordinatorOfCommune.Exit.ShouldBe(ExitCodes.Refused);
        coordinatorOfCommune.Err.ShouldContain("Cán bộ tổng hợp chỉ được phân cho tỉnh hoặc cấp huyện");

        var noScope = await RunViAsync("accounts", "create", "xa", "--full-name", "Cán bộ xã", "--role", "viewer", "--scope", "ZZ", "--password", Password);
        noScope.Exit.ShouldBe(ExitCodes.Refused);
        noScope.Err.ShouldContain("Đơn vị ZZ không tồn tại.");

        await RunOkAsync("accounts", "create", "canbo", "--full-name", "Cán bộ", "--role", "unit-user", "--scope", "A1", "--password", Password);
        var taken = await RunViAsync("accounts", "create", "canbo", "--full-name", "Người khác", "--role", "viewer", "--scope", "P", "--password", Password);
        taken.Exit.ShouldBe(ExitCodes.Refused);
        taken.Err.ShouldContain("\"canbo\" đã được sử dụng");

        var last = await RunViAsync("accounts", "lock", "khongco");
        last.Exit.ShouldBe(ExitCodes.Refused);

        await using var db = Db.NewContext();
        (await db.Users.CountAsync()).ShouldBe(1);
        (await db.Audit.CountAsync(a => a.SubjectType == "AppUser")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_the_last_system_administrator()
    {
        await RunOkAsync("accounts", "create", "quantri", "--full-name", "Quản trị viên", "--role", "administrator", "--password", Password);
        var run = await RunViAsync("accounts", "revoke", "quantri", "--role", "administrator");
        run.Exit.ShouldBe(ExitCodes.Refused);
        run.Err.ShouldContain("quản trị cuối cùng");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteAccountsCommandTests(SqliteDatabase database) : AccountsCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresAccountsCommandTests(PostgresDatabase database) : AccountsCommandTests(database);
