using DanVan.Refusals;
using System.CommandLine;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Reports;
using DanVan.Reports.Templates;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Reports;

/// <summary>danvan report build: the consolidated report of a year for a scope, as DOCX, XLSX or Markdown.</summary>
public static class ReportCommands
{
    private static readonly string[] Formats = ["docx", "xlsx", "md"];

    /// <summary>The "report" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var report = new Command("report", "Consolidated reports (báo cáo tổng hợp): build as DOCX, XLSX or Markdown");
        report.Subcommands.Add(BuildCommand(globals));
        report.Subcommands.Add(TemplateCommands(globals));
        report.Subcommands.Add(CallsCommand(globals));
        return report;
    }

    private static Command CallsCommand(GlobalOptions globals)
    {
        var scope = ScopeOption();
        var year = new Option<int?>("--year") { Description = "Only the calls of this year", HelpName = "year" };
        var calls = new Command("calls", "The scope's calls for reports from the level below: who sent, late, missing, accepted (as the page Báo cáo gửi cấp trên)") { scope, year };
        calls.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, context.Get(scope)!, ReportPermissions.Read, ct);
            var y = context.Get(year);
            // Projected: the listing never reads the documents' bytes.
            var list = await db.ReportCalls.AsNoTracking()
                .Where(c => c.ScopeUnitId == unit.Id && (y == null || c.Year == y)).OrderByDescending(c => c.Year).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.Name, c.Deadline, c.SpanFrom, c.SpanTo, c.RequestKind, c.RequestNumber, c.RequestDate,
                    Submissions = c.Submissions.Select(s => new { Unit = s.Unit!, s.Status, s.IsLate, s.SentAt, s.SentBy, s.Coverage }).ToList(),
                })
                .ToListAsync(ct);
            if (list.Count == 0) await context.Out.WriteLineAsync($"{unit.Name} ({unit.Code}) has no call for reports{(y is null ? "" : $" of {y}")}.");
            foreach (var call in list)
            {
                var subs = call.Submissions.OrderBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
                var p = DanVan.Reports.Submissions.ReportCallProgress.Of(subs.Select(s => (s.Status, s.IsLate)).ToList());
                await context.Out.WriteLineAsync($"{call.Name} — deadline {call.Deadline:dd/MM/yyyy}: {p.Sent}/{p.Units} sent, {p.Late} late, {p.Missing} missing, {p.Accepted} accepted.");
                if (call.RequestNumber is not null)
                    await context.Out.WriteLineAsync($"  asked by {call.RequestKind} số {call.RequestNumber}{(call.RequestDate is { } rd ? $" ngày {rd:dd/MM/yyyy}" : "")}");
                if (call.SpanFrom is { } f && call.SpanTo is { } t) await context.Out.WriteLineAsync($"  covers {f:dd/MM/yyyy} to {t:dd/MM/yyyy}");
                foreach (var s in subs)
                    await context.Out.WriteLineAsync($"  {s.Unit.Code,-8} {s.Unit.Name,-40} {s.Status,-9}{(s.IsLate && s.SentAt != null ? " late" : "")}"
                        + (s.SentAt is { } at ? $" sent {at:yyyy-MM-dd HH:mm} UTC by {s.SentBy}" + (s.Coverage is null ? "" : $", {s.Coverage} approved") : ""));
            }
            return ExitCodes.Ok;
        });
        return calls;
    }

    private static Command TemplateCommands(GlobalOptions globals)
    {
        var template = new Command("template", "The scope's report template (mẫu báo cáo): sections, wording, header, signer; see docs/report-template-format.md");

        var file = new Argument<string>("file") { Description = "Template JSON file" };
        var scope = ScopeOption();
        var expect = new Option<int?>("--expect-version") { Description = "Refuse the import if the scope's latest version is not this one", HelpName = "N" };
        var import = new Command("import", "Store the file as the scope's next template version (the reports of the scope and of the scopes below without their own use it)") { file, scope, expect };
        import.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, context.Get(scope)!, ReportPermissions.EditDraft, ct);
            var groups = await db.Groups.AsNoTracking().Select(g => g.Code).ToListAsync(ct);
            var read = ReportTemplateFile.Parse(await File.ReadAllTextAsync(path, ct), groups, Path.GetFileName(path));
            if (!read.IsValid) throw new RefusedException(read.Refusals);
            var stored = await ReportTemplates.SaveAsync(db, unit.Id, read.Template!, context.Get(expect), (await context.ActorAsync(db, ct)).UserName, DateTime.UtcNow, ct);
            await context.Out.WriteLineAsync($"Stored template v{stored.Version} of {unit.Name} ({unit.Code}): {stored.Name} ({read.Template!.Results.Sections.Count} sections).");
            return ExitCodes.Ok;
        });

        var exportScope = ScopeOption();
        var output = new Option<string>("--out") { Description = "File to write", HelpName = "file", Required = true };
        var export = new Command("export", "Write the template the scope's reports use (its own, the nearest above it, or the standard one)") { exportScope, output };
        export.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, context.Get(exportScope)!, ReportPermissions.Read, ct);
            var used = await ReportTemplates.ForScopeAsync(db, unit.Id, ct);
            var path = context.Get(output)!;
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(full, ReportTemplateFile.Serialize(used.Template), ct);
            await context.Out.WriteLineAsync(used.OwnerUnitId is null
                ? $"Wrote the standard template (no scope above {unit.Code} stored one) to {path}."
                : $"Wrote template v{used.Version} ({used.Template.Name}) to {path}.");
            return ExitCodes.Ok;
        });

        template.Subcommands.Add(import);
        template.Subcommands.Add(export);
        return template;
    }

    private static Option<string> ScopeOption() => new("--scope") { Description = "Code of the scope unit", HelpName = "unit code", Required = true };

    /// <summary>The --scope unit, once the account may do <paramref name="action"/> there (reports.*); outside its scope: no such unit.</summary>
    private static async Task<DanVan.OrgUnits.OrgUnit> UnitAsync(CliContext context, DanVan.Data.DanVanDbContext db, string code, string action, CancellationToken ct)
    {
        var unknown = Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", code));
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), ct) ?? throw new RefusedException(unknown);
        CliContext.Require(await context.ActorAsync(db, ct), action, Target.Unit(unit), unknown);
        return unit;
    }

    private static Command BuildCommand(GlobalOptions globals)
    {
        var year = new Option<int>("--period") { Description = "Year reported", HelpName = "year", Required = true };
        var scope = new Option<string>("--scope")
        {
            Description = "Code of the unit the report covers and is issued by (the province, a district...)",
            HelpName = "unit code",
            Required = true,
        };
        var format = new Option<string?>("--format") { Description = "docx, xlsx or md (default: from the extension of --out)", HelpName = "docx|xlsx|md" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string>("--out") { Description = "File to write", HelpName = "file", Required = true };
        var years = new Option<int>("--years")
        {
            Description = "Earlier years to compare with, each under its own heading in section II.2 (default 1)",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        years.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10) result.AddError("--years must be within 0–10");
        });
        var fromOption = new Option<DateOnly?>("--from") { Description = "First day covered, when not the period's (e.g. 2022-01-01 for a two-year review)", HelpName = "yyyy-MM-dd" };
        var toOption = new Option<DateOnly?>("--to") { Description = "Last day covered, in the --period year (e.g. 2023-10-31); default 31 December", HelpName = "yyyy-MM-dd" };
        var kindOption = new Option<string?>("--kind") { Description = "Kind of report: periodic (định kỳ, default from the template), thematic (chuyên đề: two parts) or adHoc (đột xuất)", HelpName = "kind" };
        var command = new Command("build",
            "Build the report of a year for a scope: sections I–IV in the reference structure with every figure from the data, "
            + "the text saved on the web page (or last year's), and the appendix of tables and charts. A year without an evaluation "
            + "period reports what the registries and statistics forms hold; --from/--to cover part of a year or several years")
        {
            year, scope, format, output, years, fromOption, toOption, kindOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(format) is null && result.GetValue(output) is { } path && FormatOf(path) is null)
                result.AddError("give --format docx|xlsx|md, or an --out file ending in .docx, .xlsx or .md");
        });
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(output)!;
            var kind = context.Get(format) ?? FormatOf(path)!;
            var code = context.Get(scope)!.Trim();
            var period = context.Get(year);

            await using var db = await context.OpenDatabaseAsync(ct);
            var unit = await UnitAsync(context, db, code, ReportPermissions.Read, ct);
            var (span, reportKind) = ReportSpans.ReadFor(period, context.Get(fromOption), context.Get(toOption), context.Get(kindOption), "--to");
            var request = ReportRequest.For(period, unit.Id, span, reportKind, context.Get(years), DanVan.Periods.ProvinceClock.System.Today);
            ReportContent content;
            try
            {
                content = await ReportDocuments.LoadAsync(db, request, ct);
            }
            catch (RefusedException ex) when (ex.Refusals.Any(r => r.Code == "reports.noPeriodCovers"))
            {
                var known = await db.Periods.Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
                throw known.Count == 0
                    ? new RefusedException("cli.noPeriodYet", Where.AtField("--period"), ("year", period))
                    : new RefusedException("cli.nothingToReport", Where.AtField("--period"), ("year", period), ("unit", unit.Name), ("code", unit.Code), ("known", string.Join(", ", known)));
            }
            var bytes = kind switch
            {
                "docx" => DocxWriter.ToBytes(ReportDocuments.Document(content)),
                "xlsx" => XlsxWriter.ToBytes(ReportDocuments.Tables(content)),
                _ => new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ReportDocuments.Markdown(content)),
            };
            var full = Path.GetFullPath(path);
            if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(full, bytes, ct);

            var covered = content.HasEvaluation && span is null ? string.Join(", ", content.Years) : ReportPhrases.SpanText(content.Span);
            await context.Out.WriteLineAsync(
                $"Wrote the report of {unit.Name} ({unit.Code}) for {covered} to {path} ({kind.ToUpperInvariant()}, {Format.Count((bytes.Length + 1023) / 1024)} KB).");
            await context.Out.WriteLineAsync(content.Template.OwnerUnitId is null
                ? "Template: the standard one (one section per group); store the province's with 'danvan report template import'."
                : $"Template: v{content.Template.Version} {content.Template.Template.Name}.");
            if (!content.HasEvaluation)
                await context.Out.WriteLineAsync("No evaluation period covers it: the report holds the registries' figures and the statistics appendix.");
            else if (!content.Report.Progress.IsFinal)
                await context.Out.WriteLineAsync("Draft: " + ReportPhrases.DraftNotice(content.Report.Progress));
            if (content.Draft.CarriedFromYear is { } from)
                await context.Out.WriteLineAsync($"Text: carried from the {from} draft; edit it on the web page (Báo cáo tổng hợp) to save this year's.");
            else if (content.Draft.Id == 0)
                await context.Out.WriteLineAsync("Text: none written yet; sections I, II.1, III and IV show a placeholder.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => "docx",
        ".xlsx" => "xlsx",
        ".md" or ".markdown" => "md",
        _ => null,
    };
}
