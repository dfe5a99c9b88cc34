using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DanVan.Web.Tests;

/// <summary>A page as a test reads it: the response and its parsed document.</summary>
public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document, Uri Url)
{
    /// <summary>The status code.</summary>
    public HttpStatusCode Status => Response.StatusCode;

    /// <summary>The first element matching a CSS selector, or a failure naming it.</summary>
    public IElement Find(string selector) =>
        Document.QuerySelector(selector) ?? throw new ShouldAssertException($"no element '{selector}' on {Url}:\n{Document.Body?.TextContent}");

    /// <summary>Text of the first element matching a selector, whitespace collapsed.</summary>
    public string Text(string selector) => Collapse(Find(selector).TextContent);

    /// <summary>The page's whole text.</summary>
    public string AllText => Collapse(Document.Body?.TextContent ?? "");

    /// <summary>Texts of the field errors shown (next to fields and in summaries).</summary>
    public IReadOnlyList<string> Errors => Document.QuerySelectorAll(".field-error, .error-summary li, .field-validation-error")
        .Select(e => Collapse(e.TextContent)).Where(t => t.Length > 0).Distinct().ToList();

    /// <summary>The codes of the core's refusals in the page's summary (<c>#refusals li[data-code]</c>).</summary>
    public IReadOnlyList<string> RefusalCodes => Document.QuerySelectorAll("#refusals li[data-code]")
        .Select(e => e.GetAttribute("data-code") ?? "").ToList();

    /// <summary>The name of a criterion's input in a sheet ("Points", "Level", "Note"...), found by the row's data-criterion.</summary>
    public string Field(string criterion, string property) =>
        Document.QuerySelector($"tr[data-criterion='{criterion}'] [name$='.{property}']")?.GetAttribute("name")
        ?? throw new ShouldAssertException($"no field {property} for criterion {criterion} on {Url}");

    /// <summary>The error shown next to a criterion's input.</summary>
    public string ErrorFor(string criterion, string property) => ErrorFor(Field(criterion, property));

    /// <summary>The error shown next to the field named <paramref name="name"/>.</summary>
    public string ErrorFor(string name) =>
        Collapse(Document.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent ?? "");

    private static string Collapse(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A signed-in (or anonymous) browser: its own cookies, pages parsed with AngleSharp, forms posted with their anti-forgery token.</summary>
public sealed class TestClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>An anonymous client of the app that follows redirects and keeps cookies.</summary>
    public static TestClient Anonymous(WebAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));

    /// <summary>Signs in through the login page.</summary>
    public static async Task<TestClient> LoginAsync(WebAppFactory app, string user, string password = TestWorld.Password)
    {
        var client = Anonymous(app);
        var login = await client.GetAsync("/Account/Login");
        var after = await client.SubmitAsync(login, "form", new() { ["Data.UserName"] = user, ["Data.Password"] = password });
        after.Url.AbsolutePath.ShouldNotBe("/Account/Login", $"sign-in of {user} failed: {after.AllText}");
        return client;
    }

    /// <summary>An API client of <paramref name="user"/>, authenticated by a personal access token created for it.</summary>
    public static async Task<HttpClient> ApiAsync(WebAppFactory app, string user)
    {
        await using var db = app.NewDbContext();
        var id = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserName == user)).Id;
        var (token, plain) = DanVan.Accounts.ApiToken.Create(id, "test", DateTime.UtcNow, TimeSpan.FromDays(1));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", plain);
        return client;
    }

    /// <summary>Gets a page.</summary>
    public async Task<Page> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>
    /// Submits the form matched by <paramref name="formSelector"/> as a browser would: its fields with their current values,
    /// overridden by <paramref name="values"/> (a null value removes the field), the submit button's name and formaction when given.
    /// </summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, Dictionary<string, string?>? values = null,
        string? submitSelector = null, IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new ShouldAssertException($"no form '{formSelector}' on {page.Url}");
        var fields = FormFields(form);
        string? action = form.GetAttribute("action");
        if (submitSelector is not null)
        {
            var submit = page.Document.QuerySelector(submitSelector) ?? throw new ShouldAssertException($"no button '{submitSelector}'");
            if (submit.GetAttribute("formaction") is { } formAction) action = formAction;
            if (submit.GetAttribute("name") is { Length: > 0 } n) fields.Add((n, submit.GetAttribute("value") ?? ""));
        }

        foreach (var (key, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Name == key);
            if (value is not null) fields.Add((key, value));
        }

        return await PostAsync(new Uri(page.Url, string.IsNullOrEmpty(action) ? page.Url.PathAndQuery : action).ToString(), fields, files);
    }

    /// <summary>Posts fields (and files) to a URL as a form.</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<(string Name, string Value)> fields,
        IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        HttpContent content;
        if (files is { Count: > 0 })
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            foreach (var (field, fileName, bytes) in files)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(file, field, fileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }

        return await ReadAsync(await Http.PostAsync(url, content));
    }

    /// <summary>The fields a browser would post with the form <paramref name="formSelector"/> of <paramref name="page"/> as it stands.</summary>
    public static List<(string Name, string Value)> Fields(Page page, string formSelector) =>
        FormFields(page.Document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new ShouldAssertException($"no form '{formSelector}' on {page.Url}"));

    /// <summary>The anti-forgery token of a page's first form.</summary>
    public static string Token(Page page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new ShouldAssertException($"no anti-forgery token on {page.Url}");

    private static List<(string Name, string Value)> FormFields(IHtmlFormElement form)
    {
        var fields = new List<(string, string)>();
        foreach (var e in form.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || e.HasAttribute("disabled")) continue;
            switch (e)
            {
                case IHtmlInputElement input:
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "file" or "image" or "reset") continue;
                    if (type is "checkbox" or "radio" && !input.IsChecked) continue;
                    fields.Add((name, input.Value ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.ToList();
                    var selected = options.Where(o => o.IsSelected).ToList();
                    if (select.IsMultiple) fields.AddRange(selected.Select(o => (name, o.Value)));
                    else if ((selected.FirstOrDefault() ?? options.FirstOrDefault()) is { } option) fields.Add((name, option.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add((name, textArea.Value));
                    break;
            }
        }
        return fields;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri ?? new Uri("http://localhost/");
        return new Page(response, Parser.ParseDocument(html), url);
    }
}
