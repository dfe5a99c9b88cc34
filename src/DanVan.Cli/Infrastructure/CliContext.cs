using System.CommandLine;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace DanVan.Cli.Infrastructure;

/// <summary>What a running command needs: its writers, the database, and progress reporting.</summary>
public sealed class CliContext(ParseResult parse, GlobalOptions globals)
{
    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>Standard output: results.</summary>
    public TextWriter Out { get; } = parse.InvocationConfiguration.Output;

    /// <summary>Standard error: problems, and progress lines when not on a terminal.</summary>
    public TextWriter Err { get; } = parse.InvocationConfiguration.Error;

    /// <summary>True when output goes to a person at a terminal (not a file, pipe or test).</summary>
    public bool Interactive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <summary>The value of an option or argument.</summary>
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>The value of an argument.</summary>
    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>Opens the database the command line names, brings its schema up to date and loads the account the command acts as
    /// (<see cref="ActorAsync"/>): an unknown or locked account is refused here, before anything is read or written.</summary>
    public async Task<DanVanDbContext> OpenDatabaseAsync(CancellationToken ct)
    {
        var db = DanVanDatabase.Create(globals.Resolve(Parse));
        try
        {
            await DanVanDatabase.MigrateAsync(db, ct);
            await ActorAsync(db, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The user name of the server's operator: the identity of a command run without --as, written in its audit lines.</summary>
    public const string OperatorName = "cli";

    /// <summary>The server's operator: a system administrator (no scope unit), the rights every command had before --as.</summary>
    /// <remarks>It reads everything as a system administrator does, and is also let do what the model grants only to a unit's own
    /// users or registry clerks (self-assessments, registry records, personal data), as the server's tool always could; an
    /// administrator named with --as has exactly the model's rights.</remarks>
    public static UserScope Operator { get; } = new(OperatorName, OperatorName,
        [new RoleAssignment { UserId = OperatorName, Role = Role.Administrator, ScopeUnitId = null }], new Dictionary<int, string>());

    /// <summary>True for the server's operator (no --as).</summary>
    public static bool IsOperator(UserScope actor) => ReferenceEquals(actor, Operator);

    /// <summary>The one permission model, the same object the web host asks.</summary>
    public static Permissions Permissions => DanVan.Accounts.Permissions.Permissions.Builtin;

    private UserScope? _actor;

    /// <summary>The account the command acts as: --as USER (else DANVAN_USER) loaded the way the web host loads a signed-in user
    /// (<see cref="UserScopes.LoadAsync"/>), or the server's <see cref="Operator"/> when neither names one.</summary>
    /// <exception cref="RefusedException"><c>cli.unknownUser</c>, <c>cli.accountLocked</c>.</exception>
    public async Task<UserScope> ActorAsync(DanVanDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_actor is not null) return _actor;
        if (globals.UserOf(Parse) is not { } name) return _actor = Operator;
        var normalized = name.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
                .Select(u => new { u.Id, u.UserName, u.LockoutEnd }).SingleOrDefaultAsync(ct)
            ?? throw new RefusedException("cli.unknownUser", Where.AtField("--as"), ("user", name));
        // Locked as the web host judges it (a lock, or the lockout after failed sign-ins), the same test as an API token's owner.
        if (AccountRules.IsLocked(account.LockoutEnd, DateTimeOffset.UtcNow))
            throw new RefusedException("cli.accountLocked", Where.AtField("--as"), ("user", account.UserName ?? name));
        return _actor = await UserScopes.LoadAsync(db, account.Id, account.UserName ?? name, ct);
    }

    /// <summary>The actor's user name, for audit lines; the operator's before the database is opened.</summary>
    public string ActorName => _actor?.UserName ?? OperatorName;

    /// <summary>Asks <see cref="Permissions"/> whether <paramref name="actor"/> may do <paramref name="action"/> at <paramref name="target"/>;
    /// refuses otherwise, before anything is written.</summary>
    /// <param name="notFound">What the command says when the target does not exist (e.g. <c>cli.unknownUnit</c>): a target outside the
    /// account's scope is refused with exactly it, so nothing tells it exists (the web's 404).</param>
    /// <exception cref="RefusedException">Outside the scope: <paramref name="notFound"/>; within it but not allowed: <c>cli.forbidden</c> (the web's 403).</exception>
    public static void Require(UserScope actor, string action, Target target, Refusal? notFound = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (IsOperator(actor)) return;
        switch (Permissions.Decide(actor, action, target))
        {
            case AccessOutcome.Allowed:
                return;
            case AccessOutcome.NotFound when notFound is not null:
                throw new RefusedException([notFound]);
            default:
                throw Forbidden(actor, action);
        }
    }

    /// <summary>True when the actor may do the action at the target (filters and per-row checks).</summary>
    public static bool May(UserScope actor, string action, Target target) => IsOperator(actor) || Permissions.May(actor, action, target);

    /// <summary><see cref="Permissions.Decide"/>, with the operator allowed everything (per-row checks that word their own refusals).</summary>
    public static AccessOutcome Decide(UserScope actor, string action, Target target) =>
        IsOperator(actor) ? AccessOutcome.Allowed : Permissions.Decide(actor, action, target);

    /// <summary>The refusal of an action the account's role does not allow.</summary>
    public static RefusedException Forbidden(UserScope actor, string action) => new(Forbidden(actor, action, Where.AtField("--as")));

    /// <summary>The refusal of an action the account's role does not allow, at a place (a row of a file).</summary>
    public static Refusal Forbidden(UserScope actor, string action, Where where)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Refusal.Of("cli.forbidden", where, ("user", actor.UserName), ("action", action));
    }

    /// <summary>Refuses unless the actor is a system administrator, for server tasks no permission action covers (reminders to every unit).</summary>
    public static void RequireAdministrator(UserScope actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdministrator) throw new RefusedException("cli.administratorOnly", Where.AtField("--as"), ("user", actor.UserName));
    }

    /// <summary>Runs long work with a live status line on a terminal, or plain progress lines on standard error.</summary>
    public async Task<T> WithProgressAsync<T>(string title, Func<IProgress<string>, Task<T>> work)
    {
        if (!Interactive)
        {
            await Err.WriteLineAsync(title);
            return await work(new LineProgress(line => Err.WriteLine($"  {line}")));
        }

        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(title), async status =>
            await work(new LineProgress(line =>
            {
                status.Status(Markup.Escape($"{title} {line}"));
                AnsiConsole.MarkupLine($"[grey]  {Markup.Escape(line)}[/]");
            })));
    }

    /// <summary>The language of messages: --lang, else DANVAN_LANG, else LC_ALL/LANG (vi unless they say en).</summary>
    public System.Globalization.CultureInfo Language => globals.LanguageOf(Parse);

    /// <summary>Writes each refusal as <c>error[code] place: sentence</c> and a closing line, in <see cref="Language"/>.</summary>
    /// <remarks>The code in brackets is stable across languages, so scripts and tests read it.</remarks>
    public void WriteRefusals(IReadOnlyList<DanVan.Refusals.Refusal> refusals)
    {
        var culture = Language;
        foreach (var r in refusals) Err.WriteLine($"error[{r.Code}] {DanVan.Refusals.RefusalText.RenderWithPlace(r, culture)}");
        var vi = culture.TwoLetterISOLanguageName == "vi";
        Err.WriteLine(vi
            ? $"Bị từ chối: {refusals.Count} lỗi; không có gì bị thay đổi."
            : $"Refused: {refusals.Count} problem{(refusals.Count == 1 ? "" : "s")}; nothing was changed.");
    }

    /// <summary>A synchronous IProgress (Progress&lt;T&gt; posts to the thread pool and would reorder lines).</summary>
    private sealed class LineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
