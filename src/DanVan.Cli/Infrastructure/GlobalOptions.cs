using DanVan.Refusals;
using System.CommandLine;
using DanVan.Data;

namespace DanVan.Cli.Infrastructure;

/// <summary>Options every command takes: where the database is, the language of messages, and the account the command acts as.</summary>
public sealed class GlobalOptions
{
    /// <summary>Environment variable naming the provider (sqlite or postgres).</summary>
    public const string ProviderVariable = "DANVAN_DB_PROVIDER";

    /// <summary>Environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "DANVAN_CONNECTION";

    /// <summary>--database sqlite|postgres.</summary>
    public Option<string?> Database { get; } = new("--database")
    {
        Description = $"Database provider: sqlite (default) or postgres [env {ProviderVariable}]",
        Recursive = true,
        HelpName = "sqlite|postgres",
    };

    /// <summary>--connection STRING.</summary>
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = $"Connection string; required for postgres [env {ConnectionVariable}]",
        Recursive = true,
        HelpName = "connection string",
    };

    /// <summary>--data FOLDER.</summary>
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Data folder; the SQLite database is FOLDER/danvan.db, created on first run",
        Recursive = true,
        HelpName = "folder",
        DefaultValueFactory = _ => "data",
    };

    /// <summary>Environment variable choosing the language of messages (vi or en).</summary>
    public const string LanguageVariable = "DANVAN_LANG";

    /// <summary>--lang vi|en.</summary>
    public Option<string?> Lang { get; } = new("--lang")
    {
        Description = $"Language of messages: vi (default) or en [env {LanguageVariable}, else LC_ALL/LANG]",
        Recursive = true,
        HelpName = "vi|en",
    };

    /// <summary>Environment variable naming the account a command acts as.</summary>
    public const string UserVariable = "DANVAN_USER";

    /// <summary>--as USER: the account the command acts as (its roles and scope decide, audit lines name it).</summary>
    public Option<string?> As { get; } = new("--as")
    {
        Description = "Account the command acts as: its roles and scope decide what the command may do, and every audit line names it "
            + $"(default: the server's operator \"cli\", a system administrator) [env {UserVariable}]",
        Recursive = true,
        HelpName = "user",
    };

    /// <summary>The account named by --as, else DANVAN_USER; null for the server's operator.</summary>
    public string? UserOf(ParseResult parse) => Blank(parse.GetValue(As)) ?? Blank(Environment.GetEnvironmentVariable(UserVariable));

    /// <summary>The language: --lang, then DANVAN_LANG, then LC_ALL/LANG; Vietnamese unless one says English.</summary>
    public System.Globalization.CultureInfo LanguageOf(ParseResult parse) =>
        DanVan.Refusals.RefusalText.CultureFor(parse.GetValue(Lang)
            ?? Blank(Environment.GetEnvironmentVariable(LanguageVariable))
            ?? Blank(Environment.GetEnvironmentVariable("LC_ALL"))
            ?? Blank(Environment.GetEnvironmentVariable("LANG")));

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(Command root)
    {
        Database.AcceptOnlyFromAmong("sqlite", "postgres", "postgresql");
        root.Options.Add(Database);
        root.Options.Add(Connection);
        root.Options.Add(Data);
        Lang.AcceptOnlyFromAmong("vi", "en");
        root.Options.Add(Lang);
        root.Options.Add(As);
    }

    /// <summary>The database the command line names: options first, then the environment, then SQLite in the data folder.</summary>
    /// <exception cref="RefusedException">postgres without a connection string.</exception>
    public DatabaseSettings Resolve(ParseResult parse)
    {
        var provider = parse.GetValue(Database) ?? Blank(Environment.GetEnvironmentVariable(ProviderVariable));
        var connection = parse.GetValue(Connection) ?? Blank(Environment.GetEnvironmentVariable(ConnectionVariable));
        var data = parse.GetValue(Data) ?? "data";
        var postgres = provider is not null && provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
        if (postgres && connection is null)
            throw new RefusedException("cli.connectionRequired", Where.AtField("--connection"), ("variable", ConnectionVariable));
        if (provider is not null && !postgres && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            throw new RefusedException("cli.unknownProvider", Where.AtField(ProviderVariable), ("provider", provider));
        if (connection is null) return DatabaseSettings.SqliteIn(data);
        return DatabaseSettings.From(postgres ? "postgres" : provider ?? null, connection, data);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
