using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Statistics;

/// <summary>danvan stats set|show|confirm|submit|accept|return|extend|aggregate: a unit's figures in a form's period, and a scope's aggregate table.</summary>
/// <remarks>Each command acts as the account --as names ("cli", the server's operator, without it) and asks the permission model
/// (statistics.*) at the unit and the form period's scope; audit lines name that account.</remarks>
public static class StatsCommands
{

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The "stats" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var stats = new Command("stats", "Statistics figures (số liệu): enter a unit's values, move its form through the cycle, aggregate a scope");
        stats.Subcommands.Add(Set(globals));
        stats.Subcommands.Add(Show(globals));
        stats.Subcommands.Add(Step(globals, "confirm", "The unit head's confirmation of the figures as saved", StatisticsPermissions.Confirm,
            (db, r, _, user, at, ct) => FormFilling.ConfirmAsync(db, r, user, at, null, ct)));
        stats.Subcommands.Add(Step(globals, "submit", "Submit the confirmed figures (refused while an error rule is broken or a warning is unexplained)", StatisticsPermissions.Submit,
            (db, r, _, user, at, ct) => FormFilling.SubmitAsync(db, r, user, at, ProvinceClock.System.Zone, null, ct)));
        stats.Subcommands.Add(Step(globals, "accept", "Accept a submission", StatisticsPermissions.Review,
            (db, r, _, user, at, ct) => FormFilling.AcceptAsync(db, r, user, at, ct)));
        var comment = new Option<string?>("--comment") { Description = "What the unit must correct (required)", HelpName = "text" };
        stats.Subcommands.Add(Step(globals, "return", "Return a submission with a comment; the head must confirm again", StatisticsPermissions.Review,
            (db, r, parse, user, at, ct) => FormFilling.ReturnAsync(db, r, parse.GetValue(comment), user, at, ct), comment));
        var until = Format.DateOption("--until", "The unit's new deadline");
        until.Required = true;
        var reason = new Option<string?>("--reason") { Description = "Why (required)", HelpName = "text" };
        stats.Subcommands.Add(Step(globals, "extend", "Give the unit a later deadline, with a reason", StatisticsPermissions.Review,
            (db, r, parse, user, at, ct) => FormFilling.ExtendDeadlineAsync(db, r, parse.GetValue(until)!.Value, parse.GetValue(reason), user, at, ct), until, reason));
        stats.Subcommands.Add(Aggregate(globals));
        stats.Subcommands.Add(Import(globals));
        stats.Subcommands.Add(Export(globals));
        return stats;
    }

    private static Command Import(GlobalOptions globals)
    {
        var period = new Option<int>("--period") { Description = "Id of the form period (see forms periods list)", Required = true, HelpName = "id" };
        var on = Format.DateOption("--on", "Date the figures are recorded on, in the province (default: now)");
        var file = new Argument<string>("file") { Description = "An .xlsx or .csv file with columns unit_code, indicator, value (the layout of stats export and of a unit's downloaded form)" };
        var command = new Command("import", "Import many units' figures from one file: all or nothing, each problem at its row and column; each unit's values replace its stored ones")
        {
            period, on, file,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            var table = TableFile.Read(path);
            await using var db = await context.OpenDatabaseAsync(ct);
            var id = context.Get(period);
            var p = await db.FormPeriods.Include(x => x.Form).Include(x => x.ScopeUnit).SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new RefusedException("cli.unknownFormPeriod", Where.AtField("--period"), ("id", id));
            if (!await FormsCommands.ReadsAsync(db, await context.ActorAsync(db, ct), p, p.ScopeUnit!.Path, ct))
                throw new RefusedException("cli.unknownFormPeriod", Where.AtField("--period"), ("id", id));
            var name = Path.GetFileName(path);
            var figures = FormWorkbook.Read(p.Form!.Definition(), table, name);
            var at = context.Get(on) is { } day ? TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), ProvinceClock.System.Zone) : DateTime.UtcNow;
            var actor = await context.ActorAsync(db, ct);
            // Each unit's row as the API asks: statistics.importMany or statistics.enter at the unit; another is refused as unknown (no leak).
            bool MayWrite(FormReport r) => CliContext.May(actor, StatisticsPermissions.ImportMany, StatisticsPermissions.TargetOf(r))
                || CliContext.May(actor, StatisticsPermissions.Enter, StatisticsPermissions.TargetOf(r));
            var saved = await FormWorkbook.ImportAsync(db, p, figures, name, MayWrite, actor.UserName, at, ProvinceClock.System.Zone, ct);
            await context.Out.WriteLineAsync($"Imported {name}: the figures of {Format.Count(saved.Count)} units in form period #{p.Id}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var period = new Option<int>("--period") { Description = "Id of the form period (see forms periods list)", Required = true, HelpName = "id" };
        var scope = new Option<string?>("--scope") { Description = "Code of the unit whose figures (with its units') are exported (default: the period's scope)", HelpName = "unit code" };
        var output = new Option<string>("--out") { Description = "File to write: .xlsx (protected, value cells open) or .csv", Required = true, HelpName = "file" };
        var command = new Command("export", "Export the figures of every unit under a scope, in the layout stats import reads back") { period, scope, output };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var id = context.Get(period);
            var p = await db.FormPeriods.Include(x => x.Form).Include(x => x.ScopeUnit).SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new RefusedException("cli.unknownFormPeriod", Where.AtField("--period"), ("id", id));
            var root = context.Get(scope) is { } code
                ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", code))
                : p.ScopeUnit!;
            RequireMonitor(await context.ActorAsync(db, ct), p, root, context.Get(scope));
            var units = await UnitFigures.OfAsync(db.FormReports.Where(r => r.PeriodId == id && r.Unit!.Path.StartsWith(root.Path)), ct);
            var path = Path.GetFullPath(context.Get(output)!);
            if (Path.GetDirectoryName(path) is { } dir) Directory.CreateDirectory(dir);
            await using (var stream = File.Create(path))
            {
                if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) FormWorkbook.WriteCsv(p.Form!.Definition(), units, stream);
                else FormWorkbook.WriteXlsx(p.Form!.Definition(), units, stream);
            }
            await context.Out.WriteLineAsync($"Wrote the figures of {Format.Count(units.Count)} units under {root.Name} ({root.Code}) to {context.Get(output)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed class ReportOptions
    {
        public Option<int> Period { get; } = new("--period") { Description = "Id of the form period (see forms periods list)", Required = true, HelpName = "id" };

        public Option<string> Unit { get; } = new("--unit") { Description = "Code of the unit", Required = true, HelpName = "unit code" };

        public Option<DateOnly?> On { get; } = Format.DateOption("--on", "Date the step is recorded on, in the province (default: now); decides lateness when entering a past period");

        public void AddTo(Command command)
        {
            command.Options.Add(Period);
            command.Options.Add(Unit);
            command.Options.Add(On);
        }

        /// <summary>The unit's report, tracked, with period, form and unit.</summary>
        public async Task<FormReport> ResolveAsync(DanVanDbContext db, CliContext context, string action, CancellationToken ct)
        {
            var actor = await context.ActorAsync(db, ct);
            var periodId = context.Get(Period);
            if (!await db.FormPeriods.AnyAsync(p => p.Id == periodId, ct)) throw new RefusedException("cli.unknownFormPeriod", Where.AtField("--period"), ("id", periodId));
            var code = context.Get(Unit)!;
            var unknown = Refusal.Of("cli.unknownUnit", Where.AtField("--unit"), ("unit", code));
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new RefusedException(unknown);
            // A unit outside the account's scope is "no such unit"; within it, the step's action decides (statistics.*).
            if (!actor.CanRead(unit.Path)) throw new RefusedException(unknown);
            var report = await FormFilling.LoadAsync(db, periodId, unit.Id, ct)
                ?? throw new RefusedException("cli.unitOwesNoForm", Where.AtField("--unit"), ("unit", code), ("period", periodId));
            CliContext.Require(actor, action, StatisticsPermissions.TargetOf(report), unknown);
            return report;
        }

        /// <summary>When the step happens: --on at 09:00 in the province, else now.</summary>
        public DateTime At(CliContext context) => context.Get(On) is { } day
            ? TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), ProvinceClock.System.Zone)
            : DateTime.UtcNow;
    }

    private static Command Set(GlobalOptions globals)
    {
        var report = new ReportOptions();
        var values = new Argument<string[]>("values")
        {
            Description = "CODE=VALUE pairs, typed the Vietnamese way: receptions=1.306 poorRate=3,43 ntmScope=26/27 hasModel=có; CODE= clears one",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var explain = new Option<string[]>("--explain")
        {
            Description = "An explanation of a warning rule: RULE=TEXT, repeatable",
            HelpName = "rule=text",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("set", "Save some of a unit's values (a draft; the others stay); each value is checked, rules between indicators bind submission")
        {
            values, explain,
        };
        report.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            var texts = Pairs(context.Get(values) ?? [], "values", out var problems);
            var explanations = Pairs(context.Get(explain) ?? [], "--explain", out var explainProblems);
            problems.AddRange(explainProblems);
            if (problems.Count > 0) throw new RefusedException(problems);
            await using var db = await context.OpenDatabaseAsync(ct);
            var r = await report.ResolveAsync(db, context, StatisticsPermissions.Enter, ct);
            var (read, refusals) = FormFilling.Read(FormFilling.FormOf(r), texts);
            if (refusals.Count > 0) throw new RefusedException(refusals);
            await FormFilling.SaveAsync(db, r, new FormChanges(read, explanations.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)),
                (await context.ActorAsync(db, ct)).UserName, report.At(context), ProvinceClock.System.Zone, null, ct);
            await context.Out.WriteLineAsync($"Saved {read.Count} values of {r.Unit!.Code} in form period #{r.PeriodId}: {Status(r.Status)}, version {r.Version}.");
            await WriteCheckAsync(context, await FormFilling.CheckForSubmissionAsync(db, r, ct));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var report = new ReportOptions();
        var json = new Option<bool>("--json") { Description = "Write JSON (values as the API gives them) instead of a table" };
        var command = new Command("show", "Show a unit's form: status, its own values, the consolidated ones it would submit, and the check") { json };
        report.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var r = await report.ResolveAsync(db, context, StatisticsPermissions.Read, ct);
            var form = FormFilling.FormOf(r);
            var check = await FormFilling.CheckForSubmissionAsync(db, r, ct);
            var own = r.ToFormValues();
            if (context.Get(json))
            {
                var culture = context.Language;
                JsonArray List(IEnumerable<Refusal> refusals) =>
                    [.. refusals.Select(x => (JsonNode)new JsonObject { ["code"] = x.Code, ["where"] = x.Where.Key, ["message"] = RefusalText.Render(x, culture) })];
                var document = new JsonObject
                {
                    ["id"] = r.Id,
                    ["period"] = r.PeriodId,
                    ["unit"] = r.Unit!.Code,
                    ["status"] = r.Status.ToString(),
                    ["version"] = r.Version,
                    ["deadline"] = r.Deadline.ToString("yyyy-MM-dd", Format.Vi),
                    ["isLate"] = r.IsLate,
                    ["values"] = Values(form, own.Values, computed: false),
                    ["computed"] = Values(form, check.Values, computed: true),
                    ["consolidated"] = Values(form, check.Values, computed: null),
                    ["explanations"] = new JsonObject([.. (own.Explanations ?? new Dictionary<string, string>()).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
                    ["check"] = new JsonObject { ["canSubmit"] = check.CanSubmit, ["errors"] = List(check.Errors), ["warnings"] = List(check.Warnings), ["unexplained"] = List(check.Unexplained) },
                };
                await context.Out.WriteLineAsync(document.ToJsonString(Json));
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"{r.Unit!.Code} {r.Unit.Name} — {r.Period!.Name} (form period #{r.PeriodId})");
            await context.Out.WriteLineAsync($"  {Status(r.Status)}, version {r.Version}; deadline {Format.Date(r.Deadline)}"
                + (r.ExtendedDeadline is not null ? " (extended)" : "") + (r.SubmittedAt is not null ? (r.IsLate ? "; submitted late" : "; submitted on time") : "")
                + (r.ReturnComment is { } c ? $"; returned: {c}" : ""));
            var table = new TextTable("Code", "Indicator", "Entered", "Consolidated", "Unit").AlignRight(2, 3);
            foreach (var x in form.Indicators)
                table.Add(x.Code, x.Name, x.IsComputed ? "(computed)" : IndicatorText.Write(own.Values.GetValueOrDefault(x.Code)),
                    StatisticsFormat.Cell(x, check.Values.GetValueOrDefault(x.Code)), x.Unit);
            table.Write(context.Out);
            foreach (var (rule, text) in own.Explanations ?? new Dictionary<string, string>())
                await context.Out.WriteLineAsync($"  explanation {rule}: {text}");
            await WriteCheckAsync(context, check);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Step(GlobalOptions globals, string name, string description, string action,
        Func<DanVanDbContext, FormReport, ParseResult, string, DateTime, CancellationToken, Task> step, params Option[] options)
    {
        var report = new ReportOptions();
        var command = new Command(name, description);
        report.AddTo(command);
        foreach (var option in options) command.Options.Add(option);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var r = await report.ResolveAsync(db, context, action, ct);
            await step(db, r, context.Parse, (await context.ActorAsync(db, ct)).UserName, report.At(context), ct);
            await context.Out.WriteLineAsync($"{r.Unit!.Code} in form period #{r.PeriodId}: {Status(r.Status)}, version {r.Version}"
                + (r.Status == FormReportStatus.Submitted ? (r.IsLate ? ", late" : ", on time") : "")
                + (name == "extend" ? $", deadline {Format.Date(r.Deadline)}" : "") + ".");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Aggregate(GlobalOptions globals)
    {
        var period = new Option<int>("--period") { Description = "Id of the form period (see forms periods list)", Required = true, HelpName = "id" };
        var scope = new Option<string?>("--scope") { Description = "Code of the unit to aggregate (default: the period's scope unit)", HelpName = "unit code" };
        var json = new Option<bool>("--json") { Description = "Write JSON: completeness, the appendix rows, every indicator, the units under the scope" };
        var command = new Command("aggregate", "The appendix table of a scope: its submitted and accepted figures aggregated by the form's rules, with completeness")
        {
            period, scope, json,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var id = context.Get(period);
            var p = await db.FormPeriods.AsNoTracking().Include(x => x.Form).Include(x => x.ScopeUnit).SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new RefusedException("cli.unknownFormPeriod", Where.AtField("--period"), ("id", id));
            OrgUnit unit = p.ScopeUnit!;
            if (context.Get(scope) is { } code)
                unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct)
                    ?? throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", code));
            RequireMonitor(await context.ActorAsync(db, ct), p, unit, context.Get(scope));
            var form = p.Form!.Definition();
            var rows = await FormFigures.DrillDownAsync(db, p, unit, ct);
            var top = rows[0];
            var units = await db.Units.AsNoTracking().Where(u => rows.Select(r => r.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            var c = top.Completeness;
            if (context.Get(json))
            {
                var document = new JsonObject
                {
                    ["period"] = p.Id,
                    ["form"] = $"{p.Form.Code}@{p.Form.Version}",
                    ["scope"] = unit.Code,
                    ["completeness"] = Completeness(c),
                    ["sections"] = new JsonArray([.. form.Sections.Select(s => (JsonNode)new JsonObject
                    {
                        ["title"] = s.Title,
                        ["headers"] = new JsonArray([.. StatisticsFormat.Headers(form, s).Select(h => (JsonNode)h)]),
                        ["cells"] = new JsonArray([.. StatisticsFormat.Cells(form, s, top.Values).Select(h => (JsonNode)h)]),
                    })]),
                    ["indicators"] = Values(form, top.Values, computed: null),
                    ["units"] = new JsonArray([.. rows.Skip(1).Select(r => (JsonNode)new JsonObject
                    {
                        ["code"] = units[r.UnitId].Code, ["name"] = units[r.UnitId].Name, ["completeness"] = Completeness(r.Completeness),
                    })]),
                };
                await context.Out.WriteLineAsync(document.ToJsonString(Json));
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"{p.Name} (form period #{p.Id}, {p.Form.Code}@{p.Form.Version})");
            await context.Out.WriteLineAsync($"Scope {unit.Code} {unit.Name}: {c.Submitted}/{c.Expected} units submitted ({Percent(c.Percent)}), {c.OnTime ?? 0} on time ({Percent(c.OnTimePercent)})");
            var n = 0;
            foreach (var s in form.Sections)
            {
                await context.Out.WriteLineAsync();
                await context.Out.WriteLineAsync($"{++n}. {s.Title}");
                var table = new TextTable([.. StatisticsFormat.Headers(form, s).Select((_, i) => $"({i + 1})")]);
                table.Add([.. StatisticsFormat.Cells(form, s, top.Values)]);
                table.Write(context.Out);
            }
            if (rows.Count > 1)
            {
                await context.Out.WriteLineAsync();
                var drill = new TextTable("Unit", "Name", "Submitted", "%").AlignRight(2, 3);
                foreach (var r in rows.Skip(1))
                    drill.Add(units[r.UnitId].Code, units[r.UnitId].Name, $"{r.Completeness.Submitted}/{r.Completeness.Expected}", Percent(r.Completeness.Percent));
                drill.Write(context.Out);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>statistics.monitor at the unit a scope's figures are read for: --scope outside the account's scope is "no such unit",
    /// the period's own scope unit outside it "no such form period".</summary>
    private static void RequireMonitor(UserScope actor, FormPeriod period, OrgUnit unit, string? scopeCode) =>
        CliContext.Require(actor, StatisticsPermissions.Monitor, new Target(unit.Path, period.ScopeUnit!.Path), scopeCode is null
            ? Refusal.Of("cli.unknownFormPeriod", Where.AtField("--period"), ("id", period.Id))
            : Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", scopeCode)));

    private static JsonObject Completeness(Completeness c) => new()
    {
        ["expected"] = c.Expected,
        ["submitted"] = c.Submitted,
        ["onTime"] = c.OnTime ?? 0,
        ["ratio"] = $"{c.Submitted}/{c.Expected}",
        ["percent"] = c.Percent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null,
    };

    private static string Percent(decimal? p) => p is { } v ? StatisticsFormat.Number(v, 1) + "%" : "—";

    /// <summary>Values by code as the API writes them; <paramref name="computed"/> true: computed only, false: typed only, null: all.</summary>
    private static JsonObject Values(FormDefinition form, IReadOnlyDictionary<string, IndicatorValue> values, bool? computed) =>
        new([.. form.Indicators.Where(x => values.ContainsKey(x.Code) && (computed is null || x.IsComputed == computed))
            .Select(x => KeyValuePair.Create(x.Code, IndicatorJson.Write(values[x.Code])))]);

    private static async Task WriteCheckAsync(CliContext context, EntryCheck check)
    {
        var culture = context.Language;
        if (check.CanSubmit && check.Warnings.Count == 0)
        {
            await context.Out.WriteLineAsync("Check: ready to submit.");
            return;
        }
        await context.Out.WriteLineAsync(check.CanSubmit ? "Check: ready to submit; explained warnings:" : "Check: submission would be refused:");
        foreach (var x in check.SubmissionRefusals.Concat(check.Warnings.Where(w => !check.Unexplained.Any(u => u.Args["rule"]?.Equals(w.Args["rule"]) == true))))
            await context.Out.WriteLineAsync($"  check[{x.Code}] {RefusalText.RenderWithPlace(x, culture)}");
    }

    private static List<KeyValuePair<string, string?>> Pairs(IEnumerable<string> items, string field, out List<Refusal> problems)
    {
        problems = [];
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var item in items)
        {
            var at = item.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0) problems.Add(Refusal.Of("cli.notAssignment", Where.AtField(field), ("text", item)));
            else pairs.Add(KeyValuePair.Create(item[..at].Trim(), (string?)item[(at + 1)..]));
        }
        return pairs;
    }

    private static string Status(FormReportStatus status) => status switch
    {
        FormReportStatus.NotStarted => "Chưa nhập",
        FormReportStatus.Draft => "Đang soạn",
        FormReportStatus.Confirmed => "Thủ trưởng đã xác nhận",
        FormReportStatus.Submitted => "Đã gửi",
        FormReportStatus.Returned => "Trả lại",
        FormReportStatus.Accepted => "Đã tiếp nhận",
        _ => status.ToString(),
    };
}
