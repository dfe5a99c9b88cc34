using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Evaluations;
using DanVan.Evaluations.Reconsiderations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan periods reconsideration: a period's reconsideration window (phúc tra), its requests and re-publications.</summary>
public static class ReconsiderationCommand
{
    /// <summary>The "reconsideration" subcommand of "periods".</summary>
    public static Command Build(GlobalOptions globals)
    {
        var selector = new PeriodSelector();
        var days = new Option<int?>("--days") { Description = "Set the window: days after its publication a unit may contest its result (1–90)", HelpName = "days" };
        var none = new Option<bool>("--no-window") { Description = "Close reconsideration for the period" };
        var command = new Command("reconsideration", "A period's reconsideration (phúc tra): set the window, list the requests and the re-publications") { days, none };
        selector.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var found = await selector.ResolveAsync(db, context.Parse, actor, ct);
            if (context.Get(days) is not null || context.Get(none))
            {
                // The same rule as the page and the API: a decider of the period's scope sets the window.
                CliContext.Require(actor, EvaluationPermissions.RuleReconsideration, new DanVan.Accounts.Permissions.Target(found.ScopeUnit!.Path, found.ScopeUnit.Path));
                var period = await db.Periods.SingleAsync(p => p.Id == found.Id, ct);
                Reconsiderations.SetWindow(db, period, context.Get(none) ? null : context.Get(days), context.ActorName, DateTime.UtcNow);
                await db.SaveChangesAsync(ct);
                found = period;
            }

            await context.Out.WriteLineAsync($"Period #{found.Id} {found.Year} \"{found.Name}\": "
                + (found.ReconsiderationDays is { } d ? $"a unit may contest its result until {d} days after its publication" : "no reconsideration"));
            var requests = await db.Reconsiderations.AsNoTracking().Where(r => r.Assessment!.PeriodId == found.Id)
                .OrderBy(r => r.RequestedAt)
                .Select(r => new { r.Assessment!.Unit!.Code, r.Assessment.Unit.Name, r.RequestedAt, r.Status, Contested = r.Items.Count, Ruled = r.Items.Count(i => i.Decision != null), r.OldTotal, r.NewTotal, r.PublicationNumber })
                .ToListAsync(ct);
            foreach (var r in requests)
                await context.Out.WriteLineAsync($"  {r.Code} {r.Name}: sent {Format.Date(DateOnly.FromDateTime(r.RequestedAt))}, ruled {r.Ruled}/{r.Contested}, "
                    + (r.Status == ReconsiderationStatus.Published ? $"published again (#{r.PublicationNumber}): {Format.Points(r.OldTotal)} → {Format.Points(r.NewTotal)}" : "open"));
            foreach (var p in await db.ResultPublications.AsNoTracking().Where(p => p.PeriodId == found.Id).OrderBy(p => p.Number).ToListAsync(ct))
                await context.Out.WriteLineAsync($"  publication {p.Number} on {Format.Date(DateOnly.FromDateTime(p.PublishedAt))}: {p.Reason}; {p.Changes.Count} result(s) changed");
            return ExitCodes.Ok;
        });
        return command;
    }
}
