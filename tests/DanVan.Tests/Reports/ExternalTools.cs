using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DanVan.Tests.Reports;

/// <summary>LibreOffice and poppler, run as a person would run them, to open the files we write.</summary>
internal static partial class ExternalTools
{
    private static readonly TimeSpan ConvertTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Where pictures and converted files are kept for a person to look at: DANVAN_TEST_ARTIFACTS, or a temp folder.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DANVAN_TEST_ARTIFACTS");
            if (string.IsNullOrWhiteSpace(dir)) dir = Path.Combine(Path.GetTempPath(), "danvan-test-artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>The full path of a program on PATH; skips the test when it is missing, except in CI where that is a failure.</summary>
    public static string Require(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        var message = $"'{program}' is not installed; scripts/test.sh installs LibreOffice and poppler-utils";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException(message);
        Assert.Skip(message);
        return "";
    }

    /// <summary>Converts a DOCX or XLSX file to PDF with LibreOffice in a private profile, so parallel runs do not share one.</summary>
    public static async Task<(string Pdf, TimeSpan Elapsed)> ConvertToPdfAsync(string input, string outputDirectory)
    {
        var soffice = Require("soffice");
        var profile = Path.Combine(Path.GetTempPath(), $"danvan-lo-{Guid.NewGuid():N}");
        try
        {
            var watch = Stopwatch.StartNew();
            var (exit, output) = await RunAsync(soffice, ConvertTimeout,
                $"-env:UserInstallation={new Uri(profile).AbsoluteUri}",
                "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outputDirectory, input);
            watch.Stop();
            var pdf = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(input) + ".pdf");
            if (exit != 0 || !File.Exists(pdf))
                throw new InvalidOperationException($"LibreOffice did not convert {input} (exit {exit}): {output}");
            return (pdf, watch.Elapsed);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    /// <summary>The number of pages, from pdfinfo.</summary>
    public static async Task<int> PdfPagesAsync(string pdf)
    {
        var (exit, output) = await RunAsync(Require("pdfinfo"), TimeSpan.FromSeconds(30), pdf);
        exit.ShouldBe(0, output);
        return int.Parse(PagesLine().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text of one page, from pdftotext with its layout kept.</summary>
    public static async Task<string> PdfPageTextAsync(string pdf, int page)
    {
        var (exit, output) = await RunAsync(Require("pdftotext"), TimeSpan.FromSeconds(30),
            "-f", $"{page}", "-l", $"{page}", "-layout", "-enc", "UTF-8", pdf, "-");
        exit.ShouldBe(0, output);
        return output;
    }

    /// <summary>Saves page 1 as PNG at 80 dpi with pdftoppm and returns its path.</summary>
    public static async Task<string> FirstPagePngAsync(string pdf, string outputPrefix)
    {
        var (exit, output) = await RunAsync(Require("pdftoppm"), TimeSpan.FromSeconds(60),
            "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, outputPrefix);
        exit.ShouldBe(0, output);
        return outputPrefix + ".png";
    }

    /// <summary>Saves one page as PNG at the given resolution with pdftoppm and returns its path.</summary>
    public static async Task<string> PagePngAsync(string pdf, int page, string outputPrefix, int dpi = 80)
    {
        var (exit, output) = await RunAsync(Require("pdftoppm"), TimeSpan.FromSeconds(60),
            "-png", "-r", $"{dpi}", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, outputPrefix);
        exit.ShouldBe(0, output);
        return outputPrefix + ".png";
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
