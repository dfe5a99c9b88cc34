using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DanVan.Accounts;

/// <summary>How tokens and role assignments are stored (users and sign-in tables are ASP.NET Core Identity's own).</summary>
internal static class AccountsModel
{
    /// <summary>Applies this capability's mappings.</summary>
    public static void Configure(ModelBuilder builder) => builder
        .ApplyConfiguration(new ApiTokenConfiguration())
        .ApplyConfiguration(new RoleAssignmentConfiguration());
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> e)
    {
        e.HasOne<AppUser>().WithMany(u => u.Roles).HasForeignKey(x => x.UserId);
        e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
