using DanVan.Accounts;
using DanVan.OrgUnits;
using DanVan.Statistics;

namespace DanVan.Cli.Tests;

/// <summary>danvan reminders send, against a real SMTP server (aiosmtpd on 127.0.0.1).</summary>
public abstract class RemindersCommandTests(TestDatabase database) : CliTestBase(database)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static string SampleForm()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "forms"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "samples", "forms", "thanh-hoa-dvcq-phu-luc-2018.json"));
    }

    private async Task SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var at = new DateTime(2018, 12, 5, 2, 0, 0, DateTimeKind.Utc);
        await using var db = Db.NewContext();
        var p = new OrgUnit { Code = "T", Name = "Tỉnh Thanh Hóa", Kind = OrgUnitKind.Province };
        var d = new OrgUnit { Code = "H", Name = "UBND huyện Nga Sơn", ShortName = "huyện Nga Sơn", Kind = OrgUnitKind.District, Parent = p };
        var c = new OrgUnit { Code = "X", Name = "UBND xã Nga Thái", ShortName = "xã Nga Thái", Kind = OrgUnitKind.Commune, Parent = d };
        db.AddRange(p, d, c);
        await db.SaveChangesAsync(ct);
        AppUser User(string name, string? email, Role role, int unit)
        {
            var u = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = email, FullName = name == "canbo-xa" ? "Lê Thị Hà" : name };
            u.Roles.Add(new RoleAssignment { UserId = u.Id, Role = role, ScopeUnitId = unit });
            return u;
        }
        db.Users.AddRange(User("canbo-xa", "ha@ngathai.example", Role.UnitUser, c.Id), User("canbo-huyen", "vp@ngason.example", Role.UnitUser, d.Id),
            User("khong-thu", null, Role.UnitHead, c.Id), User("snv", "snv@thanhhoa.example", Role.Coordinator, p.Id));
        await db.SaveChangesAsync(ct);

        var form = await FormLibrary.ImportAsync(db, SampleForm(), null, "snv", at, ct);
        var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(form.Id, 2018, 1, d.Id, new DateOnly(2018, 11, 1)), "snv", at, ct);
        var r = (await FormFilling.LoadAsync(db, period.Id, c.Id, ct))!;
        var (values, _) = FormFilling.Read(FormFilling.FormOf(r), [KeyValuePair.Create("ntmScope", (string?)"1/1"), KeyValuePair.Create("ntmCommunes", (string?)"1"),
            KeyValuePair.Create("receptions", (string?)"3"), KeyValuePair.Create("receptionVisitors", (string?)"4"), KeyValuePair.Create("poorRate", (string?)"2,5")]);
        await FormFilling.SaveAsync(db, r, new FormChanges(values), "canbo-xa", at, Zone, null, ct);
        await FormFilling.ConfirmAsync(db, r, "khong-thu", at, null, ct);
        await FormFilling.SubmitAsync(db, r, "canbo-xa", at, Zone, null, ct);
        await FormFilling.ReturnAsync(db, r, "Số lượt tiếp dân chưa khớp sổ tiếp công dân", "snv", at, ct);
    }

    [Fact]
    public async Task Should_email_each_unit_user_what_is_returned_or_due_through_a_real_smtp_server()
    {
        await SeedAsync();
        using var smtp = await TestSmtp.StartAsync();

        var run = await RunOkAsync("reminders", "send", "--smtp-host", "127.0.0.1", "--smtp-port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--from", "danvan@thanhhoa.example", "--today", "2018-12-13", "--days", "7");

        run.Out.ShouldContain($"Sent 2 e-mail(s) through 127.0.0.1:{smtp.Port}.");
        var messages = smtp.Messages();
        messages.Select(m => m.To.Mailboxes.Single().Address).Order().ShouldBe(["ha@ngathai.example", "vp@ngason.example"]);
        var commune = messages.Single(m => m.To.Mailboxes.Single().Address == "ha@ngathai.example");
        commune.Subject.ShouldBe("DanVan: 1 việc cần lưu ý ngày 13/12/2018");
        commune.TextBody!.ShouldContain("Kính gửi Lê Thị Hà,");
        commune.TextBody!.ShouldContain("của xã Nga Thái bị trả lại: Số lượt tiếp dân chưa khớp sổ tiếp công dân");
        var district = messages.Single(m => m.To.Mailboxes.Single().Address == "vp@ngason.example");
        district.TextBody!.ShouldContain("của huyện Nga Sơn đến hạn ngày 19/12/2018.");
        district.TextBody!.ShouldNotContain("xã Nga Thái"); // a unit's users hear of their own unit only
    }

    [Fact]
    public async Task Should_print_the_emails_instead_when_no_server_is_given()
    {
        await SeedAsync();
        var run = await RunOkAsync("reminders", "send", "--today", "2018-12-20");
        run.Out.ShouldContain("đã quá hạn (19/12/2018)");
        run.Out.ShouldContain("2 e-mail(s) prepared; no SMTP server given, none sent.");
    }
}

[Collection<SqliteCli>]
public sealed class SqliteRemindersCommandTests(SqliteDatabase database) : RemindersCommandTests(database);

[Collection<PostgresCli>]
public sealed class PostgresRemindersCommandTests(PostgresDatabase database) : RemindersCommandTests(database);
