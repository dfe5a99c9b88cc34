namespace DanVan.Web.Tests;

/// <summary>Web tests on SQLite: one app for the collection, its database emptied before each test (see <see cref="WebTest"/>).</summary>
[CollectionDefinition]
public sealed class SqliteWeb : ICollectionFixture<SqliteWebApp>;

/// <summary>Web tests on PostgreSQL: one app for the collection, its database emptied before each test.</summary>
[CollectionDefinition]
public sealed class PostgresWeb : ICollectionFixture<PostgresWebApp>;
