using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

/// <summary>The database of DanVan; one schema for SQLite and PostgreSQL, each with its own migrations.</summary>
public abstract class DanVanDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data protection keys, shared by every web instance (stateless scale-out).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Units.</summary>
    public DbSet<OrgUnit> Units => Set<OrgUnit>();

    /// <summary>Unit groups (khối).</summary>
    public DbSet<UnitGroup> Groups => Set<UnitGroup>();

    /// <summary>Successor links.</summary>
    public DbSet<UnitSuccession> Successions => Set<UnitSuccession>();

    /// <summary>Criteria set versions.</summary>
    public DbSet<StoredCriteriaSet> CriteriaSets => Set<StoredCriteriaSet>();

    /// <summary>Evaluation periods.</summary>
    public DbSet<EvaluationPeriod> Periods => Set<EvaluationPeriod>();

    /// <summary>Groups taking part in periods.</summary>
    public DbSet<PeriodGroup> PeriodGroups => Set<PeriodGroup>();

    /// <summary>Assessments.</summary>
    public DbSet<Assessment> Assessments => Set<Assessment>();

    /// <summary>Entries of assessments.</summary>
    public DbSet<AssessmentEntry> Entries => Set<AssessmentEntry>();

    /// <summary>Audit trail, append only.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>Evidence files and document references.</summary>
    public DbSet<Evidence> Evidence => Set<Evidence>();

    /// <summary>Personal access tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Roles within scopes.</summary>
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    /// <summary>Texts of consolidated reports, one per scope and year.</summary>
    public DbSet<ReportDraft> ReportDrafts => Set<ReportDraft>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardChanges();
        var units = UnitPaths.Pending(this);
        if (units.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        // A unit's path ends with its own id, known only once it is inserted: save, fill the paths, save again, atomically.
        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        UnitPaths.Fill(this, units);
        base.SaveChanges(acceptAllChangesOnSuccess);
        tx?.Commit();
        return count;
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardChanges();
        var units = UnitPaths.Pending(this);
        if (units.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var tx = await this.BeginOwnTransactionAsync(cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await UnitPaths.FillAsync(this, units, cancellationToken);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return count;
    }

    private void GuardChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("the audit trail is append-only");
        // A changed entry is a change of its assessment: the version moves, and the UPDATE of the version
        // (WHERE Version = the value read) refuses the second of two concurrent saves.
        var touched = ChangeTracker.Entries<AssessmentEntry>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.AssessmentId).ToHashSet();
        foreach (var e in ChangeTracker.Entries<Assessment>())
        {
            if (e.State == EntityState.Modified || (e.State == EntityState.Unchanged && touched.Contains(e.Entity.Id)))
                e.Entity.Version++;
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<OrgUnit>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ShortName).HasMaxLength(200);
            e.Property(x => x.Path).HasMaxLength(UnitPaths.MaxLength);
            e.HasIndex(x => x.Path);
            // Byte order, so the index serves prefix matches on PostgreSQL as it does on SQLite.
            if (Database.IsNpgsql()) e.Property(x => x.Path).UseCollation("C");
            e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Groups).WithMany(x => x.Units).UsingEntity("UnitGroupMembers");
            e.Ignore(x => x.DisplayName);
        });
        builder.Entity<UnitGroup>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
        });
        builder.Entity<UnitSuccession>(e =>
        {
            e.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.PredecessorId, x.SuccessorId }).IsUnique();
        });
        builder.Entity<StoredCriteriaSet>(e =>
        {
            e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
            e.Property(x => x.Key).HasMaxLength(128);
            e.Property(x => x.ContentHash).HasMaxLength(64);
        });
        builder.Entity<EvaluationPeriod>(e =>
        {
            e.HasOne(x => x.ScopeUnit).WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Groups).WithOne().HasForeignKey(x => x.PeriodId);
            e.HasMany(x => x.Assessments).WithOne(x => x.Period).HasForeignKey(x => x.PeriodId);
        });
        builder.Entity<PeriodGroup>(e =>
        {
            e.HasIndex(x => new { x.PeriodId, x.GroupId }).IsUnique();
            e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.CriteriaSet).WithMany().HasForeignKey(x => x.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Assessment>(e =>
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
        });
        builder.Entity<AssessmentEntry>(e =>
        {
            e.HasIndex(x => new { x.AssessmentId, x.CriterionId, x.Layer }).IsUnique();
            e.Property(x => x.CriterionId).HasMaxLength(64);
            e.Property(x => x.Points).HasPrecision(9, 2);
            e.Property(x => x.Achieved).HasPrecision(18, 4);
            e.Property(x => x.Target).HasPrecision(18, 4);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.AssessmentId);
            e.HasIndex(x => x.At);
        });
        builder.Entity<Evidence>(e =>
        {
            e.HasIndex(x => new { x.AssessmentId, x.CriterionId });
            e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId);
            e.Property(x => x.StoredName).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId);
        });
        builder.Entity<RoleAssignment>(e =>
        {
            e.HasOne<AppUser>().WithMany(u => u.Roles).HasForeignKey(x => x.UserId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ScopeUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ReportDraft>(e =>
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
        });
    }
}

/// <summary>The SQLite flavour (embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDanVanDbContext(DbContextOptions<SqliteDanVanDbContext> options) : DanVanDbContext(options);

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresDanVanDbContext(DbContextOptions<PostgresDanVanDbContext> options) : DanVanDbContext(options);
