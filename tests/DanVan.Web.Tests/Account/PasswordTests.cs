using System.Net;
using DanVan.Data;

namespace DanVan.Web.Tests.Account;

public abstract class PasswordTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_lock_the_account_after_five_failed_sign_ins()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var client = TestClient.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            var login = await client.GetAsync("/Account/Login");
            var failed = await client.SubmitAsync(login, "form", new() { ["Data.UserName"] = "userA", ["Data.Password"] = "Sai@mat-khau1" });
            failed.AllText.ShouldContain(i < 4 ? "Tên đăng nhập hoặc mật khẩu không đúng." : "Tài khoản tạm bị khóa");
        }

        var again = await client.GetAsync("/Account/Login");
        var locked = await client.SubmitAsync(again, "form", new() { ["Data.UserName"] = "userA", ["Data.Password"] = TestWorld.Password });
        locked.Url.AbsolutePath.ShouldBe("/Account/Login");
        locked.AllText.ShouldContain("Tài khoản tạm bị khóa do đăng nhập sai nhiều lần");
    }

    [Fact]
    public async Task Should_change_the_password_and_refuse_a_wrong_current_one_next_to_the_field()
    {
        await TestWorld.SeedAsync(_app, openPeriod: false);
        var client = await TestClient.LoginAsync(_app, "userA");
        var form = await client.GetAsync("/Account/ChangePassword");

        var wrong = await client.SubmitAsync(form, "#change-password-form", new()
        {
            ["Data.CurrentPassword"] = "Khong@dung123", ["Data.NewPassword"] = "MatKhauMoi2026", ["Data.ConfirmPassword"] = "MatKhauMoi2026",
        });
        wrong.ErrorFor("Data.CurrentPassword").ShouldBe("Mật khẩu hiện tại không đúng.");

        var weak = await client.SubmitAsync(form, "#change-password-form", new()
        {
            ["Data.CurrentPassword"] = TestWorld.Password, ["Data.NewPassword"] = "ngan", ["Data.ConfirmPassword"] = "ngan",
        });
        weak.ErrorFor("Data.NewPassword").ShouldContain("ít nhất 10 ký tự");

        var done = await client.SubmitAsync(form, "#change-password-form", new()
        {
            ["Data.CurrentPassword"] = TestWorld.Password, ["Data.NewPassword"] = "MatKhauMoi2026", ["Data.ConfirmPassword"] = "MatKhauMoi2026",
        });
        done.Text("#notice").ShouldBe("Đã đổi mật khẩu.");

        var fresh = await TestClient.LoginAsync(_app, "userA", "MatKhauMoi2026");
        (await fresh.GetAsync("/")).Status.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection<SqliteWeb>]
public sealed class SqlitePasswordTests(SqliteWebApp app) : PasswordTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresPasswordTests(PostgresWebApp app) : PasswordTests(app);
