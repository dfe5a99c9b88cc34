using System.Collections.ObjectModel;

namespace DanVan.Refusals;

/// <summary>Where a refusal points: any of file, sheet, row, column, JSON path, field and criterion.</summary>
/// <remarks>Surfaces key errors by <see cref="Key"/> (the API's <c>errors</c> object, a page's field message).</remarks>
public sealed record Where
{
    /// <summary>No location: the request as a whole.</summary>
    public static readonly Where Request = new();

    /// <summary>File name, for uploads and CLI files.</summary>
    public string? File { get; init; }

    /// <summary>Worksheet name (XLSX).</summary>
    public string? Sheet { get; init; }

    /// <summary>1-based row in the file or sheet.</summary>
    public int? Row { get; init; }

    /// <summary>Column name or letter as the file shows it.</summary>
    public string? Column { get; init; }

    /// <summary>JSON path, e.g. <c>$.criteria[2].maxPoints</c>.</summary>
    public string? Path { get; init; }

    /// <summary>A form or request field, e.g. <c>points</c>, <c>reason</c>.</summary>
    public string? Field { get; init; }

    /// <summary>The criterion (or indicator) id concerned.</summary>
    public string? Criterion { get; init; }

    /// <summary>A field of the request.</summary>
    public static Where AtField(string field) => new() { Field = field };

    /// <summary>A JSON path.</summary>
    public static Where AtPath(string path) => new() { Path = path };

    /// <summary>A field of one criterion's entry.</summary>
    public static Where AtCriterion(string criterionId, string? field = null) => new() { Criterion = criterionId, Field = field };

    /// <summary>A cell (or a whole row when <paramref name="column"/> is null) of a file.</summary>
    public static Where AtCell(string? file, int row, string? column, string? sheet = null) =>
        new() { File = file, Sheet = sheet, Row = row, Column = column };

    /// <summary>A stable key: parts joined by '/', e.g. <c>criterion:2.3/points</c>, <c>file:a.csv/row:3/column:points</c>, <c>$.id</c>.</summary>
    public string Key
    {
        get
        {
            var parts = new List<string>(4);
            if (File is not null) parts.Add("file:" + File);
            if (Sheet is not null) parts.Add("sheet:" + Sheet);
            if (Row is { } r) parts.Add("row:" + r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Column is not null) parts.Add("column:" + Column);
            if (Path is not null) parts.Add(Path);
            if (Criterion is not null) parts.Add("criterion:" + Criterion);
            if (Field is not null) parts.Add(Field);
            return parts.Count == 0 ? "" : string.Join('/', parts);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>
/// One refusal by the core: a stable <see cref="Code"/> (e.g. <c>entry.outOfRange</c>), where, and the arguments its
/// wording needs. Never prose: each surface words it (<see cref="RefusalText"/>) in the reader's language.
/// </summary>
public sealed record Refusal(string Code, Where Where, IReadOnlyDictionary<string, object?> Args)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArgs = ReadOnlyDictionary<string, object?>.Empty;

    /// <summary>A refusal with no arguments.</summary>
    public Refusal(string code, Where where) : this(code, where, NoArgs) { }

    /// <summary>A refusal with arguments given as name/value pairs.</summary>
    public static Refusal Of(string code, Where where, params (string Name, object? Value)[] args) =>
        new(code, where, args.Length == 0 ? NoArgs : args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    /// <summary>The same refusal at another place (e.g. a row of a file around a field's refusal).</summary>
    public Refusal At(Where where) => this with { Where = where };

    /// <summary>English wording, for logs and exception messages only; surfaces use <see cref="RefusalText"/>.</summary>
    public override string ToString() => RefusalText.Render(this, RefusalText.English);
}

/// <summary>The core refused; nothing was stored. Carries every refusal found.</summary>
public sealed class RefusedException(IReadOnlyList<Refusal> refusals)
    : Exception(string.Join(Environment.NewLine, refusals.Select(r => r.ToString())))
{
    /// <summary>Every refusal found (at least one).</summary>
    public IReadOnlyList<Refusal> Refusals { get; } = refusals;

    /// <summary>A refusal of one thing.</summary>
    public RefusedException(Refusal refusal) : this([refusal]) { }

    /// <summary>A refusal of one thing.</summary>
    public RefusedException(string code, Where where, params (string Name, object? Value)[] args) : this(Refusal.Of(code, where, args)) { }

    /// <summary>The first refusal's code.</summary>
    public string Code => Refusals[0].Code;
}
