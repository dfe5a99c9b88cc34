using System.Globalization;
using System.Text;
using DanVan.Accounts;
using DanVan.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DanVan.Periods;

/// <summary>Why a user is told about an obligation.</summary>
public enum NoticeKind
{
    /// <summary>Returned for revision.</summary>
    Returned = 0,

    /// <summary>Past its deadline and still open.</summary>
    Overdue = 1,

    /// <summary>Due within the reminder window.</summary>
    DueSoon = 2,

    /// <summary>Accepted (or approved).</summary>
    Accepted = 3,
}

/// <summary>One in-app notification (and one line of a reminder e-mail).</summary>
public sealed record Notice(NoticeKind Kind, Obligation Obligation)
{
    /// <summary>The sentence shown, in Vietnamese.</summary>
    public string Text => Kind switch
    {
        NoticeKind.Returned => $"{What} của {Obligation.UnitName} bị trả lại: {Obligation.ReturnComment}",
        NoticeKind.Overdue => $"{What} của {Obligation.UnitName} đã quá hạn ({Day(Obligation.Deadline)}).",
        NoticeKind.DueSoon => $"{What} của {Obligation.UnitName} đến hạn ngày {Day(Obligation.Deadline)}.",
        _ => $"{What} của {Obligation.UnitName} đã được tiếp nhận.",
    };

    private string What => Obligation.Kind switch
    {
        ObligationKind.SelfAssessment => "Tự đánh giá ",
        ObligationKind.StatisticsForm => "Biểu mẫu ",
        _ => "",
    } + Obligation.Title;

    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>SMTP settings (section <c>Smtp</c>); no host: no e-mail is sent.</summary>
public sealed record SmtpSettings
{
    /// <summary>The server's host name; empty disables e-mail.</summary>
    public string? Host { get; init; }

    /// <summary>Its port.</summary>
    public int Port { get; init; } = 25;

    /// <summary>Sender address.</summary>
    public string From { get; init; } = "danvan@localhost";

    /// <summary>Account name, when the server wants one.</summary>
    public string? UserName { get; init; }

    /// <summary>Password of that account.</summary>
    public string? Password { get; init; }

    /// <summary>STARTTLS when the server offers it (none on a plain local relay).</summary>
    public bool UseStartTls { get; init; }
}

/// <summary>Notifications of what is due, returned or accepted, in the app and by e-mail.</summary>
public static class Reminders
{
    /// <summary>Default reminder window in days (setting <c>Reminders:DueWithinDays</c>).</summary>
    public const int DefaultDueWithinDays = 7;

    /// <summary>The notices of a board: returned first, then overdue, due soon, and accepted.</summary>
    public static IReadOnlyList<Notice> For(IEnumerable<Obligation> obligations, DateOnly today, int dueWithinDays = DefaultDueWithinDays)
    {
        var notices = new List<Notice>();
        foreach (var o in obligations)
        {
            if (o.State == ObligationState.Returned) notices.Add(new(NoticeKind.Returned, o));
            else if (o.IsOverdue(today)) notices.Add(new(NoticeKind.Overdue, o));
            else if (o.IsDueWithin(today, dueWithinDays)) notices.Add(new(NoticeKind.DueSoon, o));
            else if (o.State == ObligationState.Accepted && o.Deadline >= today.AddDays(-dueWithinDays)) notices.Add(new(NoticeKind.Accepted, o));
        }
        return [.. notices.OrderBy(n => n.Kind).ThenBy(n => n.Obligation.Deadline)];
    }

    /// <summary>One e-mail per user of a unit (unit user, unit head) with an address and something to be told, as subject and text.</summary>
    public static async Task<IReadOnlyList<(string To, string Name, string Subject, string Body)>> DigestsAsync(DanVanDbContext db, DateOnly today, int dueWithinDays, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Include(u => u.Roles)
            .Where(u => u.Email != null && u.Email != "" && u.Roles.Any(r => r.Role == Role.UnitUser || r.Role == Role.UnitHead)).ToListAsync(ct);
        var unitIds = users.SelectMany(u => u.Roles).Where(r => r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var mails = new List<(string, string, string, string)>();
        foreach (var user in users.OrderBy(u => u.UserName, StringComparer.Ordinal))
        {
            // A reminder speaks of the user's own units only, not of everything a coordinator role also lets them read.
            var unitRoles = user.Roles.Where(r => r.Role is Role.UnitUser or Role.UnitHead).ToList();
            var scope = new UserScope(user.Id, user.UserName ?? "", unitRoles, paths);
            var notices = For(await Obligations.InScopeAsync(db, scope, today, ct), today, dueWithinDays);
            if (notices.Count == 0) continue;
            var body = new StringBuilder().Append("Kính gửi ").Append(string.IsNullOrWhiteSpace(user.FullName) ? user.UserName : user.FullName).AppendLine(",").AppendLine();
            foreach (var n in notices) body.Append("- ").AppendLine(n.Text);
            body.AppendLine().AppendLine("Hệ thống DanVan (thư tự động, không trả lời thư này).");
            var subject = $"DanVan: {notices.Count} việc cần lưu ý ngày {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";
            mails.Add((user.Email!, user.FullName, subject, body.ToString()));
        }
        return mails;
    }

    /// <summary>Sends the digests through the SMTP server; returns how many were sent (0 when no server is configured).</summary>
    public static async Task<int> SendAsync(SmtpSettings smtp, IReadOnlyList<(string To, string Name, string Subject, string Body)> mails, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(mails);
        if (string.IsNullOrWhiteSpace(smtp.Host) || mails.Count == 0) return 0;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        foreach (var (to, name, subject, body) in mails)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.From));
            message.To.Add(new MailboxAddress(name, to));
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            await client.SendAsync(message, ct);
        }
        await client.DisconnectAsync(true, ct);
        return mails.Count;
    }
}
