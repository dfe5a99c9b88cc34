using System.Collections.Concurrent;

namespace DanVan.Statistics;

/// <summary>A stored version of a form definition (its JSON as imported); frozen once a period uses it.</summary>
public sealed class StoredForm
{
    // Parsing and validating a form takes milliseconds and every request loads its own row; definitions are immutable,
    // so one is shared per stored text (a handful of forms and versions; cleared if it ever grows large).
    private static readonly ConcurrentDictionary<string, FormDefinition> Parsed = new(StringComparer.Ordinal);

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
    public FormDefinition Definition()
    {
        if (_definition is not null) return _definition;
        if (Parsed.Count > 256) Parsed.Clear();
        return _definition = Parsed.GetOrAdd(Json, json =>
            FormDefinitionFile.Parse(json).Form ?? throw new InvalidOperationException($"stored form {Code} v{Version} does not parse"));
    }
}
