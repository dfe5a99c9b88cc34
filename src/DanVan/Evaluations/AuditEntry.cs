namespace DanVan.Evaluations;

/// <summary>One appended line of the audit trail: who, when, what, old → new, why. Never edited.</summary>
public sealed class AuditEntry
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>User name, or "cli" for the command-line tool.</summary>
    public required string User { get; set; }

    /// <summary>What was done, e.g. "entry.set", "assessment.submit".</summary>
    public required string Action { get; set; }

    /// <summary>The assessment concerned, when there is one.</summary>
    public int? AssessmentId { get; set; }

    /// <summary>The criterion concerned, when there is one.</summary>
    public string? CriterionId { get; set; }

    /// <summary>The entity type and key for changes outside assessments, e.g. "OrgUnit:12".</summary>
    public string? Subject { get; set; }

    /// <summary>Value before.</summary>
    public string? OldValue { get; set; }

    /// <summary>Value after.</summary>
    public string? NewValue { get; set; }

    /// <summary>Reason given.</summary>
    public string? Reason { get; set; }
}
