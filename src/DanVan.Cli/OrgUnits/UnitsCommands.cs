using System.CommandLine;
using DanVan.Accounts.Permissions;
using DanVan.Audit;
using DanVan.Cli.Infrastructure;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.OrgUnits;

/// <summary>danvan units import|export|list: unit lists in CSV and XLSX.</summary>
public static class UnitsCommands
{
    /// <summary>The "units" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var units = new Command("units", "Org units (đơn vị): import and export unit lists (.csv, .xlsx)");
        units.Subcommands.Add(Import(globals));
        units.Subcommands.Add(Export(globals));
        units.Subcommands.Add(List(globals));
        units.Subcommands.Add(Group(globals));
        return units;
    }

    private static Command Import(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "Unit list: .csv or .xlsx with columns " + string.Join(", ", UnitList.Columns) };
        Format.TableFileOnly(file);
        var command = new Command("import", "Create or update units from a file; all rows or none") { file };
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            var limits = TableLimits.With(Environment.GetEnvironmentVariable(TableLimits.MaxRowsVariable));
            var rows = UnitList.ReadFile(path, limits);
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, OrgUnitPermissions.Admin, Target.None);
            var summary = await UnitList.ImportAsync(db, rows, Path.GetFileName(path), actor.UserName, limits, ct);
            await context.Out.WriteLineAsync(
                $"Imported {Path.GetFileName(path)}: {summary.Created} created, {summary.Updated} updated, "
                + $"{summary.GroupsCreated} groups created, {summary.Successions} successor links added.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export(GlobalOptions globals)
    {
        var file = new Argument<string>("file") { Description = "Output: .csv or .xlsx (parents before children)" };
        Format.TableFileOnly(file);
        var command = new Command("export", "Write every unit to a file that units import reads back") { file };
        command.SetBody(globals, async (context, ct) =>
        {
            var path = context.Get(file)!;
            await using var db = await context.OpenDatabaseAsync(ct);
            CliContext.Require(await context.ActorAsync(db, ct), OrgUnitPermissions.Admin, Target.None);
            var rows = await UnitList.ExportAsync(db, ct);
            UnitList.WriteFile(path, rows);
            await context.Out.WriteLineAsync($"Exported {rows.Count} units to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Group(GlobalOptions globals)
    {
        var code = new Argument<string>("code") { Description = "Group code, e.g. cap-xa" };
        var name = new Option<string?>("--name") { Description = "Name shown in reports, e.g. \"UBND cấp xã\"", HelpName = "text" };
        var order = new Option<int?>("--order") { Description = "Position in reports (1 first)", HelpName = "n" };
        var command = new Command("group", "Create a unit group (khối) or change its name and order; without options, show the groups") { code, name, order };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            CliContext.Require(actor, OrgUnitPermissions.Admin, Target.None);
            var c = context.Get(code)!.Trim();
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Code == c, ct);
            var old = group is null ? null : $"{group.Code}; {group.Name}; {group.SortOrder}";
            if (group is null)
            {
                group = new UnitGroup { Code = c, Name = c, SortOrder = await db.Groups.CountAsync(ct) + 1 };
                db.Groups.Add(group);
            }
            if (context.Get(name) is { } n && n.Trim().Length > 0) group.Name = n.Trim().Normalize();
            if (context.Get(order) is { } o) group.SortOrder = o;
            var now = $"{group.Code}; {group.Name}; {group.SortOrder}";
            if (old != now)
            {
                AuditTrail.Record(db, new AuditLine(actor.UserName, DateTime.UtcNow, old is null ? "group.create" : "group.update", AuditSubject.Of(group)) { Old = old, New = now });
                await db.SaveChangesAsync(ct);
            }
            var table = new TextTable("Order", "Code", "Name", "Units").AlignRight(0, 3);
            var groups = await db.Groups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Code)
                .Select(g => new { g.SortOrder, g.Code, g.Name, Units = g.Units.Count }).ToListAsync(ct);
            foreach (var g in groups) table.Add(g.SortOrder.ToString(Format.Vi), g.Code, g.Name, g.Units.ToString(Format.Vi));
            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var group = new Option<string?>("--group") { Description = "Only units of this group (khối), e.g. cap-xa", HelpName = "code" };
        var on = Format.DateOption("--on", "Only units that exist on this day");
        var command = new Command("list", "List the units the account reads: code, name, kind, parent, groups, validity") { group, on };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var groupCode = context.Get(group);
            var day = context.Get(on);
            // The units the account reads (its scope), as the database filters them for the web host.
            var units = await db.Units.AsNoTracking().Where(actor.ReadableUnit()).Include(u => u.Groups).Include(u => u.Parent).ToListAsync(ct);
            var table = new TextTable("Code", "Name", "Kind", "Parent", "Groups", "Valid");
            foreach (var u in units
                .Where(u => groupCode is null || u.Groups.Any(g => g.Code == groupCode))
                .Where(u => day is null || u.IsValidOn(day.Value))
                .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal))
            {
                var valid = u.ValidFrom is null && u.ValidTo is null ? "" : $"{Format.Date(u.ValidFrom)}–{Format.Date(u.ValidTo)}";
                table.Add(u.Code, u.Name, u.Kind.ToString(), u.Parent?.Code, string.Join(";", u.Groups.Select(g => g.Code).Order()), valid);
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{table.Count} units.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
