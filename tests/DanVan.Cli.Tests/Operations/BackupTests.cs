using System.Security.Cryptography;
using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Registries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Cli.Tests.Operations;

/// <summary>danvan backup, then danvan restore into a fresh database, into the source (refused, then forced), and of a file that is no backup.</summary>
public abstract class BackupTests(TestDatabase database) : CliTestBase(database)
{
    private const string EvidenceName = "bien-ban-hop.pdf";

    /// <summary>Units, a criteria set, a period with scored assessments (and their audit lines), an account, and one
    /// evidence file whose bytes are in the database; returns those bytes.</summary>
    private async Task<byte[]> SeedAsync()
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        await RunOkAsync("criteria", "import", Write("set01.json", Fixtures.CriteriaJson));
        await RunOkAsync("periods", "create", "--year", "2024", "--opens", "2024-11-01", "--deadline", "2024-11-30",
            "--group", $"so-ban-nganh={Fixtures.CriteriaKey}");
        await RunOkAsync("scores", "import", Write("scores.csv", string.Join('\n', [Fixtures.ScoreHeader, Fixtures.SelfRowsOfA1]) + "\n"),
            "--period", "2024", "--submit");
        await RunOkAsync("accounts", "create", "quantri", "--full-name", "Nguyễn Văn Quản", "--role", "administrator", "--password", "KhoiDau@2026");

        // A PDF of every byte value, so that an encoding slip anywhere would show.
        var bytes = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7 % 256))).ToArray();
        await using var db = Db.NewContext();
        var assessment = await db.Assessments.SingleAsync(a => a.Unit!.Code == "A1");
        var evidence = new Evidence
        {
            AssessmentId = assessment.Id,
            CriterionId = "1.1",
            FileName = EvidenceName,
            StoredName = Guid.NewGuid().ToString("N") + ".pdf",
            FileType = EvidenceFileType.Pdf,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            AddedBy = "cli",
            AddedAt = new DateTime(2024, 11, 20, 8, 0, 0, DateTimeKind.Utc),
            Content = new EvidenceContent { Bytes = bytes },
        };
        db.Evidence.Add(evidence);
        AuditTrail.Record(db, new AuditLine("cli", evidence.AddedAt, "evidence.add", AuditSubject.Criterion(assessment, "1.1")) { New = EvidenceName });
        await db.SaveChangesAsync();
        return bytes;
    }

    /// <summary>The rows of every table of the model, and of the migration history, as "table=count" lines.</summary>
    private static async Task<List<string>> RowCountsAsync(DanVanDbContext db)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal).ToList();
        tables.ShouldContain("EvidenceContents");
        var counts = new List<string>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            foreach (var table in tables)
            {
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts.Add($"{table}={Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }

    private static async Task<List<string>> RowCountsAsync(Func<DanVanDbContext> open)
    {
        await using var db = open();
        return await RowCountsAsync(db);
    }

    /// <summary>Runs "danvan ARGS" on another database than the test's.</summary>
    private static async Task<CliRun> RunOnAsync(CliDatabase target, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Cli.RunAsync([.. target.Options, .. args], output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    private string BackupFile => Db.PathOf(Provider == DatabaseProvider.Postgres ? "danvan.dump" : "danvan-backup.db");

    [Fact]
    public async Task Should_back_up_and_restore_into_a_fresh_database_every_row_and_the_evidence_bytes()
    {
        var bytes = await SeedAsync();
        await using (var db = Db.NewContext())
        {
            // A file stored in the data folder (Evidence:Store=folder): its bytes are not in the backup, and the backup says so.
            var assessment = await db.Assessments.SingleAsync(a => a.Unit!.Code == "A1");
            db.Evidence.Add(new Evidence
            {
                AssessmentId = assessment.Id, CriterionId = "2", FileName = "anh.png", StoredName = "0123456789abcdef.png",
                FileType = EvidenceFileType.Png, Size = 10, AddedBy = "cli", AddedAt = new DateTime(2024, 11, 21, 8, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        var source = await RowCountsAsync(Db.NewContext);
        foreach (var table in new[] { "Units", "CriteriaSets", "Periods", "Assessments", "Entries", "Audit", "Evidence", "EvidenceContents", "AspNetUsers" })
            source.ShouldNotContain($"{table}=0");

        var file = BackupFile;
        var backup = await RunOkAsync("backup", file);
        backup.Out.ShouldStartWith($"Wrote {file} ({new FileInfo(file).Length.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} bytes, ");
        backup.Out.ShouldContain(Provider == DatabaseProvider.Postgres ? "a backup of the PostgreSQL database" : "a backup of the SQLite database");
        // The key is not in the database: the backup says to keep it with the file.
        backup.Out.ShouldContain("Keep the personal-data key with the backup");
        backup.Out.ShouldContain("personal-data.key");
        backup.Out.ShouldContain(PersonalDataProtector.KeyVariable);
        backup.Out.ShouldContain("1 evidence file is stored in the data folder (Evidence:Store=folder), not in the database: copy the data folder's evidence folder with the backup.");
        Directory.GetFiles(Db.Folder, "*.partial").ShouldBeEmpty();

        await using var fresh = await CliDatabase.CreateAsync(Provider);
        var restore = await RunOnAsync(fresh, "restore", file);
        restore.Exit.ShouldBe(ExitCodes.Ok, restore.ToString());
        restore.Out.ShouldStartWith($"Restored {file} (");
        restore.Out.ShouldNotContain("replacing");

        (await RowCountsAsync(fresh.NewContext)).ShouldBe(source);
        await using (var db = fresh.NewContext())
        {
            var evidence = await db.Evidence.Include(e => e.Content).SingleAsync(e => e.FileName == EvidenceName);
            evidence.FileName.ShouldBe(EvidenceName);
            evidence.Content.ShouldNotBeNull().Bytes.ShouldBe(bytes);
            (await db.Audit.CountAsync(a => a.Action == "evidence.add")).ShouldBe(1);
            (await db.Assessments.SingleAsync(a => a.Unit!.Code == "A1")).Status.ShouldBe(AssessmentStatus.Submitted);
            // Identities go on after the restored rows: a new group takes a new id, not one already used.
            var highest = await db.Groups.MaxAsync(g => g.Id);
            var group = new DanVan.OrgUnits.UnitGroup { Code = "moi", Name = "Khối mới" };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            group.Id.ShouldBeGreaterThan(highest);
        }
    }

    [Fact]
    public async Task Should_refuse_a_restore_into_a_database_that_holds_data_and_change_nothing_then_replace_it_with_force()
    {
        await SeedAsync();
        var backedUp = await RowCountsAsync(Db.NewContext);
        var file = BackupFile;
        (await RunOkAsync("backup", file)).Out.ShouldNotContain("stored in the data folder");

        // A change after the backup: refused restores keep it, the forced one takes it away.
        await using (var db = Db.NewContext())
        {
            AuditTrail.Record(db, new AuditLine("cli", DateTime.UtcNow, "unit.update", AuditSubject.Named("OrgUnit", "A1")) { New = "after the backup" });
            await db.SaveChangesAsync();
        }
        var changed = await RowCountsAsync(Db.NewContext);
        changed.ShouldNotBe(backedUp);

        var refused = await RunAsync("restore", file);
        refused.Exit.ShouldBe(ExitCodes.Refused, refused.ToString());
        refused.Err.ShouldContain("error[backup.targetNotEmpty]");
        refused.Out.ShouldBeEmpty();
        (await RowCountsAsync(Db.NewContext)).ShouldBe(changed);
        await using (var db = Db.NewContext())
            (await db.Audit.CountAsync(a => a.NewValue == "after the backup")).ShouldBe(1);

        var english = await RunAsync("restore", file, "--lang", "en");
        english.Exit.ShouldBe(ExitCodes.Refused, english.ToString());
        english.Err.ShouldContain("already holds DanVan data");
        english.Err.ShouldContain("--force");

        var forced = await RunOkAsync("restore", file, "--force");
        forced.Out.ShouldContain("replacing what it held");
        (await RowCountsAsync(Db.NewContext)).ShouldBe(backedUp);
        await using (var db = Db.NewContext())
        {
            (await db.Audit.CountAsync(a => a.NewValue == "after the backup")).ShouldBe(0);
            (await db.EvidenceContents.SingleAsync()).Bytes.Length.ShouldBeGreaterThan(64 * 1024);
        }
    }

    [Fact]
    public async Task Should_refuse_a_file_that_is_not_a_backup_naming_it()
    {
        await RunOkAsync("units", "import", Write("units.csv", Fixtures.UnitsCsv));
        var before = await RowCountsAsync(Db.NewContext);

        var text = Write("not-a-backup.db", "code,name\nP,Tỉnh Thử Nghiệm\n");
        var run = await RunAsync("restore", text, "--force");
        run.Exit.ShouldBe(ExitCodes.Refused, run.ToString());
        run.Err.ShouldContain(Provider == DatabaseProvider.Postgres ? "error[backup.notPostgresDump]" : "error[backup.notSqlite]");
        run.Err.ShouldContain(text);

        var missing = Db.PathOf("no-such-backup.db");
        var gone = await RunAsync("restore", missing);
        gone.Exit.ShouldBe(ExitCodes.Refused, gone.ToString());
        gone.Err.ShouldContain($"error[backup.fileMissing] {missing}");

        // An SQLite database, but not DanVan's (and for PostgreSQL, no pg_dump archive at all).
        var other = Db.PathOf("other.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');";
            await command.ExecuteNonQueryAsync();
        }
        var foreign = await RunAsync("restore", other, "--force");
        foreign.Exit.ShouldBe(ExitCodes.Refused, foreign.ToString());
        foreign.Err.ShouldContain($"error[{(Provider == DatabaseProvider.Postgres ? "backup.notPostgresDump" : "backup.notDanVan")}] {other}");

        if (Provider == DatabaseProvider.Sqlite)
        {
            // Written over the live database, a backup would leave the application writing to a file no longer there.
            var own = new SqliteConnectionStringBuilder(Db.Settings.ConnectionString).DataSource;
            var over = await RunAsync("backup", own);
            over.Exit.ShouldBe(ExitCodes.Refused, over.ToString());
            over.Err.ShouldContain("error[backup.sameFile]");
        }

        (await RowCountsAsync(Db.NewContext)).ShouldBe(before);
        foreach (var code in new[] { "noDatabase", "sameFile", "fileMissing", "notSqlite", "damaged", "notPostgresDump", "notDanVan", "targetNotEmpty" })
            DanVan.Refusals.RefusalText.Knows("backup." + code).ShouldBeTrue(code);
    }
}

[Collection<SqliteCli>]
public sealed class SqliteBackupTests(SqliteDatabase database) : BackupTests(database);

[Collection<PostgresCli>]
public sealed class PostgresBackupTests(PostgresDatabase database) : BackupTests(database);
