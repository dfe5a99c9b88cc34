using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace DanVan.Bench.Saves;

/// <summary>How one save ended.</summary>
internal enum Outcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>Refused as stale (409, or the page shown again): re-read, not an error.</summary>
    Refused,

    /// <summary>Anything else.</summary>
    Error,
}

/// <summary>
/// One client of one unit: an API client with the unit user's personal access token, and a browser signed in with a
/// cookie (the Edit page's form read once, then posted with the version and the criterion's stamp of each answer).
/// Each save changes the points of criterion 1.1 between 3,5 and 4, so every save changes something.
/// </summary>
internal sealed partial class SaveClient(SaveWorld world, SaveUnit unit) : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private readonly HttpClient _api = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30) })
    {
        BaseAddress = new Uri(world.BaseUrl),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", unit.Token) },
    };

    // A browser: its own cookies, compressed pages (Accept-Encoding: gzip, deflate, br), redirects followed by hand to time the POST alone.
    private readonly HttpClient _page = new(new SocketsHttpHandler
    {
        UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
    })
    { BaseAddress = new Uri(world.BaseUrl) };

    private List<KeyValuePair<string, string>> _form = [];
    private string _action = "";
    private int _versionField = -1, _pointsField = -1, _baseField = -1;
    private string _base = "";

    public SaveUnit Unit { get; } = unit;

    /// <summary>The assessment's version as this client last saw it.</summary>
    public int Version { get; set; }

    /// <summary>The points of criterion 1.1 as last stored (the seed stores 3).</summary>
    public decimal Points { get; set; } = 3;

    /// <summary>The value the next save sends: always different from what is stored.</summary>
    public decimal NextPoints => Points == 4 ? 3.5m : 4;

    /// <summary>Called between the page's POST and its redirected GET (the trace splits the SQL there).</summary>
    public Action? AfterPost { get; set; }

    public HttpClient Api => _api;
    public HttpClient Page => _page;

    /// <summary>PUT /api/v1/assessments/{id}/entries/1.1 with the version of the previous answer; a refusal re-reads the version.</summary>
    public async Task<Outcome> ApiSaveAsync()
    {
        var value = NextPoints;
        using var response = await _api.PutAsJsonAsync($"/api/v1/assessments/{Unit.AssessmentId}/entries/{SaveWorld.Criterion}",
            new { layer = "Self", points = value, note = Note, version = Version });
        await response.Content.LoadIntoBufferAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Version = ETagVersion(response);
            Points = value;
            return Outcome.Saved;
        }
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await ReadVersionAsync();
            return Outcome.Refused;
        }
        throw new InvalidOperationException($"API save answered {(int)response.StatusCode}: {Cut(await response.Content.ReadAsStringAsync())}");
    }

    /// <summary>The note the seed gave criterion 1.1 (sent again unchanged).</summary>
    public string Note => $"Kế hoạch số {Unit.UnitId}/KH-UBND ngày 15/01";

    /// <summary>GET /api/v1/assessments/{id}: the version (ETag) and the stored points.</summary>
    public async Task ReadVersionAsync()
    {
        using var response = await _api.GetAsync($"/api/v1/assessments/{Unit.AssessmentId}");
        response.EnsureSuccessStatusCode();
        await response.Content.LoadIntoBufferAsync();
        Version = ETagVersion(response);
    }

    private static int ETagVersion(HttpResponseMessage response) =>
        int.Parse(response.Headers.ETag?.Tag.Trim('"') ?? throw new InvalidOperationException("no ETag"), Inv);

    /// <summary>Signs in through the login page (the app's own password check).</summary>
    public async Task SignInAsync()
    {
        var login = await _page.GetStringAsync("/Account/Login");
        var token = TokenField().Match(login).Groups[1].Value;
        using var response = await _page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.UserName"] = Unit.UserName, ["Data.Password"] = SaveWorld.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"sign-in of {Unit.UserName} failed: {(int)response.StatusCode}");
    }

    /// <summary>Reads the Edit page's form once (fields, antiforgery token, version, the criterion's stamp).</summary>
    public async Task OpenFormAsync()
    {
        using var response = await _page.GetAsync(EditUrl);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Edit page answered {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        (_action, _form) = HtmlForm.Read(html, "assessment-form");
        _versionField = _form.FindIndex(f => f.Key == "Data.Version");
        var index = _form.First(f => f.Key.EndsWith(".CriterionId", StringComparison.Ordinal) && f.Value == SaveWorld.Criterion).Key[..^".CriterionId".Length];
        _pointsField = _form.FindIndex(f => f.Key == index + ".Points");
        _baseField = _form.FindIndex(f => f.Key == index + ".Base");
        if (_versionField < 0 || _pointsField < 0 || _baseField < 0 || !_form.Any(f => f.Key == "__RequestVerificationToken"))
            throw new InvalidOperationException("the Edit form lacks the version, the criterion's fields or the antiforgery token");
        Version = int.Parse(_form[_versionField].Value, Inv);
        _base = _form[_baseField].Value;
        Points = decimal.Parse(_form[_pointsField].Value, Vi);
    }

    private string EditUrl => $"/Evaluations/Edit/{Unit.AssessmentId}";

    /// <summary>
    /// Posts the whole form (every criterion as read, 1.1 changed) to the Save handler, then follows the redirect to the
    /// page as a browser does and reads the new version and the criterion's stamp from it. <paramref name="postMs"/>: the POST alone.
    /// </summary>
    public async Task<(Outcome Outcome, double PostMs)> PageSaveAsync()
    {
        var value = NextPoints;
        var fields = new List<KeyValuePair<string, string>>(_form)
        {
            [_versionField] = new("Data.Version", Version.ToString(Inv)),
            [_pointsField] = new(_form[_pointsField].Key, value.ToString("0.####", Vi)),
            [_baseField] = new(_form[_baseField].Key, _base),
        };
        var w = System.Diagnostics.Stopwatch.StartNew();
        using var post = await _page.PostAsync(_action, new FormUrlEncodedContent(fields));
        await post.Content.LoadIntoBufferAsync();
        var postMs = w.Elapsed.TotalMilliseconds;
        AfterPost?.Invoke();
        if (post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            using var page = await _page.GetAsync(post.Headers.Location);
            var html = await page.Content.ReadAsStringAsync();
            if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"the page after a save answered {(int)page.StatusCode}");
            ReadAnswer(html);
            Points = value;
            return (Outcome.Saved, postMs);
        }
        if (post.StatusCode == HttpStatusCode.OK)
        {
            // The form shown again with the refusal: read the page afresh, as a user reloading it would.
            using var page = await _page.GetAsync(EditUrl);
            ReadAnswer(await page.Content.ReadAsStringAsync());
            return (Outcome.Refused, postMs);
        }
        throw new InvalidOperationException($"page save answered {(int)post.StatusCode}");
    }

    private void ReadAnswer(string html)
    {
        Version = int.Parse(VersionField().Match(html).Groups[1].Value, Inv);
        var name = Regex.Escape(_form[_baseField].Key);
        _base = Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] : s;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Data\\.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    public void Dispose()
    {
        _api.Dispose();
        _page.Dispose();
    }
}

/// <summary>The fields a browser posts with a form, read from the page's HTML (inputs, checked boxes, selected options, text areas).</summary>
internal static partial class HtmlForm
{
    public static (string Action, List<KeyValuePair<string, string>> Fields) Read(string html, string formId)
    {
        var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"no form {formId}");
        var open = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[open..end];
        var action = WebUtility.HtmlDecode(Attributes(form[..form.IndexOf('>')]).GetValueOrDefault("action") ?? "");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in Element().Matches(form))
        {
            var attrs = Attributes(m.Groups["attrs"].Value);
            if (attrs.GetValueOrDefault("name") is not { Length: > 0 } name || attrs.ContainsKey("disabled")) continue;
            name = WebUtility.HtmlDecode(name);
            switch (m.Groups["tag"].Value)
            {
                case "input":
                    var type = attrs.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
                    if (type is "submit" or "button" or "file" or "image" or "reset") continue;
                    if (type is "checkbox" or "radio" && !attrs.ContainsKey("checked")) continue;
                    fields.Add(new(name, WebUtility.HtmlDecode(attrs.GetValueOrDefault("value") ?? (type is "checkbox" or "radio" ? "on" : ""))));
                    break;
                case "select":
                    var options = Option().Matches(m.Groups["inner"].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
                    var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                    if (chosen is not null) fields.Add(new(name, WebUtility.HtmlDecode(chosen.GetValueOrDefault("value") ?? "")));
                    break;
                case "textarea":
                    var text = WebUtility.HtmlDecode(m.Groups["inner"].Value);
                    fields.Add(new(name, text.StartsWith('\n') ? text[1..] : text));
                    break;
            }
        }
        return (action, fields);
    }

    private static Dictionary<string, string?> Attributes(string tag)
    {
        var d = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(tag)) d.TryAdd(a.Groups[1].Value, a.Groups[2].Success ? a.Groups[2].Value : null);
        return d;
    }

    // <input ...>, or <select ...>…</select>, or <textarea ...>…</textarea>, with their inner HTML.
    [GeneratedRegex("<(?<tag>input)\\b(?<attrs>[^>]*)>|<(?<tag>select)\\b(?<attrs>[^>]*)>(?<inner>[\\s\\S]*?)</select>|<(?<tag>textarea)\\b(?<attrs>[^>]*)>(?<inner>[\\s\\S]*?)</textarea>")]
    private static partial Regex Element();

    [GeneratedRegex("<option\\b([^>]*)>")]
    private static partial Regex Option();

    [GeneratedRegex("([\\w\\-:.]+)(?:\\s*=\\s*\"([^\"]*)\")?")]
    private static partial Regex Attribute();
}
