using DanVan.OrgUnits;
using DanVan.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Statistics;

/// <summary>How forms, their periods, units' reports and values are stored.</summary>
internal static class StatisticsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new StoredFormConfiguration())
        .ApplyConfiguration(new FormPeriodConfiguration())
        .ApplyConfiguration(new FormReportConfiguration())
        .ApplyConfiguration(new FormReportValueConfiguration());
}

internal sealed class StoredFormConfiguration : IEntityTypeConfiguration<StoredForm>
{
    public void Configure(EntityTypeBuilder<StoredForm> e)
    {
        e.ToTable("StatisticsForms");
        e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(400);
        e.Property(x => x.StoredBy).HasMaxLength(256);
    }
}

internal sealed class FormPeriodConfiguration : IEntityTypeConfiguration<FormPeriod>
{
    public void Configure(EntityTypeBuilder<FormPeriod> e)
    {
        e.HasOne(x => x.Form).WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ScopeUnit).WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reports).WithOne(x => x.Period).HasForeignKey(x => x.PeriodId);
        e.Ignore(x => x.Reporting);
        e.Property(x => x.Name).HasMaxLength(400);
        e.Property(x => x.LevelDeadlines).HasConversion(
            v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
            v => System.Text.Json.JsonSerializer.Deserialize<List<LevelDeadline>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new(),
            new ValueComparer<List<LevelDeadline>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToList()))
            .HasMaxLength(2000);
    }
}

internal sealed class FormReportConfiguration : IEntityTypeConfiguration<FormReport>
{
    public void Configure(EntityTypeBuilder<FormReport> e)
    {
        e.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.ReportId);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Explanations).HasMaxLength(20_000);
        e.Property(x => x.ReturnComment).HasMaxLength(4000);
        e.Property(x => x.ConfirmedBy).HasMaxLength(256);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
    }
}

internal sealed class FormReportValueConfiguration : IEntityTypeConfiguration<FormReportValue>
{
    public void Configure(EntityTypeBuilder<FormReportValue> e)
    {
        e.HasKey(x => new { x.ReportId, x.Indicator });
        e.Property(x => x.Indicator).HasMaxLength(64);
        e.Property(x => x.Text).HasMaxLength(4000);
    }
}
