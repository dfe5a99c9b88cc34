using DanVan.Criteria;
using DanVan.Evaluations.Council;
using DanVan.OrgUnits;
using DanVan.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Evaluations;

/// <summary>How periods, assessments, their entries and evidence are stored (the audit trail: <see cref="DanVan.Audit.AuditModel"/>).</summary>
internal static class EvaluationsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new EvaluationPeriodConfiguration())
        .ApplyConfiguration(new PeriodGroupConfiguration())
        .ApplyConfiguration(new AssessmentConfiguration())
        .ApplyConfiguration(new AssessmentEntryConfiguration())
        .ApplyConfiguration(new EvidenceConfiguration())
        .ApplyConfiguration(new EvidenceContentConfiguration())
        .ApplyConfiguration(new UnitDocumentConfiguration())
        .ApplyConfiguration(new UnitDocumentContentConfiguration())
        .ApplyConfiguration(new PeriodCouncilConfiguration())
        .ApplyConfiguration(new CouncilMemberConfiguration())
        .ApplyConfiguration(new CouncilBallotConfiguration())
        .ApplyConfiguration(new CouncilScoreConfiguration());
}

internal sealed class EvaluationPeriodConfiguration : IEntityTypeConfiguration<EvaluationPeriod>
{
    public void Configure(EntityTypeBuilder<EvaluationPeriod> e)
    {
        e.HasOne(x => x.ScopeUnit).WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Groups).WithOne().HasForeignKey(x => x.PeriodId);
        e.HasMany(x => x.Assessments).WithOne(x => x.Period).HasForeignKey(x => x.PeriodId);
        e.Ignore(x => x.Reporting);
        // Per-level deadlines are few and always read with the period: one JSON text column, no join.
        e.Property(x => x.LevelDeadlines).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            v => System.Text.Json.JsonSerializer.Deserialize<List<LevelDeadline>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new(),
            new ValueComparer<List<LevelDeadline>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToList()))
            .HasMaxLength(2000);
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

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.CriterionId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
        e.Property(x => x.StoredName).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasOne(x => x.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceId).OnDelete(DeleteBehavior.Cascade);
        // A document linked as evidence stays while any link does.
        e.HasOne(x => x.UnitDocument).WithMany().HasForeignKey(x => x.UnitDocumentId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.InsufficientReason).HasMaxLength(UnitDocuments.MaxReasonLength);
        e.Property(x => x.InsufficientBy).HasMaxLength(256);
    }
}

internal sealed class UnitDocumentConfiguration : IEntityTypeConfiguration<UnitDocument>
{
    public void Configure(EntityTypeBuilder<UnitDocument> e)
    {
        e.ToTable("UnitDocuments");
        e.HasIndex(x => new { x.UnitId, x.IssuedOn });
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Number).HasMaxLength(UnitDocuments.MaxNumberLength);
        e.Property(x => x.Issuer).HasMaxLength(UnitDocuments.MaxIssuerLength);
        e.Property(x => x.Summary).HasMaxLength(UnitDocuments.MaxSummaryLength);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.StoredName).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.AddedBy).HasMaxLength(256);
        e.Ignore(x => x.Label);
        e.HasOne(x => x.Content).WithOne().HasForeignKey<UnitDocumentContent>(c => c.UnitDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitDocumentContentConfiguration : IEntityTypeConfiguration<UnitDocumentContent>
{
    public void Configure(EntityTypeBuilder<UnitDocumentContent> e)
    {
        e.ToTable("UnitDocumentContents");
        e.HasKey(x => x.UnitDocumentId);
        e.Property(x => x.UnitDocumentId).ValueGeneratedNever();
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> e)
    {
        e.ToTable("EvidenceContents");
        e.HasKey(x => x.EvidenceId);
        e.Property(x => x.EvidenceId).ValueGeneratedNever();
    }
}

internal sealed class PeriodCouncilConfiguration : IEntityTypeConfiguration<PeriodCouncil>
{
    public void Configure(EntityTypeBuilder<PeriodCouncil> e)
    {
        e.ToTable("PeriodCouncils");
        e.HasKey(x => x.PeriodId);
        e.Property(x => x.PeriodId).ValueGeneratedNever();
        e.HasOne<EvaluationPeriod>().WithOne().HasForeignKey<PeriodCouncil>(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Threshold).HasPrecision(9, 2);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Chair);
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> e)
    {
        e.HasIndex(x => new { x.PeriodId, x.UserName }).IsUnique();
        e.Property(x => x.UserName).HasMaxLength(256);
    }
}

internal sealed class CouncilBallotConfiguration : IEntityTypeConfiguration<CouncilBallot>
{
    public void Configure(EntityTypeBuilder<CouncilBallot> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.Member }).IsUnique();
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Member).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CouncilScoreConfiguration : IEntityTypeConfiguration<CouncilScore>
{
    public void Configure(EntityTypeBuilder<CouncilScore> e)
    {
        e.HasIndex(x => new { x.BallotId, x.CriterionId }).IsUnique();
        e.Property(x => x.CriterionId).HasMaxLength(64);
        e.Property(x => x.Points).HasPrecision(9, 2);
        e.Property(x => x.Achieved).HasPrecision(18, 4);
        e.Property(x => x.Target).HasPrecision(18, 4);
    }
}
