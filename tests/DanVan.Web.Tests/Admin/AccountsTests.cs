using System.Net;
using DanVan.Accounts;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Admin;

public abstract class AccountsTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_create_an_account_with_a_scoped_role_that_can_sign_in()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Accounts/Create");

        var created = await admin.SubmitAsync(form, "#create-account-form", new()
        {
            ["Data.UserName"] = "canbo.sotp", ["Data.FullName"] = "Nguyễn Thị Hoà", ["Data.Password"] = "KhoiDau@2026",
            ["Data.Role"] = nameof(Role.UnitUser), ["Data.ScopeUnitId"] = w.AgencyB.ToString(),
        });
        created.Text("#notice").ShouldBe("Đã tạo tài khoản \"canbo.sotp\".");
        created.Text("tr[data-user='canbo.sotp']").ShouldContain("Cán bộ đơn vị — Sở Tư pháp");

        await using (var db = _app.NewDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "canbo.sotp");
            var role = await db.RoleAssignments.SingleAsync(r => r.UserId == user.Id);
            (role.Role, role.ScopeUnitId).ShouldBe((Role.UnitUser, (int?)w.AgencyB));
            (await db.Audit.AnyAsync(a => a.Action == "account.create" && a.SubjectType == "AppUser" && a.SubjectId == user.Id)).ShouldBeTrue();
        }

        var newUser = await TestClient.LoginAsync(_app, "canbo.sotp", "KhoiDau@2026");
        (await newUser.GetAsync("/")).Text("#my-roles").ShouldContain("Cán bộ đơn vị — Sở Tư pháp");
    }

    [Fact]
    public async Task Should_refuse_a_role_without_scope_and_a_coordinator_of_an_agency_next_to_the_field()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        var admin = await TestClient.LoginAsync(_app, "admin");
        var form = await admin.GetAsync("/Admin/Accounts/Create");

        var noScope = await admin.SubmitAsync(form, "#create-account-form", new()
        {
            ["Data.UserName"] = "x1", ["Data.FullName"] = "X", ["Data.Password"] = "KhoiDau@2026", ["Data.Role"] = nameof(Role.Viewer), ["Data.ScopeUnitId"] = "",
        });
        noScope.ErrorFor("Data.ScopeUnitId").ShouldBe("Vai trò này cần chọn đơn vị làm phạm vi.");

        var agencyCoordinator = await admin.SubmitAsync(form, "#create-account-form", new()
        {
            ["Data.UserName"] = "x2", ["Data.FullName"] = "X", ["Data.Password"] = "KhoiDau@2026", ["Data.Role"] = nameof(Role.Coordinator), ["Data.ScopeUnitId"] = w.AgencyA.ToString(),
        });
        agencyCoordinator.ErrorFor("Data.ScopeUnitId").ShouldBe("Cán bộ tổng hợp chỉ được phân cho tỉnh hoặc cấp huyện.");

        var weak = await admin.SubmitAsync(form, "#create-account-form", new()
        {
            ["Data.UserName"] = "x3", ["Data.FullName"] = "X", ["Data.Password"] = "abc", ["Data.Role"] = nameof(Role.Viewer), ["Data.ScopeUnitId"] = w.Province.ToString(),
        });
        weak.ErrorFor("Data.Password").ShouldContain("ít nhất 10 ký tự");

        await using var db = _app.NewDbContext();
        (await db.Users.CountAsync(u => u.UserName!.StartsWith("x3") || u.UserName == "x1" || u.UserName == "x2")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_reset_a_password_and_unlock_the_account()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var anonymous = TestClient.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            var login = await anonymous.GetAsync("/Account/Login");
            await anonymous.SubmitAsync(login, "form", new() { ["Data.UserName"] = "viewer", ["Data.Password"] = "Sai@mat-khau1" });
        }

        var admin = await TestClient.LoginAsync(_app, "admin");
        string id;
        await using (var db = _app.NewDbContext()) id = (await db.Users.SingleAsync(u => u.UserName == "viewer")).Id;
        (await admin.GetAsync($"/Admin/Accounts/Edit/{id}")).Text("#account-state").ShouldContain("Đang bị khóa");

        var reset = await admin.GetAsync($"/Admin/Accounts/ResetPassword/{id}");
        var done = await admin.SubmitAsync(reset, "#reset-password-form", new() { ["Data.NewPassword"] = "DatLai@2026x" });
        done.Text("#notice").ShouldBe("Đã đặt lại mật khẩu cho tài khoản \"viewer\".");
        var viewer = await TestClient.LoginAsync(_app, "viewer", "DatLai@2026x");
        (await viewer.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_administrator_pages_to_a_coordinator()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        (await coordinator.GetAsync("/Admin/Accounts")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/Admin/Accounts/Create")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteAccountsTests(SqliteWebApp app) : AccountsTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresAccountsTests(PostgresWebApp app) : AccountsTests(app);
