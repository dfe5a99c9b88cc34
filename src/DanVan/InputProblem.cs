namespace DanVan;

/// <summary>One located problem with input: where (file, row, column or JSON path) and why.</summary>
public sealed record InputProblem(string Where, string Message)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Where) ? Message : $"{Where}: {Message}";
}

/// <summary>Input refused as a whole; nothing was stored.</summary>
public sealed class RefusedInputException(IReadOnlyList<InputProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputProblem> Problems { get; } = problems;

    /// <summary>A refusal with one problem.</summary>
    public RefusedInputException(string where, string message) : this([new InputProblem(where, message)]) { }
}
