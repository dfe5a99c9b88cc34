using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Refusals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DanVan.Data;

/// <summary>The PostgreSQL client programs a backup or a restore runs; a null path means the program of that name on PATH.</summary>
/// <remarks>The client should be at least as new as the server: pg_dump refuses a newer server.</remarks>
public sealed record PostgresTools(string? PgDump = null, string? PgRestore = null)
{
    /// <summary>pg_dump from PATH, pg_restore from PATH.</summary>
    public static readonly PostgresTools OnPath = new();

    internal string Dump => string.IsNullOrWhiteSpace(PgDump) ? "pg_dump" : PgDump;

    internal string Restore => string.IsNullOrWhiteSpace(PgRestore) ? "pg_restore" : PgRestore;
}

/// <summary>What a backup wrote.</summary>
/// <param name="Provider">The database's provider (and so the backup's kind: an SQLite file or a pg_dump archive).</param>
/// <param name="Database">The database in words, without its password (an SQLite file, or a PostgreSQL database and host).</param>
/// <param name="File">The backup file, as given.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="EvidenceInFolder">Evidence and registered documents' files whose bytes are in the data folder (<c>Evidence:Store=folder</c>), not in the
/// backup; null when the database's schema is older than this version and they were not counted.</param>
public sealed record BackupResult(DatabaseProvider Provider, string Database, string File, long Bytes, TimeSpan Duration, int? EvidenceInFolder);

/// <summary>What a restore did.</summary>
/// <param name="Provider">The database's provider.</param>
/// <param name="Database">The database in words, without its password.</param>
/// <param name="File">The backup file, as given.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Duration">How long it took, migrations included.</param>
/// <param name="Replaced">True when the database held DanVan data before (a forced restore replaced it).</param>
/// <param name="Migrations">The migrations applied after the restore (the backup was made by an older version).</param>
public sealed record RestoreResult(DatabaseProvider Provider, string Database, string File, long Bytes, TimeSpan Duration, bool Replaced, IReadOnlyList<string> Migrations);

/// <summary>
/// Backs up and restores the whole database: SQLite with its online backup API (a consistent copy while the application
/// runs), PostgreSQL with pg_dump and pg_restore (custom format, owners left out so another role can restore it).
/// </summary>
/// <remarks>
/// <para>Everything DanVan stores is in the database, so the backup carries it: units, criteria, periods, scores, the
/// audit trail, accounts, registries, and evidence files, whose bytes are in the tables <c>EvidenceContents</c> and
/// <c>UnitDocumentContents</c> (registered documents) by default. Not in it: evidence files stored in the data folder (<c>Evidence:Store=folder</c>; copy the folder's
/// <c>evidence</c> folder beside the backup), and the personal-data key (<see cref="Registries.PersonalDataProtector"/>),
/// which is kept out of the database on purpose, so that a stolen backup does not reveal citizens' ID numbers: keep
/// the key with the backup, or a restored database cannot read them.</para>
/// <para>A restore refuses, before changing anything, a missing file, a file that is not a DanVan backup of the
/// database's provider, and a database that already holds DanVan data unless forced; afterwards it applies the pending
/// migrations, so a backup of an older version opens in this one. Neither backup nor restore migrates the source.</para>
/// <para>The PostgreSQL password goes to pg_dump and pg_restore through <c>PGPASSWORD</c>, never on their command line,
/// which any user of the machine can read.</para>
/// </remarks>
public static partial class DatabaseBackup
{
    /// <summary>The first 16 bytes of every SQLite database file.</summary>
    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    private const string History = "__EFMigrationsHistory";

    /// <summary>Writes a backup of the database to <paramref name="file"/>, with pg_dump from PATH for PostgreSQL.</summary>
    /// <inheritdoc cref="BackupAsync(DatabaseSettings, string, PostgresTools, CancellationToken)" />
    public static Task<BackupResult> BackupAsync(DatabaseSettings settings, string file, CancellationToken ct) =>
        BackupAsync(settings, file, PostgresTools.OnPath, ct);

    /// <summary>
    /// Writes a backup of the database to <paramref name="file"/> (replacing it): SQLite, a database file of its own;
    /// PostgreSQL, a pg_dump archive in the custom format (restored with pg_restore).
    /// </summary>
    /// <remarks>The backup is written under a temporary name beside <paramref name="file"/> and moved into place once
    /// complete, so a failed or cancelled backup never leaves a partial file under the final name (nor destroys the
    /// previous backup there).</remarks>
    /// <exception cref="RefusedException">The SQLite database does not exist (<c>backup.noDatabase</c>), or
    /// <paramref name="file"/> is the database's own file (<c>backup.sameFile</c>).</exception>
    /// <exception cref="InvalidOperationException">pg_dump could not be started or failed (with its messages).</exception>
    public static async Task<BackupResult> BackupAsync(DatabaseSettings settings, string file, PostgresTools tools, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var clock = Stopwatch.StartNew();
        var full = Path.GetFullPath(file);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        // Moved over the live database, the copy would leave the application writing to a file no longer there.
        if (settings.Provider == DatabaseProvider.Sqlite && SamePath(SqlitePath(settings), full))
            throw new RefusedException("backup.sameFile", new Where { File = file });
        try
        {
            if (settings.Provider == DatabaseProvider.Postgres) await DumpPostgresAsync(settings, temp, tools, ct);
            else BackupSqlite(settings, temp);
            ct.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var inFolder = await EvidenceInFolderAsync(settings, ct);
        return new BackupResult(settings.Provider, Describe(settings), file, new FileInfo(full).Length, clock.Elapsed, inFolder);
    }

    /// <summary>Restores a backup into the database, with pg_restore from PATH for PostgreSQL.</summary>
    /// <inheritdoc cref="RestoreAsync(DatabaseSettings, string, bool, PostgresTools, CancellationToken)" />
    public static Task<RestoreResult> RestoreAsync(DatabaseSettings settings, string file, bool force, CancellationToken ct) =>
        RestoreAsync(settings, file, force, PostgresTools.OnPath, ct);

    /// <summary>
    /// Restores the backup <paramref name="file"/> into the database, then applies pending migrations. The database
    /// should be new and empty; one that already holds DanVan data is replaced only when <paramref name="force"/> is set.
    /// </summary>
    /// <remarks>SQLite: the backup's pages replace the database's in one transaction. PostgreSQL: pg_restore in a single
    /// transaction (all or nothing), dropping the backup's objects first when forced; stop the web application first, as
    /// its open sessions would hold the tables a forced restore drops.</remarks>
    /// <exception cref="RefusedException">
    /// <c>backup.fileMissing</c>; <c>backup.sameFile</c> (the file is the SQLite database itself); <c>backup.notSqlite</c>, <c>backup.damaged</c>, <c>backup.notPostgresDump</c> or
    /// <c>backup.notDanVan</c> (the file is not a DanVan backup for this provider); <c>backup.targetNotEmpty</c>
    /// (the database holds DanVan data and <paramref name="force"/> is not set). Nothing was changed.
    /// </exception>
    /// <exception cref="InvalidOperationException">pg_restore could not be started or failed (with its messages).</exception>
    public static async Task<RestoreResult> RestoreAsync(DatabaseSettings settings, string file, bool force, PostgresTools tools, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var clock = Stopwatch.StartNew();
        var at = new Where { File = file };
        if (!File.Exists(file)) throw new RefusedException("backup.fileMissing", at);
        var postgres = settings.Provider == DatabaseProvider.Postgres;
        if (!postgres && SamePath(SqlitePath(settings), Path.GetFullPath(file))) throw new RefusedException("backup.sameFile", at);

        if (postgres) await CheckPostgresDumpAsync(file, at, tools, ct);
        else CheckSqliteBackup(file, at);

        var migrations = postgres ? await PostgresMigrationCountAsync(settings, ct) : SqliteMigrationCount(settings);
        if (migrations > 0 && !force)
            throw new RefusedException("backup.targetNotEmpty", Where.Request, ("database", Name(settings)), ("migrations", migrations));

        if (postgres) await RestorePostgresAsync(settings, file, clean: force, tools, ct);
        else RestoreSqlite(settings, file);

        await using var db = DanVanDatabase.Create(settings);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await DanVanDatabase.MigrateAsync(db, ct);
        return new RestoreResult(settings.Provider, Describe(settings), file, new FileInfo(file).Length, clock.Elapsed, migrations > 0, pending);
    }

    /// <summary>The database in words, never with its password: "SQLite database /srv/danvan/danvan.db",
    /// "PostgreSQL database danvan (db:5432)".</summary>
    public static string Describe(DatabaseSettings settings) =>
        $"{(settings.Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite")} database {Name(settings)}";

    /// <summary>The SQLite file, or the PostgreSQL database and its server ("danvan (db:5432)").</summary>
    private static string Name(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
            return SqlitePath(settings) ?? new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"{b.Database ?? b.Username} ({b.Host}:{b.Port.ToString(CultureInfo.InvariantCulture)})";
    }

    // ---- SQLite ----

    /// <summary>The database file, or null for an in-memory or URI data source.</summary>
    private static string? SqlitePath(DatabaseSettings settings)
    {
        var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return null;
        return Path.GetFullPath(source);
    }

    private static bool SamePath(string? database, string file) =>
        database is not null && string.Equals(database, file, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static void BackupSqlite(DatabaseSettings settings, string temp)
    {
        if (SqlitePath(settings) is { } path && !File.Exists(path))
            throw new RefusedException("backup.noDatabase", new Where { File = path });
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ConnectionString);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ConnectionString);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        // One self-contained file, whatever the source's journal: a WAL source's header would give the copy a -wal beside it.
        Execute(target, "PRAGMA journal_mode=DELETE");
    }

    /// <summary>Refuses a file that is not an SQLite database, is damaged, or has no migration history (not DanVan's).</summary>
    private static void CheckSqliteBackup(string file, Where at)
    {
        Span<byte> header = stackalloc byte[16];
        using (var stream = File.OpenRead(file))
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.SequenceEqual(SqliteHeader))
                throw new RefusedException("backup.notSqlite", at);
        try
        {
            using var backup = OpenBackup(file);
            var check = Scalar(backup, "PRAGMA integrity_check")?.ToString();
            if (check != "ok") throw new RefusedException("backup.damaged", at, ("detail", check ?? ""));
            if (Convert.ToInt64(Scalar(backup, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{History}'"), CultureInfo.InvariantCulture) == 0)
                throw new RefusedException("backup.notDanVan", at);
        }
        catch (SqliteException ex)
        {
            throw new RefusedException("backup.damaged", at, ("detail", ex.Message));
        }
    }

    /// <summary>Migrations recorded in the target (0 when it is new, empty, or not DanVan's).</summary>
    private static long SqliteMigrationCount(DatabaseSettings settings)
    {
        if (SqlitePath(settings) is { } path && !File.Exists(path)) return 0;
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        target.Open();
        var exists = Convert.ToInt64(Scalar(target, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{History}'"), CultureInfo.InvariantCulture) > 0;
        return exists ? Convert.ToInt64(Scalar(target, $"SELECT COUNT(*) FROM \"{History}\""), CultureInfo.InvariantCulture) : 0;
    }

    private static void RestoreSqlite(DatabaseSettings settings, string file)
    {
        if (SqlitePath(settings) is { } path) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var backup = OpenBackup(file);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        target.Open();
        // The backup API copies every page into the target in one write transaction: the old content is gone only once it commits.
        backup.BackupDatabase(target);
        // Connections pooled before the restore would see the new content (SQLite notices the change); closed all the same.
        using var pooled = new SqliteConnection(settings.ConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private static SqliteConnection OpenBackup(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // ---- PostgreSQL ----

    private static async Task DumpPostgresAsync(DatabaseSettings settings, string temp, PostgresTools tools, CancellationToken ct)
    {
        var (conninfo, password) = Libpq(settings);
        var run = await RunAsync(tools.Dump, ["--format=custom", "--no-owner", "--no-password", "--file", temp, "--dbname", conninfo], password, ct);
        if (run.Exit != 0) throw Failed(tools.Dump, run);
    }

    /// <summary>Refuses a file pg_restore cannot read, or whose contents have no migration history (not DanVan's).</summary>
    private static async Task CheckPostgresDumpAsync(string file, Where at, PostgresTools tools, CancellationToken ct)
    {
        var run = await RunAsync(tools.Restore, ["--list", file], null, ct);
        if (run.Exit != 0) throw new RefusedException("backup.notPostgresDump", at, ("detail", FirstLine(run.Error)));
        // A table of contents line: "215; 1259 16386 TABLE public __EFMigrationsHistory postgres".
        if (!HistoryTable().IsMatch(run.Output))
            throw new RefusedException("backup.notDanVan", at);
    }

    /// <summary>Migrations recorded in the target database (0 when it is empty or not DanVan's).</summary>
    private static async Task<long> PostgresMigrationCountAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand(
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{History}'", connection);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0) return 0;
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{History}\"", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task RestorePostgresAsync(DatabaseSettings settings, string file, bool clean, PostgresTools tools, CancellationToken ct)
    {
        var (conninfo, password) = Libpq(settings);
        List<string> args = ["--no-owner", "--no-password", "--exit-on-error", "--single-transaction"];
        if (clean) args.AddRange(["--clean", "--if-exists"]);
        args.AddRange(["--dbname", conninfo, file]);
        // This process's idle sessions on the database are closed, before (a forced restore drops their tables) and after.
        await using var pooled = new NpgsqlConnection(settings.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
        var run = await RunAsync(tools.Restore, args, password, ct);
        if (run.Exit != 0) throw Failed(tools.Restore, run);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>
    /// The Npgsql connection string as a libpq one (keyword='value', quoted) without the password, which goes through
    /// PGPASSWORD: the command line of a process is visible to every user of the machine.
    /// </summary>
    internal static (string ConnInfo, string? Password) Libpq(DatabaseSettings settings)
    {
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var parts = new List<(string Key, string? Value)>
        {
            ("host", b.Host),
            ("port", b.Port.ToString(CultureInfo.InvariantCulture)),
            ("user", b.Username),
            ("dbname", b.Database),
            ("connect_timeout", b.Timeout > 0 ? b.Timeout.ToString(CultureInfo.InvariantCulture) : null),
            ("sslmode", b.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            }),
            ("sslrootcert", b.RootCertificate),
            ("sslcert", b.SslCertificate),
            ("sslkey", b.SslKey),
            ("passfile", b.Passfile),
            ("application_name", "danvan"),
        };
        var text = string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}='{p.Value!.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'"));
        return (text, string.IsNullOrEmpty(b.Password) ? null : b.Password);
    }

    private sealed record ToolRun(int Exit, string Output, string Error);

    private static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, string? password, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (password is not null) start.Environment["PGPASSWORD"] = password;
        // Messages in English whatever the machine's locale, as the CLI's own.
        start.Environment["LC_MESSAGES"] = "C";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            // The inner exception is left out: its message is already in this one, and the CLI prints the chain.
            throw new InvalidOperationException(
                $"could not start {program}: {ex.Message.TrimEnd('.')}; install the PostgreSQL client programs (Debian: postgresql-client) or give the program's path");
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
            return new ToolRun(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static InvalidOperationException Failed(string program, ToolRun run)
    {
        var message = run.Error.Trim();
        return new InvalidOperationException($"{Path.GetFileName(program)} failed (exit code {run.Exit.ToString(CultureInfo.InvariantCulture)})"
            + (message.Length > 0 ? ": " + message : ""));
    }

    [GeneratedRegex(@"^\d+;.*\bTABLE \S+ __EFMigrationsHistory\b", RegexOptions.Multiline)]
    private static partial Regex HistoryTable();

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    // ---- both ----

    /// <summary>Evidence files whose bytes are not in the database, so not in its backup; null when the schema is older than this version.</summary>
    private static async Task<int?> EvidenceInFolderAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var db = DanVanDatabase.Create(settings);
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) return null;
        return await db.Evidence.CountAsync(e => e.StoredName != null && e.Content == null, ct)
            + await db.UnitDocuments.CountAsync(d => d.StoredName != null && d.Content == null, ct);
    }
}
