using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Evaluations;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan scores import|template: score files, one row per unit × criterion × layer.</summary>
public static class ScoresCommands
{
    /// <summary>The "scores" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var scores = new Command("scores", "Scores (điểm): bulk import from .csv/.xlsx, and templates to fill");
        scores.Subcommands.Add(Import(globals));
        scores.Subcommands.Add(Template(globals));
        return scores;
    }

    private static Command Import(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "Score file: .csv or .xlsx with columns " + string.Join(", ", ScoreList.Columns) };
        Format.TableFileOnly(file);
        var period = new PeriodSelector();
        var submit = new Option<bool>("--submit")
        {
            Description = "Confirm and submit the self-assessment (tự đánh giá) of every unit with self rows, so that it counts as evaluated",
        };
        var approve = new Option<bool>("--approve")
        {
            Description = "Also approve (phê duyệt) every unit with appraisal or inspection rows: its final score and class are computed and published. Implies --submit",
        };
        var submittedOn = Format.DateOption("--submitted-on",
            "Date the submissions were made, which decides lateness (default: today, or the deadline once it has passed)");
        var reason = new Option<string?>("--reason")
        {
            Description = "Reason recorded for appraisal/inspection rows with an empty note, e.g. \"Theo Quyết định số 123/QĐ-UBND\"",
            HelpName = "text",
        };
        var command = new Command("import", "Store scores from a file; every row is checked first and a refused file changes nothing")
        {
            file, submit, approve, submittedOn, reason,
        };
        period.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            var limits = TableLimits.With(Environment.GetEnvironmentVariable(TableLimits.MaxRowsVariable));
            var rows = ScoreList.ReadFile(path, limits);
            await using var db = await context.OpenDatabaseAsync(ct);
            var p = await period.ResolveAsync(db, context.Parse, ct);
            var options = new ScoreImportOptions
            {
                Submit = context.Get(submit),
                Approve = context.Get(approve),
                SubmittedAt = context.Get(submittedOn) is { } day ? day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) : null,
                Reason = context.Get(reason),
                User = "cli",
                Limits = limits,
            };
            var summary = await context.WithProgressAsync($"Importing {rows.Count} rows into period {p.Year} \"{p.Name}\"...",
                _ => ScoreList.ImportAsync(db, p.Id, rows, Path.GetFileName(path), options, ct));
            await context.Out.WriteLineAsync($"Imported {Path.GetFileName(path)} into period #{p.Id} {p.Year}: {Format.Count(summary.Rows)} rows for "
                + $"{Format.Count(summary.Assessments)} units, {Format.Count(summary.EntriesChanged)} entries changed"
                + (summary.BlankRowsSkipped > 0 ? $", {Format.Count(summary.BlankRowsSkipped)} blank rows skipped." : "."));
            if (options.Submit || options.Approve)
                await context.Out.WriteLineAsync($"  {summary.Submitted} submitted ({summary.Late} late), {summary.Appraised} appraised, {summary.Approved} approved.");
            else if (summary.Appraised > 0)
                await context.Out.WriteLineAsync($"  {summary.Appraised} marked appraised.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Template(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "Output: .csv or .xlsx" };
        Format.TableFileOnly(file);
        var period = new PeriodSelector();
        var layer = new Option<string>("--layer")
        {
            Description = "Layer of the rows: self, appraisal or inspection (tu-danh-gia, tham-dinh, kiem-tra)",
            DefaultValueFactory = _ => "self",
            HelpName = "layer",
        };
        layer.Validators.Add(result =>
        {
            if (ScoreList.ParseLayer(result.GetValueOrDefault<string>()) is null)
                result.AddError($"--layer '{result.GetValueOrDefault<string>()}': expected self, appraisal or inspection");
        });
        var command = new Command("template", "Write a score file to fill: one row per unit and scored criterion, with the values already stored") { file, layer };
        period.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var p = await period.ResolveAsync(db, context.Parse, ct);
            var rows = await ScoreList.TemplateAsync(db, p.Id, ScoreList.ParseLayer(context.Get(layer))!.Value, ct);
            var path = context.Get(file)!;
            ScoreList.WriteFile(path, rows);
            await context.Out.WriteLineAsync($"Wrote {Format.Count(rows.Count)} rows for period #{p.Id} {p.Year} to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
