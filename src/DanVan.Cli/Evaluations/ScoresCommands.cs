using System.CommandLine;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Evaluations;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan scores import|template|check: score files, one row per unit × criterion × layer; the registry check of a period.</summary>
public static class ScoresCommands
{
    /// <summary>The "scores" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var scores = new Command("scores", "Scores (điểm): bulk import from .csv/.xlsx, and templates to fill");
        scores.Subcommands.Add(Import(globals));
        scores.Subcommands.Add(Template(globals));
        scores.Subcommands.Add(Check(globals));
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
            var actor = await context.ActorAsync(db, ct);
            var p = await period.ResolveAsync(db, context.Parse, actor, ct);
            await RequireRowsAsync(db, actor, p, rows, Path.GetFileName(path), context.Get(submit) || context.Get(approve), context.Get(approve), limits, ct);
            var options = new ScoreImportOptions
            {
                Submit = context.Get(submit),
                Approve = context.Get(approve),
                SubmittedAt = context.Get(submittedOn) is { } day ? day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) : null,
                Reason = context.Get(reason),
                User = actor.UserName,
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

    /// <summary>Asks the permission model for every row's unit, before anything is stored: the layer's entry action
    /// (self: evaluations.enterSelf, appraisal: evaluations.appraise, inspection: evaluations.inspect), with --submit
    /// evaluations.submit for self rows and with --approve evaluations.approve for the others, at the unit within the period's scope.</summary>
    /// <remarks>A unit outside the account's scope is refused as the import refuses an unknown code (<c>scores.noUnit</c>), so nothing tells
    /// it exists; a unit it reads but may not act on is <c>cli.forbidden</c> at its row. Unknown codes and layers are left to the import.</remarks>
    private static async Task RequireRowsAsync(DanVan.Data.DanVanDbContext db, UserScope actor, EvaluationPeriod period, IReadOnlyList<ScoreRow> rows,
        string fileName, bool submit, bool approve, TableLimits limits, CancellationToken ct)
    {
        if (CliContext.IsOperator(actor)) return;
        var codes = rows.Select(r => r.UnitCode.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Path, StringComparer.Ordinal, ct);
        var problems = new List<Refusal>();
        foreach (var row in rows)
        {
            var code = row.UnitCode.Trim();
            if (!paths.TryGetValue(code, out var unitPath) || ScoreList.ParseLayer(row.Layer) is not { } layer) continue;
            var at = Where.AtCell(fileName, row.Row, row.HeaderOf("unit_code"));
            var target = new Target(unitPath, period.ScopeUnit!.Path);
            List<string> actions = [EvaluationPermissions.EntryAction(layer)];
            if (layer == DanVan.Evaluations.Scoring.ScoreLayer.Self && submit) actions.Add(EvaluationPermissions.Submit);
            if (layer != DanVan.Evaluations.Scoring.ScoreLayer.Self && approve) actions.Add(EvaluationPermissions.Approve);
            foreach (var action in actions)
            {
                var outcome = CliContext.Decide(actor, action, target);
                if (outcome == AccessOutcome.Allowed) continue;
                problems.Add(outcome == AccessOutcome.NotFound
                    ? Refusal.Of("scores.noUnit", at, ("code", code))
                    : CliContext.Forbidden(actor, action, at));
                break;
            }
        }
        if (problems.Count > 0) throw new RefusedException(limits.Cap(problems, fileName));
    }

    private static Command Check(GlobalOptions globals)
    {
        var period = new PeriodSelector();
        var unit = new Option<string?>("--unit") { Description = "Only this unit (its code)", HelpName = "code" };
        var command = new Command("check", "Registry check (đối chiếu với sổ): each criterion's registry figure for the unit and period, and where the self-score claims more than it supports") { unit };
        period.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var p = await period.ResolveAsync(db, context.Parse, actor, ct);
            var code = context.Get(unit);
            // Only the units the account reads (evaluations.read); another unit is "no such unit".
            var assessments = (await db.Assessments.AsNoTracking().Include(a => a.Entries).Include(a => a.Unit).Include(a => a.Period)
                    .Where(a => a.PeriodId == p.Id && (code == null || a.Unit!.Code == code)).ToListAsync(ct))
                .Where(a => CliContext.May(actor, EvaluationPermissions.Read, new Target(a.Unit!.Path, p.ScopeUnit!.Path)))
                .OrderBy(a => a.Unit!.Code, StringComparer.Ordinal).ToList();
            if (code is not null && assessments.Count == 0)
                throw new RefusedException("cli.unknownUnit", Where.AtField("--unit"), ("unit", code));
            var setIds = assessments.Select(a => a.CriteriaSetId).Distinct().ToList();
            var sets = (await db.CriteriaSets.AsNoTracking().Where(s => setIds.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Parse());

            await context.Out.WriteLineAsync($"Đối chiếu với sổ — kỳ đánh giá #{p.Id}: {p.Name}");
            int checkedUnits = 0, contradictions = 0;
            foreach (var a in assessments)
            {
                var report = await RegistryChecks.CheckAsync(db, a, sets[a.CriteriaSetId], ct);
                if (report.Figures.Count == 0) continue;
                checkedUnits++;
                contradictions += report.Contradictions.Count;
                await context.Out.WriteLineAsync();
                await context.Out.WriteLineAsync($"{a.Unit!.Code} {a.Unit.Name} ({Format.Status(a.Status).ToLower(Format.Vi)})");
                var table = new TextTable("Tiêu chí", "Theo sổ", "Đối chiếu");
                foreach (var f in report.Figures)
                {
                    var found = report.ContradictionsOf(f.CriterionId).Select(r => RegistryChecks.Render(r, RefusalText.Vietnamese)).ToList();
                    table.Add(f.CriterionId, f.Phrase(RefusalText.Vietnamese), found.Count > 0 ? "Chưa khớp: " + string.Join(" ", found) : Expectation(f));
                }
                table.Write(context.Out);
            }
            await context.Out.WriteLineAsync();
            await context.Out.WriteLineAsync($"{checkedUnits} đơn vị có tiêu chí đối chiếu với sổ, {contradictions} điểm tự chấm chưa khớp.");
            return ExitCodes.Ok;
        });
        return command;
    }

    // What the figure is held to, as the pages write it.
    private static string Expectation(CriterionFigure f) => f.Link switch
    {
        { TakeValue: true } => f.Taken is { } t ? $"lấy giá trị từ sổ: {Format.Points(t.Count ?? t.Achieved)}" : "lấy giá trị từ sổ",
        { AtLeast: { } least } => $"yêu cầu từ {Format.Points(least)}",
        { AtMost: { } most } => $"yêu cầu không quá {Format.Points(most)}",
        { Expect: { } yes } => $"yêu cầu: {(yes ? "có" : "không")}",
        _ => "",
    };

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
            var actor = await context.ActorAsync(db, ct);
            var p = await period.ResolveAsync(db, context.Parse, actor, ct);
            var rows = await ScoreList.TemplateAsync(db, p.Id, ScoreList.ParseLayer(context.Get(layer))!.Value, ct);
            if (!actor.IsAdministrator)
            {
                // Only the units the account reads (evaluations.read).
                var paths = await db.Assessments.AsNoTracking().Where(a => a.PeriodId == p.Id)
                    .ToDictionaryAsync(a => a.Unit!.Code, a => a.Unit!.Path, StringComparer.Ordinal, ct);
                rows = [.. rows.Where(r => paths.TryGetValue(r.UnitCode, out var unitPath)
                    && CliContext.May(actor, EvaluationPermissions.Read, new Target(unitPath, p.ScopeUnit!.Path)))];
            }
            var path = context.Get(file)!;
            ScoreList.WriteFile(path, rows);
            await context.Out.WriteLineAsync($"Wrote {Format.Count(rows.Count)} rows for period #{p.Id} {p.Year} to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
