using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Criteria;

/// <summary>Writes an enum as its camelCase name and reads only those names.</summary>
/// <remarks>
/// The stock <see cref="JsonStringEnumConverter{TEnum}"/> writes PascalCase and reads any casing, numbers
/// ("3", 7) and comma lists ("levels, checklist" became ratio); the file format and its JSON Schema admit
/// exactly the camelCase names, so this converter does the same.
/// </remarks>
public sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && CamelCaseEnum.TryParse<TEnum>(text, out var value)) return value;
        var expected = CamelCaseEnum.Names<TEnum>().ToList();
        throw text is null
            ? new JsonRefusalException("criteria.json.enumNotString", ("kind", CamelCaseEnum.Describe<TEnum>()), ("expected", expected))
            : new JsonRefusalException("criteria.json.unknownEnum", ("kind", CamelCaseEnum.Describe<TEnum>()), ("value", text), ("expected", expected));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(CamelCaseEnum.Name(value));
}

/// <summary>The camelCase names of the format's enums.</summary>
public static class CamelCaseEnum
{
    /// <summary>The names accepted for <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum => Cache<TEnum>.Names;

    /// <summary>The name of one value, e.g. "criterionBelowShare".</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.ByValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(TEnum).Name} has no value {value}");

    /// <summary>Finds the value of an exact camelCase name.</summary>
    public static bool TryParse<TEnum>(string name, out TEnum value) where TEnum : struct, Enum =>
        Cache<TEnum>.ByName.TryGetValue(name, out value);

    /// <summary>The type's name in words: "ScoringMethodType" → "scoring method type".</summary>
    public static string Describe<TEnum>() where TEnum : struct, Enum
    {
        var words = new StringBuilder();
        foreach (var ch in typeof(TEnum).Name)
        {
            if (char.IsUpper(ch) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(ch));
        }
        return words.ToString();
    }

    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

        public static readonly Dictionary<TEnum, string> ByValue = ByName.ToDictionary(p => p.Value, p => p.Key);

        public static readonly IReadOnlyList<string> Names = [.. ByName.Keys];
    }
}
