using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.Evaluations.Simulation;
using DanVan.Refusals;
using DanVan.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan simulate: a past period's entries re-scored under a draft criteria file, read-only.</summary>
public static class SimulateCommand
{
    /// <summary>The "simulate" command.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var period = new Option<int>("--period")
        {
            Description = "The period: its year (1900–2199; the period whose scope is --scope or above it) or its database id",
            HelpName = "id|year",
            Required = true,
        };
        var scope = new Option<string>("--scope") { Description = "Code of the unit whose units are re-scored (the province, a district...)", HelpName = "unit code", Required = true };
        var criteria = new Option<string>("--criteria") { Description = "The draft criteria set file (JSON, docs/criteria-format.md); read, never stored", HelpName = "file", Required = true };
        var map = new Option<string?>("--map") { Description = "Mapping table old → new criterion (CSV or XLSX, columns old,new); ids it does not name match by id", HelpName = "file" };
        var output = new Option<string?>("--out") { Description = "Also write the simulation as XLSX", HelpName = "file.xlsx" };
        var command = new Command("simulate",
            "Simulate a criteria change: re-score a past period's entries under a draft set and show the classes before and after "
            + "per group, the units that change class and why, and the criteria without counterpart. Nothing is written to the database.")
        {
            period, scope, criteria, map, output,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            var read = CriteriaSetFile.Read(context.Get(criteria)!);
            if (!read.IsValid) throw new RefusedException(TableLimits.Default.Cap(read.Refusals, null));
            IReadOnlyList<CriterionLink>? links = null;
            string? mapName = null;
            if (context.Get(map) is { } mapPath)
            {
                mapName = Path.GetFileName(mapPath);
                links = CriteriaMapping.FromTable(TableFile.Read(mapPath), mapName);
            }

            await using var db = await context.OpenDatabaseAsync(ct);
            var code = context.Get(scope)!.Trim();
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct)
                ?? throw new RefusedException("cli.unknownUnit", Where.AtField("--scope"), ("unit", code));
            CliContext.Require(await context.ActorAsync(db, ct), EvaluationPermissions.Simulate, DanVan.Accounts.Permissions.Target.Unit(unit),
                Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", code)));
            var value = context.Get(period);
            int periodId;
            if (value is >= 1900 and < 2200)
            {
                periodId = (await ReportQuery.FindPeriodAsync(db, value, unit.Id, ct))?.Id
                    ?? throw new RefusedException("cli.noPeriodCovers", Where.AtField("--period"), ("year", value), ("unit", unit.Name), ("code", unit.Code),
                        ("known", string.Join(", ", await db.Periods.Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(ct))));
            }
            else
            {
                periodId = await db.Periods.AnyAsync(p => p.Id == value, ct) ? value
                    : throw new RefusedException("cli.unknownPeriodId", Where.AtField("--period"), ("id", value));
            }

            var result = await CriteriaSimulation.RunAsync(db, new SimulationRequest(periodId, read.Set!) { ScopeUnitId = unit.Id, Mapping = links, MappingFile = mapName }, ct);
            Write(context.Out, result);
            if (context.Get(output) is { } path)
            {
                var full = Path.GetFullPath(path);
                if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
                await File.WriteAllBytesAsync(full, XlsxWriter.ToBytes(SimulationWorkbook.Tables(result)), ct);
                await context.Out.WriteLineAsync($"Wrote {path}.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter w, SimulationResult r)
    {
        w.WriteLine($"Mô phỏng: {r.PeriodName} — phạm vi {r.ScopeName}");
        w.WriteLine($"Dự thảo: {r.DraftName} ({r.DraftDecision})");
        w.WriteLine($"{r.Units} đơn vị được chấm lại, {r.Changes.Count} đơn vị thay đổi xếp loại. Không ghi gì vào cơ sở dữ liệu.");
        if (r.GroupsNotCovered.Count > 0) w.WriteLine($"Dự thảo không áp dụng cho: {string.Join(", ", r.GroupsNotCovered)}.");
        foreach (var g in r.Groups)
        {
            w.WriteLine();
            w.WriteLine($"{g.GroupName} ({g.GroupCode}): {g.Classified} đơn vị được xếp loại");
            var table = new TextTable("Xếp loại", "Trước", "Sau").AlignRight(1, 2);
            foreach (var label in g.Before.Select(b => b.Label).Concat(g.After.Select(b => b.Label)).Distinct())
            {
                var b = g.Before.FirstOrDefault(x => x.Label == label);
                var a = g.After.FirstOrDefault(x => x.Label == label);
                table.Add(label, $"{b?.Count ?? 0} ({Format.Points(b?.Percent ?? 0)}%)", $"{a?.Count ?? 0} ({Format.Points(a?.Percent ?? 0)}%)");
            }
            table.Write(w);
        }

        if (r.Changes.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Đơn vị thay đổi xếp loại");
            var changes = new TextTable("Mã", "Đơn vị", "Trước", "Sau", "Tổng điểm", "Tiêu chí thay đổi nhiều nhất");
            foreach (var c in r.Changes)
                changes.Add(c.UnitCode, c.UnitName, c.BandBefore, c.BandAfter, $"{Format.Points(c.TotalBefore)} → {Format.Points(c.TotalAfter)}", SimulationWorkbook.MovesText(c));
            changes.Write(w);
        }

        w.WriteLine();
        w.WriteLine("Tiêu chí cũ bị bỏ: " + (r.Dropped.Count == 0 ? "không có" : string.Join("; ", r.Dropped.Select(d => $"{d.Id} {d.Name}"))));
        w.WriteLine("Tiêu chí mới chưa có số liệu: " + (r.NoData.Count == 0 ? "không có" : string.Join("; ", r.NoData.Select(d => $"{d.Id} {d.Name}"))));
    }
}
