using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.OrgUnits;

/// <summary>How units, groups and successor links are stored.</summary>
internal static class OrgUnitsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new OrgUnitConfiguration())
        .ApplyConfiguration(new UnitGroupConfiguration())
        .ApplyConfiguration(new UnitSuccessionConfiguration());
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.ShortName).HasMaxLength(200);
        e.Property(x => x.Path).HasMaxLength(UnitPaths.MaxLength);
        e.HasIndex(x => x.Path);
        e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Groups).WithMany(x => x.Units).UsingEntity("UnitGroupMembers");
        e.Ignore(x => x.DisplayName);
    }
}

internal sealed class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> e)
    {
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(300);
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> e)
    {
        e.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PredecessorId, x.SuccessorId }).IsUnique();
    }
}
