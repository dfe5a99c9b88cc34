namespace DanVan.Cli.Tests;

/// <summary>CLI tests on SQLite: one database for the collection, emptied before each test.</summary>
[CollectionDefinition]
public sealed class SqliteCli : ICollectionFixture<SqliteDatabase>;

/// <summary>CLI tests on PostgreSQL: one database for the collection, emptied before each test.</summary>
[CollectionDefinition]
public sealed class PostgresCli : ICollectionFixture<PostgresDatabase>;
