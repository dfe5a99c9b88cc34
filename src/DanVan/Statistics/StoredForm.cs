namespace DanVan.Statistics;

/// <summary>A stored version of a form definition (its JSON as imported); frozen once a period uses it.</summary>
public sealed class StoredForm
{
    private FormDefinition? _definition;

    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The form's code.</summary>
    public required string Code { get; set; }

    /// <summary>The form's version.</summary>
    public int Version { get; set; }

    /// <summary>The form's name.</summary>
    public required string Name { get; set; }

    /// <summary>The definition as imported (docs/forms-format.md).</summary>
    public required string Json { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime StoredAt { get; set; }

    /// <summary>Who stored it.</summary>
    public required string StoredBy { get; set; }

    /// <summary>The definition; the stored text passed validation when it was imported.</summary>
    public FormDefinition Definition() =>
        _definition ??= FormDefinitionFile.Parse(Json).Form ?? throw new InvalidOperationException($"stored form {Code} v{Version} does not parse");
}
