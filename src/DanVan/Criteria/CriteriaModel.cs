using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Criteria;

/// <summary>How criteria set versions are stored.</summary>
internal static class CriteriaModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new StoredCriteriaSetConfiguration());
}

internal sealed class StoredCriteriaSetConfiguration : IEntityTypeConfiguration<StoredCriteriaSet>
{
    public void Configure(EntityTypeBuilder<StoredCriteriaSet> e)
    {
        e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        e.Property(x => x.Key).HasMaxLength(128);
        e.Property(x => x.ContentHash).HasMaxLength(64);
    }
}
