using System.Globalization;
using System.Text;
using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Registries;

/// <summary>A form field as the page renders it: its posted name, element id, the error shown there and the value typed.</summary>
/// <param name="Key">The posted name ("Form.Visitors[0].IdNumber").</param>
/// <param name="Id">The element id ("f-Visitors-0-IdNumber").</param>
/// <param name="Error">The error shown at the field, or null.</param>
/// <param name="Attempted">The text typed when it could not be read (a number), to show back as typed.</param>
public sealed record FieldState(string Key, string Id, string? Error, string? Attempted)
{
    /// <summary>"true" when the field has an error (aria-invalid), else null (no attribute).</summary>
    public string? Invalid => Error is null ? null : "true";

    /// <summary>The error's element id for aria-describedby, else null.</summary>
    public string? DescribedBy => Error is null ? null : ErrorId;

    /// <summary>The error's element id.</summary>
    public string ErrorId => "err-" + Id[2..];
}

/// <summary>What the registries' form pages share: the core's refusals shown at their field (posted as <c>Form.…</c>) and linked from the summary.</summary>
public abstract class RegistryPage : PageModel
{
    private readonly Dictionary<string, string?> _unread = new(StringComparer.Ordinal);

    /// <summary>The field's state for rendering.</summary>
    public FieldState F(string key)
    {
        var entry = ModelState.TryGetValue(key, out var e) ? e : null;
        var error = entry is { Errors.Count: > 0 } ? string.Join(" ", entry.Errors.Select(x => x.ErrorMessage).Distinct()) : null;
        return new FieldState(key, IdOf(key), error, _unread.GetValueOrDefault(key));
    }

    /// <summary>Texts the binder could not read (a number typed as words) as refusals at their field; the text typed is kept to show back.</summary>
    /// <remarks>ModelState is emptied, so every error on the page then comes through <see cref="ShowRefusals"/> (field and summary alike).</remarks>
    public List<Refusal> UnreadFields()
    {
        var list = new List<Refusal>();
        foreach (var (key, entry) in ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!)).ToList())
        {
            _unread[key] = entry.AttemptedValue;
            list.Add(Refusal.Of("request.unreadableForm", Where.AtField(FieldOf(key)),
                ("detail", string.Format(Vi.Culture, UiText.RegUnreadableValue, entry.AttemptedValue))));
        }
        ModelState.Clear();
        return list;
    }

    /// <summary>The core's field of a posted name: "Form.Visitors[1].IdNumber" → "visitors[2].idNumber".</summary>
    public static string FieldOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
        var parts = name.Split('.').Select(part =>
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            if (open > 0 && part.EndsWith(']') && int.TryParse(part.AsSpan(open + 1, part.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return Camel(part[..open]) + "[" + (n + 1).ToString(CultureInfo.InvariantCulture) + "]";
            return Camel(part);
        });
        return string.Join('.', parts);
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Shows the core's refusals at their fields and in the summary, which links to them and names them in Vietnamese.</summary>
    public void ShowRefusals(IEnumerable<Refusal> refusals)
    {
        ViewData[PageRefusals.AnchorKey] = (Func<Where, string?>)(w => KeyOf(w) is { } k ? IdOf(k) : null);
        ViewData[PageRefusals.PlaceKey] = (Func<Where, string?>)PlaceOf;
        this.Show(refusals, KeyOf);
    }

    /// <summary>Runs a core step; its refusals are shown at their fields and false returned.</summary>
    public async Task<bool> TryAsync(Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (RefusedException ex)
        {
            ShowRefusals(ex.Refusals);
            return false;
        }
    }

    /// <summary>The posted name of a core field: "visitors[2].idNumber" → "Form.Visitors[1].IdNumber"; null for the request as a whole.</summary>
    public static string? KeyOf(Where where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Field is not { Length: > 0 } field) return null;
        var sb = new StringBuilder("Form.");
        foreach (var part in field.Split('.'))
        {
            if (sb.Length > 5) sb.Append('.');
            var open = part.IndexOf('[', StringComparison.Ordinal);
            if (open > 0 && part.EndsWith(']') && int.TryParse(part.AsSpan(open + 1, part.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                sb.Append(Pascal(part[..open])).Append('[').Append((n - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
            else sb.Append(Pascal(part));
        }
        return sb.ToString();
    }

    /// <summary>The element id of a posted name: "Form.Visitors[0].IdNumber" → "f-Visitors-0-IdNumber".</summary>
    public static string IdOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
        return "f-" + string.Join('-', name.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A refusal's place in the page's words: "Người thứ 2 — Số CMND/CCCD", "Ngày tiếp".</summary>
    public static string? PlaceOf(Where where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Field is not { Length: > 0 } field) return null;
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return Label(field);
        var list = field[..dot];
        var open = list.IndexOf('[', StringComparison.Ordinal);
        var position = list[(open + 1)..^1];
        var row = list[..open] == "followUps" ? UiText.RegFollowUpNumber : UiText.RegCitizenNumber;
        return string.Format(Vi.Culture, row, position) + " — " + Label(field[(dot + 1)..]);
    }

    private static string Label(string field) => Labels.Resource("RegField_" + field) is var text && text != "RegField_" + field ? text : field;

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
