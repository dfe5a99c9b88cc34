using System.CommandLine;
using DanVan.Cli.Infrastructure;
using DanVan.Data;
using DanVan.Registries;

namespace DanVan.Cli.Operations;

/// <summary>danvan backup and danvan restore: the whole database to one file and back (<see cref="DatabaseBackup"/>).</summary>
public static class BackupCommands
{
    /// <summary>Environment variable with the path of pg_dump, when it is not the one on PATH.</summary>
    public const string PgDumpVariable = "DANVAN_PG_DUMP";

    /// <summary>Environment variable with the path of pg_restore, when it is not the one on PATH.</summary>
    public const string PgRestoreVariable = "DANVAN_PG_RESTORE";

    /// <summary>The "backup" and "restore" commands.</summary>
    public static Command[] Build(GlobalOptions globals) => [Backup(globals), Restore(globals)];

    private static Command Backup(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to write (replaced if it exists): an SQLite database file, or a pg_dump archive (custom format) for PostgreSQL" };
        var pgDump = new Option<string?>("--pg-dump") { Description = $"Path of pg_dump, for PostgreSQL (default: pg_dump on PATH) [env {PgDumpVariable}]", HelpName = "path" };
        var command = new Command("backup", "Write a backup of the whole database (evidence files stored in it included) to one file, while the application runs; the personal-data key is not in it")
        {
            file, pgDump,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            var settings = globals.Resolve(context.Parse);
            var tools = new PostgresTools(PgDump: context.Get(pgDump) ?? Environment.GetEnvironmentVariable(PgDumpVariable));
            var result = await DatabaseBackup.BackupAsync(settings, context.Get(file)!, tools, ct);

            var w = context.Out;
            await w.WriteLineAsync($"Wrote {result.File} ({Bytes(result.Bytes)} bytes, {Seconds(result.Duration)} s): a backup of the {result.Database}.");
            await w.WriteLineAsync("Keep the personal-data key with the backup (a copy stored apart, as safely): it is not in the database (personal-data.key in the data folder, "
                + $"or {PersonalDataProtector.KeyVariable} / {PersonalDataProtector.KeyVariable}_FILE, or the web setting Registries:PersonalDataKey); "
                + "a database restored without the same key cannot read citizens' encrypted personal data.");
            if (result.EvidenceInFolder != 0)
                await w.WriteLineAsync((result.EvidenceInFolder is { } n ? $"{Format.Count(n)} evidence file{(n == 1 ? " is" : "s are")}" : "Evidence files may be")
                    + " stored in the data folder (Evidence:Store=folder), not in the database: copy the data folder's evidence folder with the backup.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restore(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "A backup written by danvan backup for the same provider (SQLite file or pg_dump archive)" };
        var force = new Option<bool>("--force") { Description = "Replace the data of a database that already holds DanVan data (refused without it)" };
        var pgRestore = new Option<string?>("--pg-restore") { Description = $"Path of pg_restore, for PostgreSQL (default: pg_restore on PATH) [env {PgRestoreVariable}]", HelpName = "path" };
        var command = new Command("restore", "Restore a backup into the database (new and empty, or replaced with --force), then apply pending migrations; refused, with nothing changed, for a file that is not a backup")
        {
            file, force, pgRestore,
        };
        command.SetBody(globals, async (context, ct) =>
        {
            var settings = globals.Resolve(context.Parse);
            var tools = new PostgresTools(PgRestore: context.Get(pgRestore) ?? Environment.GetEnvironmentVariable(PgRestoreVariable));
            var result = await DatabaseBackup.RestoreAsync(settings, context.Get(file)!, context.Get(force), tools, ct);

            var migrated = result.Migrations.Count == 0 ? "" : $"; {result.Migrations.Count} migration{(result.Migrations.Count == 1 ? "" : "s")} applied";
            await context.Out.WriteLineAsync($"Restored {result.File} ({Bytes(result.Bytes)} bytes, {Seconds(result.Duration)} s) into the {result.Database}"
                + $"{(result.Replaced ? ", replacing what it held" : "")}{migrated}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Bytes(long bytes) => bytes.ToString("#,0", Format.Vi);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", Format.Vi);
}
