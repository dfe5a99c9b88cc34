namespace DanVan.TestSupport;

/// <summary>
/// Base of a test class on a shared web app (a collection fixture): the app's database and data folder are emptied before
/// each test, so every test starts from a freshly migrated, empty database as if it had its own app.
/// </summary>
public abstract class WebTest(WebAppFactory app) : IAsyncLifetime
{
    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => await app.ResetAsync();

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Base of a test class on a shared test database (a collection fixture): the database is emptied before each test.</summary>
public abstract class DatabaseTest(TestDatabase db) : IAsyncLifetime
{
    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => await db.ResetAsync();

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
