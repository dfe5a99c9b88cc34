using DanVan.Refusals;
using System.Globalization;

namespace DanVan.Web.Api.Evaluations;

/// <summary>The assessment version a change is based on: the If-Match header (the ETag) or the body's <c>version</c>.</summary>
internal static class AssessmentVersion
{
    /// <summary>The ETag of a version: <c>"7"</c>.</summary>
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads the version; null with no problem when none was sent, a problem when it cannot be read.</summary>
    public static (int? Version, Refusal? Problem) Read(HttpRequest request, int? bodyVersion)
    {
        int? header = null;
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            var tag = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
            if (!int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return (null, Refusal.Of("request.ifMatch", Where.AtField("If-Match"), ("value", ifMatch)));
            header = parsed;
        }

        if (header is { } h && bodyVersion is { } b && h != b)
            return (null, Refusal.Of("request.versionMismatch", Where.AtField("version"), ("header", h), ("body", b)));
        return (header ?? bodyVersion, null);
    }
}
