using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Audit;

/// <summary>How the audit trail is stored; one trail for every capability.</summary>
internal static class AuditModel
{
    /// <summary>Applies the audit trail's mapping.</summary>
    public static void Configure(ModelBuilder builder) => builder.ApplyConfiguration(new AuditEntryConfiguration());
}

/// <summary>Storage of the audit trail: looked up by subject, by assessment (per-criterion page) and by time.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var e = builder;
        e.ToTable("Audit");
        e.Property(x => x.SubjectType).HasMaxLength(64);
        e.Property(x => x.SubjectId).HasMaxLength(64);
        e.Property(x => x.User).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.CriterionId).HasMaxLength(64);
        e.Ignore(x => x.SubjectEntity);
        e.HasIndex(x => new { x.SubjectType, x.SubjectId });
        e.HasIndex(x => x.AssessmentId);
        e.HasIndex(x => x.At);
    }
}
