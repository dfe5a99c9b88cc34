namespace DanVan.Registries;

/// <summary>The legal time limit of one kind of matter, counted in calendar days from the acceptance date (ngày thụ lý).</summary>
/// <param name="Kind">The kind of matter.</param>
/// <param name="Days">Days allowed.</param>
/// <param name="Basis">The legal basis, as a report cites it.</param>
public sealed record TimeLimit(MatterKind Kind, int Days, string Basis);

/// <summary>The table of time limits by kind of matter; a province may replace any row (configuration "Registries:TimeLimits").</summary>
public sealed class TimeLimitTable
{
    private readonly Dictionary<MatterKind, TimeLimit> _rows;

    /// <summary>A table from rows; kinds missing take the default.</summary>
    public TimeLimitTable(IEnumerable<TimeLimit>? rows = null)
    {
        _rows = Defaults.ToDictionary(r => r.Kind);
        foreach (var r in rows ?? []) _rows[r.Kind] = r;
    }

    /// <summary>The defaults: first-time complaints and denunciations 30 days; recommendations and reflections 15 days.</summary>
    /// <remarks>Complex complaints (45 days) and extended denunciations are set by changing the due date with a reason.
    /// The laws set no single limit for kiến nghị, phản ánh: 15 days is a common provincial rule, so it is configurable.</remarks>
    public static IReadOnlyList<TimeLimit> Defaults { get; } =
    [
        new(MatterKind.Complaint, 30, "Luật Khiếu nại 2011, Điều 28"),
        new(MatterKind.Denunciation, 30, "Luật Tố cáo 2018, Điều 30"),
        new(MatterKind.Recommendation, 15, "Quy chế của tỉnh (Luật Tiếp công dân 2013, Điều 28)"),
        new(MatterKind.Reflection, 15, "Quy chế của tỉnh (Luật Tiếp công dân 2013, Điều 28)"),
    ];

    /// <summary>The rows, by kind.</summary>
    public IReadOnlyCollection<TimeLimit> Rows => _rows.Values;

    /// <summary>The limit for a kind.</summary>
    public TimeLimit For(MatterKind kind) => _rows[kind];

    /// <summary>The due date of a matter of <paramref name="kind"/> accepted on <paramref name="acceptedOn"/>.</summary>
    public DateOnly DueOn(MatterKind kind, DateOnly acceptedOn) => acceptedOn.AddDays(For(kind).Days);
}
