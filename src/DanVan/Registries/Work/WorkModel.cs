using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>How the work registries are stored.</summary>
internal static class WorkModel
{
    /// <summary>Applies the work registries' mappings.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DanVanModel>(e =>
        {
            e.ToTable("DanVanModels");
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Owners).WithMany().UsingEntity("DanVanModelOwners",
                r => r.HasOne(typeof(OrgUnits.OrgUnit)).WithMany().HasForeignKey("OwnerId").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(DanVanModel)).WithMany().HasForeignKey("ModelId").OnDelete(DeleteBehavior.Cascade));
            e.HasIndex(x => new { x.UnitId, x.YearStarted });
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.Field).HasMaxLength(400);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Documents).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.OwnsMany(x => x.Awards, a =>
            {
                a.ToTable("DanVanModelAwards");
                // Keyed by its own id alone: SQLite generates no values for a composite key.
                a.HasKey(x => x.Id);
                a.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
                a.Property(x => x.Recipient).HasConversion<string>().HasMaxLength(16);
                a.Property(x => x.Decision).HasMaxLength(400);
            });
        });
        builder.Entity<WorkPlan>(e =>
        {
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.UnitId, x.Year, x.Kind });
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Number).HasMaxLength(400);
            e.Property(x => x.IssuedBy).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Ignore(x => x.IssuedOnTime);
        });
        builder.Entity<FrontRecommendation>(e =>
        {
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.UnitId, x.IssuedOn });
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.IssuerLevel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Issuer).HasMaxLength(400);
            e.Property(x => x.Reference).HasMaxLength(400);
            e.Property(x => x.ResponseReference).HasMaxLength(400);
            e.Property(x => x.Topic).HasMaxLength(4000);
            e.Property(x => x.Content).HasMaxLength(4000);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Ignore(x => x.AnsweredOnTime);
        });
    }
}
