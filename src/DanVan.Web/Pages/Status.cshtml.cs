using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages;

/// <summary>The Vietnamese page shown for an error status (403, 404...), re-executed by the status code middleware.</summary>
public sealed class Status : PageModel
{
    /// <summary>The status code.</summary>
    public int Code { get; private set; }

    /// <summary>Heading.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Explanation.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the page for <paramref name="code"/>, keeping the status.</summary>
    public void OnGet(int code)
    {
        Code = code;
        (Title, Message) = code switch
        {
            403 => (UiText.Status403Title, UiText.Status403Message),
            404 => (UiText.Status404Title, UiText.Status404Message),
            413 => (UiText.Status413Title, UiText.Status413Message),
            _ => (UiText.StatusOtherTitle, UiText.Error),
        };
    }
}
