using DanVan.Refusals;

namespace DanVan.Tests;

/// <summary>Reads a refusal the way older tests read located problems: its path, file and English sentence.</summary>
internal static class RefusalAssertions
{
    extension(Refusal refusal)
    {
        /// <summary>The JSON path.</summary>
        public string? Path => refusal.Where.Path;

        /// <summary>The file.</summary>
        public string? File => refusal.Where.File;

        /// <summary>The English sentence.</summary>
        public string Message => RefusalText.Render(refusal, RefusalText.English);
    }
}
