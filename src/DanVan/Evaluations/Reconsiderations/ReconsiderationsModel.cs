using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DanVan.Evaluations.Reconsiderations;

/// <summary>How reconsiderations and re-publications are stored.</summary>
internal static class ReconsiderationsModel
{
    /// <summary>Applies the mappings.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Reconsideration>(e =>
        {
            // One per assessment (the rule of Reconsiderations.RequestRefusal; the index wins a race).
            e.HasIndex(x => x.AssessmentId).IsUnique();
            e.HasOne(x => x.Assessment).WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.ReconsiderationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.Property(x => x.OldBand).HasMaxLength(64);
            e.Property(x => x.NewBand).HasMaxLength(64);
            e.Property(x => x.OldTotal).HasPrecision(9, 2);
            e.Property(x => x.NewTotal).HasPrecision(9, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        builder.Entity<ReconsiderationItem>(e =>
        {
            e.HasIndex(x => new { x.ReconsiderationId, x.CriterionId }).IsUnique();
            e.Property(x => x.CriterionId).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.DocumentRef).HasMaxLength(Evidence.MaxReferenceLength);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Ruling).HasMaxLength(4000);
            // A ruled value is read and written whole with its item, until the re-publication copies it into an entry.
            e.Property(x => x.RuledValue).HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => v == null ? null : JsonSerializer.Deserialize<Scoring.CriterionValue>(v, (JsonSerializerOptions?)null))
                .HasMaxLength(2000);
            e.Property(x => x.RuledBy).HasMaxLength(256);
        });
        builder.Entity<ResultPublication>(e =>
        {
            // Two re-publications of one period cannot take the same number: the second save fails and is retried by the user.
            e.HasIndex(x => new { x.PeriodId, x.Number }).IsUnique();
            e.HasOne<EvaluationPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(1000);
            // The change list is read and written whole with its publication: one JSON text column.
            e.Property(x => x.Changes).HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<PublishedChange>>(v, (JsonSerializerOptions?)null) ?? new(),
                new ValueComparer<List<PublishedChange>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        });
    }
}
