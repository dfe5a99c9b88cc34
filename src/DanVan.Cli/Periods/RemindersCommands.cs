using System.CommandLine;
using System.Globalization;
using DanVan.Cli.Infrastructure;
using DanVan.Periods;

namespace DanVan.Cli.Periods;

/// <summary>danvan reminders send: e-mail each unit's users what is returned, overdue or due soon (run daily from cron).</summary>
/// <remarks>A scheduled command rather than a timer in the web host: with several web servers each would send its own copy.</remarks>
public static class RemindersCommands
{
    /// <summary>The "reminders" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var days = new Option<int>("--days") { Description = "Remind of deadlines within this many days", HelpName = "N", DefaultValueFactory = _ => Reminders.DefaultDueWithinDays };
        var host = new Option<string?>("--smtp-host") { Description = "SMTP server (default DANVAN_SMTP_HOST); none: print the e-mails instead of sending", HelpName = "host" };
        var port = new Option<int?>("--smtp-port") { Description = "SMTP port (default DANVAN_SMTP_PORT, else 25)", HelpName = "port" };
        var from = new Option<string?>("--from") { Description = "Sender address (default DANVAN_SMTP_FROM)", HelpName = "address" };
        var today = new Option<DateOnly?>("--today") { Description = "The day to remind for (default today in the province's time zone)", HelpName = "yyyy-mm-dd" };
        var send = new Command("send", "E-mail every unit user and unit head with an address the obligations returned, overdue or due within --days")
        {
            days, host, port, from, today,
        };
        send.SetBody(globals, async (context, ct) =>
        {
            var smtp = new SmtpSettings
            {
                Host = context.Get(host) ?? Environment.GetEnvironmentVariable("DANVAN_SMTP_HOST"),
                Port = context.Get(port) ?? (int.TryParse(Environment.GetEnvironmentVariable("DANVAN_SMTP_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 25),
                From = context.Get(from) ?? Environment.GetEnvironmentVariable("DANVAN_SMTP_FROM") ?? "danvan@localhost",
            };
            var day = context.Get(today) ?? ProvinceClock.System.Today;
            await using var db = await context.OpenDatabaseAsync(ct);
            // It e-mails every unit: a server task of the system administrator (no permission action names it).
            CliContext.RequireAdministrator(await context.ActorAsync(db, ct));
            var mails = await Reminders.DigestsAsync(db, day, context.Get(days), ct);
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                foreach (var (to, _, subject, body) in mails)
                    await context.Out.WriteLineAsync($"To: {to}\nSubject: {subject}\n\n{body}");
                await context.Out.WriteLineAsync($"{mails.Count} e-mail(s) prepared; no SMTP server given, none sent.");
                return ExitCodes.Ok;
            }
            var sent = await Reminders.SendAsync(smtp, mails, ct);
            await context.Out.WriteLineAsync($"Sent {sent} e-mail(s) through {smtp.Host}:{smtp.Port}.");
            return ExitCodes.Ok;
        });
        var group = new Command("reminders", "Reminders (nhắc việc): what each unit owes, by e-mail");
        group.Subcommands.Add(send);
        return group;
    }
}
