using DanVan.Accounts;
using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Reports;
using DanVan.Statistics;
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

    /// <summary>Appraisal councils of periods.</summary>
    public DbSet<Evaluations.Council.PeriodCouncil> Councils => Set<Evaluations.Council.PeriodCouncil>();

    /// <summary>Members of appraisal councils.</summary>
    public DbSet<Evaluations.Council.CouncilMember> CouncilMembers => Set<Evaluations.Council.CouncilMember>();

    /// <summary>Council members' ballots, one per member and assessment.</summary>
    public DbSet<Evaluations.Council.CouncilBallot> CouncilBallots => Set<Evaluations.Council.CouncilBallot>();

    /// <summary>Council members' scores per criterion.</summary>
    public DbSet<Evaluations.Council.CouncilScore> CouncilScores => Set<Evaluations.Council.CouncilScore>();

    /// <summary>Audit trail, append only.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>Evidence files and document references.</summary>
    public DbSet<Evidence> Evidence => Set<Evidence>();

    /// <summary>Requests to reconsider published results (phúc tra).</summary>
    public DbSet<Evaluations.Reconsiderations.Reconsideration> Reconsiderations => Set<Evaluations.Reconsiderations.Reconsideration>();

    /// <summary>Publications of a period's results after the first.</summary>
    public DbSet<Evaluations.Reconsiderations.ResultPublication> ResultPublications => Set<Evaluations.Reconsiderations.ResultPublication>();

    /// <summary>Evidence files' bytes (the database store).</summary>
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    /// <summary>Units' document registers.</summary>
    public DbSet<UnitDocument> UnitDocuments => Set<UnitDocument>();

    /// <summary>Registered documents' file bytes (the database store).</summary>
    public DbSet<UnitDocumentContent> UnitDocumentContents => Set<UnitDocumentContent>();

    /// <summary>Personal access tokens.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Roles within scopes.</summary>
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    /// <summary>Texts of consolidated reports, one per scope and year.</summary>
    public DbSet<ReportDraft> ReportDrafts => Set<ReportDraft>();

    /// <summary>Calls for reports from the level below.</summary>
    public DbSet<Reports.Submissions.ReportCall> ReportCalls => Set<Reports.Submissions.ReportCall>();

    /// <summary>Reports sent up, one per unit and call.</summary>
    public DbSet<Reports.Submissions.ReportSubmission> ReportSubmissions => Set<Reports.Submissions.ReportSubmission>();

    /// <summary>Report templates, every saved version of each scope's.</summary>
    public DbSet<Reports.Templates.StoredReportTemplate> ReportTemplates => Set<Reports.Templates.StoredReportTemplate>();

    /// <summary>Stored statistics form versions.</summary>
    public DbSet<StoredForm> Forms => Set<StoredForm>();

    /// <summary>Periods of statistics forms.</summary>
    public DbSet<FormPeriod> FormPeriods => Set<FormPeriod>();

    /// <summary>Units' statistics forms.</summary>
    public DbSet<FormReport> FormReports => Set<FormReport>();

    /// <summary>Values of units' statistics forms.</summary>
    public DbSet<FormReportValue> FormValues => Set<FormReportValue>();

    /// <summary>Reception log (sổ tiếp công dân).</summary>
    public DbSet<Registries.Reception> Receptions => Set<Registries.Reception>();

    /// <summary>Petitions (đơn thư).</summary>
    public DbSet<Registries.Petition> Petitions => Set<Registries.Petition>();

    /// <summary>Cases (vụ việc).</summary>
    public DbSet<Registries.CitizenCase> CitizenCases => Set<Registries.CitizenCase>();

    /// <summary>Decisions on suggested duplicates.</summary>
    public DbSet<Registries.DuplicateDecision> DuplicateDecisions => Set<Registries.DuplicateDecision>();

    /// <summary>Dialogues with the people.</summary>
    public DbSet<Registries.Dialogue> Dialogues => Set<Registries.Dialogue>();

    /// <summary>Registry settings per province and date.</summary>
    public DbSet<Registries.RegistrySetting> RegistrySettings => Set<Registries.RegistrySetting>();

    /// <summary>"Dân vận khéo" models.</summary>
    public DbSet<Registries.DanVanModel> DanVanModels => Set<Registries.DanVanModel>();

    /// <summary>Units' work plans.</summary>
    public DbSet<Registries.WorkPlan> WorkPlans => Set<Registries.WorkPlan>();

    /// <summary>The Front's recommendations addressed to units.</summary>
    public DbSet<Registries.FrontRecommendation> FrontRecommendations => Set<Registries.FrontRecommendation>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (units, waiting) = Prepare();
        if (units.Count == 0 && waiting.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        // A unit's path ends with its own id, and an audit line about a new row needs the row's generated key: store
        // the rows, then fill the paths and add the lines, and store again, in one transaction.
        foreach (var line in waiting) Entry(line).State = EntityState.Detached;
        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        try
        {
            var count = base.SaveChanges(acceptAllChangesOnSuccess);
            UnitPaths.Fill(this, units);
            AuditTrail.ResolveGeneratedKeys(this, waiting);
            Audit.AddRange(waiting);
            base.SaveChanges(acceptAllChangesOnSuccess);
            tx?.Commit();
            return count + waiting.Count;
        }
        catch
        {
            foreach (var line in waiting) if (Entry(line).State == EntityState.Detached) Audit.Add(line);
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (units, waiting) = Prepare();
        if (units.Count == 0 && waiting.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // A unit's path ends with its own id, and an audit line about a new row needs the row's generated key: store
        // the rows, then fill the paths and add the lines, and store again, in one transaction.
        foreach (var line in waiting) Entry(line).State = EntityState.Detached;
        await using var tx = await this.BeginOwnTransactionAsync(cancellationToken);
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await UnitPaths.FillAsync(this, units, cancellationToken);
            AuditTrail.ResolveGeneratedKeys(this, waiting);
            Audit.AddRange(waiting);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (tx is not null) await tx.CommitAsync(cancellationToken);
            return count + waiting.Count;
        }
        catch
        {
            foreach (var line in waiting) if (Entry(line).State == EntityState.Detached) Audit.Add(line);
            throw;
        }
    }

    // Each look at the tracker (Entries, Entry) detects changes over every tracked entity again; a form's save tracks
    // sixty values, and nine detections were most of its CPU time. Detect once, look with detection off, and let
    // SaveChanges detect once more (it sees the versions moved here).
    private (List<(OrgUnit Unit, string OldPath)> Units, List<AuditEntry> Waiting) Prepare()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            GuardChanges();
            return (UnitPaths.Pending(this), AuditTrail.ResolveKnownKeys(this));
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    private void GuardChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("the audit trail is append-only");
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && string.IsNullOrEmpty(e.Entity.SubjectType)))
            throw new InvalidOperationException("an audit line needs a subject; record it with AuditTrail.Record");
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
        // The same for a unit's statistics form and its values.
        var forms = ChangeTracker.Entries<FormReportValue>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ReportId).ToHashSet();
        foreach (var e in ChangeTracker.Entries<FormReport>())
        {
            if (e.State == EntityState.Modified || (e.State == EntityState.Unchanged && forms.Contains(e.Entity.Id)))
                e.Entity.Version++;
        }
        // And for a reconsideration and its rulings.
        var ruled = ChangeTracker.Entries<Evaluations.Reconsiderations.ReconsiderationItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ReconsiderationId).ToHashSet();
        foreach (var e in ChangeTracker.Entries<Evaluations.Reconsiderations.Reconsideration>())
        {
            if (e.State == EntityState.Modified || (e.State == EntityState.Unchanged && ruled.Contains(e.Entity.Id)))
                e.Entity.Version++;
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's tables first; each capability then maps its own entities beside its code.
        base.OnModelCreating(builder);
        OrgUnitsModel.Configure(builder);
        // Unit paths compare byte by byte, so the index serves prefix matches on PostgreSQL as it does on SQLite.
        if (Database.IsNpgsql()) builder.Entity<OrgUnit>().Property(x => x.Path).UseCollation("C");
        CriteriaModel.Configure(builder);
        EvaluationsModel.Configure(builder);
        Evaluations.Reconsiderations.ReconsiderationsModel.Configure(builder);
        AccountsModel.Configure(builder);
        ReportsModel.Configure(builder);
        StatisticsModel.Configure(builder);
        Registries.RegistriesModel.Configure(builder);
        Registries.WorkModel.Configure(builder);
        AuditModel.Configure(builder);
    }
}

/// <summary>The SQLite flavour (embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDanVanDbContext(DbContextOptions<SqliteDanVanDbContext> options) : DanVanDbContext(options);

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresDanVanDbContext(DbContextOptions<PostgresDanVanDbContext> options) : DanVanDbContext(options);
