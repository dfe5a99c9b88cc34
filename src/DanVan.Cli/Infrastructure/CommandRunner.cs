using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Infrastructure;

/// <summary>Wires a command's body to its action: refused input → exit 1 with every problem; other failures → exit 3.</summary>
public static class CommandRunner
{
    /// <summary>Sets the command's action.</summary>
    public static void SetBody(this Command command, GlobalOptions globals, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var context = new CliContext(parse, globals);
            try
            {
                return await body(context, ct);
            }
            catch (DanVan.Refusals.RefusedException ex)
            {
                context.WriteRefusals(ex.Refusals);
                return ExitCodes.Refused;
            }
            catch (OperationCanceledException)
            {
                await context.Err.WriteLineAsync("Cancelled; nothing was changed.");
                return ExitCodes.Failed;
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                await context.Err.WriteLineAsync($"error: {Describe(ex)}");
                return ExitCodes.Failed;
            }
        });

    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
            if (!messages.Contains(e.Message)) messages.Add(e.Message);
        return string.Join(" → ", messages);
    }
}
