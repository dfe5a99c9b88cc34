using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DanVan.Web.Tests.Account;

/// <summary>A browser whose cookies a test can read and copy (e.g. a stolen session cookie replayed after logout).</summary>
public sealed class RawBrowser(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Cookies by name, as the app last set them.</summary>
    public Dictionary<string, string> Cookies { get; } = [];

    /// <summary>The Set-Cookie lines of the last answer.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    /// <summary>A new browser of the app, without cookies and without following redirects.</summary>
    public static RawBrowser Of(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    /// <summary>Another browser holding a copy of this one's cookies.</summary>
    public RawBrowser CopyTo(HttpClient http)
    {
        var copy = new RawBrowser(http);
        foreach (var (k, v) in Cookies) copy.Cookies[k] = v;
        return copy;
    }

    /// <summary>Sends a request with the cookies held; keeps the cookies the answer sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, IEnumerable<(string, string)>? form = null, Action<HttpRequestMessage>? adjust = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        adjust?.Invoke(request);
        var response = await http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var lines) ? lines.ToList() : [];
        foreach (var line in LastSetCookies)
        {
            var pair = line.Split(';')[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            if (value.Length == 0) Cookies.Remove(name);
            else Cookies[name] = value;
        }
        return response;
    }

    /// <summary>The antiforgery token of the form matched by <paramref name="selector"/> on the page at <paramref name="url"/>.</summary>
    public async Task<string> FormTokenAsync(string url, string selector = "form", Action<HttpRequestMessage>? adjust = null)
    {
        var response = await SendAsync(HttpMethod.Get, url, adjust: adjust);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector($"{selector} input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new ShouldAssertException($"no antiforgery token in '{selector}' on {url}");
    }

    /// <summary>Signs in through the login form; true when the app answered with the session cookie.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user, string password, Action<HttpRequestMessage>? adjust = null)
    {
        var token = await FormTokenAsync("/Account/Login", adjust: adjust);
        return await SendAsync(HttpMethod.Post, "/Account/Login",
            [("Data.UserName", user), ("Data.Password", password), ("__RequestVerificationToken", token)], adjust);
    }

    /// <summary>True when the home page answers (rather than redirecting to the login page).</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await SendAsync(HttpMethod.Get, "/");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
