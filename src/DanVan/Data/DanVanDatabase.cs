using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Data;

/// <summary>Database providers DanVan runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file (default).</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL server.</summary>
    Postgres = 1,
}

/// <summary>Where the database is: provider and connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file in <paramref name="dataFolder"/>, created on first use.</summary>
    public static DatabaseSettings SqliteIn(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataFolder, "danvan.db")}");
    }

    /// <summary>Reads "sqlite"/"postgres" (or a connection string starting with "Host=") and a connection string.</summary>
    public static DatabaseSettings From(string? provider, string? connectionString, string dataFolder)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return SqliteIn(dataFolder);
        var isPostgres = string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase)
            || (provider is null && connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase));
        return new(isPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString);
    }
}

/// <summary>Creates and registers the DbContext for a provider, and brings the schema up to date.</summary>
public static class DanVanDatabase
{
    /// <summary>Registers <see cref="DanVanDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddDanVanDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<DanVanDbContext, PostgresDanVanDbContext>(o => o.UseNpgsql(settings.ConnectionString));
        else
            services.AddDbContext<DanVanDbContext, SqliteDanVanDbContext>(o => o.UseSqlite(settings.ConnectionString));
        return services;
    }

    /// <summary>Creates a context outside dependency injection (CLI, tests).</summary>
    public static DanVanDbContext Create(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Postgres
        ? new PostgresDanVanDbContext(new DbContextOptionsBuilder<PostgresDanVanDbContext>().UseNpgsql(settings.ConnectionString).Options)
        : new SqliteDanVanDbContext(new DbContextOptionsBuilder<SqliteDanVanDbContext>().UseSqlite(settings.ConnectionString).Options);

    /// <summary>Begins a transaction unless the caller already runs one, whose work this then joins.</summary>
    /// <remarks>Returns null when joining: commit only a transaction begun here (<c>if (tx is not null)</c>).</remarks>
    public static async Task<IDbContextTransaction?> BeginOwnTransactionAsync(this DanVanDbContext db, CancellationToken ct = default) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Applies pending migrations.</summary>
    public static async Task MigrateAsync(DanVanDbContext db, CancellationToken ct = default) =>
        await db.Database.MigrateAsync(ct);
}

/// <summary>Design-time factory for SQLite migrations (dotnet ef --context SqliteDanVanDbContext).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDanVanDbContext>
{
    /// <inheritdoc />
    public SqliteDanVanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDanVanDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for PostgreSQL migrations (dotnet ef --context PostgresDanVanDbContext).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDanVanDbContext>
{
    /// <inheritdoc />
    public PostgresDanVanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDanVanDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
