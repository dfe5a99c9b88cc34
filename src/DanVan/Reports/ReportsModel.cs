using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Reports;

/// <summary>How the texts of consolidated reports are stored.</summary>
internal static class ReportsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new ReportDraftConfiguration())
        .ApplyConfiguration(new ReportTemplateConfiguration());
}

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> e)
    {
        e.HasIndex(x => new { x.ScopeUnitId, x.Year }).IsUnique();
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Summary).HasMaxLength(ReportDraft.MaxLineLength);
        e.Property(x => x.SignerAuthority).HasMaxLength(ReportDraft.MaxLineLength);
        e.Property(x => x.SignerPosition).HasMaxLength(ReportDraft.MaxLineLength);
        e.Property(x => x.SignerName).HasMaxLength(ReportDraft.MaxLineLength);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Ignore(x => x.CarriedFromYear);
    }
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<Templates.StoredReportTemplate>
{
    public void Configure(EntityTypeBuilder<Templates.StoredReportTemplate> e)
    {
        e.ToTable("ReportTemplates");
        e.HasIndex(x => new { x.ScopeUnitId, x.Version }).IsUnique();
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(Templates.ReportTemplateFile.MaxText);
        e.Property(x => x.SavedBy).HasMaxLength(256);
    }
}
