using DanVan.Data;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>Receptions of one kind: lượt (visits) and người (people).</summary>
/// <param name="Visits">Lượt tiếp.</param>
/// <param name="People">Người.</param>
public sealed record VisitCount(int Visits, int People);

/// <summary>The reception log's figures for a scope and period, as reports state them.</summary>
public sealed record ReceptionFigures
{
    /// <summary>Every reception: lượt / người.</summary>
    public required VisitCount Total { get; init; }

    /// <summary>Vụ việc after de-duplication: receptions of one case count once.</summary>
    public required int Matters { get; init; }

    /// <summary>By kind.</summary>
    public required IReadOnlyDictionary<ReceptionKind, VisitCount> ByKind { get; init; }

    /// <summary>Đoàn đông người: lượt đoàn.</summary>
    public required int Delegations { get; init; }

    /// <summary>Đoàn đông người: vụ việc.</summary>
    public required int DelegationMatters { get; init; }

    /// <summary>Receptions by the head in person.</summary>
    public required int ByHead { get; init; }

    /// <summary>Periodic receptions by the head in person.</summary>
    public required int PeriodicByHead { get; init; }

    /// <summary>By outcome (lượt).</summary>
    public required IReadOnlyDictionary<ReceptionOutcome, int> ByOutcome { get; init; }
}

/// <summary>The petition registry's figures for a scope and period.</summary>
public sealed record PetitionFigures
{
    /// <summary>Đơn nhận.</summary>
    public required int Received { get; init; }

    /// <summary>By kind.</summary>
    public required IReadOnlyDictionary<MatterKind, int> ByKind { get; init; }

    /// <summary>Thuộc thẩm quyền.</summary>
    public required int WithinCompetence { get; init; }

    /// <summary>Vượt cấp.</summary>
    public required int Escalated { get; init; }

    /// <summary>Thuộc thẩm quyền, đã giải quyết xong.</summary>
    public required int Resolved { get; init; }

    /// <summary>Thụ lý, quá hạn chưa giải quyết at the period's end.</summary>
    public required int Overdue { get; init; }

    /// <summary>Tỷ lệ giải quyết: resolved / within competence.</summary>
    public RatioValue ResolutionRate => new(Resolved, WithinCompetence);
}

/// <summary>The dialogue registry's figures.</summary>
/// <param name="Held">Cuộc đối thoại.</param>
/// <param name="ByHead">Chaired by the head.</param>
/// <param name="OpenFollowUps">Follow-up items not done.</param>
public sealed record DialogueFigures(int Held, int ByHead, int OpenFollowUps);

/// <summary>The citizen registries' figures, computed in the database for any scope and period.</summary>
public sealed class CitizenFigures : IRegistryFigureSource
{
    /// <inheritdoc />
    public IReadOnlyList<RegistryFigure> Figures { get; } =
    [
        new("receptions.visits", FigureShape.Count, "lượt"),
        new("receptions.people", FigureShape.Count, "người"),
        new("receptions.matters", FigureShape.Count, "vụ việc"),
        new("receptions.periodic.visits", FigureShape.Count, "lượt"),
        new("receptions.periodic.people", FigureShape.Count, "người"),
        new("receptions.regular.visits", FigureShape.Count, "lượt"),
        new("receptions.regular.people", FigureShape.Count, "người"),
        new("receptions.unscheduled.visits", FigureShape.Count, "lượt"),
        new("receptions.unscheduled.people", FigureShape.Count, "người"),
        new("receptions.delegations", FigureShape.Count, "đoàn"),
        new("receptions.delegations.matters", FigureShape.Count, "vụ việc"),
        new("receptions.byHead", FigureShape.Count, "lượt"),
        new("receptions.periodic.byHead", FigureShape.Count, "buổi"),
        new("receptions.guided", FigureShape.Count, "lượt"),
        new("receptions.explained", FigureShape.Count, "lượt"),
        new("petitions.received", FigureShape.Count, "đơn"),
        new("petitions.complaints", FigureShape.Count, "đơn"),
        new("petitions.denunciations", FigureShape.Count, "đơn"),
        new("petitions.recommendations", FigureShape.Count, "đơn"),
        new("petitions.reflections", FigureShape.Count, "đơn"),
        new("petitions.withinCompetence", FigureShape.Count, "đơn"),
        new("petitions.escalated", FigureShape.Count, "đơn"),
        new("petitions.resolved", FigureShape.Count, "đơn"),
        new("petitions.resolutionRate", FigureShape.Ratio, "%"),
        new("petitions.overdue", FigureShape.Count, "đơn"),
        new("dialogues.held", FigureShape.Count, "cuộc"),
        new("dialogues.byHead", FigureShape.Count, "cuộc"),
        new("dialogues.openFollowUps", FigureShape.Count, "việc"),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IndicatorValue>> ComputeAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        var r = await ReceptionsAsync(db, scope, ct);
        var p = await PetitionsAsync(db, scope, ct);
        var d = await DialoguesAsync(db, scope, ct);
        var kind = (ReceptionKind k) => r.ByKind.GetValueOrDefault(k) ?? new VisitCount(0, 0);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["receptions.visits"] = r.Total.Visits,
            ["receptions.people"] = r.Total.People,
            ["receptions.matters"] = r.Matters,
            ["receptions.periodic.visits"] = kind(ReceptionKind.Periodic).Visits,
            ["receptions.periodic.people"] = kind(ReceptionKind.Periodic).People,
            ["receptions.regular.visits"] = kind(ReceptionKind.Regular).Visits,
            ["receptions.regular.people"] = kind(ReceptionKind.Regular).People,
            ["receptions.unscheduled.visits"] = kind(ReceptionKind.Unscheduled).Visits,
            ["receptions.unscheduled.people"] = kind(ReceptionKind.Unscheduled).People,
            ["receptions.delegations"] = r.Delegations,
            ["receptions.delegations.matters"] = r.DelegationMatters,
            ["receptions.byHead"] = r.ByHead,
            ["receptions.periodic.byHead"] = r.PeriodicByHead,
            ["receptions.guided"] = r.ByOutcome.GetValueOrDefault(ReceptionOutcome.Guided),
            ["receptions.explained"] = r.ByOutcome.GetValueOrDefault(ReceptionOutcome.Explained),
            ["petitions.received"] = p.Received,
            ["petitions.complaints"] = p.ByKind.GetValueOrDefault(MatterKind.Complaint),
            ["petitions.denunciations"] = p.ByKind.GetValueOrDefault(MatterKind.Denunciation),
            ["petitions.recommendations"] = p.ByKind.GetValueOrDefault(MatterKind.Recommendation),
            ["petitions.reflections"] = p.ByKind.GetValueOrDefault(MatterKind.Reflection),
            ["petitions.withinCompetence"] = p.WithinCompetence,
            ["petitions.escalated"] = p.Escalated,
            ["petitions.resolved"] = p.Resolved,
            ["petitions.overdue"] = p.Overdue,
            ["dialogues.held"] = d.Held,
            ["dialogues.byHead"] = d.ByHead,
            ["dialogues.openFollowUps"] = d.OpenFollowUps,
        };
        var result = values.ToDictionary(v => v.Key, v => (IndicatorValue)new NumberValue(v.Value), StringComparer.Ordinal);
        result["petitions.resolutionRate"] = p.ResolutionRate;
        return result;
    }

    /// <summary>The reception log's figures: one grouped query, and one count of distinct matters each for all and for delegations.</summary>
    public static async Task<ReceptionFigures> ReceptionsAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = In(db.Receptions.AsNoTracking(), scope);
        var groups = await rows.GroupBy(r => new { r.Kind, r.IsDelegation, r.ByHead, r.Outcome })
            .Select(g => new { g.Key.Kind, g.Key.IsDelegation, g.Key.ByHead, g.Key.Outcome, Visits = g.Count(), People = g.Sum(r => r.VisitorCount) })
            .ToListAsync(ct);
        // A reception without a case is a matter of its own; receptions merged into one case count once.
        var matters = await rows.Select(r => r.CaseId ?? -r.Id).Distinct().CountAsync(ct);
        var delegationMatters = await rows.Where(r => r.IsDelegation).Select(r => r.CaseId ?? -r.Id).Distinct().CountAsync(ct);
        return new ReceptionFigures
        {
            Total = new VisitCount(groups.Sum(g => g.Visits), groups.Sum(g => g.People)),
            Matters = matters,
            ByKind = groups.GroupBy(g => g.Kind).ToDictionary(k => k.Key, k => new VisitCount(k.Sum(g => g.Visits), k.Sum(g => g.People))),
            Delegations = groups.Where(g => g.IsDelegation).Sum(g => g.Visits),
            DelegationMatters = delegationMatters,
            ByHead = groups.Where(g => g.ByHead).Sum(g => g.Visits),
            PeriodicByHead = groups.Where(g => g.ByHead && g.Kind == ReceptionKind.Periodic).Sum(g => g.Visits),
            ByOutcome = groups.GroupBy(g => g.Outcome).ToDictionary(k => k.Key, k => k.Sum(g => g.Visits)),
        };
    }

    /// <summary>The petition registry's figures in one grouped query.</summary>
    public static async Task<PetitionFigures> PetitionsAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var to = scope.To;
        var groups = await In(db.Petitions.AsNoTracking(), scope)
            .GroupBy(p => new
            {
                p.MatterKind, p.WithinCompetence, p.Escalated,
                Resolved = p.ResolvedOn != null && p.ResolvedOn <= to,
                Overdue = p.Handling == PetitionHandling.Accepted && p.DueOn < to && (p.ResolvedOn == null || p.ResolvedOn > to),
            })
            .Select(g => new { g.Key.MatterKind, g.Key.WithinCompetence, g.Key.Escalated, g.Key.Resolved, g.Key.Overdue, Count = g.Count() })
            .ToListAsync(ct);
        return new PetitionFigures
        {
            Received = groups.Sum(g => g.Count),
            ByKind = groups.GroupBy(g => g.MatterKind).ToDictionary(k => k.Key, k => k.Sum(g => g.Count)),
            WithinCompetence = groups.Where(g => g.WithinCompetence).Sum(g => g.Count),
            Escalated = groups.Where(g => g.Escalated).Sum(g => g.Count),
            Resolved = groups.Where(g => g.WithinCompetence && g.Resolved).Sum(g => g.Count),
            Overdue = groups.Where(g => g.Overdue).Sum(g => g.Count),
        };
    }

    /// <summary>The dialogues' figures.</summary>
    public static async Task<DialogueFigures> DialoguesAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Dialogues.AsNoTracking().Where(d => d.HeldOn >= scope.From && d.HeldOn <= scope.To);
        rows = scope.Below ? rows.Where(d => d.Unit!.Path.StartsWith(scope.UnitPath)) : rows.Where(d => d.Unit!.Path == scope.UnitPath);
        var held = await rows.CountAsync(ct);
        var byHead = await rows.CountAsync(d => d.ByHead, ct);
        var open = await rows.SelectMany(d => d.FollowUps).CountAsync(f => !f.Done, ct);
        return new DialogueFigures(held, byHead, open);
    }

    private static IQueryable<T> In<T>(IQueryable<T> rows, FigureScope scope) where T : CitizenRecord
    {
        rows = rows.Where(r => EF.Property<DateOnly>(r, "ReceivedOn") >= scope.From && EF.Property<DateOnly>(r, "ReceivedOn") <= scope.To);
        return scope.Below ? rows.Where(r => r.Unit!.Path.StartsWith(scope.UnitPath)) : rows.Where(r => r.Unit!.Path == scope.UnitPath);
    }
}
