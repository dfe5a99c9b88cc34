using System.CommandLine;
using DanVan.Data;
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

    /// <summary>Opens the database the command line names and brings its schema up to date.</summary>
    public async Task<DanVanDbContext> OpenDatabaseAsync(CancellationToken ct)
    {
        var db = DanVanDatabase.Create(globals.Resolve(Parse));
        try
        {
            await DanVanDatabase.MigrateAsync(db, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
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
