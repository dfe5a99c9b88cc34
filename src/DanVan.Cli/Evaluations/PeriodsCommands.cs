using DanVan.Refusals;
using System.CommandLine;
using System.Text.RegularExpressions;
using DanVan.Accounts.Permissions;
using DanVan.Cli.Infrastructure;
using DanVan.Criteria;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Evaluations;

/// <summary>danvan periods create|list: evaluation periods (kỳ đánh giá).</summary>
public static partial class PeriodsCommands
{
    /// <summary>The "periods" command group.</summary>
    public static Command Build(GlobalOptions globals)
    {
        var periods = new Command("periods", "Evaluation periods (kỳ đánh giá): open and list");
        periods.Subcommands.Add(Create(globals));
        periods.Subcommands.Add(List(globals));
        periods.Subcommands.Add(ReconsiderationCommand.Build(globals));
        return periods;
    }

    [GeneratedRegex(@"^[^=\s]+=[^=@\s]+(@[1-9][0-9]*)?$")]
    private static partial Regex GroupChoice();

    private static Command Create(GlobalOptions globals)
    {
        var year = new Option<int>("--year") { Description = "Year evaluated", Required = true, HelpName = "year" };
        var name = new Option<string?>("--name") { Description = "Name (default: \"Đánh giá, xếp loại công tác dân vận chính quyền năm YEAR\")", HelpName = "text" };
        var scope = new Option<string?>("--scope")
        {
            Description = "Code of the unit whose coordinators run the period (default: the only top-level unit, the province)",
            HelpName = "unit code",
        };
        var opens = Format.DateOption("--opens", "First day units can enter scores");
        opens.Required = true;
        var deadline = Format.DateOption("--deadline", "Last day to submit");
        deadline.Required = true;
        var refuseLate = new Option<bool>("--refuse-late") { Description = "Refuse submissions after the deadline (default: accept and mark them late)" };
        var groups = new Option<string[]>("--group")
        {
            Description = "A group and its criteria set: GROUPCODE=SETKEY[@VERSION], repeatable (default: every group in the appliesTo of the latest active sets)",
            HelpName = "group=set[@version]",
            AllowMultipleArgumentsPerToken = true,
        };
        groups.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !GroupChoice().IsMatch(t.Value)))
                result.AddError($"--group '{token.Value}': write GROUPCODE=SETKEY or GROUPCODE=SETKEY@VERSION, e.g. cap-xa=quang-binh-02@2");
        });

        var command = new Command("create", "Open a period: one assessment per unit of the chosen groups within the scope")
        {
            year, name, scope, opens, deadline, refuseLate, groups,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var y = context.Get(year);
            var problems = new List<Refusal>();

            var units = await db.Units.AsNoTracking().ToListAsync(ct);
            int? scopeId = null;
            if (context.Get(scope) is { } code)
            {
                scopeId = units.FirstOrDefault(u => u.Code == code)?.Id;
                if (scopeId is null) problems.Add(Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", code)));
            }
            else
            {
                var roots = units.Where(u => u.ParentId is null).ToList();
                if (roots.Count == 1) scopeId = roots[0].Id;
                else problems.Add(roots.Count == 0
                    ? Refusal.Of("cli.noUnits", Where.AtField("--scope"))
                    : Refusal.Of("cli.severalRoots", Where.AtField("--scope"), ("units", string.Join(", ", roots.Select(r => r.Code)))));
            }
            // The account opens periods for a scope unit it coordinates; one outside its scope is "no such unit".
            if (scopeId is { } sid && units.First(u => u.Id == sid) is var scopeOf)
                CliContext.Require(actor, EvaluationPermissions.OpenPeriod, Target.Unit(scopeOf),
                    Refusal.Of("cli.unknownUnit", Where.AtField("--scope"), ("unit", scopeOf.Code)));

            var groupCodes = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Id, ct);
            var choices = new List<PeriodGroupChoice>();
            var given = context.Get(groups) ?? [];
            if (given.Length == 0) choices.AddRange(await DefaultGroupsAsync(db, groupCodes, problems, ct));
            foreach (var choice in given)
            {
                var (groupCode, rest) = (choice[..choice.IndexOf('=')], choice[(choice.IndexOf('=') + 1)..]);
                var at = rest.IndexOf('@');
                var key = at < 0 ? rest : rest[..at];
                int? version = at < 0 ? null : int.Parse(rest[(at + 1)..], Format.Vi);
                if (!groupCodes.TryGetValue(groupCode, out var groupId)) problems.Add(Refusal.Of("cli.unknownGroup", Where.AtField($"--group {choice}"), ("group", groupCode)));
                var set = await CriteriaSetStore.FindAsync(db, key, version, ct);
                if (set is null) problems.Add(version is null
                    ? Refusal.Of("cli.unknownCriteriaSet", Where.AtField($"--group {choice}"), ("set", key))
                    : Refusal.Of("cli.unknownCriteriaSetVersion", Where.AtField($"--group {choice}"), ("set", key), ("version", version)));
                if (set is not null && groupCodes.ContainsKey(groupCode)) choices.Add(new(groupId, set.Id));
            }
            if (problems.Count > 0) throw new RefusedException(problems);

            var request = new OpenPeriodRequest(y, context.Get(name) ?? $"Đánh giá, xếp loại công tác dân vận chính quyền năm {y}",
                scopeId!.Value, context.Get(opens)!.Value, context.Get(deadline)!.Value, !context.Get(refuseLate), choices);
            var period = await DanVan.Evaluations.Periods.OpenAsync(db, request, actor.UserName, ct);

            var groupNames = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g, ct);
            var setNames = await db.CriteriaSets.AsNoTracking().Where(s => choices.Select(c => c.CriteriaSetId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var scopeUnit = units.First(u => u.Id == period.ScopeUnitId);
            await context.Out.WriteLineAsync($"Opened period #{period.Id} {period.Year} \"{period.Name}\"");
            await context.Out.WriteLineAsync($"  scope {scopeUnit.Code} {scopeUnit.Name}; opens {Format.Date(period.OpensOn)}, deadline {Format.Date(period.Deadline)}, "
                + (period.AcceptLate ? "late submissions accepted and marked late" : "late submissions refused"));
            foreach (var g in period.Groups)
            {
                var count = period.Assessments.Count(a => a.GroupId == g.GroupId);
                var set = setNames[g.CriteriaSetId];
                await context.Out.WriteLineAsync($"  {groupNames[g.GroupId].Code}: {count} units, criteria {set.Key} v{set.Version}");
            }
            await context.Out.WriteLineAsync($"  {period.Assessments.Count} assessments in all.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<List<PeriodGroupChoice>> DefaultGroupsAsync(DanVan.Data.DanVanDbContext db, Dictionary<string, int> groupCodes,
        List<Refusal> problems, CancellationToken ct)
    {
        var latest = (await db.CriteriaSets.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct))
            .GroupBy(s => s.Key).Select(g => g.MaxBy(s => s.Version)!).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var chosen = new Dictionary<string, StoredCriteriaSet>(StringComparer.Ordinal);
        foreach (var set in latest)
        {
            foreach (var code in set.Parse().AppliesTo.Where(groupCodes.ContainsKey))
            {
                if (chosen.TryGetValue(code, out var other))
                    problems.Add(Refusal.Of("cli.groupInTwoSets", Where.AtField("--group"), ("group", code), ("first", other.Key), ("second", set.Key)));
                else chosen[code] = set;
            }
        }
        if (chosen.Count == 0 && problems.Count == 0)
            problems.Add(Refusal.Of("cli.noDefaultSet", Where.AtField("--group")));
        return chosen.Select(x => new PeriodGroupChoice(groupCodes[x.Key], x.Value.Id)).ToList();
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List periods with their groups, criteria sets and progress: those the account reads (its scope unit's, or with units it reads), counting the units it reads");
        command.SetBody(globals, async (context, ct) =>
        {
            await using var db = await context.OpenDatabaseAsync(ct);
            var actor = await context.ActorAsync(db, ct);
            var all = await db.Periods.AsNoTracking().Include(p => p.ScopeUnit).Include(p => p.Groups).ThenInclude(g => g.Group)
                .Include(p => p.Groups).ThenInclude(g => g.CriteriaSet).OrderBy(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct);
            var counts = (await db.Assessments.AsNoTracking().Select(a => new { a.PeriodId, a.Status, a.Unit!.Path }).ToListAsync(ct))
                .Where(a => actor.CanRead(a.Path))
                .GroupBy(a => a.PeriodId).ToDictionary(g => g.Key, g => g.ToList());
            var periods = all.Where(p => actor.CanRead(p.ScopeUnit!.Path) || counts.ContainsKey(p.Id)).ToList();
            var table = new TextTable("Id", "Year", "Name", "Scope", "Opens", "Deadline", "Late", "Groups", "Units", "Submitted", "Approved")
                .AlignRight(0, 1, 8, 9, 10);
            foreach (var p in periods)
            {
                var list = counts.GetValueOrDefault(p.Id) ?? [];
                var submitted = list.Count(a => a.Status is AssessmentStatus.Submitted or AssessmentStatus.Appraised or AssessmentStatus.Approved);
                table.Add(p.Id.ToString(Format.Vi), p.Year.ToString(Format.Vi), p.Name, p.ScopeUnit!.Code, Format.Date(p.OpensOn), Format.Date(p.Deadline),
                    p.AcceptLate ? "accepted" : "refused",
                    string.Join(" ", p.Groups.OrderBy(g => g.Group!.SortOrder).Select(g => $"{g.Group!.Code}={g.CriteriaSet!.Key}@{g.CriteriaSet.Version}")),
                    Format.Count(list.Count), Format.Count(submitted), Format.Count(list.Count(a => a.Status == AssessmentStatus.Approved)));
            }
            table.Write(context.Out);
            await context.Out.WriteLineAsync($"{periods.Count} periods.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
