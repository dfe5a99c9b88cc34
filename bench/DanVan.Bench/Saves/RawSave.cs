using System.Data.Common;
using System.Globalization;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DanVan.Bench.Saves;

/// <summary>
/// The writes of one API save written by hand with ADO.NET, in one transaction, with the statements EF sends for
/// <c>PUT /api/v1/assessments/{id}/entries/{criterionId}</c> (see <c>--only trace</c>): read the assessment row and its
/// entries, update the assessment's version where it is the one read (the API save changes no other column of it: the
/// status is already Draft and the stored self total is not updated), insert the audit line, update the entry's points and
/// time. No HTTP, no authentication, no scope, no criteria set, no answer built.
/// And the engine's floor: one single-row INSERT per operation.
/// </summary>
internal static class RawSave
{
    /// <summary>One save of criterion 1.1's points by <paramref name="client"/>; refused when the stored version is not the client's.</summary>
    public static async Task<Outcome> SaveAsync(SaveWorld world, SaveClient client)
    {
        var value = client.NextPoints;
        var at = DateTime.UtcNow;
        await using var conn = Open(world);
        await conn.OpenAsync();
        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), as EF's SaveChanges does; the read joins it here.
        await using var tx = await conn.BeginTransactionAsync();
        int? version = null;
        int? entryId = null;
        decimal? oldPoints = null;
        await using (var read = conn.CreateCommand())
        {
            read.Transaction = tx;
            // The assessment row and its entries in one statement, as EF reads them (without the unit and period EF joins).
            read.CommandText = """
                SELECT a."Id", a."ApprovedAt", a."ConfirmedAt", a."ConfirmedBy", a."CriteriaSetId", a."FinalBand", a."FinalTotal", a."Flags", a."GroupId",
                       a."IsLate", a."PeriodId", a."ReturnComment", a."SelfBand", a."SelfTotal", a."Status", a."SubmittedAt", a."UnitId", a."Version",
                       e."Id", e."Achieved", e."AssessmentId", e."Checked", e."Count", e."CriterionId", e."EnteredAt", e."EnteredBy", e."Layer", e."Level",
                       e."NotApplicable", e."Note", e."Points", e."Target"
                FROM "Assessments" AS a
                LEFT JOIN "Entries" AS e ON a."Id" = e."AssessmentId"
                WHERE a."Id" = @id
                """;
            Add(read, "@id", client.Unit.AssessmentId);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                version ??= reader.GetInt32(17);
                if (reader.IsDBNull(18) || reader.GetString(23) != SaveWorld.Criterion || reader.GetInt32(26) != (int)ScoreLayer.Self) continue;
                entryId = reader.GetInt32(18);
                oldPoints = reader.IsDBNull(30) ? null : reader.GetDecimal(30);
            }
        }
        if (version != client.Version || entryId is null)
        {
            await tx.RollbackAsync();
            if (entryId is null) throw new InvalidOperationException("the seed fills every leaf; criterion 1.1 has no entry");
            client.Version = version ?? 0;
            return Outcome.Refused;
        }

        // EF's three statements of the save, in its order (on PostgreSQL one batch, one round trip).
        await using (var write = conn.CreateCommand())
        {
            write.Transaction = tx;
            write.CommandText = """
                UPDATE "Assessments" SET "Version" = @next WHERE "Id" = @id AND "Version" = @version;
                INSERT INTO "Audit" ("Action", "AssessmentId", "At", "CriterionId", "NewValue", "OldValue", "Reason", "SubjectId", "SubjectType", "User")
                VALUES ('entry.self', @id, @at, @criterion, @new, @old, NULL, @subject, 'Assessment', @user) RETURNING "Id";
                UPDATE "Entries" SET "EnteredAt" = @at, "Points" = @points WHERE "Id" = @entry;
                """;
            Add(write, "@id", client.Unit.AssessmentId);
            Add(write, "@entry", entryId.Value);
            Add(write, "@criterion", SaveWorld.Criterion);
            Add(write, "@at", at);
            Add(write, "@user", client.Unit.UserName);
            Add(write, "@points", value);
            Add(write, "@next", version.Value + 1);
            Add(write, "@version", version.Value);
            Add(write, "@new", new CriterionValue { Points = value }.Describe());
            Add(write, "@old", new CriterionValue { Points = oldPoints }.Describe());
            Add(write, "@subject", client.Unit.AssessmentId.ToString(CultureInfo.InvariantCulture));
            if (await write.ExecuteNonQueryAsync() != 3)
            {
                await tx.RollbackAsync();
                return Outcome.Refused;
            }
        }
        await tx.CommitAsync();
        client.Version = version.Value + 1;
        client.Points = value;
        return Outcome.Saved;
    }

    /// <summary>The engine's floor: one single-row INSERT (autocommit).</summary>
    public static async Task<Outcome> InsertAsync(SaveWorld world, int client)
    {
        await using var conn = Open(world);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "INSERT INTO bench_floor (client, at, note) VALUES (@client, @at, @note)";
        Add(cmd, "@client", client);
        Add(cmd, "@at", DateTime.UtcNow);
        Add(cmd, "@note", "entry.self 1.1: 3,5 điểm → 4 điểm");
        await cmd.ExecuteNonQueryAsync();
        return Outcome.Saved;
    }

    /// <summary>Creates the floor's table.</summary>
    public static async Task CreateFloorAsync(SaveWorld world)
    {
        await using var conn = Open(world);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = world.IsPostgres
            ? "CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, client integer NOT NULL, at timestamp with time zone NOT NULL, note text)"
            : "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY AUTOINCREMENT, client INTEGER NOT NULL, at TEXT NOT NULL, note TEXT)";
        await cmd.ExecuteNonQueryAsync();
    }

    // The app's own connection string, so the same pool limits apply (Npgsql: 100 connections; SQLite: pooled).
    private static DbConnection Open(SaveWorld world) => world.IsPostgres
        ? new NpgsqlConnection(world.Settings.ConnectionString)
        : new SqliteConnection(world.Settings.ConnectionString);

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
