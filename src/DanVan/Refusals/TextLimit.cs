namespace DanVan.Refusals;

/// <summary>The one length limit of free text a person writes (notes, comments, reasons) on every path: page, API, file import.</summary>
public static class TextLimit
{
    /// <summary>Longest explanation, comment or reason, in characters.</summary>
    public const int MaxLength = 4000;

    /// <summary><c>request.tooLong</c> when <paramref name="text"/> (trimmed) is longer than <paramref name="max"/>; null otherwise.</summary>
    /// <param name="field">The field's name as the catalogues word it (<c>field.NAME</c>), e.g. <c>note</c>.</param>
    public static Refusal? Check(string? text, Where where, string field, int max = MaxLength) =>
        text is not null && text.Trim().Length > max ? Refusal.Of("request.tooLong", where, ("field", field), ("max", max)) : null;
}
