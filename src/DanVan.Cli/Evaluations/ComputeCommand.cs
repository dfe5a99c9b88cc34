using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DanVan.Cli.Infrastructure;
using DanVan.Criteria;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan compute: every unit's total and class, self-claimed and final, and class counts per group.</summary>
public static class ComputeCommand
{
    /// <summary>The "compute" command.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var period = new PeriodSelector();
        var format = new Option<string>("--format")
        {
            Description = "table (default), csv (one row per unit) or json (units and group counts)",
            DefaultValueFactory = _ => "table",
            HelpName = "table|csv|json",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("compute", "Compute a period's results: totals and classes per unit, class counts per group (n/N evaluated)") { format };
        period.AddTo(command);
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var p = await period.ResolveAsync(db, context.Parse, actor, ct);
            if (!CliContext.IsOperator(actor) && !CliContext.Permissions.MayAnywhere(actor, EvaluationPermissions.Monitor)) throw CliContext.Forbidden(actor, EvaluationPermissions.Monitor);
            var results = await PeriodResultsQuery.ComputeAsync(db, p.Id, ct);
            // Computed over the whole period (group rules, shares), shown for the units the account follows (evaluations.monitor).
            if (!actor.IsAdministrator)
                results = results with
                {
                    Units = [.. results.Units.Where(u => CliContext.May(actor, EvaluationPermissions.Monitor,
                        new DanVan.Accounts.Permissions.Target(u.Unit.Path, p.ScopeUnit!.Path)))],
                };
            var sets = await db.CriteriaSets.AsNoTracking().Where(s => p.Groups.Select(g => g.CriteriaSetId).Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => $"{s.Key} v{s.Version}", ct);
            var setOfGroup = p.Groups.ToDictionary(g => g.GroupId, g => sets[g.CriteriaSetId]);
            var summaries = results.Groups.Select(g => GroupSummary.Of(g, results.Units.Where(u => u.Group.Id == g.Id).ToList(), setOfGroup[g.Id])).ToList();
            switch (context.Get(format))
            {
                case "csv":
                    WriteCsv(context.Out, p, results);
                    break;
                case "json":
                    await WriteJsonAsync(context.Out, p, results, summaries, ct);
                    break;
                default:
                    WriteTable(context.Out, p, results, summaries);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Counts of one group: size, evaluated, reviewed, and per band the reported and the self-claimed classes.</summary>
    private sealed record GroupSummary(string Code, string Name, string CriteriaSet, int Units, int Evaluated, int Reviewed, int Late,
        IReadOnlyList<BandCount> Bands, IReadOnlyList<UnitResult> NotEvaluated)
    {
        public static GroupSummary Of(DanVan.OrgUnits.UnitGroup group, List<UnitResult> units, string criteriaSet)
        {
            var evaluated = units.Where(u => u.Evaluated).ToList();
            var bands = units.Select(u => u.CriteriaSet).FirstOrDefault()?.Classification.Bands ?? [];
            var counts = bands.Select(b => new BandCount(b.Code, b.Label,
                evaluated.Count(u => u.Reported.Band == b.Code), evaluated.Count(u => u.Self.Band == b.Code))).ToList();
            var notEligible = evaluated.Count(u => u.Reported.Band == ClassificationRule.NotEligible);
            var selfNotEligible = evaluated.Count(u => u.Self.Band == ClassificationRule.NotEligible);
            if (notEligible + selfNotEligible > 0)
                counts.Add(new BandCount(ClassificationRule.NotEligible, units[0].CriteriaSet.Classification.NotEligibleLabel ?? "Không đủ điều kiện xếp loại", notEligible, selfNotEligible));
            return new(group.Code, group.Name, criteriaSet, units.Count, evaluated.Count, units.Count(u => u.Reviewed), units.Count(u => u.IsLate),
                counts, units.Where(u => !u.Evaluated).ToList());
        }
    }

    private sealed record BandCount(string Code, string Label, int Reported, int SelfClaimed);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static void WriteTable(TextWriter w, EvaluationPeriod p, PeriodResults results, List<GroupSummary> summaries)
    {
        w.WriteLine($"Kỳ đánh giá #{p.Id}: {p.Name}");
        w.WriteLine($"Phạm vi: {p.ScopeUnit!.Name} ({p.ScopeUnit.Code}); hạn nộp {Format.Date(p.Deadline)}");
        foreach (var s in summaries)
        {
            w.WriteLine();
            w.WriteLine($"{s.Name} ({s.Code}) — bộ tiêu chí {s.CriteriaSet}: {s.Evaluated:00}/{s.Units:00} đơn vị đã đánh giá");
            var table = new TextTable("Mã", "Đơn vị", "Trạng thái", "Tự chấm", "Tự nhận", "Điểm cuối", "Xếp loại").AlignRight(3, 5);
            foreach (var u in results.Units.Where(u => u.Group.Code == s.Code))
            {
                table.Add(u.Unit.Code, u.Unit.Name, Format.Status(u.Status) + (u.IsLate ? " (trễ hạn)" : ""),
                    u.Status is AssessmentStatus.NotStarted ? "" : Format.Points(u.Self.Total),
                    u.Evaluated ? u.Self.Band : "",
                    Format.Points(u.Final?.Total), u.Final?.Band);
            }
            table.Write(w);
        }

        w.WriteLine();
        w.WriteLine("Tổng hợp xếp loại theo khối (kết quả: sau thẩm định nếu đã thẩm định, nếu chưa là tự nhận)");
        var codes = summaries.SelectMany(s => s.Bands.Select(b => b.Code)).Distinct().ToList();
        var summary = new TextTable(["Khối", "Đã đánh giá", "Đã thẩm định", "Trễ hạn", "Xếp loại", .. codes])
            .AlignRight([1, 2, 3, .. Enumerable.Range(5, codes.Count)]);
        foreach (var s in summaries)
        {
            IEnumerable<string> Cells(Func<BandCount, int> pick)
            {
                var shares = Format.Percentages(s.Bands.Select(pick).ToList(), s.Evaluated);
                return codes.Select(code => s.Bands.ToList().FindIndex(b => b.Code == code) is var i and >= 0
                    ? pick(s.Bands[i]) == 0 ? "0" : $"{pick(s.Bands[i])} ({shares[i]}%)"
                    : "");
            }
            summary.Add([s.Name, $"{s.Evaluated:00}/{s.Units:00}", s.Reviewed.ToString(Format.Vi), s.Late.ToString(Format.Vi), "kết quả", .. Cells(b => b.Reported)]);
            summary.Add(["", "", "", "", "tự nhận", .. Cells(b => b.SelfClaimed)]);
        }
        summary.Write(w);

        var bandLabels = summaries.SelectMany(s => s.Bands).DistinctBy(b => b.Code).Select(b => $"{b.Code} = {b.Label}");
        w.WriteLine(string.Join("; ", bandLabels));
        foreach (var s in summaries.Where(s => s.NotEvaluated.Count > 0))
        {
            var names = s.NotEvaluated.Take(10).Select(u => $"{u.Unit.DisplayName} ({Format.Status(u.Status).ToLower(Format.Vi)})");
            w.WriteLine($"{s.Name}: {s.NotEvaluated.Count:00} đơn vị chưa đánh giá: {string.Join(", ", names)}{(s.NotEvaluated.Count > 10 ? ", ..." : "")}");
        }
    }

    private static void WriteCsv(TextWriter w, EvaluationPeriod p, PeriodResults results)
    {
        string[] columns = ["period_year", "group", "unit_code", "unit_name", "status", "late", "evaluated", "self_total", "self_band", "final_total", "final_band", "reported_band"];
        using var stream = new MemoryStream();
        TableFile.WriteCsv(stream, columns, results.Units.Select(u => (IReadOnlyList<string?>)
        [
            p.Year.ToString(CultureInfo.InvariantCulture), u.Group.Code, u.Unit.Code, u.Unit.Name, u.Status.ToString(), u.IsLate ? "true" : "false",
            u.Evaluated ? "true" : "false", Format.Invariant(u.Self.Total), u.Evaluated ? u.Self.Band : null, Format.Invariant(u.Final?.Total), u.Final?.Band,
            u.Evaluated ? u.Reported.Band : null,
        ]));
        w.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static async Task WriteJsonAsync(TextWriter w, EvaluationPeriod p, PeriodResults results, List<GroupSummary> summaries, CancellationToken ct)
    {
        var document = new
        {
            period = new { p.Id, p.Year, p.Name, scope = p.ScopeUnit!.Code, opensOn = p.OpensOn, deadline = p.Deadline },
            groups = summaries.Select(s => new
            {
                s.Code, s.Name, s.CriteriaSet, s.Units, s.Evaluated, s.Reviewed, s.Late,
                bands = s.Bands.Select(b => new { b.Code, b.Label, b.Reported, b.SelfClaimed }),
                notEvaluated = s.NotEvaluated.Select(u => u.Unit.Code),
            }),
            units = results.Units.Select(u => new
            {
                code = u.Unit.Code, name = u.Unit.Name, group = u.Group.Code, status = u.Status.ToString(), late = u.IsLate,
                evaluated = u.Evaluated,
                self = new { total = Format.Normalize(u.Self.Total), band = u.Self.Band, label = u.Self.BandLabel },
                final = u.Final is null ? null : new { total = Format.Normalize(u.Final.Total), band = u.Final.Band, label = u.Final.BandLabel, explanation = u.Final.Explanation },
            }),
        };
        await w.WriteLineAsync(JsonSerializer.Serialize(document, Json).AsMemory(), ct);
    }
}
