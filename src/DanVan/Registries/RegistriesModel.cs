using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Registries;

/// <summary>How the citizen registries are stored.</summary>
internal static class RegistriesModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Reception>(e =>
        {
            e.ToTable("Receptions");
            Record(e, "ReceptionCitizens");
            e.HasIndex(x => new { x.UnitId, x.ReceivedOn });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Place).HasMaxLength(400);
            e.Property(x => x.ReceivedByName).HasMaxLength(400);
            e.Property(x => x.ReceivedByPosition).HasMaxLength(400);
        });
        builder.Entity<Petition>(e =>
        {
            e.ToTable("Petitions");
            Record(e, "PetitionCitizens");
            e.HasIndex(x => new { x.UnitId, x.ReceivedOn });
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Handling).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Result).HasMaxLength(4000);
        });
        builder.Entity<CitizenCase>(e =>
        {
            e.ToTable("CitizenCases");
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(400);
            e.Property(x => x.Result).HasMaxLength(4000);
        });
        builder.Entity<DuplicateDecision>(e =>
        {
            e.HasIndex(x => new { x.LeftKey, x.RightKey });
            e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.LeftKey).HasMaxLength(24);
            e.Property(x => x.RightKey).HasMaxLength(24);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.Moves).HasMaxLength(20_000);
        });
        builder.Entity<Dialogue>(e =>
        {
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.ChairedBy).HasMaxLength(400);
            e.Property(x => x.Topics).HasMaxLength(4000);
            e.Property(x => x.MattersRaised).HasMaxLength(4000);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.OwnsMany(x => x.FollowUps, f =>
            {
                f.ToTable("DialogueFollowUps");
                f.HasKey(x => x.Id);
                f.Property(x => x.Item).HasMaxLength(4000);
                f.Property(x => x.Owner).HasMaxLength(400);
            });
        });
        builder.Entity<RegistrySetting>(e =>
        {
            e.HasIndex(x => new { x.UnitId, x.EffectiveFrom }).IsUnique();
            e.HasOne<OrgUnits.OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void Record<T>(EntityTypeBuilder<T> e, string citizensTable) where T : CitizenRecord
    {
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.CaseId);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.MatterKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Field).HasMaxLength(400);
        e.Property(x => x.Summary).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Ignore(x => x.Date);
        e.Ignore(x => x.Key);
        e.OwnsMany(x => x.Citizens, c =>
        {
            c.ToTable(citizensTable);
            c.HasKey(x => x.Id);
            c.Property(x => x.Name).HasMaxLength(400);
            c.Property(x => x.IdNumberCipher).HasMaxLength(200);
            c.Property(x => x.IdNumberHash).HasMaxLength(64);
            c.HasIndex(x => x.IdNumberHash);
            c.Property(x => x.Address).HasMaxLength(400);
            c.Property(x => x.Phone).HasMaxLength(40);
        });
    }
}
