using DanVan.Criteria;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Evaluations;

/// <summary>How periods, assessments, their entries, evidence and the audit trail are stored.</summary>
internal static class EvaluationsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new EvaluationPeriodConfiguration())
        .ApplyConfiguration(new PeriodGroupConfiguration())
        .ApplyConfiguration(new AssessmentConfiguration())
        .ApplyConfiguration(new AssessmentEntryConfiguration())
        .ApplyConfiguration(new AuditEntryConfiguration())
        .ApplyConfiguration(new EvidenceConfiguration());
}

internal sealed class EvaluationPeriodConfiguration : IEntityTypeConfiguration<EvaluationPeriod>
{
    public void Configure(EntityTypeBuilder<EvaluationPeriod> e)
    {
        e.HasOne(x => x.ScopeUnit).WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Groups).WithOne().HasForeignKey(x => x.PeriodId);
        e.HasMany(x => x.Assessments).WithOne(x => x.Period).HasForeignKey(x => x.PeriodId);
    }
}

internal sealed class PeriodGroupConfiguration : IEntityTypeConfiguration<PeriodGroup>
{
    public void Configure(EntityTypeBuilder<PeriodGroup> e)
    {
        e.HasIndex(x => new { x.PeriodId, x.GroupId }).IsUnique();
        e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.CriteriaSet).WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<UnitGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StoredCriteriaSet>().WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.AssessmentId);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SelfTotal).HasPrecision(9, 2);
        e.Property(x => x.FinalTotal).HasPrecision(9, 2);
        e.Ignore(x => x.FlagSet);
    }
}

internal sealed class AssessmentEntryConfiguration : IEntityTypeConfiguration<AssessmentEntry>
{
    public void Configure(EntityTypeBuilder<AssessmentEntry> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.CriterionId, x.Layer }).IsUnique();
        e.Property(x => x.CriterionId).HasMaxLength(64);
        e.Property(x => x.Points).HasPrecision(9, 2);
        e.Property(x => x.Achieved).HasPrecision(18, 4);
        e.Property(x => x.Target).HasPrecision(18, 4);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(x => x.AssessmentId);
        e.HasIndex(x => x.At);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.CriterionId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.Property(x => x.StoredName).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
    }
}
