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
        .ApplyConfiguration(new ReportTemplateConfiguration())
        .ApplyConfiguration(new ReportCallConfiguration())
        .ApplyConfiguration(new ReportSubmissionConfiguration());
}

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> e)
    {
        e.HasIndex(x => new { x.ScopeUnitId, x.Year, x.Key }).IsUnique();
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Key).HasMaxLength(ReportDraft.MaxKey).HasDefaultValue("");
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

internal sealed class ReportCallConfiguration : IEntityTypeConfiguration<Submissions.ReportCall>
{
    public void Configure(EntityTypeBuilder<Submissions.ReportCall> e)
    {
        e.HasIndex(x => new { x.ScopeUnitId, x.Year });
        e.HasOne(x => x.ScopeUnit).WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Name).HasMaxLength(Submissions.ReportCall.MaxName);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RequestKind).HasMaxLength(64);
        e.Property(x => x.RequestNumber).HasMaxLength(64);
        e.Property(x => x.RequestIssuer).HasMaxLength(Submissions.ReportCall.MaxName);
        e.Property(x => x.RequestTitle).HasMaxLength(Submissions.ReportCall.MaxName);
        e.Ignore(x => x.Span);
        e.Ignore(x => x.Request);
        e.HasMany(x => x.Submissions).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<Submissions.ReportSubmission>
{
    public void Configure(EntityTypeBuilder<Submissions.ReportSubmission> e)
    {
        e.HasIndex(x => new { x.CallId, x.UnitId }).IsUnique();
        e.HasIndex(x => x.UnitId);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SentBy).HasMaxLength(256);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Coverage).HasMaxLength(32);
        e.Property(x => x.ReturnComment).HasMaxLength(DanVan.Refusals.TextLimit.MaxLength);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
