using Npgsql;

namespace DanVan.TestSupport;

/// <summary>The PostgreSQL server of the test run (DANVAN_TEST_POSTGRES): creates and drops the tests' databases.</summary>
public static class TestPostgres
{
    /// <summary>The server's connection string; skips the test when it is not set, and fails in CI (CI=true) instead.</summary>
    public static string Server()
    {
        var cs = Environment.GetEnvironmentVariable("DANVAN_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(cs)) return cs;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("DANVAN_TEST_POSTGRES is not set; run the tests with scripts/test.sh");
        Assert.Skip("DANVAN_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL server for the run");
        return "";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        var server = Server();
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database, closing the connections still open on it.</summary>
    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(Server());
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
