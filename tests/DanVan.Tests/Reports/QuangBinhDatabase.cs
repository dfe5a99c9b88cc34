using DanVan.Data;
using DanVan.Reports;
using DanVan.Tests.Data;

namespace DanVan.Tests.Reports;

/// <summary>One SQLite database holding the reference's 2017 and 2018 results, shared by the tests of a class that only read it.</summary>
public sealed class QuangBinhDatabase : IAsyncLifetime
{
    /// <summary>The database.</summary>
    public TestDatabase Db { get; private set; } = null!;

    /// <summary>The seeded periods and province.</summary>
    public (int Period2017, int Period2018, int ProvinceId) Seed { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = Db.NewContext();
        Seed = await QuangBinhReference.SeedAsync(db);
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();

    /// <summary>The report of a year for a scope (the province by default), as the reference groups it.</summary>
    public async Task<ReportContent> ContentAsync(int year = 2018, int earlierYears = 1, string? scopeCode = null)
    {
        await using var db = Db.NewContext();
        var scopeId = scopeCode is null ? Seed.ProvinceId : db.Units.Single(u => u.Code == scopeCode).Id;
        return await ReportDocuments.LoadAsync(db, new ReportRequest(year, scopeId, earlierYears, QuangBinhReference.Options), TestContext.Current.CancellationToken);
    }
}
