namespace DanVan.Tests;

/// <summary>Storage tests on SQLite: one database for the collection, emptied before each test.</summary>
[CollectionDefinition]
public sealed class SqliteDb : ICollectionFixture<SqliteDatabase>;

/// <summary>Storage tests on PostgreSQL: one database for the collection, emptied before each test.</summary>
[CollectionDefinition]
public sealed class PostgresDb : ICollectionFixture<PostgresDatabase>;
